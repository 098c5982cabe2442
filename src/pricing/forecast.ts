// Monthly spend forecasts: a workload (requests a day, an average request) over a run of months,
// with compounding growth. Pure: months are plain year/month numbers; reading a Date from a sheet
// is the sheets layer's job.

import type { TierId } from './catalog';
import { tokenCost, tokenCostForAverage } from './cost';
import { PricingError } from './errors';
import { shown } from './show';
import { CATALOG } from './data';
import { dayOf, dayToIso, type Day } from './dates';
import { pricesOn, type PricedTiers, type TokenModel } from './models';

/** Without a start month every month is an average month: a Julian year over 12. */
export const AVERAGE_MONTH_DAYS = 365.25 / 12;
export const DEFAULT_MONTHS = 12;
export const MAX_MONTHS = 120;

/** A calendar month: `month` is 1–12. */
export interface YearMonth {
  year: number;
  month: number;
}

export interface Workload {
  model: TokenModel;
  tier: TierId;
  requestsPerDay: number;
  avgInputTokens: number;
  avgOutputTokens: number;
  /** fraction of input tokens served from the prompt cache, 0–1 */
  cachedShare: number;
  /** month-over-month change of requests per day, a fraction >= -1 */
  monthlyGrowth: number;
}

/** Days in a calendar month, by UTC arithmetic so no local time zone or DST can shift it. */
export function daysInMonth(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

/** Days of each forecast month: calendar months from `start`, or average months without it. */
export function monthDays(months: number, start: YearMonth | null): number[] {
  const days: number[] = new Array(months);
  for (let m = 0; m < months; m++) {
    if (!start) {
      days[m] = AVERAGE_MONTH_DAYS;
      continue;
    }
    const index = start.month - 1 + m;
    days[m] = daysInMonth(start.year + Math.floor(index / 12), (index % 12) + 1);
  }
  return days;
}

export function checkCachedShare(share: number): number {
  if (share > 1) {
    throw new PricingError(
      `cached_share is ${share}: it is the fraction of input tokens served from the cache, from 0 to 1 (50% = 0.5)`,
    );
  }
  return share;
}

/** Growth is a fraction from -1 (-100%) to 1 (+100%) a month; 5 is someone's 5%, not +500%. */
export function checkMonthlyGrowth(growth: number): number {
  if (growth > 1) {
    const percent = Number((growth * 100).toPrecision(12));
    throw new PricingError(
      `monthly_growth ${growth} means +${percent}% a month; for ${growth}% type ${growth}% or ${Number((growth / 100).toPrecision(12))} (use -100% to +100%)`,
    );
  }
  if (growth < -1) {
    throw new PricingError(
      `monthly_growth is ${growth}: a month cannot shrink by more than 100% (use -1 or more; 5% = 0.05)`,
    );
  }
  return growth;
}

export function checkMonths(months: number): number {
  if (!Number.isInteger(months) || months < 1 || months > MAX_MONTHS) {
    throw new PricingError(`months is ${months}: use a whole number from 1 to ${MAX_MONTHS}`);
  }
  return months;
}

const MONTH_NAMES = [
  'january', 'february', 'march', 'april', 'may', 'june',
  'july', 'august', 'september', 'october', 'november', 'december',
]; // prettier-ignore

/** The month a text names: "2026-01", "2026-01-15", "January 2026", "Jan. 2026", "1/2026". */
function monthOfText(text: string): YearMonth | null {
  const trimmed = text.trim().toLowerCase();
  let year: number;
  let month: number;
  let day = 1;
  const iso = /^(\d{4})-(\d{1,2})(?:-(\d{1,2}))?$/.exec(trimmed);
  const named = /^([a-z]{3,9})\.?,? +(\d{4})$/.exec(trimmed);
  const slashed = /^(\d{1,2})\/(\d{4})$/.exec(trimmed);
  if (iso) {
    [year, month] = [Number(iso[1]), Number(iso[2])];
    if (iso[3] !== undefined) day = Number(iso[3]);
  } else if (named) {
    // a month's English name, or its first three letters ("Sept" too)
    const word = named[1] === 'sept' ? 'sep' : named[1];
    month = MONTH_NAMES.findIndex((name) => name === word || name.slice(0, 3) === word) + 1;
    year = Number(named[2]);
  } else if (slashed) {
    [month, year] = [Number(slashed[1]), Number(slashed[2])];
  } else return null;
  if (month < 1 || month > 12 || day < 1 || day > daysInMonth(year, month)) return null;
  return { year, month };
}

/**
 * A start month typed as text: "2026-01", "2026-01-15", "January 2026", "Jan 2026", "1/2026"
 * → { year: 2026, month: 1 }; anything else is an error.
 */
export function parseIsoMonth(text: string): YearMonth {
  const month = monthOfText(text);
  if (month) return month;
  throw new PricingError(
    `start_month is ${shown(text)}, not a date (use a date cell, or text like "2026-01", "January 2026" or "1/2026")`,
  );
}

/** The first day of forecast month m (0-based) from `start`. */
function monthStart(start: YearMonth, m: number): Day {
  const index = start.month - 1 + m;
  return dayOf(start.year + Math.floor(index / 12), index % 12, 1);
}

/** The prices a month is billed at: those in force on its first day (current without a start). */
function monthPrices(workload: Workload, start: YearMonth | null, m: number): PricedTiers {
  return pricesOn(workload.model, start ? monthStart(start, m) : null);
}

/**
 * A forecast bills months to come: a retired model has none. Without start_month the months run
 * from the data's date on, so any retirement is in the way; with it, each month's first day must
 * come before the retirement.
 */
function checkNotRetired(model: TokenModel, months: number, start: YearMonth | null): void {
  if (model.retired === null) return;
  const on = dayToIso(model.retired);
  const retires = `${model.name} ${on <= CATALOG.asOf ? 'was retired' : 'retires'} on ${on}`;
  if (!start) {
    throw new PricingError(
      `${retires}: there are no months to forecast at its prices (pick a current model, or give a start_month and months that end before then)`,
    );
  }
  for (let m = 0; m < months; m++) {
    const first = monthStart(start, m);
    if (first >= model.retired) {
      throw new PricingError(
        `${retires}: it has no price in ${dayToIso(first).slice(0, 7)} (end the forecast before then, or pick a current model)`,
      );
    }
  }
}

/** Cost in USD of one average request of the workload (long-context rates per average request). */
export function averageRequestCost(
  workload: Workload,
  priced = pricesOn(workload.model, null),
): number {
  return tokenCost(priced, workload.tier, {
    input: workload.avgInputTokens,
    output: workload.avgOutputTokens,
    cached: workload.cachedShare * workload.avgInputTokens,
    cacheWrite: 0,
    requests: 1,
  });
}

/**
 * Cost in USD of each month: month m (0-based) = requests a day × days of the month ×
 * (1 + growth)^m × cost of one average request, at the prices in force on the month's first day.
 * Each month is priced as its token totals, so tokenCost divides once and a month of whole tokens
 * comes out as the nearest double (10.653125, not 10.653125000000001).
 */
export function forecastCosts(
  workload: Workload,
  months: number,
  start: YearMonth | null,
): number[] {
  const { tier, avgInputTokens, avgOutputTokens } = workload;
  const cachedTokens = workload.cachedShare * avgInputTokens;
  const growth = 1 + workload.monthlyGrowth;
  checkNotRetired(workload.model, months, start);
  return monthDays(months, start).map((days, m) => {
    const priced = monthPrices(workload, start, m);
    averageRequestCost(workload, priced); // throws for a rate the workload needs but the model lacks
    const requests = workload.requestsPerDay * days * growth ** m;
    if (!Number.isFinite(requests)) {
      throw new PricingError(
        'the numbers are too large to compute: check requests_per_day and monthly_growth',
      );
    }
    // long context looks at the average request itself: the month's total ÷ requests can land
    // one step above 272,000 in floating point
    return tokenCostForAverage(
      priced,
      tier,
      {
        input: avgInputTokens * requests,
        output: avgOutputTokens * requests,
        cached: cachedTokens * requests,
        cacheWrite: 0,
      },
      avgInputTokens,
    );
  });
}
