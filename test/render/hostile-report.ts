import type { ResolvedStates } from "../../src/github/types.js";
import type { Link, Topic, WrapUp } from "../../src/wrapup/types.js";
import { linkKey } from "../../src/wrapup/link-key.js";
import { judgeWrapUp } from "../../src/progress/judge-wrapup.js";
import type { WrapUpReport } from "../../src/progress/types.js";
import { NOW, daysAgo, pull, branch } from "../progress/build-states.js";

/** User text written to break things: mentions, closing keywords, pipes, HTML, marker ends. */
export const HOSTILE =
  "@octocat @gardener/maintainers fixes #1 closes owner/repo#2 Resolves: https://github.com/o/r/issues/3 " +
  "| a | b <script>alert(1)</script> <img src=x onerror=alert(1)> <!-- hidden --> --> `code` [x](javascript:alert(1))";

export const HOSTILE_STEPS = `${HOSTILE}\n\n| col | col |\n|---|---|\n</details></summary>\n-->\n@alice please fix #4`;

function hostileTopic(index: number, title: string): Topic {
  const pr: Link = { url: `https://github.com/o/r/pull/${index + 1}`, kind: "pull", owner: "o", repo: "r", number: index + 1, field: "code", line: index * 3 + 2 };
  const br: Link = { url: "https://github.com/o/r/tree/feat/@evil|x", kind: "branch", owner: "o", repo: "r", branch: "feat/@evil|x<!--", field: "code", line: index * 3 + 3 };
  return { title, heading: `## ${title}`, line: index * 3 + 1, anchor: `topic-${index}-->`, fields: { nextSteps: HOSTILE_STEPS }, nextSteps: HOSTILE_STEPS, links: [pr, br] };
}

export function hostileReport(options: { topics?: number; title?: string } = {}): WrapUpReport {
  const count = options.topics ?? 3;
  const title = options.title ?? HOSTILE;
  const topics = Array.from({ length: count }, (_, i) => hostileTopic(i, title));
  const states: ResolvedStates = new Map();
  for (const topic of topics) {
    states.set(linkKey(topic.links[0]!)!, pull({ number: topic.links[0]!.number!, lastHumanActivityAt: daysAgo(90), title: HOSTILE }));
    states.set(linkKey(topic.links[1]!)!, branch({ owner: "o", repo: "r", branch: "feat/@evil|x<!--", lastCommit: { oid: "a", committedDate: daysAgo(100) } }));
  }
  const wrapUp: WrapUp = { path: "wrapups/--><script>@x|y.md", title, topics, warnings: [`line 1: ${HOSTILE}`], kind: "wrap-up", why: "wrap-up: hostile fixture" };
  return judgeWrapUp(wrapUp, states, { now: NOW, staleAfterDays: 30, graceDays: 14 });
}
