import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { addInstallation, addIssue, addPull, addRepo, createWorld, makeComment, startStandIn, type StandIn } from "../../dev/github-stand-in/index.js";
import { appJwt, clientsFor } from "./helpers.js";

describe("stand-in REST", () => {
  let standIn: StandIn;
  beforeAll(async () => {
    const world = createWorld();
    addRepo(world, "acme/wrapups", { files: { "wrapups/2026.md": "# Hack week\n", ".github/wrapup-tracker.yml": "staleAfterDays: 10\n" }, collaborators: { ada: "write", bob: "triage" } });
    addInstallation(world, 7, "acme");
    const pull = addPull(world, "acme/wrapups", { number: 5, files: { "wrapups/2026.md": "# Hack week v2\n", "README.md": "hi" } });
    for (let i = 0; i < 75; i++) pull.comments.push(makeComment(world, "ada", `comment ${i}`));
    addIssue(world, "acme/wrapups", { number: 6, labels: ["wrapup-follow-up"] });
    addIssue(world, "acme/wrapups", { number: 7, state: "CLOSED" });
    standIn = await startStandIn({ world });
  });
  afterAll(() => standIn.close());

  it("authenticates the app with its JWT and hands out installation tokens", async () => {
    const jwt = appJwt(standIn.world.app.id);
    const headers = { authorization: `Bearer ${jwt}`, accept: "application/vnd.github+json" };
    const installation = await fetch(`${standIn.apiUrl}/repos/acme/wrapups/installation`, { headers });
    expect(await installation.json()).toMatchObject({ id: 7, account: { login: "acme" } });
    const tokenResponse = await fetch(`${standIn.apiUrl}/app/installations/7/access_tokens`, { method: "POST", headers });
    expect(tokenResponse.status).toBe(201);
    const { token } = (await tokenResponse.json()) as { token: string };
    const repos = await clientsFor(standIn, token).rest.apps.listReposAccessibleToInstallation();
    expect(repos.data.repositories.map((r) => r.full_name)).toEqual(["acme/wrapups"]);
    const refused = await fetch(`${standIn.apiUrl}/app/installations`, { headers: { authorization: "token ghs_x" } });
    expect(refused.status).toBe(401);
  });

  it("serves contents as base64 or raw at a ref, and 404 for an absent config", async () => {
    const { rest } = clientsFor(standIn);
    const file = await rest.repos.getContent({ owner: "acme", repo: "wrapups", path: "wrapups/2026.md", ref: "topic-5" });
    expect(Buffer.from((file.data as { content: string }).content, "base64").toString()).toBe("# Hack week v2\n");
    const raw = await rest.repos.getContent({ owner: "acme", repo: "wrapups", path: ".github/wrapup-tracker.yml", mediaType: { format: "raw" } });
    expect(raw.data).toBe("staleAfterDays: 10\n");
    await expect(rest.repos.getContent({ owner: "acme", repo: "other", path: ".github/wrapup-tracker.yml" })).rejects.toMatchObject({ status: 404 });
    const tree = await rest.git.getTree({ owner: "acme", repo: "wrapups", tree_sha: "main", recursive: "1" });
    expect(tree.data.tree.filter((e) => e.type === "blob").map((e) => e.path)).toEqual([".github/wrapup-tracker.yml", "wrapups/2026.md"]);
  });

  it("paginates with Link headers", async () => {
    const { rest } = clientsFor(standIn);
    const before = standIn.requests.length;
    const comments = await rest.paginate(rest.issues.listComments, { owner: "acme", repo: "wrapups", issue_number: 5, per_page: 30 });
    expect(comments).toHaveLength(75);
    expect(comments.at(-1)?.body).toBe("comment 74");
    expect(standIn.requests.length - before).toBe(3);
    const files = await rest.paginate(rest.pulls.listFiles, { owner: "acme", repo: "wrapups", pull_number: 5 });
    expect(files.map((f) => f.filename).sort()).toEqual(["README.md", "wrapups/2026.md"]);
  });

  it("filters issues by state and labels, and lists pulls among them as GitHub does", async () => {
    const { rest } = clientsFor(standIn);
    const open = await rest.issues.listForRepo({ owner: "acme", repo: "wrapups" });
    expect(open.data.map((i) => [i.number, !!i.pull_request])).toEqual([[6, false], [5, true]]);
    const labelled = await rest.issues.listForRepo({ owner: "acme", repo: "wrapups", state: "all", labels: "wrapup-follow-up" });
    expect(labelled.data.map((i) => i.number)).toEqual([6]);
  });

  it("writes change the world: issues, comments, reactions", async () => {
    const { rest } = clientsFor(standIn);
    const created = await rest.issues.create({ owner: "acme", repo: "wrapups", title: "Follow up", body: "x", labels: ["wrapup"] });
    expect(created.data.user?.login).toBe("wrapup-tracker[bot]");
    await rest.issues.update({ owner: "acme", repo: "wrapups", issue_number: created.data.number, state: "closed", state_reason: "completed" });
    const issue = standIn.world.repos["acme/wrapups"]?.issues[created.data.number];
    expect(issue).toMatchObject({ state: "CLOSED", stateReason: "COMPLETED", labels: ["wrapup"] });
    const comment = await rest.issues.createComment({ owner: "acme", repo: "wrapups", issue_number: 6, body: "hello" });
    await rest.issues.updateComment({ owner: "acme", repo: "wrapups", comment_id: comment.data.id, body: "hello again" });
    const eyes = await rest.reactions.createForIssueComment({ owner: "acme", repo: "wrapups", comment_id: comment.data.id, content: "eyes" });
    const again = await rest.reactions.createForIssueComment({ owner: "acme", repo: "wrapups", comment_id: comment.data.id, content: "eyes" });
    expect([eyes.status, again.status]).toEqual([201, 200]);
    expect(standIn.world.repos["acme/wrapups"]?.issues[6]?.comments).toEqual([expect.objectContaining({ body: "hello again", reactions: [expect.objectContaining({ content: "eyes" })] })]);
    expect(standIn.writes().map((w) => `${w.method} ${w.route}`)).toContain("POST /repos/acme/wrapups/issues");
  });

  it("answers collaborator permissions like GitHub's legacy field", async () => {
    const { rest } = clientsFor(standIn);
    const permission = async (username: string) => (await rest.repos.getCollaboratorPermissionLevel({ owner: "acme", repo: "wrapups", username })).data;
    expect(await permission("ada")).toMatchObject({ permission: "write", role_name: "write" });
    expect(await permission("bob")).toMatchObject({ permission: "read", role_name: "triage" });
    expect(await permission("eve")).toMatchObject({ permission: "read" });
  });
});
