/** The GitHub reads of one sweep of acme/hackathon, mocked with nock, and the issues it creates. */
import { beforeEach } from "vitest";
import { hasDashboardMarker } from "../../src/render/dashboard-marker.js";
import { github, mockConfig, NOW, REPO_PATH, SELF } from "../handlers/nock-github.js";
import { mockGithubGraphql, widgetPull, WRAPUP_PATH, WRAPUP_TEXT, type PullFate } from "../handlers/world.js";

export interface Issue {
  number: number;
  state: "open" | "closed";
  title: string;
  body: string;
  labels: { name: string }[];
  assignees?: { login: string }[];
  updated_at: string;
}

/**
 * Tests of the follow-up mechanics run as a repository configured to start at once; the
 * onboarding (a dashboard whose box a person ticks) has tests of its own.
 */
export const START_AT_ONCE = "followUp:\n  approval: none\n";

export const DASHBOARD_TITLE = "Wrap-up dashboard";

/** The dashboard as GitHub holds it: created, read and rewritten by the sweeps of one test. */
export const dashboards: Issue[] = [];
beforeEach(() => {
  dashboards.length = 0;
});

/** Every sweep ends by writing the dashboard when it changed: answered like GitHub, never required. */
function mockDashboardWrites(): void {
  github()
    .post(`${REPO_PATH}/issues`, (b: { title?: string }) => b.title === DASHBOARD_TITLE)
    .optionally()
    .reply(201, (_uri, raw) => {
      const body = raw as { title: string; body: string };
      const issue: Issue = { number: 90 + dashboards.length, state: "open", title: body.title, body: body.body, labels: [], updated_at: NOW.toISOString() };
      dashboards.push(issue);
      return issue;
    });
  github()
    .get(/\/repos\/acme\/hackathon\/issues\/9\d$/)
    .optionally()
    .reply(200, (uri) => dashboards.find((d) => uri.endsWith(`/${d.number}`)));
  github()
    .patch(/\/repos\/acme\/hackathon\/issues\/9\d$/, (b: { body?: string }) => hasDashboardMarker(b.body))
    .optionally()
    .reply(200, (uri, raw) => {
      const found = dashboards.find((d) => uri.endsWith(`/${d.number}`))!;
      found.body = (raw as { body: string }).body;
      return found;
    });
}

/** One sweep's reads: config, repository, our issues, the tree, file texts and link states. */
export function mockSweepReads(options: {
  /** A function is read when the sweep asks, so it sees issues created since the mock was set. */
  issues?: unknown[] | (() => unknown[]);
  fates?: Record<number, PullFate>;
  /** Default START_AT_ONCE; null: no file at all (every default, onboarding included). */
  config?: string | null;
  text?: string;
  extraWorld?: Record<string, unknown>;
  /** How the sweep lists issues: the app lists its own (`creator`); a person's token lists all. */
  issuesQuery?: Record<string, string | number>;
}): void {
  mockConfig(options.config === undefined ? START_AT_ONCE : options.config);
  github().get(REPO_PATH).reply(200, { default_branch: "main", html_url: "https://github.com/acme/hackathon" });
  github()
    .get(`${REPO_PATH}/issues`)
    .query(options.issuesQuery ?? { state: "all", per_page: 100, creator: SELF })
    .reply(200, () => [...(typeof options.issues === "function" ? options.issues() : (options.issues ?? [])), ...dashboards]);
  if (options.config && /soon/.test(options.config)) return;
  mockDashboardWrites();
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

/** GitHub's answer to "may this person be assigned here?" (`followUp.assignPeople`): 204 yes, 404 no. */
export function mockAssignable(repoPath: string, times: number, assignable = true): void {
  if (times > 0) github().get(new RegExp(`^${repoPath}/assignees/[^/]+$`)).times(times).reply(assignable ? 204 : 404);
}

/** Captures the issues a sweep opens, as GitHub would then list them (each topic's one author assignable). */
export function expectCreates(count: number): Issue[] {
  const created: Issue[] = [];
  mockAssignable(REPO_PATH, count);
  github()
    .post(`${REPO_PATH}/issues`, (b: { title?: string }) => b.title !== DASHBOARD_TITLE)
    .times(count)
    .reply(201, (_uri, raw) => {
      const body = raw as { title: string; body: string; labels: string[]; assignees?: string[] };
      const issue: Issue = {
        number: 50 + created.length,
        state: "open",
        title: body.title,
        body: body.body,
        labels: body.labels.map((name) => ({ name })),
        ...(body.assignees ? { assignees: body.assignees.map((login) => ({ login })) } : {}),
        updated_at: NOW.toISOString(),
      };
      created.push(issue);
      return issue;
    });
  return created;
}

/** The repositories of the app's installation, listed once per sweep that needs to know where it may write. */
export function mockInstallationRepos(fullNames: string[]): void {
  github()
    .get("/installation/repositories")
    .query(true)
    .reply(200, { total_count: fullNames.length, repositories: fullNames.map((full_name) => ({ full_name, name: full_name.split("/")[1], owner: { login: full_name.split("/")[0] } })) });
}
