import { describe, expect, it } from "vitest";
import { classifyUrl } from "../../src/reading/classify-url.js";

const gh = "https://github.com";

describe("classifyUrl", () => {
  it.each([
    [`${gh}/acme/widgets/pull/12`, { kind: "pull", owner: "acme", repo: "widgets", number: 12 }],
    [`${gh}/acme/widgets/pull/12/files`, { kind: "pull", owner: "acme", repo: "widgets", number: 12 }],
    [`${gh}/acme/widgets/pull/12/commits/abc1234`, { kind: "pull", owner: "acme", repo: "widgets", number: 12 }],
    [`${gh}/acme/widgets/pull/9597#discussion_r1572358733`, { kind: "pull", owner: "acme", repo: "widgets", number: 9597 }],
    [`${gh}/Acme/Widgets/issues/7`, { kind: "issue", owner: "Acme", repo: "Widgets", number: 7 }],
    [`${gh}/acme/widgets/issues/10121#issuecomment-2515479242`, { kind: "issue", owner: "acme", repo: "widgets", number: 10121 }],
    [`${gh}/acme/widgets/discussions/3`, { kind: "discussion", owner: "acme", repo: "widgets", number: 3 }],
    [`${gh}/acme/widgets/commit/4000c188086fe383d314efeb40a663f49aa8b35b`, { kind: "commit", sha: "4000c188086fe383d314efeb40a663f49aa8b35b" }],
    [`${gh}/acme/widgets/commit/abcdef1`, { kind: "commit", owner: "acme", repo: "widgets", sha: "abcdef1" }],
    [`${gh}/acme/widgets/tree/wireguard`, { kind: "branch", owner: "acme", repo: "widgets", branch: "wireguard" }],
    [`${gh}/acme/widgets/tree/enh.osc-api`, { kind: "branch", branch: "enh.osc-api" }],
    [`${gh}/acme/widgets/commits/hackathon-self-upgrade/`, { kind: "branch", branch: "hackathon-self-upgrade" }],
    [`${gh}/acme/widgets/commits/enh/seed-vpa-max`, { kind: "branch", branch: "enh/seed-vpa-max" }],
    [`${gh}/acme/widgets/tree/main/docs/usage`, { kind: "file", owner: "acme", repo: "widgets" }],
    [`${gh}/acme/widgets/tree/master/hack/tools`, { kind: "file" }],
    [`${gh}/acme/widgets/blob/main/README.md#usage`, { kind: "file" }],
    [`${gh}/acme/widgets/blob/feature/x/README.md`, { kind: "file" }],
    [`${gh}/acme/widgets`, { kind: "repo", owner: "acme", repo: "widgets" }],
    [`${gh}/acme/widgets.git`, { kind: "repo", owner: "acme", repo: "widgets" }],
    [`${gh}/acme/widgets/pulls`, { kind: "repo" }],
    [`${gh}/acme/widgets/pull/new/feature/login`, { kind: "branch", owner: "acme", repo: "widgets", branch: "feature/login" }],
    [`${gh}/acme/widgets/issues/new`, { kind: "repo" }],
    [`${gh}/acme/widgets/discussions/categories/ideas`, { kind: "repo" }],
    [`${gh}/acme/widgets/releases/tag/v1.0.0`, { kind: "repo" }],
    [`${gh}/acme`, { kind: "user", owner: "acme" }],
    [`${gh}/acme?tab=packages&repo_name=vali`, { kind: "user", owner: "acme" }],
    [`${gh}/orgs/acme/people`, { kind: "user", owner: "acme" }],
    [`${gh}/apps/renovate`, { kind: "user", owner: "renovate" }],
    [`${gh}/features/actions`, { kind: "external" }],
    ["https://github.com/", { kind: "external" }],
    ["https://gitlab.com/acme/widgets/-/merge_requests/1", { kind: "external" }],
    ["https://docs.acme.example/pull/3", { kind: "external" }],
    ["not a url", { kind: "external" }],
    ["http://www.github.com/acme/widgets/pull/5", { kind: "pull", number: 5 }],
  ])("%s", (url, expected) => {
    expect(classifyUrl(url)).toMatchObject(expected);
  });

  it("keeps every split of an ambiguous tree path, longest branch first", () => {
    expect(classifyUrl(`${gh}/jdoe/widgets/tree/spike/a/b`)).toEqual({
      kind: "branch",
      owner: "jdoe",
      repo: "widgets",
      branch: "spike/a/b",
      branchCandidates: [
        { branch: "spike/a/b", path: "" },
        { branch: "spike/a", path: "b" },
        { branch: "spike", path: "a/b" },
      ],
    });
  });

  it.each([`${gh}/acme/widgets/issues/new`, `${gh}/acme/widgets/issues`, `${gh}/acme/widgets/discussions/categories/ideas`])(
    "takes list and form page %s as the repository, without a problem",
    (url) => {
      expect(classifyUrl(url)).toEqual({ kind: "repo", owner: "acme", repo: "widgets" });
    },
  );

  it("gives a single-segment tree link no candidates", () => {
    expect(classifyUrl(`${gh}/acme/widgets/tree/wireguard`).branchCandidates).toBeUndefined();
  });

  it.each([
    [
      `${gh}/acme/widgets/compare/master...metal:widgets:controlplane-objects`,
      { owner: "metal", repo: "widgets", branch: "controlplane-objects", base: { owner: "acme", repo: "widgets", branch: "master" } },
    ],
    [
      `${gh}/acme/widgets/compare/main...jdoe:feature/sign`,
      { owner: "jdoe", repo: "widgets", branch: "feature/sign", base: { owner: "acme", repo: "widgets", branch: "main" } },
    ],
    [
      `${gh}/acme/widgets/compare/v1.2...hotfix`,
      { owner: "acme", repo: "widgets", branch: "hotfix", base: { owner: "acme", repo: "widgets", branch: "v1.2" } },
    ],
    [`${gh}/acme/widgets/compare/feature-x`, { owner: "acme", repo: "widgets", branch: "feature-x" }],
  ])("reads the head branch of compare link %s", (url, expected) => {
    expect(classifyUrl(url)).toMatchObject({ kind: "branch", ...expected });
  });

  it.each([
    [`${gh}/acme/widgets/pull/abc`, /pull number "abc" is not a number/],
    [`${gh}/acme/widgets/issues/12x`, /issue number "12x"/],
    [`${gh}/acme/widgets/commit/not-a-sha`, /not a commit hash/],
  ])("does not take %s as a work item and says why", (url, problem) => {
    const result = classifyUrl(url);
    expect(result.kind).toBe("repo");
    expect(result.problem).toMatch(problem);
  });
});
