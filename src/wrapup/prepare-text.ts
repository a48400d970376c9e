/** Wrap-ups are a few dozen KB; beyond this the rest is cut so parsing stays quick. */
export const MAX_TEXT_LENGTH = 1_000_000;

const CONTROL = /[\x00-\x08\x0B\x0C\x0E-\x1F\x7F]/g;

export interface PreparedText {
  text: string;
  warnings: string[];
}

/** Removes control bytes (binary input) and cuts huge input at a line end, saying so. */
export function prepareText(input: string): PreparedText {
  const warnings: string[] = [];
  let text = input.charCodeAt(0) === 0xfeff ? input.slice(1) : input;
  if (text.length > MAX_TEXT_LENGTH) {
    const cut = text.lastIndexOf("\n", MAX_TEXT_LENGTH);
    const keep = cut > MAX_TEXT_LENGTH / 2 ? cut : MAX_TEXT_LENGTH;
    warnings.push(
      `the document is ${megabytes(text.length)} long; only its first ${megabytes(keep)} were read (a wrap-up is usually under 100 KB)`,
    );
    text = text.slice(0, keep);
  }
  const controls = text.match(CONTROL)?.length ?? 0;
  if (controls > 0) {
    const looksBinary = text.includes("\0") || controls > 16;
    warnings.push(
      looksBinary
        ? `the document looks like binary data, not text: ${controls} control bytes were removed and the rest was read as text`
        : `${controls} stray control character(s) were removed from the text`,
    );
    text = text.replace(CONTROL, "");
  }
  return { text, warnings };
}

function megabytes(chars: number): string {
  return `${(chars / 1_000_000).toFixed(1)} MB`;
}
