/** GitHub rejects issue and comment bodies longer than this many characters. */
export const GITHUB_BODY_LIMIT = 65_536;

/** Room kept below the limit: GitHub counts characters after its own normalisation. */
const MARGIN = 256;

export interface BodyParts {
  /** Kept whole: marker and heading. */
  head: string;
  /** The middle, cut at a line break when the whole does not fit. */
  main: string;
  /** Kept whole: footer. */
  tail: string;
}

export const TRUNCATION_NOTE = "_… cut here to stay within GitHub's size limit._";

/**
 * Joins the parts, cutting `main` at a line boundary (with a visible note) when the whole would
 * exceed the limit. `head` and `tail` hold the markers, so they are never cut. Renderers first try
 * a compact rendering (details dropped) and only then rely on this cut.
 */
export function fitBody(parts: BodyParts, limit = GITHUB_BODY_LIMIT): string {
  const whole = join(parts.head, parts.main, parts.tail);
  if (whole.length <= limit - MARGIN) return whole;
  const room = limit - MARGIN - parts.head.length - parts.tail.length - TRUNCATION_NOTE.length - 8;
  if (room <= 0) return join(parts.head.slice(0, Math.max(0, limit - MARGIN - parts.tail.length)), TRUNCATION_NOTE, parts.tail);
  let cut = parts.main.slice(0, room);
  const lineEnd = cut.lastIndexOf("\n");
  cut = lineEnd > 0 ? cut.slice(0, lineEnd) : dropBrokenSurrogate(cut);
  return join(parts.head, `${cut}\n\n${TRUNCATION_NOTE}`, parts.tail);
}

function dropBrokenSurrogate(text: string): string {
  const last = text.charCodeAt(text.length - 1);
  return last >= 0xd800 && last <= 0xdbff ? text.slice(0, -1) : text;
}

function join(...pieces: string[]): string {
  return pieces.filter((p) => p.length > 0).join("\n\n");
}
