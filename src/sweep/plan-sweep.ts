import type { Config } from "../config/schema.js";
import type { TopicReport, WrapUpReport } from "../progress/types.js";
import { sameBody } from "../writes/comparable-body.js";
import type { TopicGate } from "./gate-topics.js";
import { readSnooze, writeSnooze } from "./snooze-note.js";
import type { ExistingFollowUp, RepoRef, SweepPlan, SweepTexts, TrackingIssue } from "./sweep-types.js";

const DAY_MS = 86_400_000;
/** The skip reason of topics whose links could not all be checked (budget used up, GitHub failing). */
export const UNCHECKED = "some of its links could not be checked; left for the next sweep";
/** Never more people than this in one body, whatever the topic links to. */
export const MAX_MENTIONS = 5;

export interface PlanSweepInput {
  reports: WrapUpReport[];
  config: Config;
  now: Date;
  followUpRepo: RepoRef;
  /** Our follow-up issues, open and closed, as found by their markers. */
  existing: ExistingFollowUp[];
  /** Open tracking issues by topic key (only topics that name one). */
  tracking: Map<string, TrackingIssue>;
  /** Logins of the people behind a topic's linked PRs and branches. */
  authorsOf: (topic: TopicReport) => string[];
  texts: SweepTexts;
  /** Per topic key: held back by the horizon, or continued by a later topic (gate-topics.ts). Absent: open. */
  gates?: Map<string, TopicGate>;
  /** Tracking issues we may not comment on, by topic key: the follow-up opens here and links them. */
  trackingElsewhere?: Map<string, TrackingIssue>;
}

interface Planner extends PlanSweepInput {
  plan: SweepPlan;
  created: number;
  /** Tracking issues reminded on in this plan: one reminder per issue per sweep. */
  reminded: Set<string>;
}

/**
 * Decides every write of a sweep, as data (pure: the clock comes in as `now`). Writes only to our
 * own follow-up issues and to tracking issues a topic names; never to the linked PRs.
 */
export function planSweep(input: PlanSweepInput): SweepPlan {
  const planner: Planner = { ...input, plan: { actions: [], deferred: 0, skipped: [] }, created: 0, reminded: new Set() };
  for (const report of input.reports) {
    for (const topic of report.topics) planTopic(planner, report, topic);
  }
  return planner.plan;
}

function planTopic(p: Planner, report: WrapUpReport, topic: TopicReport): void {
  const key = p.texts.topicKey(report, topic);
  const skip = (why: string) => void p.plan.skipped.push({ key, why });
  if (p.config.exempt.topics.includes(topic.topic.anchor)) return skip("topic is exempt");
  // Unknown is not evidence: a topic with links GitHub could not tell us about is neither done nor stalled yet.
  if (topic.judgement.links.some((l) => l.verdict === "unchecked")) return skip(UNCHECKED);
  const ours = newestFollowUp(p.existing, key);
  if (ours?.labels.includes(p.config.exempt.label)) return skip(`follow-up #${ours.number} is labelled exempt`);
  if (topic.judgement.verdict === "done") return planDone(p, report, topic, ours);
  const gate = p.gates?.get(key);
  if (gate?.kind === "continued") return planContinued(p, report, topic, ours, gate);
  if (topic.judgement.verdict !== "stalled" || !p.config.followUp.enabled) return;
  if (gate?.kind === "too-old") {
    return skip(`the event is ${gate.ageDays} days old (followUp.maxEventAgeDays ${p.config.followUp.maxEventAgeDays})`);
  }
  const tracking = p.tracking.get(key);
  if (tracking) return planTrackingReminder(p, report, topic, tracking, skip);
  if (ours?.state === "open") return planOpenFollowUp(p, report, topic, ours, skip);
  if (ours && ours.fingerprint === p.texts.fingerprint(topic)) {
    return skip(`follow-up #${ours.number} was closed and the topic's links have not changed`);
  }
  planNewFollowUp(p, report, topic, key);
}

function planDone(p: Planner, report: WrapUpReport, topic: TopicReport, ours: ExistingFollowUp | undefined): void {
  if (!ours || ours.state !== "open" || !p.config.followUp.closeWhenDone) return;
  const why = `topic "${topic.topic.title}" is done`;
  p.plan.actions.push({ kind: "comment", repo: ours.repo, number: ours.number, body: p.texts.closing(report, topic), why });
  p.plan.actions.push({ kind: "close-issue", repo: ours.repo, number: ours.number, why });
}

/** An earlier topic of a thread: its later topic owns the follow-up, so ours is closed pointing there. */
function planContinued(
  p: Planner,
  report: WrapUpReport,
  topic: TopicReport,
  ours: ExistingFollowUp | undefined,
  gate: Extract<TopicGate, { kind: "continued" }>,
): void {
  if (!ours || ours.state !== "open") return;
  const why = `topic "${topic.topic.title}" continues in ${gate.continuation.event}`;
  p.plan.actions.push({ kind: "comment", repo: ours.repo, number: ours.number, body: p.texts.continued(report, topic, gate.continuation), why });
  p.plan.actions.push({ kind: "close-issue", repo: ours.repo, number: ours.number, why });
}

function planTrackingReminder(
  p: Planner,
  report: WrapUpReport,
  topic: TopicReport,
  tracking: TrackingIssue,
  skip: (why: string) => void,
): void {
  if (!isDue(tracking.lastReminderAt, p.now, p.config.followUp.remindEveryDays)) {
    return skip(`reminded on tracking issue #${tracking.number} less than ${p.config.followUp.remindEveryDays} days ago`);
  }
  const issue = `${tracking.repo.owner}/${tracking.repo.repo}#${tracking.number}`.toLowerCase();
  if (p.reminded.has(issue)) return skip(`another topic reminds on tracking issue #${tracking.number} in this sweep`);
  p.reminded.add(issue);
  const body = p.texts.reminder(report, topic, mentionsFor(p, topic));
  const why = `topic "${topic.topic.title}" stalled: ${topic.judgement.reason}`;
  p.plan.actions.push({ kind: "comment", repo: tracking.repo, number: tracking.number, body, why });
}

function planOpenFollowUp(
  p: Planner,
  report: WrapUpReport,
  topic: TopicReport,
  ours: ExistingFollowUp,
  skip: (why: string) => void,
): void {
  const snoozedUntil = readSnooze(ours.body) ?? ours.snoozedUntil;
  // Only a change of the topic's work links rewrites the body. Its reasons age daily ("no activity
  // for 74 days"), and rewriting for that would bump `updatedAt` and so postpone every reminder;
  // reminders carry the current state, and `/refresh` rewrites the body on demand.
  if (ours.fingerprint !== p.texts.fingerprint(topic)) {
    const fresh = writeSnooze(p.texts.followUp(report, topic, mentionsFor(p, topic), p.trackingElsewhere?.get(ours.key)).body, snoozedUntil);
    if (!sameBody(fresh, ours.body)) {
      p.plan.actions.push({ kind: "update-issue", repo: ours.repo, number: ours.number, body: fresh, why: "the topic's work links changed" });
    }
  }
  if (snoozedUntil && Date.parse(snoozedUntil) > p.now.getTime()) {
    return skip(`follow-up #${ours.number} snoozed until ${snoozedUntil}`);
  }
  // An update of the body is not a reminder, but it does bump `updatedAt`: compare with the old value.
  if (!isDue(ours.updatedAt, p.now, p.config.followUp.remindEveryDays)) {
    return skip(`follow-up #${ours.number} updated less than ${p.config.followUp.remindEveryDays} days ago`);
  }
  const body = p.texts.reminder(report, topic, mentionsFor(p, topic));
  p.plan.actions.push({ kind: "comment", repo: ours.repo, number: ours.number, body, why: `still stalled: ${topic.judgement.reason}` });
}

function planNewFollowUp(p: Planner, report: WrapUpReport, topic: TopicReport, key: string): void {
  if (p.created >= p.config.followUp.maxNewPerSweep) {
    p.plan.deferred += 1;
    return;
  }
  p.created += 1;
  const { title, body } = p.texts.followUp(report, topic, mentionsFor(p, topic), p.trackingElsewhere?.get(key));
  const why = `topic "${topic.topic.title}" stalled: ${topic.judgement.reason}`;
  const assignees = p.config.followUp.assignPeople ? [...new Set(p.authorsOf(topic))].slice(0, MAX_ASSIGNEES) : [];
  p.plan.actions.push({ kind: "create-issue", repo: p.followUpRepo, title, body, labels: p.config.followUp.labels, ...(assignees.length > 0 ? { assignees } : {}), key, why });
}

/** The newest of our follow-ups for a key (a topic whose links changed after a close gets a new one). */
function newestFollowUp(existing: ExistingFollowUp[], key: string): ExistingFollowUp | undefined {
  return existing.filter((f) => f.key === key).sort((a, b) => b.number - a.number)[0];
}

/** GitHub accepts at most 10 assignees per issue. */
const MAX_ASSIGNEES = 10;

function mentionsFor(p: Planner, topic: TopicReport): string[] {
  if (!p.config.followUp.assignAuthors) return [];
  return [...new Set(p.authorsOf(topic))].slice(0, MAX_MENTIONS);
}

function isDue(last: string | null, now: Date, everyDays: number): boolean {
  return last === null || now.getTime() - Date.parse(last) >= everyDays * DAY_MS;
}
