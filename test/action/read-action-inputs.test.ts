import { describe, expect, it } from "vitest";
import { readActionInputs } from "../../src/action/read-action-inputs.js";
import { configFileName } from "../../src/config/load-repo-config.js";

describe("readActionInputs", () => {
  it.each([
    [{ INPUT_TOKEN: "t" }, { token: "t", dryRun: false, configFile: "" }],
    [{ INPUT_TOKEN: " t ", "INPUT_DRY-RUN": "true", INPUT_CONFIG: "hackathons.yml" }, { token: "t", dryRun: true, configFile: "hackathons.yml" }],
    [{ INPUT_TOKEN: "t", "INPUT_DRY-RUN": "FALSE", INPUT_CONFIG: ".github/wrapup-tracker.yaml" }, { token: "t", dryRun: false, configFile: "wrapup-tracker.yaml" }],
    // The workflow of old set GITHUB_TOKEN in the step's env instead of an input.
    [{ GITHUB_TOKEN: "g" }, { token: "g", dryRun: false, configFile: "" }],
    [{ INPUT_TOKEN: "", GITHUB_TOKEN: "g" }, { token: "g", dryRun: false, configFile: "" }],
  ])("%j → %j", (env, expected) => {
    expect(readActionInputs(env)).toEqual(expected);
  });

  it.each([
    [{}, "no token"],
    [{ INPUT_TOKEN: "t", "INPUT_DRY-RUN": "yes" }, "dry-run"],
    [{ INPUT_TOKEN: "t", INPUT_CONFIG: "../secrets.yml" }, "config"],
    [{ INPUT_TOKEN: "t", INPUT_CONFIG: "configs/wrapup.yml" }, "config"],
    [{ INPUT_TOKEN: "t", INPUT_CONFIG: ".hidden.yml" }, "config"],
    [{ INPUT_TOKEN: "t", INPUT_CONFIG: "wrapup.json" }, "config"],
    [{ INPUT_TOKEN: "t", INPUT_CONFIG: `${"a".repeat(200)}.yml` }, "config"],
  ])("%j is refused, naming %s", (env, named) => {
    const result = readActionInputs(env);
    expect("problem" in result && result.problem).toContain(named);
  });
});

describe("configFileName", () => {
  it.each([
    [{}, "wrapup-tracker.yml"],
    [{ WRAPUP_CONFIG_FILE: "hackathons.yml" }, "hackathons.yml"],
    [{ WRAPUP_CONFIG_FILE: " " }, "wrapup-tracker.yml"],
    // Never a path out of .github/: an invalid name falls back to the default.
    [{ WRAPUP_CONFIG_FILE: "../x.yml" }, "wrapup-tracker.yml"],
  ])("%j → %s", (env, expected) => {
    expect(configFileName(env)).toBe(expected);
  });
});
