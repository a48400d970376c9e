/** Tables beyond this many characters are read only this far: the GFM table parser costs ~10 ms a KB. */
export const MAX_TABLE_LENGTH = 30_000;
/** A table row (or any line) wider than this is cut: one 996 KB row overflowed the parser's stack. */
export const MAX_ROW_LENGTH = 10_000;

/**
 * Keeps huge tables from costing seconds and gigabytes in the markdown parser, without moving a line:
 * rows past MAX_TABLE_LENGTH become empty lines (the table ends there, the headings and sections after
 * it stay where they were) and rows wider than MAX_ROW_LENGTH are cut. Changes `lines` in place and
 * says what it cut in `warnings`. One pass, no regex on the rows.
 */
export function boundTables(lines: string[], warnings: string[]): void {
  for (let i = 1; i < lines.length; i++) {
    if (!isDelimiterRow(lines[i] as string) || !(lines[i - 1] as string).includes("|")) continue;
    i = boundTable(lines, i - 1, warnings);
  }
}

/** Bounds the table whose header is at `header`; returns the index of its last line. */
function boundTable(lines: string[], header: number, warnings: string[]): number {
  let length = 0;
  let total = 0;
  let cutRows = 0;
  let widest = 0;
  let end = header;
  for (let i = header; i < lines.length && (lines[i] as string).trim() !== ""; i++) {
    end = i;
    const row = lines[i] as string;
    widest = Math.max(widest, row.length);
    total += row.length + 1;
    if (length >= MAX_TABLE_LENGTH) {
      lines[i] = "";
      cutRows++;
      continue;
    }
    if (row.length > MAX_ROW_LENGTH) lines[i] = row.slice(0, MAX_ROW_LENGTH);
    length += (lines[i] as string).length + 1;
  }
  const kb = (chars: number) => `${Math.round(chars / 1000)} KB`;
  if (cutRows > 0) {
    warnings.push(`line ${header + 1}: a table of ${kb(total)} was read only to its first ${kb(length)}; its last ${cutRows} row(s) were skipped (tables over ${kb(MAX_TABLE_LENGTH)} are not read whole)`);
  }
  if (widest > MAX_ROW_LENGTH) warnings.push(`line ${header + 1}: table rows wider than ${MAX_ROW_LENGTH / 1000} KB were cut to that width`);
  return end;
}

/** `| --- | :-: |`: only pipes, dashes, colons and spaces, with at least one dash. */
function isDelimiterRow(line: string): boolean {
  const end = Math.min(line.length, MAX_ROW_LENGTH);
  let start = 0;
  while (start < end && line[start] === ">") start++;
  let dashes = 0;
  for (let i = start; i < end; i++) {
    if (line[i] === "-") dashes++;
    const c = line[i];
    if (c !== "|" && c !== "-" && c !== ":" && c !== " " && c !== "\t") return false;
  }
  return dashes > 0;
}
