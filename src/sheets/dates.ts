// Dates as Sheets passes them: a date cell arrives as midnight in the SPREADSHEET's time zone, while
// getDate()/getMonth() read the script's (Etc/UTC for this add-on): for a sheet east of UTC,
// midnight of March 1 is still February 28 in UTC. So a date cell is formatted in the spreadsheet's
// time zone when running in Apps Script; elsewhere (tests, the playground) it is read in local time.

import { dayOf, isoToDay, type Day } from '../pricing/dates';
import { PricingError } from '../pricing/errors';
import { shown } from '../pricing/show';
import { isBlank, isDate } from './cells';

function spreadsheetTimeZone(): string | null {
  if (
    typeof SpreadsheetApp === 'undefined' ||
    typeof Utilities === 'undefined' ||
    typeof Utilities.formatDate !== 'function'
  ) {
    return null;
  }
  try {
    return SpreadsheetApp.getActiveSpreadsheet().getSpreadsheetTimeZone() || null;
  } catch {
    return null; // no active spreadsheet (a script caller): fall back to the script's time zone
  }
}

/** The spreadsheet's time zone, asked at most once per call and only if a date needs it. */
export function timeZoneReader(): () => string | null {
  let known: { zone: string | null } | null = null;
  return () => (known ??= { zone: spreadsheetTimeZone() }).zone;
}

/** [year, month 1-12, day] of a date cell as the spreadsheet shows it. */
export function calendarDate(date: Date, timeZone: () => string | null, name: string): number[] {
  if (Number.isNaN(date.getTime())) throw new PricingError(`${name} is an invalid date`);
  const zone = timeZone();
  if (zone) return Utilities.formatDate(date, zone, 'yyyy-MM-dd').split('-').map(Number);
  return [date.getFullYear(), date.getMonth() + 1, date.getDate()];
}

/**
 * A date argument: blank → null (current prices); a date cell or "YYYY-MM-DD" text → its day.
 * Returns a reader that remembers each distinct value, since a usage export repeats its dates.
 */
export function dayReader(name = 'date'): (value: unknown) => Day | null {
  const timeZone = timeZoneReader();
  const seen = new Map<unknown, Day | null | Error>();
  return (value) => {
    if (isBlank(value)) return null;
    const key = isDate(value) ? value.getTime() : value;
    const known = seen.get(key);
    if (known !== undefined) {
      if (known instanceof Error) throw known; // a bad date column repeats its bad value
      return known;
    }
    let day: Day | null;
    if (isDate(value)) {
      const [year, month, date] = calendarDate(value, timeZone, name);
      day = dayOf(year, month - 1, date);
    } else if (typeof value === 'string' && value.trim() === '') {
      day = null;
    } else {
      day = typeof value === 'string' ? isoToDay(value.trim()) : null;
      if (day === null) {
        const error = new PricingError(
          `${name} is ${shown(value)}, not a date (use a date cell or text like "2026-07-30")`,
        );
        if (seen.size < 10000) seen.set(key, error);
        throw error;
      }
    }
    if (seen.size < 10000) seen.set(key, day);
    return day;
  };
}
