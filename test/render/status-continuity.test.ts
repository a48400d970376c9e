import { describe, expect, it } from "vitest";
import { renderStatusComment } from "../../src/render/render-status-comment.js";
import { NOW } from "../progress/build-states.js";
import { expectWholeTables } from "./expect-safe.js";
import { sampleReport } from "./sample-report.js";

describe("carry-over in the status comment", () => {
  it("says continued from / in next to the topics of a thread, and nothing next to the others", () => {
    const report = sampleReport();
    const [first, second] = report.topics;
    const body = renderStatusComment([report], {
      now: NOW,
      repo: "gardener/documentation",
      ref: "3f2a9c1",
      continuity: (path, anchor) =>
        path !== report.path ? null : anchor === first!.topic.anchor ? { from: "12/2024", in: null } : anchor === second!.topic.anchor ? { from: "06/2025", in: "11/2025" } : null,
    });
    const row = (title: string) => body.split("\n").find((l) => l.startsWith("|") && l.includes(title))!;
    expect(row(first!.topic.title)).toContain("<br>_continued from 12/2024_");
    expect(row(second!.topic.title)).toContain("<br>_continued from 06/2025, continued in 11/2025_");
    expect(body.match(/continued/g)).toHaveLength(3);
    expect(expectWholeTables(body)).toBe(23);
  });
});
