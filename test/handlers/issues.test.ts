import { describe, expect, it } from "vitest";
import { renderStartBox } from "../../src/render/dashboard-marker.js";
import { issueEditedEvent } from "../fixtures/events/webhook-events.js";
import { expectCreates, mockSweepReads } from "../sweep/mock-sweep.js";
import { createDeps, createProbot } from "./harness.js";
import { NOW, useNock } from "./nock-github.js";

const dashboardBody = (ticked: boolean) => `<!-- wrapup-tracker:dashboard -->\n\nintro\n\n${renderStartBox(ticked)}\n\nrest`;
const dashboard = (ticked: boolean) => ({ number: 90, state: "open", title: "Wrap-up dashboard", body: dashboardBody(ticked), labels: [], updated_at: NOW.toISOString() });

describe("issues.edited on the dashboard", () => {
  useNock();

  it("ticking the box sweeps at once: the follow-up opens without waiting for the schedule", async () => {
    // No config file: followUp.approval is `dashboard`, and the box in the listing is ticked.
    mockSweepReads({ config: null, issues: [dashboard(true)] });
    const created = expectCreates(1);
    const deps = createDeps();
    await createProbot(deps).receive(issueEditedEvent({ body: dashboardBody(true), from: dashboardBody(false) }));
    expect(created.map((i) => i.title)).toEqual([expect.stringContaining("Faster Widget Builds")]);
    expect(deps.lastSweep.get("acme/hackathon")).toBe(NOW.getTime());
  });

  // Each of these would fail on any request: none is mocked.
  it.each([
    ["an edit that leaves the box as it was", { body: `${dashboardBody(false)} more`, from: dashboardBody(false) }],
    ["a box changed by a bot", { body: dashboardBody(true), from: dashboardBody(false), editor: { login: "other[bot]", type: "Bot" as const } }],
    ["a marker in someone else's issue", { body: dashboardBody(true), from: dashboardBody(false), author: { login: "mallory", type: "User" as const } }],
    ["an issue that is no dashboard", { body: "- [x] Start following up", from: "- [ ] Start following up" }],
  ])("%s does nothing", async (_, event) => {
    const deps = createDeps();
    await createProbot(deps).receive(issueEditedEvent(event));
    expect(deps.lastSweep.size).toBe(0);
  });
});
