// How messages echo what the user typed: quoted, cut to a readable length, dates as dates,
// booleans as Sheets writes them, and look-alike characters named by their code point.

/** Date objects may come from another realm (Sheets, a test harness): no instanceof. */
export function isDate(value: unknown): value is Date {
  return Object.prototype.toString.call(value) === '[object Date]';
}

/** Text cut to 60 characters + "…". */
export function cut(text: string): string {
  return text.length > 60 ? `${text.slice(0, 60)}…` : text;
}

/** Text cut to 60 characters + "…", in double quotes. */
export function quote(text: string): string {
  return JSON.stringify(cut(text));
}

/** The calendar day a date shows as: local midnight, unless the sheets layer says otherwise. */
let calendarDay = (date: Date): string =>
  new Date(date.getTime() - date.getTimezoneOffset() * 60_000).toISOString().slice(0, 10);

/**
 * How messages find a date's calendar day (YYYY-MM-DD). Sheets passes a date cell as midnight in
 * the spreadsheet's time zone, so src/sheets/dates.ts sets the reading in that zone: a message
 * shows the day the user typed, not the script's (UTC) day.
 */
export function showDatesAs(day: (date: Date) => string): void {
  calendarDay = day;
}

/** A cell value as a message shows it: the text "…", the number 5, TRUE, the date 2026-07-30. */
export function shown(value: unknown): string {
  if (typeof value === 'string') return `the text ${quote(value)}`;
  if (typeof value === 'number') return `the number ${value}`;
  return named(value);
}

/**
 * A value named in a message where text needs no "the text": "gpt-4o" (quoted, cut), 5, TRUE,
 * the date 2026-07-30, blank, a list of 3 values, an object.
 */
export function named(value: unknown): string {
  if (typeof value === 'string') return quote(value);
  if (typeof value === 'number' || typeof value === 'bigint') return String(value);
  if (typeof value === 'boolean') return value ? 'TRUE' : 'FALSE';
  if (isDate(value)) {
    return Number.isNaN(value.getTime()) ? 'an invalid date' : `the date ${calendarDay(value)}`;
  }
  if (value === null || value === undefined) return 'blank';
  if (Array.isArray(value))
    return `a list of ${value.length} value${value.length === 1 ? '' : 's'}`;
  return typeof value === 'object' || typeof value === 'function'
    ? 'an object'
    : quote(String(value));
}

/** A count as a message shows it: 1,000,000 grouped; 1e+308 as such (no 300 digits). */
export function shownCount(n: number): string {
  return Math.abs(n) < 1e15 ? n.toLocaleString('en-US', { maximumFractionDigits: 6 }) : String(n);
}

// look-alikes of ASCII (dashes, Cyrillic and Greek letters), then invisible characters
const ALIKE =
  '\u2010\u2011\u2012\u2013\u2014\u2212\u0430\u0435\u043e\u0440\u0441\u0445\u0443\u0456\u03bf';
const ASCII = '------aeopcxyio';
const SUSPECT = new RegExp(`[${ALIKE}\\u00ad\\u200b-\\u200f\\u2060\\ufeff]`);

/** 'the hyphen in "gpt‑4o" is U+2011, type '-'' for the first look-alike character, else ''. */
export function lookAlikeHint(text: string): string {
  const ch = SUSPECT.exec(text)?.[0];
  if (!ch) return '';
  const code = `U+${ch.charCodeAt(0).toString(16).toUpperCase().padStart(4, '0')}`;
  const ascii = ASCII[ALIKE.indexOf(ch)];
  if (!ascii) return `${quote(text)} contains an invisible ${code}: delete it`;
  return `${ascii === '-' ? 'the hyphen' : `the "${ch}"`} in ${quote(text)} is ${code}, type '${ascii}'`;
}
