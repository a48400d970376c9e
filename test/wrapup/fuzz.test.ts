import { describe, expect, it } from "vitest";
import { parseWrapUp } from "../../src/wrapup/parse-wrapup.js";
import { runFuzz } from "../../dev/fuzz-text.js";
import { seededRandom } from "../../dev/seeded-random.js";
import { fixtureNames, readFixture } from "./fixture-text.js";
import { wrapUpSchema } from "./wrapup-schema.js";

const INJECTIONS = ["\0", "\uFFFD", "```", "~~~", "**", "**Next Steps:**", "## ", "### ", "> ", "> [!TIP]", "[", "](", "<a href=\"", "<hr />",
  "https://github.com/a/b/pull/", "/tree/", "#", "\r\n", "\t", "🚀", "üåê", "|", "---\n", "* ", "1. ", "<!--", "\\", "`", "\uD800"];

type Mutation = (lines: string[], random: () => number) => string[];

const pick = <T>(items: readonly T[], random: () => number): T => items[Math.floor(random() * items.length)] as T;

const mutations: Record<string, Mutation> = {
  cut: (lines, random) => {
    const from = Math.floor(random() * lines.length);
    return [...lines.slice(0, from), ...lines.slice(from + 1 + Math.floor(random() * 8))];
  },
  duplicate: (lines, random) => {
    const from = Math.floor(random() * lines.length);
    const chunk = lines.slice(from, from + 1 + Math.floor(random() * 10));
    return [...lines.slice(0, from), ...chunk, ...chunk, ...lines.slice(from)];
  },
  shuffle: (lines, random) => {
    const copy = [...lines];
    for (let i = copy.length - 1; i > 0; i--) {
      const j = Math.floor(random() * (i + 1));
      [copy[i], copy[j]] = [copy[j] as string, copy[i] as string];
    }
    return copy;
  },
  inject: (lines, random) => {
    const copy = [...lines];
    const index = Math.floor(random() * copy.length);
    const line = copy[index] ?? "";
    const at = Math.floor(random() * (line.length + 1));
    copy[index] = line.slice(0, at) + pick(INJECTIONS, random) + line.slice(at);
    return copy;
  },
  bytes: (lines, random) => {
    const copy = [...lines];
    const index = Math.floor(random() * copy.length);
    const noise = Array.from({ length: 1 + Math.floor(random() * 16) }, () => String.fromCharCode(Math.floor(random() * 0x2000)));
    copy[index] = (copy[index] ?? "") + noise.join("");
    return copy;
  },
  truncate: (lines, random) => {
    const text = lines.join("\n");
    return text.slice(0, Math.floor(random() * text.length)).split("\n");
  },
};

const ROUNDS = 2500;

describe("fuzzing the fixtures", () => {
  const sources = fixtureNames().map((name) => readFixture(name).split("\n"));
  const names = Object.keys(mutations);

  it(`returns a valid model for ${ROUNDS} seeded random mutations and never throws`, () => {
    const random = seededRandom(20261121);
    for (let round = 0; round < ROUNDS; round++) {
      let lines = pick(sources, random);
      const steps = 1 + Math.floor(random() * 4);
      const applied: string[] = [];
      for (let s = 0; s < steps; s++) {
        const name = pick(names, random);
        applied.push(name);
        lines = (mutations[name] as Mutation)(lines, random);
      }
      const text = lines.join("\n");
      const wrapUp = parseWrapUp(text, { path: `fuzz-${round}.md` });
      const checked = wrapUpSchema.safeParse(wrapUp);
      if (!checked.success) throw new Error(`round ${round} (${applied.join(", ")}): ${checked.error.message}`);
      const lineCount = text.split(/\r\n|\r|\n/).length;
      for (const topic of wrapUp.topics) {
        expect(topic.line).toBeLessThanOrEqual(lineCount);
        for (const link of topic.links) expect(link.line).toBeLessThanOrEqual(lineCount);
      }
      expect(wrapUp.topics.map((t) => t.line)).toEqual([...wrapUp.topics.map((t) => t.line)].sort((a, b) => a - b));
    }
  }, 180_000);
});

describe("fuzzing every text function (a slice of `npm run fuzz`)", () => {
  it("never throws and returns valid models on 300 seeded inputs of markdown pieces and character runs", () => {
    const result = runFuzz({ count: 300, seed: 15 }, (wrapUp) => wrapUpSchema.safeParse(wrapUp).error?.message ?? null);
    expect(result.inputs).toBe(300);
    expect(result.thrown).toEqual([]);
    expect(result.invalid).toEqual([]);
    expect(result.slowest.fn).not.toBe("");
  }, 120_000);
});
