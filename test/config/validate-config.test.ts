import { describe, expect, it } from "vitest";
import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { parse } from "yaml";
import { validateConfig } from "../../src/config/validate-config.js";
import { ConfigSchema } from "../../src/config/schema.js";
import { renderConfigJsonSchema } from "../../src/config/config-json-schema.js";

const root = (path: string) => fileURLToPath(new URL(`../../${path}`, import.meta.url));

describe("validateConfig", () => {
  it.each([
    [{ staleAfterDays: "soon" }, 'staleAfterDays: expected a positive integer, got "soon"'],
    [{ staleAfterDays: 0 }, "staleAfterDays: expected a positive integer, got 0"],
    [{ staleAfterDays: 2.5 }, "staleAfterDays: expected a positive integer, got 2.5"],
    [{ graceDays: -1 }, "graceDays: expected a whole number, 0 or more, got -1"],
    [{ paths: "*.md" }, 'paths: expected a list of text, got "*.md"'],
    [{ followUp: { labels: [""] } }, 'followUp.labels[0]: expected non-empty text, got ""'],
    [{ followUp: { repo: "not-a-repo" } }, 'followUp.repo: expected owner/name, got "not-a-repo"'],
    [{ followUp: { remindEveryDays: "weekly" } }, 'followUp.remindEveryDays: expected a positive integer, got "weekly"'],
    [{ commands: { refresh: { minPermission: "owner" } } }, 'commands.refresh.minPermission: expected one of read, triage, write, maintain, admin, got "owner"'],
    [{ sweep: { everyHours: 0 } }, "sweep.everyHours: expected a positive number of hours, got 0"],
    [{ exempt: "all" }, 'exempt: expected a mapping of keys, got "all"'],
    [{ dryRun: "yes" }, 'dryRun: expected true or false, got "yes"'],
    [{ stalAfterDays: 10 }, 'stalAfterDays: unknown key (did you mean "staleAfterDays"?)'],
    [{ followUp: { enable: false } }, 'followUp.enable: unknown key (did you mean "enabled"?)'],
    [{ StaleAfterDays: 10 }, 'StaleAfterDays: unknown key (did you mean "staleAfterDays"?)'],
    [{ commands: { refresh: { cooldown: 5 } } }, "commands.refresh.cooldown: unknown key"],
    [{ colour: "red" }, "colour: unknown key"],
    ["staleAfterDays: 3", 'the file must hold keys and values (a mapping), got "staleAfterDays: 3"'],
    [[1, 2], "the file must hold keys and values (a mapping), got [1,2]"],
  ])("%j → %s", (raw, problem) => {
    const result = validateConfig(raw);
    expect(result).toEqual({ ok: false, problems: [problem] });
  });

  // GitHub's limits and Date's, each at N and N+1.
  it.each([
    [{ graceDays: 100_000_000 }, "graceDays: expected at most 36500, got 100000000"],
    [{ staleAfterDays: 36_501 }, "staleAfterDays: expected at most 36500, got 36501"],
    [{ followUp: { remindEveryDays: 36_501 } }, "followUp.remindEveryDays: expected at most 36500, got 36501"],
    [{ followUp: { maxEventAgeDays: 1e9 } }, "followUp.maxEventAgeDays: expected at most 36500, got 1000000000"],
    [{ followUp: { labels: Array.from({ length: 101 }, (_, i) => `l${i}`) } }, "followUp.labels: expected at most 100 entries, got"],
    [{ followUp: { labels: ["x".repeat(51)] } }, "followUp.labels[0]: expected at most 50 characters, got"],
    [{ followUp: { repo: `${"o".repeat(40)}/r` } }, "followUp.repo: expected owner/name, got"],
    [{ dashboard: { title: "t".repeat(300_000) } }, "dashboard.title: expected at most 256 characters, got"],
    [{ exempt: { label: "x".repeat(51) } }, "exempt.label: expected at most 50 characters, got"],
    [{ sweep: { everyHours: 8_761 } }, "sweep.everyHours: expected at most 8760 hours (a year), got 8761"],
    [{ commands: { refresh: { cooldownSeconds: 86_401 } } }, "commands.refresh.cooldownSeconds: expected at most 86400, got 86401"],
  ])("refuses %# past GitHub's limits: %s", (raw, problem) => {
    const result = validateConfig(raw);
    expect(result.ok).toBe(false);
    expect(result.ok || result.problems).toHaveLength(1);
    expect(result.ok || result.problems[0]).toContain(problem);
  });

  it.each([
    [{ graceDays: 36_500, staleAfterDays: 36_500 }],
    [{ followUp: { labels: Array.from({ length: 100 }, (_, i) => `${"x".repeat(47)}${i}`.slice(-50)), repo: `${"o".repeat(39)}/${"r".repeat(100)}` } }],
    [{ dashboard: { title: "t".repeat(256) }, sweep: { everyHours: 8_760 } }],
  ])("accepts values at GitHub's limits (%#)", (raw) => {
    expect(validateConfig(raw).ok).toBe(true);
  });

  it("reports every problem at once", () => {
    const result = validateConfig({ staleAfterDays: "soon", graceDays: "x", bogus: 1 });
    expect(result.ok || result.problems).toHaveLength(3);
  });

  it.each([[null], [undefined], [{}], [{ followUp: null }]])("fills every default for %j", (raw) => {
    const result = validateConfig(raw);
    expect(result.ok && result.config).toEqual(ConfigSchema.parse({}));
  });

  it("keeps given values and fills the rest", () => {
    const result = validateConfig({ staleAfterDays: 10, followUp: { labels: ["x"] } });
    expect(result.ok && result.config).toMatchObject({ staleAfterDays: 10, graceDays: 14, followUp: { labels: ["x"], remindEveryDays: 14 } });
  });

  it("never throws, even for values that throw when read", () => {
    const hostile = { get staleAfterDays(): number { throw new Error("boom"); } };
    expect(validateConfig(hostile).ok).toBe(false);
    const cyclic: Record<string, unknown> = {};
    cyclic.self = cyclic;
    expect(validateConfig(cyclic)).toEqual({ ok: false, problems: ["self: unknown key"] });
  });
});

describe("config files", () => {
  it("config/default.yml holds exactly the schema's defaults", () => {
    const raw = parse(readFileSync(root("config/default.yml"), "utf8"));
    expect(raw).toEqual(ConfigSchema.parse({}));
    expect(validateConfig(raw).ok).toBe(true);
  });

  it("config/schema.json is up to date (run `npm run gen:schema`)", () => {
    expect(readFileSync(root("config/schema.json"), "utf8")).toBe(renderConfigJsonSchema());
  });

  it("config/schema.json describes every key", () => {
    const schema = JSON.parse(renderConfigJsonSchema());
    const undocumented: string[] = [];
    const walk = (node: { properties?: Record<string, { description?: string }> }, at: string) => {
      for (const [key, child] of Object.entries(node.properties ?? {})) {
        if (!child.description) undocumented.push(`${at}${key}`);
        walk(child as typeof node, `${at}${key}.`);
      }
    };
    walk(schema, "");
    expect(undocumented).toEqual([]);
  });
});
