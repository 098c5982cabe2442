// OPENAI_FORECAST as Sheets calls it: cells, ranges, dates, errors; from the source and through the
// built bundle (with its JSDoc, which is Sheets' formula help).
import { readFileSync } from 'node:fs';
import vm from 'node:vm';
import Decimal from 'decimal.js';
import { OPENAI_FORECAST } from '../../src/sheets/functions/forecast';
import { OPENAI_COST } from '../../src/sheets/functions/costs';
import { CODE_PATH, loadBundle } from '../support/bundle';
import { spreadsheetIn } from '../support/time-zone';

const col = (...values: unknown[]) => values.map((v) => [v]);

function forecast(...args: unknown[]): number[][] {
  return (OPENAI_FORECAST as (...a: unknown[]) => unknown)(...args) as number[][];
}

test('a single workload is one row that spills right, 12 average months by default', () => {
  const result = forecast('gpt-4o', 100, 1000, 100);
  expect(result).toHaveLength(1);
  expect(result[0]).toEqual(new Array(12).fill(10.653125));
});

test('each month = requests × days × (1 + growth)^m × OPENAI_COST of the average request', () => {
  const perRequest = OPENAI_COST('gpt-4.1-mini', 2000, 500, 'standard', 0.25 * 2000) as number;
  const [row] = forecast('gpt-4.1-mini', 1000, 2000, 500, 'standard', 0.25, 0.05, 14, '2027-11');
  const days = [30, 31, 31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31]; // Nov 2027 – Dec 2028
  expect(row).toHaveLength(14);
  row.forEach((cost, m) => {
    const expected = new Decimal(1000)
      .times(days[m])
      .times(new Decimal('1.05').pow(m))
      .times(perRequest);
    expect(Math.abs(cost - expected.toNumber())).toBeLessThanOrEqual(expected.toNumber() * 1e-13);
  });
  expect(row[3]).toBeCloseTo(1000 * 29 * 1.05 ** 3 * 0.00145, 10); // leap February 2028
});

test('start_month: a date cell (any realm), a month as text, or blank for average months', () => {
  const march2028 = vm.runInNewContext('new Date(2028, 2, 1)');
  const [fromDate] = forecast('gpt-4o', 100, 1000, 100, '', '', '', 2, march2028);
  expect(fromDate).toEqual([10.85, 10.5]); // 100 × 31 and 30 days × $0.0035
  // what people type for a month, as text (a locale that does not read it as a date)
  for (const text of [
    '2028-03-15',
    '2028-03',
    '2028-3',
    'March 2028',
    'mar 2028',
    'Mar. 2028',
    ' 3/2028 ',
    '03/2028',
  ])
    // prettier-ignore
    expect([text, forecast('gpt-4o', 100, 1000, 100, '', '', '', 2, text)]).toEqual([text, [fromDate]]);
  expect(forecast('gpt-4o', 100, 1000, 100, '', '', '', 1, '')).toEqual([[10.653125]]);
});

test('tiers and cached share: batch bills cached input at the batch input rate', () => {
  const [batch] = forecast('gpt-4.1', 1000, 1000, 200, 'Batch', 0.5, 0, 1, '2026-02');
  expect(batch[0]).toBeCloseTo(1000 * 28 * 0.0018, 10);
  const [standard] = forecast('gpt-4.1', 1000, 1000, 200, 'standard', 0.5, 0, 1, '2026-02');
  // 500 × $2 + 500 × $0.50 + 200 × $8 per 1M = $0.00285 a request
  expect(standard[0]).toBeCloseTo(1000 * 28 * 0.00285, 10);
});

test('a column of workloads gives one row each; blank rows stay blank', () => {
  const result = forecast(
    col('gpt-4o', '', 'gpt-4o-mini'),
    col(100, '', 1000),
    col(1000, '', 500),
    col(100, '', 50),
    'standard',
    0,
    col(0, '', -1),
    3,
  );
  expect(result).toEqual([
    [10.653125, 10.653125, 10.653125],
    ['', '', ''],
    [3.1959375, 0, 0], // 1,000 × 30.4375 days × $0.000105, then -100%
  ]);
});

test('rows with different month counts are padded to one width (Sheets needs a rectangle)', () => {
  const result = forecast(col('gpt-4o', 'gpt-4o'), 100, 1000, 100, '', '', '', col(2, 3));
  expect(result).toEqual([
    [10.653125, 10.653125, ''],
    [10.653125, 10.653125, 10.653125],
  ]);
});

test.each([
  [['gpt-4o', 100, 1000, 100, '', 0, -1.5], 'monthly_growth is -1.5: a month cannot shrink'],
  [['gpt-4o', 100, 1000, 100, '', 0, 0, 0], 'months is 0: use a whole number from 1 to 120'],
  [['gpt-4o', 100, 1000, 100, '', 0, 0, 121], 'months is 121: use a whole number from 1 to 120'],
  [['gpt-4o', 100, 1000, 100, '', 0, 0, 1.5], 'months is 1.5: use a whole number from 1 to 120'],
  [['gpt-4o', 100, 1000, 100, '', 1.2], 'cached_share is 1.2: it is the fraction'],
  [['gpt-4o', 100, 1000, 100, '', -0.1], 'cached_share is negative (-0.1); it must be 0 or more'],
  [['gpt4o', 100, 1000, 100], 'unknown model "gpt4o" (did you mean "gpt-4o"?)'],
  [['gpt-4o', 100, 1000, 100, 'flex'], 'gpt-4o is not offered in the flex (flex processing) tier'],
  [['gpt-4o', -1, 1000, 100], 'requests_per_day is negative (-1); it must be 0 or more'],
  [
    ['gpt-4o', 1, 1, 1, '', 0, 0, 12, 'Janvier 2026'],
    'start_month is the text "Janvier 2026", not a date',
  ],
  [['gpt-4o', 1, 1, 1, '', 0, 0, 12, '13/2026'], 'start_month is the text "13/2026", not a date'],
  [
    ['gpt-4o', 1, 1, 1, '', 0, 0, 12, 'next month'],
    'start_month is the text "next month", not a date',
  ],
  [['gpt-4o', 1, 1, 1, '', 0, 0, 12, '2026-13'], 'start_month is the text "2026-13", not a date'],
  [['gpt-4o', 1, 1, 1, '', 0, 0, 12, 46023], 'start_month is the number 46023, not a date'],
  [['', 100, 1000, 100], 'model is blank'],
  [['text-embedding-3-small', 100, 1000, 100], 'has no output price'],
])('error: %j', (args, message) => {
  expect(() => forecast(...args)).toThrow(message);
});

test('a range error names the row and counts the others; shapes and columns are checked', () => {
  expect(() =>
    forecast(col('gpt-4o', 'gpt4o', 'gpt-4o'), 100, 1000, 100, '', col(0, 0, 2), 0),
  ).toThrow('row 2: unknown model "gpt4o" (did you mean "gpt-4o"?); 1 more row has an error');
  expect(() => forecast(col('gpt-4o', 'gpt-4o'), col(1, 2, 3), 1, 1)).toThrow(
    'model is 2 rows × 1 column but requests_per_day is 3 rows × 1 column',
  );
  expect(() => forecast([['gpt-4o', 'gpt-4o']], 1, 1, 1)).toThrow(
    'model is 1 row × 2 columns: give one item per row (a single column)',
  );
});

describe('the built bundle', () => {
  test('prices a forecast in a bare context, reading a date in the local time zone', () => {
    const { fns } = loadBundle();
    // 100 requests × 29 and 31 days × $0.0035
    expect(fns.OPENAI_FORECAST('gpt-4o', 100, 1000, 100, '', '', '', 2, '2028-02')).toEqual([
      [10.15, 10.85],
    ]);
    const start = new Date(2028, 1, 1);
    expect(fns.OPENAI_FORECAST('gpt-4o', 100, 1000, 100, '', '', 0.1, 1, start)).toEqual([[10.15]]);
    // a SpreadsheetApp without Utilities (an in-memory spreadsheet) also reads local time
    const playground = loadBundle({ SpreadsheetApp: {} }).fns;
    expect(playground.OPENAI_FORECAST('gpt-4o', 100, 1000, 100, '', '', 0.1, 1, start)).toEqual([
      [10.15],
    ]);
  });

  test("in Apps Script a date cell's month is read in the spreadsheet's time zone", () => {
    // Sheets passes a date cell as midnight in the spreadsheet's zone: March 1 2028 in Berlin
    // is still February 29 in UTC (the add-on's script zone)
    const midnightMarch1Berlin = new Date('2028-02-29T23:00:00Z');
    const calls: string[] = [];
    const { fns } = loadBundle(spreadsheetIn('Europe/Berlin', calls));
    const result = fns.OPENAI_FORECAST([['gpt-4o'], ['gpt-4o']], 100, 1000, 100, '', '', '', 1, [
      [midnightMarch1Berlin],
      [midnightMarch1Berlin],
    ]);
    expect(result).toEqual([[10.85], [10.85]]); // March: 31 days
    expect(calls).toHaveLength(1); // asked once per formula, not once per row
  });

  test('the JSDoc of OPENAI_FORECAST sits right above its wrapper', () => {
    const code = readFileSync(CODE_PATH, 'utf8');
    const match = /\/\*\*((?:(?!\*\/)[\s\S])*)\*\/\nfunction OPENAI_FORECAST\(([^)]*)\)/.exec(code);
    expect(match).not.toBeNull();
    const [, doc, params] = match!;
    expect(doc).toMatch(/^\s*\* Monthly cost in USD of a workload, as a row that spills right/);
    expect(doc).toContain('@customfunction');
    expect(doc).toMatch(/@return \{Array<Array<number>>\}/);
    const names = params.split(',').map((p) => p.trim());
    expect(names).toEqual([
      'model',
      'requests_per_day',
      'avg_input_tokens',
      'avg_output_tokens',
      'tier',
      'cached_share',
      'monthly_growth',
      'months',
      'start_month',
    ]);
    for (const name of names)
      expect(doc).toMatch(new RegExp(`@param \\{[^}]+\\} \\[?${name}\\]? `));
  });
});
