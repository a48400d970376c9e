import { describe, expect, it } from "vitest";
import { isPlaceholder, matchFieldName } from "../../src/reading/field-names.js";

describe("matchFieldName", () => {
  it.each([
    ["Problem Statement:", "problem"],
    ["problem statement", "problem"],
    ["Motivation/Benefits", "motivation"],
    ["Motivation & Benefits", "motivation"],
    ["🎯 Motivation and Benefits:", "motivation"],
    ["Achievements", "achievements"],
    ["Outcome", "outcome"],
    ["Next Steps:", "nextSteps"],
    ["Next steps", "nextSteps"],
    ["NEXT STEPS", "nextSteps"],
    ["➡️ Next Steps", "nextSteps"],
    ["Follow-up", "nextSteps"],
    ["Code/Pull Requests:", "code"],
    ["Code & Pull Requests", "code"],
    ["Pull Requests", "code"],
    ["PRs", "code"],
    ["Issue", "issue"],
    ["Issues:", "issue"],
    ["Tracking:", "tracking"],
  ])("%s → %s", (name, field) => {
    expect(matchFieldName(name)).toBe(field);
  });

  it.each(["Conclusion", "Preparation", "Events", "Votings", "Note", "", "🚀", "IPv6 Support"])("%s is no field", (name) => {
    expect(matchFieldName(name)).toBeNull();
  });
});

describe("isPlaceholder", () => {
  it.each(["", "  ", "N/A", "n/a", "NA", "none", "None.", "-", "—", "TBD", "*TBD*", "- N/A"])("%j means no next steps", (text) => {
    expect(isPlaceholder(text)).toBe(true);
  });

  it.each(["Review the PR.", "- Add key rotation.", "Nothing more than a review"])("%j is a real next step", (text) => {
    expect(isPlaceholder(text)).toBe(false);
  });
});
