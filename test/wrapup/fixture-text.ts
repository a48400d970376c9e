import { readdirSync, readFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

export const fixturesDir = join(dirname(fileURLToPath(import.meta.url)), "../fixtures/wrapups");

export function readFixture(name: string): string {
  return readFileSync(join(fixturesDir, name), "utf8");
}

export function fixtureNames(): string[] {
  return readdirSync(fixturesDir).sort();
}
