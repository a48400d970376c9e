import GithubSlugger from "github-slugger";

/**
 * Anchors the way GitHub makes them for one document: a new slugger per document,
 * fed every heading in order, so a repeated heading gets `-1`, `-2`… like on github.com.
 */
export function createSlugger(): (headingText: string) => string {
  const slugger = new GithubSlugger();
  return (headingText) => slugger.slug(headingText);
}
