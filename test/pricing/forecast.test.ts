// The month math of OPENAI_FORECAST, against months computed by hand and with decimal.js.
import Decimal from 'decimal.js';
import {
  AVERAGE_MONTH_DAYS,
  averageRequestCost,
  checkCachedShare,
  checkMonthlyGrowth,
  checkMonths,
  daysInMonth,
  forecastCosts,
  monthDays,
  parseIsoMonth,
  type Workload,
} from '../../src/pricing/forecast';
import { resolveTextModel } from '../../src/pricing/models';

function workload(overrides: Partial<Workload> & { model?: Workload['model'] } = {}): Workload {
  return {
    model: resolveTextModel('gpt-4o'),
    tier: 'standard',
    requestsPerDay: 100,
    avgInputTokens: 1000,
    avgOutputTokens: 100,
    cachedShare: 0,
    monthlyGrowth: 0,
    ...overrides,
  };
}

test('days in month: 30/31, February in leap, common and century years', () => {
  expect([1, 4, 6, 9, 11, 12].map((m) => daysInMonth(2026, m))).toEqual([31, 30, 30, 30, 30, 31]);
  expect(daysInMonth(2028, 2)).toBe(29);
  expect(daysInMonth(2027, 2)).toBe(28);
  expect(daysInMonth(2100, 2)).toBe(28);
  expect(daysInMonth(2000, 2)).toBe(29);
});

test('calendar months roll over the year; without a start every month is 365.25/12 days', () => {
  expect(monthDays(4, { year: 2027, month: 11 })).toEqual([30, 31, 31, 29]);
  expect(monthDays(3, null)).toEqual([30.4375, 30.4375, 30.4375]);
  expect(AVERAGE_MONTH_DAYS * 12).toBe(365.25);
  const tenYears = monthDays(120, { year: 2026, month: 1 });
  expect(tenYears.reduce((a, b) => a + b, 0)).toBe(3652); // 2026–2035 has two leap days
  expect(tenYears[119]).toBe(31); // December 2035
});

test('one average request: cached share of input at the cached rate (gpt-4.1-mini)', () => {
  // 1,500 uncached × $0.40 + 500 cached × $0.10 + 500 output × $1.60, per 1M tokens
  const cost = averageRequestCost(
    workload({
      model: resolveTextModel('gpt-4.1-mini'),
      avgInputTokens: 2000,
      avgOutputTokens: 500,
      cachedShare: 0.25,
    }),
  );
  expect(cost).toBe(0.00145);
});

test('calendar months from January 2028 include the leap February', () => {
  const months = forecastCosts(
    workload({
      model: resolveTextModel('gpt-4.1-mini'),
      requestsPerDay: 1000,
      avgInputTokens: 2000,
      avgOutputTokens: 500,
      cachedShare: 0.25,
    }),
    3,
    { year: 2028, month: 1 },
  );
  // 1,000 requests × days × $0.00145
  expect(months[0]).toBeCloseTo(44.95, 12);
  expect(months[1]).toBeCloseTo(42.05, 12);
  expect(months[2]).toBeCloseTo(44.95, 12);
});

test('growth compounds month over month (decimal.js reference)', () => {
  const months = forecastCosts(workload({ monthlyGrowth: 0.1 }), 24, null);
  // gpt-4o: 1,000 × $2.50 + 100 × $10 per 1M = $0.0035 a request
  const perRequest = new Decimal('0.0035');
  months.forEach((cost, m) => {
    const expected = new Decimal(100)
      .times(new Decimal(365.25).div(12))
      .times(new Decimal('1.1').pow(m))
      .times(perRequest);
    expect(Math.abs(cost - expected.toNumber())).toBeLessThanOrEqual(expected.toNumber() * 1e-13);
  });
  expect(months[0]).toBe(10.653125);
  expect(months[2]).toBeCloseTo(12.89028125, 12);
});

test('-100% growth empties every month after the first', () => {
  expect(forecastCosts(workload({ monthlyGrowth: -1 }), 3, null)).toEqual([10.653125, 0, 0]);
});

test('tiers: batch halves the price and bills cached input at the batch input rate; flex', () => {
  const batch = workload({
    model: resolveTextModel('gpt-4.1'),
    tier: 'batch',
    avgInputTokens: 1000,
    avgOutputTokens: 200,
  });
  // $1.00 input, $4.00 output per 1M in Batch: $0.0018 a request, whatever the cached share
  expect(averageRequestCost(batch)).toBe(0.0018);
  expect(averageRequestCost({ ...batch, cachedShare: 0.5 })).toBe(0.0018);
  const flex = workload({
    model: resolveTextModel('o4-mini'),
    tier: 'flex',
    avgInputTokens: 1000,
    avgOutputTokens: 1000,
    cachedShare: 0.5,
  });
  // 500 × $0.55 + 500 × $0.138 + 1,000 × $2.20 per 1M
  expect(averageRequestCost(flex)).toBe(0.002544);
  expect(forecastCosts(flex, 1, { year: 2026, month: 4 })[0]).toBeCloseTo(100 * 30 * 0.002544, 12);
});

test('argument checks', () => {
  expect(checkCachedShare(1)).toBe(1);
  expect(() => checkCachedShare(1.2)).toThrow('cached_share is 1.2: it is the fraction');
  expect(checkMonthlyGrowth(-1)).toBe(-1);
  expect(() => checkMonthlyGrowth(-1.5)).toThrow(
    'monthly_growth is -1.5: a month cannot shrink by more than 100%',
  );
  expect(checkMonths(1)).toBe(1);
  expect(checkMonths(120)).toBe(120);
  for (const bad of [0, 121, 2.5, -3]) {
    expect(() => checkMonths(bad)).toThrow(`months is ${bad}: use a whole number from 1 to 120`);
  }
});

test('ISO month text', () => {
  expect(parseIsoMonth('2026-01')).toEqual({ year: 2026, month: 1 });
  expect(parseIsoMonth(' 2028-02-29 ')).toEqual({ year: 2028, month: 2 });
  expect(parseIsoMonth('Jan 2026')).toEqual({ year: 2026, month: 1 });
  expect(parseIsoMonth('September 2026')).toEqual({ year: 2026, month: 9 });
  expect(parseIsoMonth('Sept. 2026')).toEqual({ year: 2026, month: 9 });
  expect(parseIsoMonth('12/2026')).toEqual({ year: 2026, month: 12 });
  for (const bad of [
    '2026-13',
    '2027-02-29',
    'Janu 2026',
    'Januar 2026',
    '2026/01',
    '26-01',
    '0/2026',
    '1/26',
  ]) {
    // prettier-ignore
    expect(() => parseIsoMonth(bad)).toThrow(
      `start_month is the text ${JSON.stringify(bad)}, not a date`,
    );
  }
});
