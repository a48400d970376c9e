import { describe, expect, it } from "vitest";
import { collectTargets } from "../../src/github/link-targets.js";
import { planBatches } from "../../src/github/plan-batches.js";
import { buildBatchQuery } from "../../src/github/queries/build-batch-query.js";
import { FRAGMENTS } from "../../src/github/queries/fragments.js";
import { RATE_LIMIT_FIELDS } from "../../src/github/rate-limit.js";
import type { Link } from "../../src/wrapup/types.js";
import { expectValidGraphql, findGraphqlErrors } from "../helpers/validate-graphql.js";
import { branchLink, commitLink, discussionLink, issueLink, issueOrPullLink, pullLink } from "../fixtures/graphql/links.js";

const ambiguous = branchLink("feat/x/docs", "acme", "rocket", {
  branchCandidates: [
    { branch: "feat/x/docs", path: "" },
    { branch: "feat/x", path: "docs" },
    { branch: "feat", path: "x/docs" },
  ],
});
const compare = branchLink("feature", "acme", "rocket", { base: { owner: "acme", repo: "rocket", branch: "main" } });
const crossRepoCompare = branchLink("fix", "ada", "rocket", { base: { owner: "acme", repo: "rocket", branch: "main" } });
const odd = branchLink('quote"and\\backslash-ü', "acme", "rocket");

const samples: Record<string, Link[]> = {
  pull: [pullLink(1)],
  issue: [issueLink(2)],
  discussion: [discussionLink(3)],
  "issue-or-pull": [issueOrPullLink(4)],
  branch: [branchLink("feature")],
  "ambiguous branch": [ambiguous],
  compare: [compare, crossRepoCompare],
  "branch name needing escapes": [odd],
  commit: [commitLink("c".repeat(40)), commitLink("abc1234")],
};

describe("every GraphQL document the resolver sends validates against GitHub's schema", () => {
  it.each(Object.entries(samples))("a batch of %s", (_kind, links) => {
    const query = buildBatchQuery(collectTargets(links));
    expectValidGraphql(query);
    expect(query).toContain(RATE_LIMIT_FIELDS);
  });

  it("a mixed batch of every kind", () => {
    expectValidGraphql(buildBatchQuery(collectTargets(Object.values(samples).flat())));
  });

  it("full-size batches of 100 mixed links", () => {
    const makers = [pullLink, issueLink, discussionLink, issueOrPullLink, (n: number) => branchLink(`b-${n}`), (n: number) => commitLink(n.toString(16).padStart(40, "0"))];
    const links = Array.from({ length: 300 }, (_, i) => makers[i % makers.length](i + 1));
    const batches = planBatches(collectTargets(links));
    expect(batches).toHaveLength(3);
    for (const batch of batches) expectValidGraphql(buildBatchQuery(batch));
  });

  it("catches a misspelled field (the check can fail)", () => {
    const broken = buildBatchQuery(collectTargets([pullLink(1)])).replace("reviewDecision", "reviewDecisoin");
    expect(findGraphqlErrors(broken).join("\n")).toMatch(/reviewDecisoin/);
  });

  it("defines only fragments the document uses", () => {
    const query = buildBatchQuery(collectTargets([discussionLink(1)]));
    expect(query).toContain("fragment DiscussionFields");
    expect(query).not.toContain("fragment PullFields");
    expect(Object.keys(FRAGMENTS)).toContain("PullFields");
  });
});

describe("GraphQL documents other modules send", () => {
  it("the file-texts query (fetch-file-texts.ts)", async () => {
    const { buildFileTextsQuery, FILES_PER_QUERY } = await import("../../src/github/queries/file-texts-query.js");
    expectValidGraphql(buildFileTextsQuery(1));
    expectValidGraphql(buildFileTextsQuery(FILES_PER_QUERY));
  });
});
