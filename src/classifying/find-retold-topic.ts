import type { SameAs, WrapUp } from "../wrapup/types.js";

/**
 * The wrap-up topic a retelling's section points to, among the given wrap-ups: the anchor must be one
 * of its topics', and the linked page must be its file, compared by page name (`…/tree/main/2023-05_Leverkusen`
 * is `2023-05_Leverkusen/README.md`, `/community/hackathons/2024-05` is `…/hackathons/2024-05.md`). Pure.
 */
export function findRetoldTopic(sameAs: SameAs, wrapUps: WrapUp[]): { path: string; anchor: string } | null {
  const page = pageName(sameAs.url);
  if (!page) return null;
  const wrapUp = wrapUps.find(
    (w) => w.kind === "wrap-up" && pageName(w.path) === page && w.topics.some((t) => t.anchor === sameAs.anchor),
  );
  return wrapUp ? { path: wrapUp.path, anchor: sameAs.anchor } : null;
}

/** The last path segment that names a page: no host, extension or index-file name, lower case. */
function pageName(url: string): string | undefined {
  const path = /^https?:\/\//i.test(url) ? pathOf(url) : url;
  const segments = path.toLowerCase().replace(/\.(md|markdown|html?)$/, "").split("/").filter((s) => s && s !== "." && s !== "..");
  while (segments.length > 0 && /^(readme|index|_index)$/.test(segments.at(-1)!)) segments.pop();
  return segments.at(-1);
}

function pathOf(url: string): string {
  try {
    return decodeURIComponent(new URL(url).pathname);
  } catch {
    return url;
  }
}
