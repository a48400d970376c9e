const MONTHS = ["jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"];
const MONTH_NAME = "(jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*\\.?";

type Reader = (text: string) => [year: number, month: number, day: number] | null;

/** Most precise first: a full date beats a month. */
const READERS: Reader[] = [
  match(/\b(\d{4})-(\d{1,2})-(\d{1,2})(?!\d)/, (m) => [Number(m[1]), Number(m[2]), Number(m[3])]),
  match(/\b(\d{1,2})\.(\d{1,2})\.(\d{4})\b/, (m) => [Number(m[3]), Number(m[2]), Number(m[1])]),
  match(new RegExp(`\\b(\\d{1,2})\\.?\\s+${MONTH_NAME}\\s+(\\d{4})\\b`, "i"), (m) => [Number(m[3]), monthOf(m[2]), Number(m[1])]),
  match(new RegExp(`\\b${MONTH_NAME}\\s+(\\d{1,2}),?\\s+(\\d{4})\\b`, "i"), (m) => [Number(m[3]), monthOf(m[1]), Number(m[2])]),
  match(/\b(\d{4})-(\d{1,2})(?![\d-])/, (m) => [Number(m[1]), Number(m[2]), 1]),
  match(/\b(\d{1,2})\/(\d{4})\b/, (m) => [Number(m[2]), Number(m[1]), 1]),
  match(new RegExp(`\\b${MONTH_NAME}\\s+(\\d{4})\\b`, "i"), (m) => [Number(m[2]), monthOf(m[1]), 1]),
];

/**
 * The event's date as `YYYY-MM-DD` from the first source that states one (front matter date,
 * then titles): `2025-06-02`, `2024-05`, `05/2023`, `May 2024` (a month gives its first day). Null when none.
 */
export function readEventDate(sources: Array<string | null | undefined>): string | null {
  for (const source of sources) {
    if (!source) continue;
    for (const read of READERS) {
      const date = read(source);
      if (date && isValid(date)) return format(date);
    }
  }
  return null;
}

function match(pattern: RegExp, pick: (m: RegExpExecArray) => [number, number, number]): Reader {
  return (text) => {
    const m = pattern.exec(text);
    return m ? pick(m) : null;
  };
}

function monthOf(name: string | undefined): number {
  return MONTHS.indexOf((name ?? "").slice(0, 3).toLowerCase()) + 1;
}

function isValid([year, month, day]: [number, number, number]): boolean {
  if (year < 1990 || year > 2200 || month < 1 || month > 12 || day < 1) return false;
  return day <= new Date(Date.UTC(year, month, 0)).getUTCDate();
}

function format([year, month, day]: [number, number, number]): string {
  return `${year}-${String(month).padStart(2, "0")}-${String(day).padStart(2, "0")}`;
}
