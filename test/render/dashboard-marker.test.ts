import { describe, expect, it } from "vitest";
import { hasDashboardMarker, readStartBox, renderStartBox } from "../../src/render/dashboard-marker.js";

describe("the Start following up box", () => {
  it.each([
    [renderStartBox(false), false],
    [renderStartBox(true), true],
    [renderStartBox(false).replace("[ ]", "[X]"), true],
    ["intro\n\n- [x] <!-- wrapup-tracker:start-following-up -->Go ahead, bot\n", true],
    ["- [x] **Start following up**", true],
    ["- [ ] Start following up", false],
    ["no box here", null],
    ["```\n- [x] Something else\n```", null],
    ["", null],
  ])("%j → %s", (body, ticked) => {
    expect(readStartBox(body)).toBe(ticked);
  });

  it("reads the box from the body it is rendered into", () => {
    const body = `<!-- wrapup-tracker:dashboard -->\n\n${renderStartBox(true)}\n\nmore`;
    expect(hasDashboardMarker(body)).toBe(true);
    expect(readStartBox(body)).toBe(true);
    expect(hasDashboardMarker(null)).toBe(false);
  });
});
