import type { z } from "zod";
import { ConfigSchema, type Config } from "./schema.js";
import { suggestKey } from "./suggest-key.js";

/** Every key the schema knows, with its default: where a misspelt key looks for what it meant. */
const DEFAULTS: unknown = ConfigSchema.parse({});

export type ValidateConfigResult = { ok: true; config: Config } | { ok: false; problems: string[] };

/**
 * Checks a parsed `.github/wrapup-tracker.yml` (or `null` for an absent/empty file) and fills in the
 * defaults. Never throws: every problem becomes one sentence naming the key, what was expected and
 * what was found, e.g. `staleAfterDays: expected a positive integer, got "soon"`.
 */
export function validateConfig(raw: unknown): ValidateConfigResult {
  if (raw === null || raw === undefined) raw = {};
  if (typeof raw !== "object" || Array.isArray(raw)) {
    return { ok: false, problems: [`the file must hold keys and values (a mapping), got ${show(raw)}`] };
  }
  try {
    const parsed = ConfigSchema.safeParse(dropNulls(raw));
    if (parsed.success) return { ok: true, config: parsed.data };
    return { ok: false, problems: parsed.error.issues.flatMap((issue) => describeIssue(issue, raw)) };
  } catch (error) {
    // A getter that throws or a cyclic value: report it rather than crash a handler.
    return { ok: false, problems: [`the configuration could not be read: ${error instanceof Error ? error.message : String(error)}`] };
  }
}

function describeIssue(issue: z.core.$ZodIssue, raw: unknown): string[] {
  const at = formatPath(issue.path);
  if (issue.code === "unrecognized_keys") {
    const known = Object.keys((valueAt(DEFAULTS, issue.path) as object | undefined) ?? {});
    return issue.keys.map((key) => {
      const meant = suggestKey(key, known);
      return `${at ? `${at}.` : ""}${key}: unknown key${meant ? ` (did you mean "${meant}"?)` : ""}`;
    });
  }
  return [`${at || "(root)"}: ${issue.message}, got ${show(valueAt(raw, issue.path))}`];
}

/** `followUp.labels[0]` */
function formatPath(path: readonly PropertyKey[]): string {
  return path.map((key, i) => (typeof key === "number" ? `[${key}]` : `${i ? "." : ""}${String(key)}`)).join("");
}

/** `followUp:` with nothing under it is YAML's null: read it as "use the defaults". */
function dropNulls(value: unknown, depth = 0): unknown {
  // The schema is three levels deep; deeper (or cyclic, via YAML aliases) values are left as they are.
  if (depth > 4 || value === null || typeof value !== "object" || Array.isArray(value)) return value;
  return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== null).map(([k, v]) => [k, dropNulls(v, depth + 1)]));
}

function valueAt(raw: unknown, path: readonly PropertyKey[]): unknown {
  let value = raw;
  for (const key of path) {
    if (value === null || typeof value !== "object") return undefined;
    value = (value as Record<PropertyKey, unknown>)[key];
  }
  return value;
}

/** A found value as people read it: JSON, bounded, `nothing` for undefined. */
function show(value: unknown): string {
  if (value === undefined) return "nothing";
  let text: string;
  try {
    text = JSON.stringify(value) ?? String(value);
  } catch {
    text = String(value);
  }
  return text.length > 80 ? `${text.slice(0, 77)}...` : text;
}
