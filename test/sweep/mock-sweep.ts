/** The GitHub reads of one sweep of acme/hackathon, mocked with nock, and the issues it creates. */
import { github, mockConfig, NOW, REPO_PATH, SELF } from "../handlers/nock-github.js";
import { mockGithubGraphql, widgetPull, WRAPUP_PATH, WRAPUP_TEXT, type PullFate } from "../handlers/world.js";

export interface Issue {
  number: number;
  state: "open" | "closed";
  title: string;
  body: string;
  labels: { name: string }[];
  updated_at: string;
}

/** One sweep's reads: config, repository, our issues, the tree, file texts and link states. */
export function mockSweepReads(options: {
  /** A function is read when the sweep asks, so it sees issues created since the mock was set. */
  issues?: unknown[] | (() => unknown[]);
  fates?: Record<number, PullFate>;
  config?: string | null;
  text?: string;
  extraWorld?: Record<string, unknown>;
  /** How the sweep lists issues: the app lists its own (`creator`); a person's token lists all. */
  issuesQuery?: Record<string, string | number>;
}): void {
  mockConfig(options.config ?? null);
  github().get(REPO_PATH).reply(200, { default_branch: "main", html_url: "https://github.com/acme/hackathon" });
  github()
    .get(`${REPO_PATH}/issues`)
    .query(options.issuesQuery ?? { state: "all", per_page: 100, creator: SELF })
    .reply(200, () => (typeof options.issues === "function" ? options.issues() : (options.issues ?? [])));
  if (options.config && /soon/.test(options.config)) return;
  github()
    .get(`${REPO_PATH}/git/trees/main`)
    .query({ recursive: "true" })
    .reply(200, {
      truncated: false,
      tree: [
        { path: WRAPUP_PATH, type: "blob" },
        { path: "README.md", type: "blob" },
        { path: "wrapups", type: "tree" },
      ],
    });
  const fates = { 101: "stale", 102: "merged", 103: "stale", ...options.fates } as Record<number, PullFate>;
  const world = {
    ...Object.fromEntries(Object.entries(fates).map(([n, fate]) => [`pull:acme/widgets#${n}`, widgetPull(Number(n), fate)])),
    ...options.extraWorld,
  };
  mockGithubGraphql({ [WRAPUP_PATH]: options.text ?? WRAPUP_TEXT, "README.md": "# Project\n\nNothing here.\n" }, world, 2);
}

/** Captures the issues a sweep opens, as GitHub would then list them. */
export function expectCreates(count: number): Issue[] {
  const created: Issue[] = [];
  github()
    .post(`${REPO_PATH}/issues`)
    .times(count)
    .reply(201, (_uri, raw) => {
      const body = raw as { title: string; body: string; labels: string[] };
      const issue: Issue = {
        number: 50 + created.length,
        state: "open",
        title: body.title,
        body: body.body,
        labels: body.labels.map((name) => ({ name })),
        updated_at: NOW.toISOString(),
      };
      created.push(issue);
      return issue;
    });
  return created;
}
