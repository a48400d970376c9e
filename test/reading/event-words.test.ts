import { describe, expect, it } from "vitest";
import { findEventName, isAgileSprint } from "../../src/reading/event-words.js";

describe("findEventName", () => {
  it.each([
    ["Orbit Python Sprint 2026 Sprint Report", "Sprint 2026"],
    ["Hack Week Spring 2026: what we built", "Hack Week"],
    ["_posts/2026-05-20-hackweek-report.md", "hackweek"],
    ["Tern Hack Days 2026 — outcomes", "Hack Days"],
    ["Lumen Developer Summit 2026", "Developer Summit"],
    ["Kestrel Unconference 2026 — session notes", "Unconference"],
    ["unconf-2026/notes.md", "unconf"],
    ["BioHackathon Europe 2026 report", "BioHackathon"],
    ["CoFest 2026 results", "CoFest"],
    ["Codefest report", "Codefest"],
    ["DebCamp 2026 notes", "DebCamp"],
    ["All-hands 2026", "All-hands"],
    ["Hacktage 2026: Rückblick", "Hacktage"],
    ["Docs sprint recap", "Docs sprint"],
    ["Hackfest in Brno", "Hackfest"],
  ])("%s names %s", (text, name) => {
    expect(findEventName(text)).toBe(name);
  });

  it.each([
    "Sprint 14 review", "Sprint planning: code sprint goals", "Our scrum board for the docs sprint", "Summit of the mountain",
    "Open Source Summit talk", "Community sprints are great, see sprint 3", "Architecture", "Release notes 2026",
  ])("%s names no event", (text) => {
    expect(findEventName(text)).toBeNull();
  });

  it("matches configured words as plain text, case ignored, never as a pattern", () => {
    expect(findEventName("Garden Days 2026 recap", ["garden days"])).toBe("garden days");
    expect(findEventName("a (b+)+ c", ["(b+)+"])).toBe("(b+)+");
    expect(findEventName("Garden Days 2026 recap", [])).toBeNull();
  });

  it("tells an agile sprint from an event", () => {
    expect(isAgileSprint("Sprint 42 retro")).toBe(true);
    expect(isAgileSprint("Sprint 2026 report")).toBe(false);
  });
});
