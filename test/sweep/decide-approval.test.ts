import { describe, expect, it } from "vitest";
import { decideApproval } from "../../src/sweep/decide-approval.js";

const dashboard = { followUp: { approval: "dashboard" as const } } as Parameters<typeof decideApproval>[0];
const none = { followUp: { approval: "none" as const } } as Parameters<typeof decideApproval>[0];

describe("decideApproval", () => {
  it.each([
    ["approval none starts at once", none, null, false, { approved: true, why: "configured" }],
    ["no dashboard yet, never followed up: new", dashboard, null, false, { approved: false, why: "new" }],
    ["no dashboard yet, followed up before onboarding: keeps going", dashboard, null, true, { approved: true, why: "followed-up-before" }],
    ["ticked: following up", dashboard, { ticked: true }, false, { approved: true, why: "ticked" }],
    // The second sweep on an untouched repository must render what the first did: still "new", not "paused".
    ["unticked, never followed up: still new", dashboard, { ticked: false }, false, { approved: false, why: "new" }],
    ["unticked after following up: paused", dashboard, { ticked: false }, true, { approved: false, why: "unticked" }],
  ] as const)("%s", (_, config, box, before, expected) => {
    expect(decideApproval(config, box, before)).toEqual(expected);
  });
});
