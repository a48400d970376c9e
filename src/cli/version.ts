import { readFileSync } from "node:fs";

/**
 * The package's version, from its package.json. Both places the CLI runs from sit two folders
 * below the package root (lib/cli/version.js, dist/<bundle>/index.js), so one relative path serves
 * both; it is read only when asked, so a bundle copied without package.json still starts.
 */
export function readPackageVersion(moduleUrl: string = import.meta.url): string {
  const pkg = JSON.parse(readFileSync(new URL("../../package.json", moduleUrl), "utf8")) as { version?: unknown };
  if (typeof pkg.version !== "string") throw new Error("package.json has no version");
  return pkg.version;
}
