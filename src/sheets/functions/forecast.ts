// OPENAI_FORECAST: a row of monthly costs per workload. The month math is src/pricing/forecast.ts;
// this file reads the cells, including the one thing Sheets makes subtle: the start month's date.

import {
  checkCachedShare,
  checkMonthlyGrowth,
  checkMonths,
  DEFAULT_MONTHS,
  forecastCosts,
  parseIsoMonth,
  type YearMonth,
} from '../../pricing/forecast';
import { PricingError } from '../../pricing/errors';
import { shown } from '../../pricing/show';
import { resolveTextModel } from '../../pricing/models';
import { parseTier } from '../../pricing/tiers';
import { isBlank, isDate, quantity, requiredText, signedNumber } from '../cells';
import { calendarDate, timeZoneReader } from '../dates';
import { mapRows } from '../ranges';
import { withSheetRows } from '../sheet-rows';

const FORECAST_ARGS = [
  'model',
  'requests_per_day',
  'avg_input_tokens',
  'avg_output_tokens',
  'tier',
  'cached_share',
  'monthly_growth',
  'months',
  'start_month',
];

function monthOfDate(date: Date, timeZone: () => string | null): YearMonth {
  const [year, month] = calendarDate(date, timeZone, 'start_month');
  return { year, month };
}

function startMonthOf(value: unknown, timeZone: () => string | null): YearMonth | null {
  if (isBlank(value)) return null;
  if (isDate(value)) return monthOfDate(value, timeZone);
  if (typeof value === 'string') return value.trim() === '' ? null : parseIsoMonth(value);
  throw new PricingError(
    `start_month is ${shown(value)}, not a date (use a date cell, or text like "2026-01", "January 2026" or "1/2026")`,
  );
}

/**
 * Monthly cost in USD of a workload, as a row that spills right: month m = requests_per_day × days
 * of the month × (1 + monthly_growth)^m × one average request. Months have 365.25/12 days unless
 * start_month is given (then calendar months).
 *
 * @param {string|Array<Array<string>>} model Text model id, e.g. "gpt-4.1-mini"; or a column of them, one workload per row.
 * @param {number|Array<Array<number>>} requests_per_day Requests a day in the first month.
 * @param {number|Array<Array<number>>} avg_input_tokens Average input tokens per request, cached ones included.
 * @param {number|Array<Array<number>>} avg_output_tokens Average output tokens per request.
 * @param {string|Array<Array<string>>} [tier] "standard" (default), "batch" or "flex".
 * @param {number|Array<Array<number>>} [cached_share] Share of input tokens from the prompt cache, 0 to 1; default 0.
 * @param {number|Array<Array<number>>} [monthly_growth] Monthly change in requests, e.g. 0.05 for 5%; -1 at least; default 0.
 * @param {number|Array<Array<number>>} [months] Number of months, 1 to 120; default 12.
 * @param {Date|string|Array<Array<Date>>} [start_month] First month (a date, or "2026-01", "January 2026", "1/2026"): calendar months with their real days.
 * @return {Array<Array<number>>} A row of monthly costs in USD per workload.
 * @customfunction
 */
export function OPENAI_FORECAST(
  model: unknown,
  requests_per_day: unknown,
  avg_input_tokens: unknown,
  avg_output_tokens: unknown,
  tier?: unknown,
  cached_share?: unknown,
  monthly_growth?: unknown,
  months?: unknown,
  start_month?: unknown,
): unknown {
  const timeZone = timeZoneReader();
  const rows = Array.isArray(model) ? model.length : 1;
  // in the forecast sheet, "row 2" of B7:B16 is the sheet's row 8: errors say 8 (sheet-rows.ts)
  return withSheetRows('OPENAI_FORECAST', rows, () => forecastRows(timeZone, [
    model, requests_per_day, avg_input_tokens, avg_output_tokens, tier, cached_share,
    monthly_growth, months, start_month,
  ])); // prettier-ignore
}

function forecastRows(timeZone: () => string | null, args: unknown[]): unknown {
  return mapRows(FORECAST_ARGS, args, (cells) => {
    const workload = {
      model: resolveTextModel(requiredText(cells[0], 'model')),
      requestsPerDay: quantity(cells[1], 'requests_per_day'),
      avgInputTokens: quantity(cells[2], 'avg_input_tokens'),
      avgOutputTokens: quantity(cells[3], 'avg_output_tokens'),
      tier: parseTier(cells[4]),
      cachedShare: checkCachedShare(quantity(cells[5], 'cached_share')),
      monthlyGrowth: checkMonthlyGrowth(signedNumber(cells[6], 'monthly_growth')),
    };
    const count = checkMonths(signedNumber(cells[7], 'months', DEFAULT_MONTHS));
    return forecastCosts(workload, count, startMonthOf(cells[8], timeZone));
  });
}
