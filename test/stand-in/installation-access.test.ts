import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { addInstallation, addIssue, addRepo, createWorld, startStandIn, type StandIn } from "../../dev/github-stand-in/index.js";
import { appJwt, clientsFor } from "./helpers.js";

describe("stand-in: writes outside the installation", () => {
  let standIn: StandIn;
  let token: string;

  beforeAll(async () => {
    const world = createWorld();
    addRepo(world, "docs/site");
    addRepo(world, "docs/hackathon");
    addIssue(world, "docs/hackathon", { number: 5 });
    addIssue(world, "engine/core", { number: 8810 });
    addInstallation(world, 3, "docs", ["docs/site", "docs/hackathon"]);
    standIn = await startStandIn({ world });
    const jwt = appJwt(world.app.id);
    const response = await fetch(`${standIn.apiUrl}/app/installations/3/access_tokens`, { method: "POST", headers: { authorization: `Bearer ${jwt}` } });
    token = ((await response.json()) as { token: string }).token;
  });
  afterAll(() => standIn.close());

  it("refuses an installation token's comment on a public repository it is not installed on, as GitHub does", async () => {
    const { rest } = clientsFor(standIn, token);
    await expect(rest.issues.createComment({ owner: "engine", repo: "core", issue_number: 8810, body: "hi" })).rejects.toMatchObject({
      status: 403,
      message: expect.stringContaining("Resource not accessible by integration"),
    });
    expect(standIn.world.repos["engine/core"]!.issues[8810]!.comments).toEqual([]);
    // Reading it is fine.
    expect((await rest.issues.get({ owner: "engine", repo: "core", issue_number: 8810 })).status).toBe(200);
  });

  it("accepts its writes inside the installation, and a person's token anywhere", async () => {
    await clientsFor(standIn, token).rest.issues.createComment({ owner: "docs", repo: "hackathon", issue_number: 5, body: "hi" });
    await clientsFor(standIn, "ghp_person").rest.issues.createComment({ owner: "engine", repo: "core", issue_number: 8810, body: "hi" });
    expect(standIn.world.repos["docs/hackathon"]!.issues[5]!.comments).toHaveLength(1);
    expect(standIn.world.repos["engine/core"]!.issues[8810]!.comments).toHaveLength(1);
  });
});
