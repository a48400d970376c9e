/** Writes config/schema.json from the zod schema: `npm run gen:schema`. */
import { writeFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { renderConfigJsonSchema } from "../src/config/config-json-schema.js";

const target = fileURLToPath(new URL("../config/schema.json", import.meta.url));
writeFileSync(target, renderConfigJsonSchema());
console.log(`wrote ${target}`);
