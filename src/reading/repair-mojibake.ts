/**
 * Wrap-ups copied through the wrong tool arrive with UTF-8 read as Mac Roman
 * (`🌐` becomes `üåê`). Such runs are turned back into the bytes they were and
 * decoded again; runs that do not form valid UTF-8 (real `ü`, `Ö`) stay as they are.
 */
const toMacRoman = buildMacRomanTable();
const strictUtf8 = new TextDecoder("utf-8", { fatal: true });
const NON_ASCII_RUN = /[^\x00-\x7F]{2,}/g;

function buildMacRomanTable(): Map<string, number> {
  const table = new Map<string, number>();
  try {
    const decoder = new TextDecoder("macintosh");
    for (let byte = 0x80; byte <= 0xff; byte++) table.set(decoder.decode(Uint8Array.of(byte)), byte);
  } catch {
    // A Node without ICU cannot decode Mac Roman; text is then left as it is.
  }
  return table;
}

/** True when the text holds at least one run that repairs (for a warning). */
export function hasMojibake(text: string): boolean {
  return repairMojibake(text) !== text;
}

export function repairMojibake(text: string): string {
  if (toMacRoman.size === 0 || !/[\u00C0-\u00FF\u2018-\u201E\uF8FF]/.test(text)) return text;
  return text.replace(NON_ASCII_RUN, repairRun);
}

function repairRun(run: string): string {
  const bytes: number[] = [];
  for (const char of run) {
    const byte = toMacRoman.get(char);
    if (byte === undefined) return run;
    bytes.push(byte);
  }
  try {
    return strictUtf8.decode(Uint8Array.from(bytes));
  } catch {
    return run;
  }
}
