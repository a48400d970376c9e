import { isBlogPostPath } from "./document-kinds.js";
import type { Topic, WrapUp } from "../wrapup/types.js";

/**
 * A blog post that repeats a wrap-up of the same repository (most of its topics are that wrap-up's
 * topics) is a retelling of it, not a second wrap-up: one piece of work is followed up once. Its
 * topics point (`sameAs`) to the wrap-up's. Pure; returns new models, the others unchanged.
 */
export function markRepeatedWrapUps(wrapUps: WrapUp[]): WrapUp[] {
  const originals = wrapUps.filter((w) => w.kind === "wrap-up" && !isBlogPostPath(w.path) && w.topics.length > 0);
  if (originals.length === 0) return wrapUps;
  return wrapUps.map((wrapUp) => {
    if (wrapUp.kind !== "wrap-up" || !isBlogPostPath(wrapUp.path) || wrapUp.topics.length === 0) return wrapUp;
    const original = originals.find((o) => repeats(wrapUp.topics, o.topics));
    if (!original) return wrapUp;
    const byTitle = new Map(original.topics.map((t) => [titleKey(t), t]));
    const topics = wrapUp.topics.map((topic) => {
      const same = byTitle.get(titleKey(topic));
      return same ? { ...topic, sameAs: [{ url: original.path, anchor: same.anchor }] } : topic;
    });
    const shared = topics.filter((t) => t.sameAs).length;
    return { ...wrapUp, topics, kind: "retelling" as const, why: `retelling: a blog post repeating the wrap-up ${original.path} (${shared} of its ${topics.length} topics)` };
  });
}

/** At least half of the post's topics are topics of the wrap-up. */
function repeats(post: Topic[], original: Topic[]): boolean {
  const titles = new Set(original.map(titleKey));
  return post.filter((t) => titles.has(titleKey(t))).length * 2 >= post.length;
}

function titleKey(topic: Topic): string {
  return topic.title.toLowerCase().replace(/[^\p{L}\p{N}]+/gu, " ").trim();
}
