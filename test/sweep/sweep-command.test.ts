import { generateKeyPairSync } from "node:crypto";
import { describe, expect, it } from "vitest";
import { runSweepCommand } from "../../src/cli/sweep-command.js";
import type { CliIo } from "../../src/cli/io.js";
import { createSweepTexts } from "../../src/sweep/sweep-texts.js";
import { github, NOW, REPO_PATH, SELF, useNock } from "../handlers/nock-github.js";
import { makeReport, makeTopic } from "./make-report.js";
import { WRAPUP_PATH } from "../handlers/world.js";
import { mockAssignable, mockSweepReads } from "./mock-sweep.js";

function fakeIo(env: Record<string, string | undefined>): CliIo & { stdout: string[]; stderr: string[] } {
  const stdout: string[] = [];
  const stderr: string[] = [];
  return { stdout, stderr, out: (t) => stdout.push(t), err: (t) => stderr.push(t), env, cwd: process.cwd() };
}

describe("wrapup-tracker sweep", () => {
  useNock();

  it("exits 2 with a clear message and no request without credentials", async () => {
    const io = fakeIo({});
    expect(await runSweepCommand(["--repo", "acme/hackathon"], io)).toBe(2);
    expect(io.stderr.join("\n")).toMatch(/no credentials: set APP_ID with PRIVATE_KEY or PRIVATE_KEY_PATH .* or GITHUB_TOKEN/);
  });

  it("exits 2 when APP_ID comes without a key", async () => {
    const io = fakeIo({ APP_ID: "1" });
    expect(await runSweepCommand(["--repo", "acme/hackathon"], io)).toBe(2);
    expect(io.stderr.join("\n")).toMatch(/neither PRIVATE_KEY nor PRIVATE_KEY_PATH/);
  });

  it.each([[[]], [["--repo", "acme"]], [["--repo", "acme/hackathon", "--now", "soon"]], [["--repo", "a/b", "--bogus"]], [["--repo", "a/b", "--max-wait", "soon"]]])(
    "exits 2 on bad usage %j",
    async (args) => {
      expect(await runSweepCommand(args, fakeIo({ GITHUB_TOKEN: "t" }))).toBe(2);
    },
  );

  it("--dry-run with GITHUB_TOKEN prints each planned write and makes none", async () => {
    mockApiRoot();
    github().get("/user").reply(200, { login: "octo-ops" });
    mockSweepReads({ issuesQuery: { state: "all", per_page: 100 } });
    const shown: (string | null)[] = [];
    const io = { ...fakeIo({ GITHUB_TOKEN: "t" }), progress: (text: string | null) => void shown.push(text) };
    const code = await runSweepCommand(["--repo", "acme/hackathon", "--dry-run", "--now", "2026-11-21T12:00:00Z"], io);
    expect(io.stderr).toEqual([]);
    expect(code).toBe(0);
    // On a terminal: a status line while it sweeps, erased before the result is printed.
    expect(shown[0]).toMatch(/^Sweeping acme\/hackathon… \d+ s$/);
    expect(shown.at(-1)).toBeNull();
    const lines = io.stdout.join("\n").split("\n");
    expect(lines[0]).toBe("Checked 1 wrap-up in acme/hackathon: 2 topics (1 stalled, 1 done).");
    // Every write, the dashboard's included, and no JSON unless asked for.
    expect(lines.slice(1)).toEqual([
      "Dry run: nothing was written. A real sweep would make 2 writes:",
      "  - open the dashboard issue",
      expect.stringMatching(/^ {2}- open issue in acme\/hackathon: "Follow up: Faster Widget Builds/),
    ]);
  });

  it("--json prints the summary and every write as JSON, and nothing else", async () => {
    mockApiRoot();
    github().get("/user").reply(200, { login: "octo-ops" });
    mockSweepReads({ issuesQuery: { state: "all", per_page: 100 } });
    const io = fakeIo({ GITHUB_TOKEN: "t" });
    expect(await runSweepCommand(["--repo", "acme/hackathon", "--dry-run", "--json", "--now", "2026-11-21T12:00:00Z"], io)).toBe(0);
    const summary = JSON.parse(io.stdout.join("\n"));
    expect(summary).toMatchObject({ repo: "acme/hackathon", files: 1, dashboard: "planned", planned: 1 });
    expect(summary.actions).toHaveLength(1);
  });

  it.each([
    [["--repo", "foo"], 'wrapup-tracker sweep: --repo: expected OWNER/NAME, got "foo" (see `wrapup-tracker sweep --help`)'],
    [[], "wrapup-tracker sweep: --repo OWNER/NAME is required (see `wrapup-tracker sweep --help`)"],
  ])("a usage error is one line and exit 2: %j", async (args, line) => {
    const io = fakeIo({ GITHUB_TOKEN: "t" });
    expect(await runSweepCommand(args, io)).toBe(2);
    expect(io.stderr).toEqual([line]);
    expect(io.stdout).toEqual([]);
  });

  it("with a person's token finds the follow-ups the app opened: no duplicate, copied markers ignored", async () => {
    const texts = createSweepTexts({ repo: "acme/hackathon", ref: "main", now: NOW });
    const report = makeReport(WRAPUP_PATH, [makeTopic("faster-widget-builds", "stalled", { prs: [101] })]);
    const { title, body } = texts.followUp(report, report.topics[0]!, []);
    const issue = (number: number, login: string, type: string, updatedAt: string) => ({
      number, state: "open", title, body, labels: [], updated_at: updatedAt, user: { login, type },
    });
    mockApiRoot();
    github().get("/user").reply(200, { login: "octo-ops" });
    // #9 is the app's, untouched for 20 days: due for a reminder. #12 copies its marker, by a person.
    mockSweepReads({ issuesQuery: { state: "all", per_page: 100 }, issues: [
      issue(12, "mallory", "User", NOW.toISOString()),
      issue(9, SELF, "Bot", "2026-11-01T12:00:00Z"),
    ] });
    const io = fakeIo({ GITHUB_TOKEN: "t" });
    const code = await runSweepCommand(["--repo", "acme/hackathon", "--dry-run", "--now", NOW.toISOString()], io);
    expect(code).toBe(0);
    const planned = io.stdout.join("\n").split("\n").filter((line) => line.startsWith("  - ") && !line.includes("dashboard"));
    expect(planned).toHaveLength(1);
    expect(planned[0]).toMatch(/^ {2}- comment on acme\/hackathon#9 \(still stalled/);
  });

  it("with app credentials finds the repository's installation and writes as the app", async () => {
    const { privateKey } = generateKeyPairSync("rsa", {
      modulusLength: 2048,
      privateKeyEncoding: { type: "pkcs1", format: "pem" },
      publicKeyEncoding: { type: "spki", format: "pem" },
    });
    mockApiRoot();
    github().get(`${REPO_PATH}/installation`).reply(200, { id: 77 });
    github().post("/app/installations/77/access_tokens").reply(201, { token: "ghs_cli", expires_at: "2099-01-01T00:00:00Z" });
    github().get("/app").reply(200, { slug: "wrapup-tracker" });
    mockSweepReads({});
    mockAssignable(REPO_PATH, 1);
    github().post(`${REPO_PATH}/issues`).reply(201, { number: 50 });
    const io = fakeIo({ APP_ID: "1", PRIVATE_KEY: privateKey });
    const code = await runSweepCommand(["--repo", "acme/hackathon", "--now", "2026-11-21T12:00:00Z"], io);
    expect(io.stderr).toEqual([]);
    expect(code).toBe(0);
    // A sentence per outcome on a real sweep, no JSON.
    expect(io.stdout.join("\n")).toMatch(/^Checked 1 wrap-up in acme\/hackathon: 2 topics \(1 stalled, 1 done\)\.\n(Opened|Updated) the dashboard #\d+\.\nOpened acme\/hackathon#50 "Follow up: Faster Widget Builds \(Hack Week 2026 Wrap Up\)"\.$/);
    expect(io.stdout.join("\n")).not.toContain("{");
  });

  it("--help documents --max-wait and exit code 3", async () => {
    const io = fakeIo({});
    expect(await runSweepCommand(["--help"], io)).toBe(0);
    expect(io.stdout.join("\n")).toMatch(/--max-wait S +wait at most S seconds/);
    expect(io.stdout.join("\n")).toMatch(/3 stopped by a rate\nlimit lasting past --max-wait/);
  });
});

/** The sweep asks the API's root once before anything else, to stop at once when GitHub cannot be reached. */
function mockApiRoot(): void {
  github().get("/").reply(200, { current_user_url: "https://api.github.com/user" });
}
