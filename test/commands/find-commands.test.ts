import { describe, expect, it } from "vitest";
import { findCommands, findRefreshCommand, findSnoozeCommand } from "../../src/commands/find-commands.js";
import { hasPermission, rankPermission } from "../../src/commands/rank-permission.js";

describe("findCommands", () => {
  it.each([
    ["/refresh", { name: "refresh", words: [] }],
    ["/refresh flux ipv6", { name: "refresh", words: ["flux", "ipv6"] }],
    ["Thanks!\n/refresh   gardener  ", { name: "refresh", words: ["gardener"] }],
    ["- /refresh", { name: "refresh", words: [] }],
    ["/snooze 7", { name: "snooze", days: 7 }],
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
