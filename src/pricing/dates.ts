// Calendar days as whole numbers (days since 1970-01-01), so that finding the price period in
// force on a day is a number comparison, with no time zones involved.

export type Day = number;

const MS_PER_DAY = 86_400_000;

/** "2026-07-30" → its day number; null when the text is not a real YYYY-MM-DD date. */
export function isoToDay(text: string): Day | null {
  const match = /^(\d{4})-(\d\d)-(\d\d)$/.exec(text);
  if (!match) return null;
  const [year, month, date] = [Number(match[1]), Number(match[2]), Number(match[3])];
  const ms = Date.UTC(year, month - 1, date);
  const back = new Date(ms);
  if (back.getUTCMonth() !== month - 1 || back.getUTCDate() !== date) return null; // 2026-02-30
  return ms / MS_PER_DAY;
}

export function dayToIso(day: Day): string {
  return new Date(day * MS_PER_DAY).toISOString().slice(0, 10);
}

export function dayOf(year: number, monthIndex: number, date: number): Day {
  return Date.UTC(year, monthIndex, date) / MS_PER_DAY;
}
