import { describe, expect, it } from "vitest";
import {
  STATUS_MARKER, fingerprintLinks, formatTopicKey, hasStatusMarker,
  parseClosingMarker, parseFollowUpMarker, parseReminderMarker,
  renderClosingMarker, renderFollowUpMarker, renderReminderMarker,
} from "../../src/render/marker.js";

const key = { repo: "gardener/documentation", path: "wrapups/2026-11.md", anchor: "gardener-on-ipv6" };

describe("follow-up marker", () => {
  it("round-trips through a body with text around it", () => {
    const marker = { ...key, fingerprint: fingerprintLinks(["pull:a/b#1"]) };
    const body = `intro\n${renderFollowUpMarker(marker)}\nrest`;
    expect(parseFollowUpMarker(body)).toEqual(marker);
  });

  it("survives hostile text in every field: it stays one comment and parses back", () => {
    const marker = { repo: "o/r", path: 'a --> <script>"}\n.md', anchor: "x-->y", fingerprint: "--!>" };
    const rendered = renderFollowUpMarker(marker);
    expect(rendered.indexOf("-->")).toBe(rendered.length - 3);
    expect(rendered).not.toMatch(/\n/);
    expect(parseFollowUpMarker(`${rendered}\n-->`)).toEqual(marker);
  });

  it.each([
    ["no marker", "just text"],
    ["not JSON", "<!-- wrapup-tracker:follow-up {oops} -->"],
    ["wrong shape", '<!-- wrapup-tracker:follow-up {"repo":1} -->'],
    ["not a string", 42],
    ["null", null],
  ])("returns null for %s", (_name, body) => {
    expect(parseFollowUpMarker(body)).toBeNull();
  });

  it("skips a broken marker and finds the next valid one", () => {
    const good = renderFollowUpMarker({ ...key, fingerprint: "f" });
    expect(parseFollowUpMarker(`<!-- wrapup-tracker:follow-up {"repo":} -->\n${good}`)?.fingerprint).toBe("f");
  });

  it("is not confused with the reminder or closing markers", () => {
    const body = renderReminderMarker({ ...key, at: "2026-11-21T00:00:00.000Z" });
    expect(parseFollowUpMarker(body)).toBeNull();
    expect(parseClosingMarker(body)).toBeNull();
    expect(parseReminderMarker(body)).toEqual({ ...key, at: "2026-11-21T00:00:00.000Z" });
    expect(parseClosingMarker(renderClosingMarker({ ...key, at: "x" }))).toEqual({ ...key, at: "x" });
  });
});

describe("fingerprintLinks", () => {
  it("ignores order and repeats, changes with the set", () => {
    const a = fingerprintLinks(["pull:a/b#1", "branch:a/b@x"]);
    expect(fingerprintLinks(["branch:a/b@x", "pull:a/b#1", "pull:a/b#1"])).toBe(a);
    expect(fingerprintLinks(["pull:a/b#1"])).not.toBe(a);
    expect(a).toMatch(/^[0-9a-f]{16}$/);
  });
});

describe("status marker and keys", () => {
  it("finds the sticky comment", () => {
    expect(hasStatusMarker(`${STATUS_MARKER}\nbody`)).toBe(true);
    expect(hasStatusMarker("body")).toBe(false);
    expect(hasStatusMarker(undefined)).toBe(false);
  });
  it("compares repositories case-insensitively", () => {
    expect(formatTopicKey({ ...key, repo: "Gardener/Documentation" })).toBe(formatTopicKey(key));
  });
});
