import picomatch from "picomatch";
import type { Config } from "../config/schema.js";

/**
 * Files that may be wrap-ups: those matching `paths`, or, when `paths` is empty, every markdown
 * file (whether it has topics is decided after parsing it).
 */
export function selectCandidatePaths(paths: string[], config: Pick<Config, "paths">): string[] {
  const globs = config.paths.length > 0 ? config.paths : ["**/*.md", "**/*.markdown"];
  const isMatch = picomatch(globs, { dot: false, nocase: config.paths.length === 0 });
  return paths.filter((path) => isMatch(path));
}

/** True when `paths` is left to its default: then only files with at least one topic count. */
export function needsTopics(config: Pick<Config, "paths">): boolean {
  return config.paths.length === 0;
}
