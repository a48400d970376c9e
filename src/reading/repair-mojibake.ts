/**
 * Wrap-ups copied through the wrong tool arrive with UTF-8 read as Mac Roman
 * (`🌐` becomes `üåê`). Such runs are turned back into the bytes they were and
 * decoded again; runs that do not form valid UTF-8 (real `ü`, `Ö`) stay as they are.
 */
const toMacRoman = buildMacRomanTable();
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
  return decodeStrictUtf8(bytes) ?? run;
}

/**
 * Bytes as strict UTF-8 (no overlong forms, no surrogates), or null. By hand: a `TextDecoder` per run
 * cost 10 µs, a quarter of a second for a heading of 25,000 mis-decoded emoji.
 */
function decodeStrictUtf8(bytes: number[]): string | null {
  let out = "";
  for (let i = 0; i < bytes.length; ) {
    const lead = bytes[i] as number;
    const size = lead < 0x80 ? 1 : lead >= 0xc2 && lead <= 0xdf ? 2 : lead >= 0xe0 && lead <= 0xef ? 3 : lead >= 0xf0 && lead <= 0xf4 ? 4 : 0;
    if (size === 0 || i + size > bytes.length) return null;
    let point = size === 1 ? lead : lead & (0xff >> (size + 1));
    for (let k = 1; k < size; k++) {
      const next = bytes[i + k] as number;
      if ((next & 0xc0) !== 0x80) return null;
      point = (point << 6) | (next & 0x3f);
    }
    const minimum = [0, 0, 0x80, 0x800, 0x10000][size] as number;
    if (point < minimum || point > 0x10ffff || (point >= 0xd800 && point <= 0xdfff)) return null;
    out += String.fromCodePoint(point);
    i += size;
  }
  return out;
}
