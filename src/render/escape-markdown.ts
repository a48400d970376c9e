/**
 * Makes user-controlled text (topic and PR titles, branch names, next steps) safe to put into a
 * comment or issue body: it cannot mention anyone, trigger a closing keyword, break a table row,
 * inject HTML, or end a hidden marker, and it has a bounded length.
 */

/** Invisible, and breaks GitHub's matching of `@name` and of closing keywords. */
const ZWJ = "\u200d";

/** Default bound for one inline piece of text (a title, a branch name, a reason). */
export const INLINE_MAX = 200;

/** `<`, `>` and `&` as entities: no tag, no comment, no `-->` can survive. */
function escapeHtml(text: string): string {
  return text.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;");
}

/** `@user`, `@org/team` → `@\u200duser`: reads the same, notifies nobody. */
function breakMentions(text: string): string {
  return text.replace(/@(?=[A-Za-z0-9_-])/g, `@${ZWJ}`);
}

/**
 * A closing keyword followed by what GitHub reads as an issue reference: `#1`, `o/r#1`, `GH-1`, a URL.
 * `\s*(?::\s*)?` rather than `\s*:?\s*`: two unbounded runs over the same spaces cost quadratic time.
 */
const KEYWORD = /\b(close[sd]?|fix(?:e[sd])?|resolve[sd]?)(?=\s*(?::\s*)?\[?(?:(?:[\w.-]+\/[\w.-]+)?#\d|GH-\d|https?:\/\/))/gi;

/** `fixes #1` → `fix\u200des #1`: GitHub no longer sees a closing keyword. */
function breakKeywords(text: string): string {
  return text.replace(KEYWORD, (word) => `${word.slice(0, 1)}${ZWJ}${word.slice(1)}`);
}

/** Cuts to `max` code points (never inside a surrogate pair) and marks the cut. */
export function truncateText(text: string, max: number): string {
  // At most one code point per code unit: a text this short needs no cut, and a long one is only read to `max`.
  if (text.length <= max) return text;
  const points: string[] = [];
  for (const point of text) {
    if (points.length === max) return `${points.slice(0, Math.max(0, max - 1)).join("")}…`;
    points.push(point);
  }
  return text;
}

function neutralise(text: string): string {
  return breakKeywords(breakMentions(escapeHtml(text)));
}

/**
 * One line of inline text for a table cell, a link text or a heading: newlines collapse to spaces,
 * markdown punctuation is backslash-escaped, `|` becomes `&#124;` (a table cell cannot split on it).
 */
export function escapeInline(text: string, max = INLINE_MAX): string {
  const line = truncateText(text.replace(/[\r\n\t\f\v\u2028\u2029]+/g, " ").replace(/ {2,}/g, " ").trim(), max);
  const safe = neutralise(line).replace(/[\\`*_[\]~#!]/g, (c) => `\\${c}`);
  return safe.replace(/\|/g, "&#124;");
}

/**
 * Multi-line markdown written by people (next steps): its formatting is kept, but HTML, mentions and
 * closing keywords are neutralised, and each line is quoted with `> ` so it stays inside our quote.
 */
export function quoteBlock(text: string, max = 4000): string {
  const safe = neutralise(truncateText(text.replace(/\r\n?/g, "\n").trim(), max));
  return safe
    .split("\n")
    .map((line) => (line.trim() ? `> ${line}` : ">"))
    .join("\n");
}

/**
 * A URL placed inside `(...)` of a markdown link: only http(s); characters that could end the
 * destination or open HTML are percent-encoded (nothing else is touched, so `%40` stays `%40`).
 */
export function escapeUrl(url: string): string {
  if (!/^https?:\/\//i.test(url)) return "#";
  // A 100 KB heading makes a 100 KB anchor: the page is still worth linking, the fragment is not.
  // Cut before encoding (encoding only lengthens), so a 100 KB URL costs no more than a long one.
  const raw = url.length > URL_MAX ? withoutFragment(url).slice(0, URL_MAX) : url;
  const safe = raw.replace(/[\s()<>"'|\\`[\]]/g, (c) => encodeURIComponent(c).replace(/[()'[\]]/g, (p) => `%${p.charCodeAt(0).toString(16).toUpperCase()}`));
  return safe.length > URL_MAX ? withoutFragment(safe).slice(0, URL_MAX) : safe;
}

/** By `indexOf`, not `/#.*$/`: that regex retries at every `#` and is quadratic on a line of them. */
function withoutFragment(url: string): string {
  const hash = url.indexOf("#");
  return hash < 0 ? url : url.slice(0, hash);
}

const URL_MAX = 2000;


/**
 * Text as an inline code span (paths): shown literally, so mentions are inert; backticks and line
 * breaks, the only things that could end the span, are dropped.
 */
export function renderCode(text: string, max = INLINE_MAX): string {
  // `<` and `>` would show as themselves in code, but no raw `-->` or `<script` may reach a body.
  const inner = truncateText(text.replace(/[`\r\n]+/g, " ").trim(), max).replace(/</g, "‹").replace(/>/g, "›");
  return `\`${inner || " "}\``;
}

/** A plain-text issue title: one line, bounded, mentions broken (titles are not markdown). */
export function plainTitle(text: string, max = 240): string {
  return breakMentions(truncateText(text.replace(/[\u0000-\u001f\u007f\u2028\u2029]+/g, " ").replace(/ {2,}/g, " ").trim(), max));
}
