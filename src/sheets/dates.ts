// Dates as Sheets passes them: a date cell arrives as midnight in the SPREADSHEET's time zone, while
// getDate()/getMonth() read the script's (Etc/UTC for this add-on): for a sheet east of UTC,
// midnight of March 1 is still February 28 in UTC. So a date cell is formatted in the spreadsheet's
// time zone when running in Apps Script; elsewhere (tests, the playground) it is read in local time.

import { dayOf, dayToIso, isoToDay, type Day } from '../pricing/dates';
import { PricingError } from '../pricing/errors';
import { checkDataDay } from '../pricing/models';
import { shown, showDatesAs } from '../pricing/show';
import { isBlank, isDate } from './cells';
import { remembering } from './memo';

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

/** The spreadsheet's time zone for messages: read once per script run, and only if one shows a date. */
let messageZone: { zone: string | null } | null = null;

// a message names a date cell by the day the spreadsheet shows, not the script's (UTC) day
showDatesAs((date) => {
  const zone = () => (messageZone ??= { zone: spreadsheetTimeZone() }).zone;
  const [year, month, day] = calendarDate(date, zone, 'date');
  return dayToIso(dayOf(year, month - 1, day));
});

/** [year, month 1-12, day] of a date cell as the spreadsheet shows it. */
export function calendarDate(date: Date, timeZone: () => string | null, name: string): number[] {
  if (Number.isNaN(date.getTime())) throw new PricingError(`${name} is an invalid date`);
  const zone = timeZone();
  if (zone) return Utilities.formatDate(date, zone, 'yyyy-MM-dd').split('-').map(Number);
  return [date.getFullYear(), date.getMonth() + 1, date.getDate()];
}

/**
 * A date argument: blank → null (current prices); a date cell or "YYYY-MM-DD" text → its day, on
 * or after the oldest price data. Returns a reader that remembers each distinct value (its error
 * too), since a usage export repeats its dates; the memo keeps date cells apart from numbers, so
 * a number in a date column is an error even beside a date cell of that very instant.
 */
export function dayReader(name = 'date'): (value: unknown) => Day | null {
  const timeZone = timeZoneReader();
  const read = remembering((value): Day | null => {
    if (isDate(value)) {
      const [year, month, date] = calendarDate(value, timeZone, name);
      return checkDataDay(dayOf(year, month - 1, date));
    }
    if (typeof value === 'string' && value.trim() === '') return null;
    const day = typeof value === 'string' ? isoToDay(value.trim()) : null;
    if (day === null) {
      throw new PricingError(
        `${name} is ${shown(value)}, not a date (use a date cell or text like "2026-07-30")`,
      );
    }
    return checkDataDay(day);
  });
  return (value) => (isBlank(value) ? null : read(value));
}
