import { describe, expect, it } from "vitest";
import { findCommands, findRefreshCommand, findSnoozeCommand, MAX_COMMAND_BODY } from "../../src/commands/find-commands.js";
import { hasPermission, rankPermission } from "../../src/commands/rank-permission.js";

describe("findCommands", () => {
  it.each([
    ["/refresh", { name: "refresh", words: [] }],
    ["/refresh flux ipv6", { name: "refresh", words: ["flux", "ipv6"] }],
    ["Thanks!\n/refresh   gardener  ", { name: "refresh", words: ["gardener"] }],
    ["- /refresh", { name: "refresh", words: [] }],
    ["/snooze 7", { name: "snooze", days: 7 }],
    ["1. /refresh", { name: "refresh", words: [] }],
    ["```\n/refresh\n```\n/refresh after", { name: "refresh", words: ["after"] }],
    ["<!--\n/refresh\n-->\n/refresh", { name: "refresh", words: [] }],
    ["> quoted\n\n/refresh", { name: "refresh", words: [] }],
    ["text\r\n/refresh\r\n", { name: "refresh", words: [] }],
  ])("finds %j", (body, expected) => {
    expect(findCommands(body)).toEqual([expected]);
  });

  it.each([
    ["inside a fenced code block", "```\n/refresh\n```"],
    ["inside an indented code block", "text\n\n    /refresh"],
    ["in inline code", "`/refresh`"],
    ["in a block quote", "> /refresh\n\nI agree"],
    ["in the middle of a line", "please /refresh this"],
    ["as part of a longer word", "/refreshing is nice"],
    ["inside an HTML comment", "<!-- /refresh -->"],
    ["inside a multi-line HTML comment", "<!--\nnote\n/refresh\n-->"],
    ["as a block quote's lazy continuation", "> I said\n/refresh"],
    ["inside a tilde fence", "~~~~\n/refresh\n~~~\n"],
    ["in a body over 64 KB", `/refresh\n${"x".repeat(MAX_COMMAND_BODY)}`],
  ])("ignores /refresh %s", (_, body) => {
    expect(findRefreshCommand(body)).toBeNull();
  });

  it.each(["/snooze", "/snooze soon", "/snooze 0", "/snooze 1.5", "/snooze 366"])("flags %j as an unusable snooze", (body) => {
    expect(findSnoozeCommand(body)).toEqual({ name: "snooze-invalid", text: body });
  });

  it("accepts the boundaries of /snooze", () => {
    expect(findSnoozeCommand("/snooze 1")).toEqual({ name: "snooze", days: 1 });
    expect(findSnoozeCommand("/snooze 365")).toEqual({ name: "snooze", days: 365 });
  });
});

function cpuMs(since: NodeJS.CpuUsage): number {
  const used = process.cpuUsage(since);
  return (used.user + used.system) / 1000;
}

describe("findCommands on hostile bodies", () => {
  const size = MAX_COMMAND_BODY - 10;
  // Each at the size limit (the handler drops longer ones unread), each one line or many.
  it.each([
    ["*_", "*_".repeat(size / 2)],
    [">", ">".repeat(size)],
    ["> lines", "> x\n".repeat(size / 4)],
    ["backtick fences", "```\n".repeat(size / 4)],
    ["spaces", " ".repeat(size)],
    ["[", "[".repeat(size)],
    ["<!--", "<!--".repeat(size / 4)],
    ["list markers", "- ".repeat(size / 2)],
    ["/snooze words", `/snooze ${"9 ".repeat(size / 2)}`],
    ["U+2028", "\u2028".repeat(size)],
  ])("reads 64 KB of %s within 100 ms of CPU", (_, body) => {
    // CPU time, not wall time: the suite shares the machine, and only our own work is measured.
    const started = process.cpuUsage();
    findCommands(body);
    findCommands(`${body}\n/refresh`);
    expect(cpuMs(started)).toBeLessThan(100);
  });

  it("1 MB costs nothing: it is not read", () => {
    const started = process.cpuUsage();
    expect(findCommands(`/refresh\n${">".repeat(1 << 20)}`)).toEqual([]);
    expect(cpuMs(started)).toBeLessThan(100);
  });
});

describe("rankPermission", () => {
  it.each([
    [{ roleName: "admin", permission: "admin" }, "write", true],
    [{ roleName: "maintain", permission: "write" }, "maintain", true],
    [{ roleName: "write", permission: "write" }, "write", true],
    [{ roleName: "triage", permission: "read" }, "write", false],
    [{ roleName: "triage", permission: "read" }, "triage", true],
    [{ roleName: "read", permission: "read" }, "write", false],
    [{ roleName: "custom-reviewer", permission: "write" }, "write", true],
    [{ roleName: null, permission: "none" }, "read", false],
  ] as const)("%j reaches %s: %s", (granted, min, expected) => {
    expect(hasPermission(granted, min)).toBe(expected);
  });

  it("ranks unknown permissions below read", () => {
    expect(rankPermission(undefined, undefined)).toBe(-1);
  });
});
