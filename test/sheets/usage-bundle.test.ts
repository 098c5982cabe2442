// OPENAI_USAGE_COST and OPENAI_RECONCILE on the BUILT dist/Code.js in a bare vm context, on the
// fixtures of test/fixtures/i15-functions (a dashboard usage and cost export) and variants of them:
// pasted as text, imported as numbers, shuffled and extra columns, a BOM, empty days, partial
// buckets, OpenAI's own example rows. Expected costs come from test/support/exports.ts.
import Decimal from 'decimal.js';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import vm from 'node:vm';
import { loadBundle, type Bundle } from '../support/bundle';
import {
  asImported,
  COST_CSV,
  fixtureText,
  rowObject,
  shuffledColumns,
  USAGE_CSV,
  usageRowRef,
} from '../support/exports';
import { expectClose, isErrorObject, thrown } from '../support/reference';

let fns: Bundle;
let context: vm.Context;
beforeAll(() => {
  ({ fns, context } = loadBundle());
});

/** arrays of the vm realm compare by value */
const plain = (value: unknown) => JSON.parse(JSON.stringify(value));
const usageCost = (grid: unknown[][]) => plain(fns.OPENAI_USAGE_COST(grid)) as unknown[][];
const reconcile = (...args: unknown[]) => plain(fns.OPENAI_RECONCILE(...args)) as unknown[][];
function message(call: () => unknown): string {
  const error = thrown(call);
  expect(isErrorObject(error)).toBe(true);
  return error.message;
}

const usageText = fixtureText(USAGE_CSV);
const costText = fixtureText(COST_CSV);
const dayOf = (row: Record<string, unknown>) =>
  new Date(Number(row.start_time) * 1000).toISOString().slice(0, 10);

/** What each fixture row must give: a cost (by the reference), blank, or a reason. */
const EXPECTED_REASONS: Record<number, string> = {
  9: 'not priced: gpt-6-sol was released on 2026-09-23: it has no price on 2026-08-31',
  10: 'not priced: unknown service_tier "scale" (priced: default, auto, flex, priority)',
  11: 'not priced: unknown model "gpt-5-nanoo" (did you mean "gpt-5-nano"?)',
  13: 'not priced: 3,000,000 input tokens do not fit in one gpt-5.4 request (context window 1,050,000 tokens): the row sums several requests, so give their number (num_model_requests)',
  14: 'not priced: the row has tokens but no model (an export not grouped by model cannot be priced: export it grouped by model)',
};
const BLANK_ROWS = [1, 15];

function expectFixtureCosts(out: unknown[][]): void {
  expect(out.length).toBe(usageText.length);
  expect(out[0]).toEqual(['cost_usd: 5 rows not priced']);
  for (let r = 1; r < usageText.length; r++) {
    const cell = out[r][0];
    if (BLANK_ROWS.includes(r)) expect([r, cell]).toEqual([r, '']);
    else if (EXPECTED_REASONS[r]) expect([r, cell]).toEqual([r, EXPECTED_REASONS[r]]);
    else {
      const row = rowObject(usageText, r);
      expectClose(cell, usageRowRef(row, dayOf(row)));
    }
  }
}

describe('OPENAI_USAGE_COST on a dashboard export', () => {
  test('pasted as text: "31422.0", "False", a BOM in the first header, ISO times without +00:00', () => {
    expect(usageText[0][0]).toBe('\uFEFFstart_time');
    expect(usageText[2][12]).toBe('31422.0');
    expectFixtureCosts(usageCost(usageText));
  });

  test('imported: numbers and TRUE/FALSE give the same costs', () => {
    const imported = asImported(usageText);
    expect(imported[3][9]).toBe(true);
    expect(usageCost(imported)).toEqual(usageCost(usageText));
  });

  test('shuffled columns, upper-case headers and columns no export has', () => {
    const shuffled = shuffledColumns(asImported(usageText));
    expect(shuffled[0][0]).toBe('Notes');
    expect(usageCost(shuffled)).toEqual(usageCost(usageText));
  });

  test('each kind of row: priority, flex, batch, cache writes, audio and image breakdowns', () => {
    const out = usageCost(asImported(usageText));
    // gpt-5 priority: 40,000 x $2.5 + 10,000 x $0.25 + 8,000 x $20 per 1M
    expect(out[4][0]).toBe((40000 * 2.5 + 10000 * 0.25 + 8000 * 20) / 1e6);
    // gpt-5 flex: 300,000 x $0.625 + 300,000 x $0.0625 + 100,000 x $5
    expect(out[5][0]).toBe((300000 * 0.625 + 300000 * 0.0625 + 100000 * 5) / 1e6);
    // gpt-5.6-terra on 2026-08-31: 40,000 x $2 + 30,000 x $0.2 + 20,000 cache writes x $2.5 + 5,000 x $12
    expect(out[6][0]).toBe((40000 * 2 + 30000 * 0.2 + 20000 * 2.5 + 5000 * 12) / 1e6);
    // gpt-realtime: text 300 x 4 + 200 x 0.4 + 100 x 16; audio 200 x 32 + 100 x 0.4 + 100 x 64;
    // image 100 x 5 + 100 x 0.5
    expectClose(
      out[7][0],
      (300 * 4 + 200 * 0.4 + 100 * 16 + 200 * 32 + 100 * 0.4 + 100 * 64 + 100 * 5 + 100 * 0.5) /
        1e6,
    );
    // gpt-image-1: 1,000 text x $5; 4,000 image x $10 + 4,160 image output x $40
    expect(out[8][0]).toBe((1000 * 5 + 4000 * 10 + 4160 * 40) / 1e6);
    // gpt-5.4, a partial bucket (01:00): 10 requests of 300,000 tokens bill at long-context rates
    expect(out[12][0]).toBe((3e6 * 5 + 2e4 * 22.5) / 1e6);
  });

  test('an open-ended range: trailing blank rows stay blank', () => {
    const width = usageText[0].length;
    const open = [
      ...asImported(usageText),
      ...Array.from({ length: 20 }, () => Array(width).fill('')),
    ];
    const out = usageCost(open);
    expect(out.length).toBe(open.length);
    expect(out.slice(usageText.length)).toEqual(Array(20).fill(['']));
  });

  test('an export of a range with no usage: the four time columns only', () => {
    const grid = [
      ['start_time', 'end_time', 'start_time_iso', 'end_time_iso'],
      [1788048000, 1788134400, '2026-08-30T00:00:00+00:00', '2026-08-31T00:00:00+00:00'],
    ];
    expect(usageCost(grid)).toEqual([['cost_usd'], ['']]);
  });

  test('an older export (no compute_units, no input_cache_write_tokens) prices the same', () => {
    const drop = new Set(['compute_units', 'input_cache_write_tokens']);
    const keep = usageText[0].map((h, k) => (drop.has(h) ? -1 : k)).filter((k) => k >= 0);
    const older = asImported(usageText.map((row) => keep.map((k) => row[k])));
    const out = usageCost(older);
    const all = usageCost(usageText);
    // only the cache-write row differs: its 20,000 cache writes are now uncached input
    for (let r = 0; r < out.length; r++) if (r !== 6) expect([r, out[r]]).toEqual([r, all[r]]);
    expect(out[6][0]).toBe((60000 * 2 + 30000 * 0.2 + 5000 * 12) / 1e6);
  });

  test('the day from start_time_iso alone, as text or as the Date Sheets makes of it', () => {
    const k = usageText[0].indexOf('start_time_iso');
    const isoOnly = asImported(usageText).map((row) => row.slice(k));
    expect(usageCost(isoOnly)).toEqual(usageCost(usageText));
    // Sheets turns "2026-08-31T00:00:00" into a date shown in the sheet's time zone (here: local)
    const dated = isoOnly.map((row, r) => {
      if (r === 0 || typeof row[0] !== 'string') return row;
      const [y, m, d] = (row[0] as string).slice(0, 10).split('-').map(Number);
      return [vm.runInContext(`new Date(${y}, ${m - 1}, ${d}, 1)`, context), ...row.slice(1)];
    });
    expect(usageCost(dated)).toEqual(usageCost(usageText));
  });

  test("one row not priced: the header in the spec's words", () => {
    const grid = [
      ['model', 'input_tokens', 'output_tokens'],
      ['gpt-4o', 1000, 10],
      ['gpt4o', 1000, 10],
    ];
    expect(usageCost(grid).map((r) => r[0])).toEqual([
      'cost_usd: 1 rows not priced',
      fns.OPENAI_COST('gpt-4o', 1000, 10),
      'not priced: unknown model "gpt4o" (did you mean "gpt-4o"?)',
    ]);
  });

  test('no time columns: current prices', () => {
    const grid = [
      ['model', 'input_tokens', 'output_tokens'],
      ['gpt-4o', 100000, 1000],
    ];
    expect(usageCost(grid)).toEqual([['cost_usd'], [fns.OPENAI_COST('gpt-4o', 100000, 1000)]]);
  });

  test('bad cells are rows not priced, each with its reason; never a whole-column error', () => {
    const grid = [
      ['start_time', 'model', 'input_tokens', 'output_tokens', 'batch'],
      [1788134400, 'gpt-4o', '1,000', 10, false],
      [1788134400, 'gpt-4o', 1000, 10, 'maybe'],
      ['31/08/2026', 'gpt-4o', 1000, 10, false],
      [1788134400000, 'gpt-4o', 1000, 10, false],
      [1788134400, true, 1000, 10, false],
      [1788134400, 'gpt-4o', -5, 10, false],
      [1788134400, 'gpt-4o', 1000, 10, false],
    ];
    expect(usageCost(grid)).toEqual([
      ['cost_usd: 6 rows not priced'],
      [
        'not priced: input_tokens is the text "1,000", not a number (remove the thousands separators)',
      ],
      ['not priced: batch is the text "maybe", not TRUE or FALSE'],
      ['not priced: start_time is the text "31/08/2026", not Unix seconds like 1756684800'],
      [
        'not priced: start_time is the number 1788134400000: a Unix time in milliseconds? start_time is in seconds',
      ],
      ['not priced: model must be text, got TRUE'],
      ['not priced: input_tokens is negative (-5); it must be 0 or more'],
      [fns.OPENAI_COST('gpt-4o', 1000, 10, '', 0, '2026-08-31')],
    ]);
  });

  test('before 2026-07-15 input_audio_tokens included the cached audio tokens', () => {
    const header = [
      'start_time',
      'model',
      'input_tokens',
      'output_tokens',
      'input_cached_tokens',
      'input_audio_tokens',
      'input_cached_audio_tokens',
    ];
    const row = (start: number) => [start, 'gpt-realtime', 1000, 0, 300, 300, 100];
    const out = usageCost([header, row(1783987200), row(1784073600)]); // 07-14, 07-15
    // 07-14: audio 200 uncached + 100 cached; text 500 + 200 cached
    expectClose(out[1][0], (500 * 4 + 200 * 0.4 + 200 * 32 + 100 * 0.4) / 1e6);
    // 07-15: audio 300 uncached + 100 cached; text 400 + 200 cached
    expectClose(out[2][0], (400 * 4 + 200 * 0.4 + 300 * 32 + 100 * 0.4) / 1e6);
  });

  test("OpenAI's example results (Usage API), as rows", () => {
    // organization/usage/completions example: a query without group_by=model (model null)
    const header = [
      'start_time',
      'end_time',
      'input_tokens',
      'input_cached_tokens',
      'input_cache_write_tokens',
      'input_uncached_tokens',
      'output_tokens',
      'input_text_tokens',
      'output_text_tokens',
      'input_cached_text_tokens',
      'input_audio_tokens',
      'input_cached_audio_tokens',
      'output_audio_tokens',
      'input_image_tokens',
      'input_cached_image_tokens',
      'output_image_tokens',
      'num_model_requests',
      'project_id',
      'user_id',
      'api_key_id',
      'model',
      'batch',
      'service_tier',
    ];
    const page = [
      1730419200,
      1730505600,
      1000,
      400,
      100,
      500,
      500,
      400,
      400,
      300,
      50,
      50,
      50,
      50,
      50,
      50,
      5,
      '',
      '',
      '',
      '',
      '',
      '',
    ];
    expect(usageCost([header, page])[1][0]).toMatch(/^not priced: the row has tokens but no model/);
    // components.schemas.UsageCompletionsResult example: gpt-4o-mini has no audio or image-output
    // prices, so its audio and image output tokens cannot be priced
    const schema = [
      '',
      '',
      5000,
      1800,
      200,
      3000,
      1000,
      2500,
      800,
      1500,
      300,
      100,
      100,
      200,
      200,
      100,
      5,
      'proj_abc',
      'user-abc',
      'key_abc',
      'gpt-4o-mini-2024-07-18',
      false,
      'default',
    ];
    expect(usageCost([header, schema])[1][0]).toBe(
      'not priced: "gpt-4o-mini-2024-07-18" has no output image-token price: the row has 100 output image tokens',
    );
    // the same counts on gpt-realtime, which has audio and image prices: every part priced
    const realtime = schema.map((v, k) => (header[k] === 'model' ? 'gpt-realtime' : v));
    realtime[header.indexOf('output_image_tokens')] = 0;
    realtime[header.indexOf('output_tokens')] = 900;
    const out = usageCost([header, realtime])[1][0];
    // text: 2,500 x 4 + 1,500 cached x 0.4 + 200 cache writes x 4 + 800 x 16;
    // audio: 300 x 32 + 100 x 0.4 + 100 x 64; image input: 200 x 5 + 200 x 0.5
    expectClose(
      out,
      (2500 * 4 +
        1500 * 0.4 +
        200 * 4 +
        800 * 16 +
        300 * 32 +
        100 * 0.4 +
        100 * 64 +
        200 * 5 +
        200 * 0.5) /
        1e6,
    );
  });

  test('argument errors: a single value, a header without the required columns', () => {
    expect(message(() => fns.OPENAI_USAGE_COST('gpt-4o'))).toBe(
      'usage_export must be the export\'s range with its header row, e.g. A1:Z (got the text "gpt-4o")',
    );
    expect(
      message(() =>
        fns.OPENAI_USAGE_COST([
          ['day', 'model', 'tokens'],
          ['2026-08-31', 'gpt-4o', 5],
        ]),
      ),
    ).toBe(
      'usage_export has no input_tokens, output_tokens column: give the export with its header row (its first row has day, model, tokens)',
    );
  });

  test('100,000 rows of distinct unknown models: a reason each, within seconds', () => {
    const grid: unknown[][] = [['model', 'input_tokens', 'output_tokens']];
    for (let r = 0; r < 100_000; r++) grid.push([`claude-${r}`, 1000, 10]);
    const start = Date.now();
    const out = fns.OPENAI_USAGE_COST(grid) as unknown[][];
    expect(Date.now() - start).toBeLessThan(20_000);
    expect(out[0][0]).toBe('cost_usd: 100000 rows not priced');
    expect(out[100_000][0]).toMatch(/^not priced: unknown model "claude-99999"/);
  });
});

describe('OPENAI_RECONCILE', () => {
  test('the fixtures: days with rows not priced say so; a bill with no usage', () => {
    const out = reconcile(usageText, costText);
    const costs = usageCost(usageText);
    const computed = (day: string) =>
      usageText
        .slice(1)
        .map((row, k) => [row, costs[k + 1][0]] as const)
        .filter(
          ([row, cost]) =>
            typeof cost === 'number' && dayOf(rowObject([usageText[0], row], 1)) === day,
        )
        .reduce((sum, [, cost]) => sum.plus(cost as number), new Decimal(0));
    expect(out[0]).toEqual(['day', 'computed_usd', 'billed_usd', 'difference_usd', 'status']);
    expect(out.map((r) => [r[0], r[4]])).toEqual([
      ['day', 'status'],
      ['2026-08-31', 'not priced: 3 rows'],
      ['2026-09-01', 'not priced: 2 rows'],
      ['2026-09-03', 'no usage'],
      ['total', 'not priced: 5 rows'],
    ]);
    expectClose(out[1][1], computed('2026-08-31'));
    expect(out[1][2]).toBe(1.1520511); // the exact sum of the four line items
    expect(out[2][1]).toBe(15.45);
    expect(out[2][2]).toBe(7.95);
    expect(out[2][3]).toBe(-7.5);
    expect(out[3]).toEqual(['2026-09-03', 0, 0.035, 0.035, 'no usage']);
    expectClose(out[4][1], computed('2026-08-31').plus(15.45));
    expectClose(out[4][2], 1.1520511 + 7.95 + 0.035);
  });

  test('match, billed more, billed less, no bill; the tolerance argument', () => {
    const usage = [
      ['start_time', 'model', 'input_tokens', 'output_tokens', 'num_model_requests'],
      [1788134400, 'gpt-4o', 1_000_000, 100_000, 10], // 2026-08-31: $3.50
      [1788220800, 'gpt-4o', 1_000_000, 100_000, 10], // 09-01: $3.50
      [1788307200, 'gpt-4o', 1_000_000, 100_000, 10], // 09-02: $3.50
      [1788393600, 'gpt-4o', 100_000, 10_000, 1], // 09-03: $0.35
    ];
    const costs = [
      ['start_time', 'amount_value', 'amount_currency', 'line_item'],
      [1788134400, '3.000000000000000000000000000000000000', 'usd', 'gpt-4o-2024-08-06, input'],
      [1788134400, '0.500000000000000000000000000000000000', 'usd', 'gpt-4o-2024-08-06, output'],
      [1788220800, 3.6, 'usd', 'gpt-4o-2024-08-06, input'],
      [1788307200, '3.4', 'USD', 'gpt-4o-2024-08-06, input'],
    ];
    expect(reconcile(usage, costs)).toEqual([
      ['day', 'computed_usd', 'billed_usd', 'difference_usd', 'status'],
      ['2026-08-31', 3.5, 3.5, 0, 'match'],
      ['2026-09-01', 3.5, 3.6, 0.1, 'billed more'],
      ['2026-09-02', 3.5, 3.4, -0.1, 'billed less'],
      ['2026-09-03', 0.35, 0, -0.35, 'no bill'],
      ['total', 10.85, 10.5, -0.35, 'billed less'],
    ]);
    const loose = reconcile(usage, costs, 0.1);
    expect(loose.map((r) => r[4])).toEqual([
      'status',
      'match',
      'match',
      'match',
      'no bill',
      'billed less',
    ]);
    expect(reconcile(usage, costs, 1)[5][4]).toBe('match');
  });

  test('a usage export with one row per hour and a cost export on UTC days line up by day', () => {
    const usage: unknown[][] = [['start_time', 'model', 'input_tokens', 'output_tokens']];
    for (let h = 0; h < 24; h++) usage.push([1788134400 + h * 3600, 'gpt-4o-mini', 10_000, 1_000]);
    const costs = [
      ['start_time_iso', 'amount_value', 'amount_currency'],
      ['2026-08-31T00:00:00+00:00', '0.05040', 'usd'],
    ];
    expect(reconcile(usage, costs)).toEqual([
      ['day', 'computed_usd', 'billed_usd', 'difference_usd', 'status'],
      ['2026-08-31', 0.0504, 0.0504, 0, 'match'],
      ['total', 0.0504, 0.0504, 0, 'match'],
    ]);
  });

  test('clear errors: another currency, no days, a bad amount, a missing column', () => {
    const usage = [
      ['start_time', 'model', 'input_tokens', 'output_tokens'],
      [1788134400, 'gpt-4o', 1000, 100],
    ];
    expect(
      message(() =>
        fns.OPENAI_RECONCILE(usage, [
          ['start_time', 'amount_value', 'amount_currency'],
          [1788134400, '5', 'eur'],
        ]),
      ),
    ).toBe(
      'cost_export row 2: amount_currency is the text "eur": OPENAI_RECONCILE compares US dollars (usd) only; convert the bill first',
    );
    expect(
      message(() =>
        fns.OPENAI_RECONCILE(usage, [
          ['start_time', 'amount_value'],
          [1788134400, '5 USD'],
        ]),
      ),
    ).toBe('cost_export row 2: amount_value is the text "5 USD", not an amount in dollars');
    expect(
      message(() =>
        fns.OPENAI_RECONCILE(
          [
            ['model', 'input_tokens', 'output_tokens'],
            ['gpt-4o', 1, 1],
          ],
          [['start_time', 'amount_value']],
        ),
      ),
    ).toBe(
      'usage_export has no start_time or start_time_iso column: reconciling needs the day of each row',
    );
    expect(message(() => fns.OPENAI_RECONCILE(usage, [['line_item', 'amount']]))).toBe(
      'cost_export has no start_time, amount_value column: give the export with its header row (its first row has line_item, amount)',
    );
    expect(
      message(() => fns.OPENAI_RECONCILE(usage, [['start_time', 'amount_value']], -1)),
    ).toMatch(/^tolerance is the number -1/);
  });

  test("computed_usd of each day is the sum of that day's OPENAI_USAGE_COST rows", () => {
    const grid = asImported(usageText).filter((_, r) => !EXPECTED_REASONS[r]);
    const costs = usageCost(grid);
    const out = reconcile(grid, [['start_time', 'amount_value']]);
    const byDay = new Map<string, Decimal>();
    grid.slice(1).forEach((row, k) => {
      const cost = costs[k + 1][0];
      if (typeof cost !== 'number') return;
      const day = dayOf(rowObject([grid[0], row], 1));
      byDay.set(day, (byDay.get(day) ?? new Decimal(0)).plus(cost));
    });
    expect(out.slice(1, -1).map((r) => [r[0], r[4]])).toEqual(
      [...byDay.keys()].map((day) => [day, 'no bill']),
    );
    for (const row of out.slice(1, -1)) expectClose(row[1], byDay.get(row[0] as string)!);
  });
});

describe('aggregated rows in OPENAI_COST: more input than one request holds needs requests', () => {
  test('an error asking for the count; with it, the average request decides', () => {
    expect(message(() => fns.OPENAI_COST('gpt-5.4', 3_000_000, 20_000))).toBe(
      '3,000,000 input tokens do not fit in one gpt-5.4 request (context window 1,050,000 tokens): the row sums several requests, so give their number (requests)',
    );
    expect(fns.OPENAI_COST('gpt-5.4', 3_000_000, 20_000, '', 0, '', 20)).toBe(7.8);
    expect(fns.OPENAI_COST('gpt-5.4', 3_000_000, 20_000, '', 0, '', 10)).toBe(15.45);
    expect(fns.OPENAI_COST('gpt-5.4', 1_050_000, 0)).toBe(5.25); // the window itself is one request
    expect(message(() => fns.OPENAI_COST('gpt-4o', 128_001, 0))).toMatch(
      /^128,001 input tokens do not fit in one gpt-4o request/,
    );
    // embeddings take a list of inputs per request: the 8,192-token window bounds each input
    expect(fns.OPENAI_COST('text-embedding-3-small', 5_000_000, 0, 'batch')).toBe(0.05);
  });

  test('a column: the fast path and the general path name the same row', () => {
    const col = (...values: unknown[]) => values.map((v) => [v]);
    const models = col('gpt-4o', 'gpt-5.4', 'gpt-5.4');
    expect(
      message(() =>
        fns.OPENAI_COST(models, col(1000, 2_000_000, 3_000_000), 0, '', 0, '', col(1, 10, '')),
      ),
    ).toBe(
      'row 3: 3,000,000 input tokens do not fit in one gpt-5.4 request (context window 1,050,000 tokens): the row sums several requests, so give their number (requests)',
    );
    expect(
      message(() =>
        fns.OPENAI_COST(models, col('1000', 2_000_000, 3_000_000), 0, '', 0, '', col(1, 10, '')),
      ),
    ).toMatch(/^row 3: 3,000,000 input tokens do not fit/);
    expect(
      plain(fns.OPENAI_COST(models, col(1000, 2_000_000, 3_000_000), 0, '', 0, '', col(1, 10, 12))),
    ).toEqual([[0.0025], [5], [7.5]]);
  });
});

describe("the README's examples compute as shown", () => {
  const readme = readFileSync(resolve(__dirname, '../../README.md'), 'utf8').split('\n');
  /** The markdown table whose header row contains `marker`: its header and rows, cells trimmed. */
  function table(marker: string): string[][] {
    const start = readme.findIndex((line) => line.startsWith('|') && line.includes(marker));
    expect(start).toBeGreaterThanOrEqual(0);
    const rows: string[][] = [];
    for (let k = start; k < readme.length && readme[k].startsWith('|'); k++) {
      if (k === start + 1) continue; // the | --- | line
      const cells = readme[k]
        .slice(1, -1)
        .split(/(?<!\\)\|/)
        .map((cell) => cell.trim().replace(/\\\|/g, '|'));
      rows.push(cells);
    }
    return rows;
  }
  const value = (cell: string) => (/^-?\d+(\.\d+)?$/.test(cell) ? Number(cell) : cell);

  const example = table('`=OPENAI_USAGE_COST(A1:H)`').slice(1); // the sheet's rows 1 to 8
  const usage = asImported(example.map((row) => row.slice(0, 8)));

  test('OPENAI_USAGE_COST', () => {
    expect(usageCost(usage)).toEqual(example.map((row) => [value(row[8])]));
  });

  test('OPENAI_RECONCILE, with and without a tolerance', () => {
    const costs = table('| amount_value ').map((row, r) => (r === 0 ? row : row.map(value)));
    const expected = table('| computed_usd ').map((row, r) => (r === 0 ? row : row.map(value)));
    // A1:H6: the export with its two rows not priced deleted
    const priced = usage.filter((_, r) => !String(example[r][8]).startsWith('not priced'));
    expect(priced.length).toBe(6);
    expect(reconcile(priced, costs)).toEqual(expected);
    expect(reconcile(priced, costs, 0.001)[1][4]).toBe('billed more');
  });
});
