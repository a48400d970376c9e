import { z } from "zod";
import { ConfigSchema } from "./schema.js";

/**
 * The JSON Schema editors use for `.github/wrapup-tracker.yml`, generated from the zod schema so the
 * two cannot drift (a test compares it with the committed `config/schema.json`). Input mode: keys with
 * defaults are optional.
 */
export function renderConfigJsonSchema(): string {
  const schema = z.toJSONSchema(ConfigSchema, { io: "input" });
  const titled = { ...schema, title: "wrapup-tracker configuration (.github/wrapup-tracker.yml)" };
  return `${JSON.stringify(titled, null, 2)}\n`;
}
