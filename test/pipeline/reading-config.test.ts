import { describe, expect, it } from "vitest";
import { validateConfig } from "../../src/config/validate-config.js";
import { notAWrapUpFinding } from "../../src/pipeline/not-a-wrap-up-finding.js";
import { readingOptionsOf } from "../../src/pipeline/reading-options.js";
import { forgetReadWrapUps, readWrapUps } from "../../src/pipeline/read-wrapups.js";
import { parseWrapUp } from "../../src/wrapup/parse-wrapup.js";

const GARDEN_DAYS = `# Garden Days 2026: what we did

## Irrigation controller

Merged the valve driver: https://github.com/garden/ctl/pull/10. Follow-up in https://github.com/garden/ctl/issues/11.

## Soil sensors

Fixed calibration, merged https://github.com/garden/sensors/pull/4.

### Offene Enden

Die Kalibrierung für Lehmboden.
`;

const FLAT = `# Notes from last week

- Team A shipped https://github.com/garden/ctl/pull/20
- Team B opened https://github.com/garden/ctl/pull/21
- Team C fixed https://github.com/garden/ctl/pull/22
`;

function configOf(raw: unknown) {
  const checked = validateConfig(raw);
  if (!checked.ok) throw new Error(checked.problems.join("; "));
  return checked.config;
}

describe("wrapups.eventWords and wrapups.fields", () => {
  it("an event only the configuration names is read as a report", () => {
    expect(parseWrapUp(GARDEN_DAYS, { path: "events/2026.md" }).kind).toBe("not-a-wrap-up");
    const reading = readingOptionsOf(configOf({ wrapups: { eventWords: ["Garden Days"] } }));
    const wrapUp = parseWrapUp(GARDEN_DAYS, { path: "events/2026.md", reading });
    expect(wrapUp.kind).toBe("wrap-up");
    expect(wrapUp.why).toMatch(/event report of "Garden Days"/);
    expect(wrapUp.topics.map((t) => t.title)).toEqual(["Irrigation controller", "Soil sensors"]);
  });

  it("a configured field name is read as that field", () => {
    const words = { eventWords: ["Garden Days"] };
    const without = parseWrapUp(GARDEN_DAYS, { path: "e.md", reading: readingOptionsOf(configOf({ wrapups: words })) });
    expect(without.topics[1]?.nextSteps).toBeNull();
    const reading = readingOptionsOf(configOf({ wrapups: { ...words, fields: { nextSteps: ["Offene Enden"] } } }));
    expect(parseWrapUp(GARDEN_DAYS, { path: "e.md", reading }).topics[1]?.nextSteps).toBe("Die Kalibrierung für Lehmboden.");
  });

  it.each([
    [{ wrapups: { eventWords: ["x".repeat(61)] } }, /wrapups\.eventWords\[0\]: expected at most 60 characters/],
    [{ wrapups: { eventWords: Array.from({ length: 51 }, (_, i) => `w${i}`) } }, /wrapups\.eventWords: expected at most 50 entries/],
    [{ wrapups: { fields: { nextStep: ["a"] } } }, /wrapups\.fields\.nextStep: unknown key/],
  ])("bounds what a repository configures: %j", (raw, problem) => {
    const checked = validateConfig(raw);
    expect(checked.ok).toBe(false);
    expect(checked.ok ? "" : checked.problems.join("\n")).toMatch(problem);
  });
});

describe("files named in paths", () => {
  it("are read with the general reader even when the rules would not take them, and the finding says so", async () => {
    forgetReadWrapUps();
    const files = { "notes/last-week.md": FLAT };
    const fetchTexts = async (paths: string[]) => ({ files: paths.map((path) => ({ path, text: files[path as keyof typeof files] })), skipped: [], graphqlRequests: 1 });
    const chosen = await readWrapUps([{ path: "notes/last-week.md" }], fetchTexts, { everyFile: true });
    const [wrapUp] = chosen.wrapUps;
    expect(wrapUp?.kind).toBe("not-a-wrap-up");
    expect(wrapUp?.topics.map((t) => t.title)).toEqual(["Team A shipped https://github.com/garden/ctl/pull/20", "Team B opened https://github.com/garden/ctl/pull/21", "Team C fixed https://github.com/garden/ctl/pull/22"]);
    expect(notAWrapUpFinding(wrapUp!, "matched `paths`")?.message).toMatch(/matched `paths` but does not read like a wrap-up: .*read with the general reader \(3 topics\)/);
    forgetReadWrapUps();
    const byDefault = await readWrapUps([{ path: "notes/last-week.md" }], fetchTexts, { everyFile: false });
    expect(byDefault.wrapUps[0]?.topics).toEqual([]);
  });
});
