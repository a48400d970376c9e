import { describe, expect, it } from "vitest";
import { linkKey } from "../../src/wrapup/link-key.js";
import { parseWrapUp } from "../../src/wrapup/parse-wrapup.js";
import type { Topic, WrapUp } from "../../src/wrapup/types.js";
import { readFixture } from "./fixture-text.js";

function parseFixture(name: string): WrapUp {
  return parseWrapUp(readFixture(name), { path: name });
}

/** `line title` per topic, so a wrong line or a missing topic shows at a glance. */
function outline(wrapUp: WrapUp): string[] {
  return wrapUp.topics.map((t) => `${t.line} ${t.title}`);
}

function workKeys(topic: Topic | undefined): string[] {
  return (topic?.links ?? []).map((l) => linkKey(l)).filter((k): k is string => k !== null);
}

describe("## topics with bold lead-ins", () => {
  const wrapUp = parseFixture("bold-fields.md");

  it("finds every topic at its heading line", () => {
    expect(wrapUp.title).toBe("Hack Week 03/2026 Wrap Up");
    expect(wrapUp.date).toBe("2026-03-01");
    expect(outline(wrapUp)).toEqual(["7 Faster Widget Builds", "21 Drop The Legacy Importer", "38 Docs For Widgets"]);
    expect(wrapUp.topics[0]).toMatchObject({ heading: "🚀 Faster Widget Builds", anchor: "-faster-widget-builds" });
  });

  it("reads fields, including a colon outside the bold", () => {
    const [first] = wrapUp.topics;
    expect(first?.fields).toMatchObject({
      problem: "Widget builds take twenty minutes on every `main` push.",
      motivation: "⚡️ Shorter feedback loops.",
      achievements: "The cache layer works locally.",
    });
  });

  it("gives next steps, or null for N/A", () => {
    expect(wrapUp.topics.map((t) => t.nextSteps)).toEqual([
      "Roll the cache out to CI and measure again.",
      null,
      "Publish the new site and link it from acme/widgets#77.",
    ]);
  });

  it("classifies comma-separated and listed links by their URL", () => {
    expect(workKeys(wrapUp.topics[0])).toEqual(["pull:acme/widgets#101", "pull:acme/widgets#102", "branch:acme-forks/widgets@cache-layer"]);
    expect(workKeys(wrapUp.topics[1])).toEqual([
      "issue:acme/widgets#55",
      "pull:acme/widgets#120",
      "commit:acme/widgets@0a1b2c3d4e5f60718293a4b5c6d7e8f901234567",
    ]);
    expect(wrapUp.topics[0]?.links[2]).toMatchObject({ owner: "Acme-Forks", repo: "Widgets", field: "code", line: 17 });
  });

  it("places heading links and short references, and refuses garbage numbers with a warning", () => {
    const docs = wrapUp.topics[2];
    expect(docs?.links.map((l) => `${l.field}:${l.kind}`)).toEqual(["heading:repo", "nextSteps:issue-or-pull", "code:pull", "code:repo"]);
    expect(workKeys(docs)).toEqual(["issue-or-pull:acme/widgets#77", "pull:acme/docs#9"]);
    expect(wrapUp.warnings).toEqual([expect.stringMatching(/^line 47: .*pull\/abc.*"abc" is not a number/)]);
  });
});

describe("### topics under ## Topics (blog post with front matter)", () => {
  const wrapUp = parseFixture("h3-under-topics.md");

  it("takes the ### level and leaves the intro and conclusion out", () => {
    expect(outline(wrapUp)).toEqual(["14 Introduction Of widget-agent", "18 IPv6 Everywhere", "22 Fast Tracks"]);
    expect(wrapUp.title).toBe("Spring Hackathon 2026 – Recap");
    expect(wrapUp.date).toBe("2026-04-17");
  });

  it("treats tree/main paths as files and fast-track links as work", () => {
    expect(wrapUp.topics[1]?.links.map((l) => l.kind)).toEqual(["file"]);
    expect(workKeys(wrapUp.topics[2])).toEqual(["pull:acme/widgets#300", "issue:acme/scheduler#12"]);
    expect(wrapUp.topics.every((t) => t.nextSteps === null)).toBe(true);
  });
});

describe("2021 style: ### topics under ## Preparation, with ### Fast Tracks", () => {
  const wrapUp = parseFixture("fast-tracks-2021.md");

  it("keeps a topic without links when its siblings are topics", () => {
    expect(outline(wrapUp)).toEqual(["9 Widgets Without Workers", "13 Version Per Widget Pool", "20 Fast Tracks"]);
    expect(workKeys(wrapUp.topics[1])).toEqual(["pull:acme/widgets#4969", "pull:acme/widgets#4971"]);
    expect(workKeys(wrapUp.topics[2])).toEqual(["pull:acme/widgets-metal#221", "issue:acme/widgets#5024"]);
  });
});

describe("plain text scraped from a web page", () => {
  const wrapUp = parseFixture("scraped-plain.txt");

  it("starts a topic at each Problem Statement line, titled by the short line before it", () => {
    expect(outline(wrapUp)).toEqual(["1 Today, WidgetDeployment", "9 Expose The API Over VPN", "15 Rewrite acme/tunnel From Bash To Go"]);
    expect(wrapUp.topics[0]?.fields.problem).toBe("Today, WidgetDeployment\ns carry the whole chart inline, which bloats storage.");
    expect(wrapUp.topics[1]?.fields.code).toBe("https://docs.acme.example/guides/vpn/");
  });

  it("reads next steps and short references, but not references in code", () => {
    expect(wrapUp.topics.map((t) => t.nextSteps === null)).toEqual([false, true, false]);
    expect(workKeys(wrapUp.topics[0])).toEqual([
      "issue-or-pull:acme/widgets#9773",
      "branch:forky/widgets@widget-deployment",
      "issue-or-pull:acme/widgets#9771",
    ]);
    expect(workKeys(wrapUp.topics[2])).toEqual([
      "issue-or-pull:acme/tunnel#84",
      "issue-or-pull:acme/widgets#9774",
      "branch:acme/tunnel@go-rewrite",
    ]);
    expect(wrapUp.topics[0]?.links[0]).toMatchObject({ field: "issue", line: 7 });
  });

  it("keys each topic by the slug of its title, unique in the document (there is no heading)", () => {
    expect(wrapUp.topics.map((t) => t.anchor)).toEqual(["today-widgetdeployment", "expose-the-api-over-vpn", "rewrite-acmetunnel-from-bash-to-go"]);
    const twice = "Same Title\nProblem Statement: one.\n\nSame Title\nProblem Statement: two.\n";
    expect(parseWrapUp(twice, { path: "x.txt" }).topics.map((t) => t.anchor)).toEqual(["same-title", "same-title-1"]);
  });
});

describe("### field sub-headings, tracking blockquotes and alerts", () => {
  const wrapUp = parseFixture("subheading-fields.md");
  const [signed, flaky] = wrapUp.topics;

  it("finds the topics, not the field sub-headings", () => {
    expect(outline(wrapUp)).toEqual(["6 Signed Widget Manifests", "42 Flaky Test Hunt"]);
    expect(signed?.fields.tracking).toBe("[hackathon#52](https://github.com/acme/hackathon/issues/52)");
    expect(signed?.fields.motivation).toBe("🔒 Integrity for every widget.");
    expect(signed?.nextSteps).toBe("- Add key rotation.\n\nKey rotation needs a GEP first.");
    expect(flaky?.nextSteps).toBeNull();
  });

  it("classifies compare, tree, commits, commit, discussion, reference-style and HTML links", () => {
    expect(workKeys(signed)).toEqual([
      "issue:acme/hackathon#52",
      "branch:jdoe/widgets@feature/signing",
      "branch:acme/widgets@hotfix-sign",
      "pull:acme/widgets#411",
      "branch:acme/widgets@release/v2",
      "branch:jdoe/widgets@spike/a/b",
      "discussion:acme/widgets#7",
    ]);
    expect(signed?.links.find((l) => l.branch === "feature/signing")).toMatchObject({
      base: { owner: "jdoe", repo: "widgets", branch: "main" },
      field: "outcome",
      line: 20,
    });
    expect(signed?.links.find((l) => l.branch === "spike/a/b")?.branchCandidates).toHaveLength(3);
    expect(signed?.links.find((l) => l.kind === "pull")).toMatchObject({ field: "code", line: 31 });
  });

  it("ignores links in code and counts a used link definition where it is used", () => {
    const all = wrapUp.topics.flatMap((t) => t.links.map((l) => l.url));
    expect(all.some((u) => u.includes("/pull/999") || u.includes("/pull/998"))).toBe(false);
    expect(workKeys(flaky)).toEqual(["issue:acme/hackathon#53", "commit:acme/widgets@abcdef1", "pull:acme/widgets#420"]);
    expect(flaky?.fields.code).toBe("https://github.com/acme/widgets/pull/420");
  });
});

describe("template sections left empty", () => {
  const wrapUp = parseFixture("empty-template.md");

  it("lists empty fields, warns with line numbers, and gives null next steps for -, none and empty", () => {
    expect(outline(wrapUp)).toEqual(["3 Replace The Queue", "18 Single-Node Mode", "32 Metrics Transport", "40 Network Insight"]);
    expect(wrapUp.topics.map((t) => t.emptyFields ?? [])).toEqual([["achievements", "nextSteps"], ["achievements", "code"], [], []]);
    expect(wrapUp.topics.map((t) => t.nextSteps)).toEqual([null, null, null, "- Evaluate the tool in production."]);
    expect(wrapUp.warnings).toContain('line 11: "Next Steps" of topic "Replace The Queue" is empty');
    expect(wrapUp.warnings).toContain('line 26: "Code/Pull Requests" of topic "Single-Node Mode" is empty');
  });
});

describe("mis-decoded emoji", () => {
  const wrapUp = parseFixture("mojibake.md");

  it("repairs titles, keeps the heading as written, and says so", () => {
    expect(outline(wrapUp)).toEqual(["5 IPv6 For Widgets", "15 Hardened Widget Access"]);
    expect(wrapUp.topics[0]?.heading).toContain("üåê");
    expect(wrapUp.warnings[0]).toMatch(/^line 5: the text looks mis-decoded/);
    expect(workKeys(wrapUp.topics[1])).toEqual(["branch:jdoe/widgets@improve-authz"]);
    expect(wrapUp.topics[1]?.nextSteps).toBeNull();
  });
});

describe("inline cases", () => {
  it("reads several lead-ins in one paragraph and an autolink in angle brackets", () => {
    const text = "# T\n\n## A\n**Problem Statement:** p\n**Next Steps:** n\n**PRs:** <https://github.com/o/r/pull/1>\n";
    const [topic] = parseWrapUp(text, { path: "x.md" }).topics;
    expect(topic?.fields).toEqual({ problem: "p", nextSteps: "n", code: "<https://github.com/o/r/pull/1>" });
    expect(topic?.links).toEqual([{ url: "https://github.com/o/r/pull/1", kind: "pull", owner: "o", repo: "r", number: 1, field: "code", line: 6 }]);
  });

  it("deduplicates a topic's links and drops a short ref that repeats a linked pull request", () => {
    const text = "## A\n**Next Steps:** see o/r#1 and https://github.com/o/r/pull/1\n\n**PRs:** https://github.com/o/r/pull/1\n";
    const [topic] = parseWrapUp(text, { path: "x.md" }).topics;
    expect(topic?.links.map((l) => `${l.kind}@${l.line}`)).toEqual(["pull@2"]);
  });

  it("numbers repeated anchors like GitHub", () => {
    const text = "## Widgets\n**Next Steps:** a\n\n## Widgets\n**Next Steps:** b\n";
    expect(parseWrapUp(text, { path: "x.md" }).topics.map((t) => t.anchor)).toEqual(["widgets", "widgets-1"]);
  });

  it("warns about an unclosed code fence", () => {
    const text = "## A\n**Next Steps:** a\n\n```yaml\nkey: value\n\n## B\n**Next Steps:** b\n";
    const wrapUp = parseWrapUp(text, { path: "x.md" });
    expect(wrapUp.topics.map((t) => t.title)).toEqual(["A"]);
    expect(wrapUp.warnings).toContain("line 4: a code block (```) opened here is never closed, so the rest of the document was read as code");
  });
});

describe("a closing section named like a field", () => {
  it("ends the last topic instead of becoming its next steps", () => {
    const text = "# Event\n\n## A\n**Next Steps:** N/A\n\n## B\n**Next Steps:** b\n\n## Next Steps\nMeet again in spring, see https://github.com/o/r/issues/9\n";
    const wrapUp = parseWrapUp(text, { path: "x.md" });
    expect(wrapUp.topics.map((t) => [t.title, t.nextSteps, t.links.length])).toEqual([["A", null, 0], ["B", "b", 0]]);
  });
});

describe("a single topic under a title with its own lead-in", () => {
  it("takes the ## heading as the topic, not the # title", () => {
    const text = "# Event 2026-02\n\n**Outcome:** a good week\n\n## Only Topic\n\n### Next Steps\n\nNone yet.\n\n### PRs\n\n- https://github.com/o/r/pull/3\n";
    const wrapUp = parseWrapUp(text, { path: "x.md" });
    expect(wrapUp.topics.map((t) => [t.line, t.title, t.nextSteps])).toEqual([[5, "Only Topic", null]]);
    expect(wrapUp.topics[0]?.links.map((l) => l.field)).toEqual(["code"]);
    expect(wrapUp.date).toBe("2026-02-01");
  });
});

describe("short references in prose", () => {
  it.each([
    ["see acme/widgets#12 for details", ["issue-or-pull:acme/widgets#12"]],
    ["(acme/widgets#12, acme/docs#3)", ["issue-or-pull:acme/widgets#12", "issue-or-pull:acme/docs#3"]],
    ["a ratio of 1/2#3", []],
    ["a path like src/acme/widgets#12", []],
    ["inline `acme/widgets#12` code", []],
    ["an anchor https://example.com/a/b#12", []],
  ])("%s", (prose, keys) => {
    const [topic] = parseWrapUp(`## T\n**Next Steps:** ${prose}\n`, { path: "x.md" }).topics;
    expect((topic?.links ?? []).filter((l) => l.kind !== "external").map((l) => linkKey(l))).toEqual(keys);
  });
});

describe("scraped text that kept its headings", () => {
  it("reads plain `Name:` fields and takes the heading above as the title", () => {
    const text = "# Event 05/2026\n\n## 🚀 Fast Builds\n\nProblem Statement: slow builds\nNext Steps: N/A\nCode/Pull Requests: https://github.com/o/r/pull/5\n\n## 🧹 Cleanup\n\nProblem Statement: old code\nNext Steps: delete it\n";
    const wrapUp = parseWrapUp(text, { path: "x.md" });
    expect(wrapUp.topics.map((t) => [t.line, t.title, t.nextSteps])).toEqual([
      [3, "Fast Builds", null],
      [9, "Cleanup", "delete it"],
    ]);
    expect(wrapUp.topics[0]?.links).toEqual([expect.objectContaining({ kind: "pull", number: 5, field: "code", line: 7 })]);
  });
});
