// importUsageExport on the built dist/Code.js against the in-memory spreadsheet, its formulas
// evaluated by the playground's engine: the contract ({ sheetName, kind, rows }), typed cells,
// one setValues per block of rows, new sheets only (nothing of the user's touched), the summary's
// numbers against the table, the reconciliation pairing the latest imports of each kind (renamed
// sheets too), rows pasted under the table, errors before any service call, and 100,000 rows.
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { createPlayground, type Playground } from '../../scripts/playground/memory-spreadsheet';

const FIXTURES = resolve(__dirname, '../fixtures/i15-import');
const USAGE = readFileSync(
  resolve(FIXTURES, 'completions_usage_2026-08-30_2026-09-02.csv'),
  'utf8',
);
const COST = readFileSync(resolve(FIXTURES, 'cost_2026-08-30_2026-09-02.csv'), 'utf8');

const rangeOf = (pg: Playground, a1: string) =>
  pg.SpreadsheetApp.getActiveSpreadsheet().getRange(a1);
const valuesOf = (pg: Playground, a1: string) => rangeOf(pg, a1).getValues();
const formulaOf = (pg: Playground, a1: string) => rangeOf(pg, a1).getFormula();

test('a usage export: the contract, the cells as typed, the formulas, the service calls', () => {
  const pg = createPlayground();
  pg.book.log.reset();
  expect(pg.run('importUsageExport', [USAGE])).toEqual({
    sheetName: 'OpenAI usage',
    kind: 'usage',
    rows: 5,
  });
  const calls = pg.book.log.calls;
  // the table in one setValues, then one per formula block (values, formats, weights, formulas)
  expect(calls.filter((c) => c === 'Range.setValues')).toHaveLength(3);
  expect(calls.filter((c) => c === 'Range.setFormulas')).toHaveLength(2);
  expect(calls.filter((c) => /setValue$|setFormula$/.test(c))).toEqual([]);
  expect(calls.length).toBeLessThanOrEqual(45);
  expect(pg.book.active.name).toBe('OpenAI usage');

  const sheet = "'OpenAI usage'!";
  expect(valuesOf(pg, `${sheet}A1:N1`)[0]).toEqual([
    'start_time', 'end_time', 'start_time_iso', 'end_time_iso', 'project_id', 'num_model_requests',
    'user_id', 'api_key_id', 'model', 'batch', 'service_tier', 'compute_units', 'input_tokens',
    'output_tokens',
  ]); // prettier-ignore
  expect(valuesOf(pg, `${sheet}A3:N3`)[0]).toEqual([
    1788134400, 1788220800, '2026-08-31T00:00:00', '2026-09-01T00:00:00', 'proj_abc', 4, '', '',
    'gpt-5-nano-2025-08-07', false, 'default', '', 31422, 1200,
  ]); // prettier-ignore
  expect(formulaOf(pg, `${sheet}AA1`)).toBe('=OPENAI_USAGE_COST(A1:Z)');
  // the cost column is what the function gives for the table
  const table = valuesOf(pg, `${sheet}A1:Z1000`);
  const costs = pg.fns.OPENAI_USAGE_COST(table) as unknown[][];
  expect(valuesOf(pg, `${sheet}AA1:AA6`)).toEqual(costs.slice(0, 6));
  expect(pg.book.active.frozenRows).toBe(1);
  expect(rangeOf(pg, `${sheet}M3`).getNumberFormat()).toBe('#,##0');
  expect(rangeOf(pg, `${sheet}AA3`).getNumberFormat()).toBe('$#,##0.00####');
});

test('the summary equals the sums of the table and its costs, by month and model', () => {
  const pg = createPlayground();
  pg.run('importUsageExport', [USAGE]);
  const rows = valuesOf(pg, 'A2:Z6');
  const costs = valuesOf(pg, 'AA2:AA6').map(([v]) => v);
  const expected = new Map<string, number[]>();
  rows.forEach((row, k) => {
    if (row[8] === '') return;
    const key = `${String(row[2]).slice(0, 7)}|${row[8]}`;
    const sums = expected.get(key) ?? [0, 0, 0, 0, 0];
    const cost = costs[k];
    expected.set(key, [
      sums[0] + (row[5] as number),
      sums[1] + (row[12] as number),
      sums[2] + (row[13] as number),
      sums[3] + (typeof cost === 'number' ? cost : 0),
      sums[4] + (String(cost).startsWith('not priced') ? 1 : 0),
    ]);
  });
  const summary = valuesOf(pg, 'AC3:AI8');
  const keys = [...expected.keys()].sort();
  expect(summary.slice(0, keys.length).map((r) => `${r[0]}|${r[1]}`)).toEqual(keys);
  summary.slice(0, keys.length).forEach((r, k) => {
    const sums = expected.get(keys[k])!;
    expect(r.slice(2, 5)).toEqual(sums.slice(0, 3));
    expect(r[5]).toBeCloseTo(sums[3], 12);
    expect(r[6]).toBe(sums[4]);
  });
  expect(summary[keys.length]).toEqual(['', '', '', '', '', '', '']);
});

test('rows pasted under the table are priced, summed and reconciled (open ranges)', () => {
  const pg = createPlayground();
  pg.run('importUsageExport', [USAGE]);
  const usage = pg.book.sheetNamed('OpenAI usage');
  const line = USAGE.trim().split('\n')[2].split(','); // gpt-5-nano on 2026-08-31
  line[8] = 'gpt-5-mini';
  rangeOf(pg, "'OpenAI usage'!A7:Z7").setValues([line]);
  expect(typeof pg.book.value(usage, 7, 27)).toBe('number');
  const months = valuesOf(pg, 'AC3:AD7').map((r) => `${r[0]} ${r[1]}`);
  expect(months).toContain('2026-08 gpt-5-mini');
});

test('a cost export after a usage export: its reconciliation reads the usage sheet', () => {
  const pg = createPlayground();
  pg.run('importUsageExport', [USAGE]);
  expect(pg.run('importUsageExport', [COST])).toEqual({
    sheetName: 'OpenAI costs',
    kind: 'cost',
    rows: 7,
  });
  expect(formulaOf(pg, "'OpenAI costs'!R3")).toMatch(/^=ARRAYFORMULA\(/);
  expect(formulaOf(pg, "'OpenAI costs'!W2")).toBe("=OPENAI_RECONCILE('OpenAI usage'!A1:Z,A1:P)");
  const expected = pg.fns.OPENAI_RECONCILE(
    valuesOf(pg, "'OpenAI usage'!A1:Z1000"),
    valuesOf(pg, "'OpenAI costs'!A1:P1000"),
  ) as unknown[][];
  expect(valuesOf(pg, `'OpenAI costs'!W2:AA${1 + expected.length}`)).toEqual(expected);
  expect(expected.map((r) => [r[0], r[4]])).toEqual([
    ['day', 'status'],
    ['2026-08-31', 'match'],
    ['2026-09-01', 'not priced: 1 rows'],
    ['total', 'not priced: 1 rows'],
  ]);
  // the cost summary: amounts by month and line item, in the sheet's own numbers
  const summary = valuesOf(pg, "'OpenAI costs'!R3:U8");
  expect(summary[0]).toEqual(['2026-08', 'batch | gpt-4.1-2025-04-14, input', 'usd', 0.12]);
  expect(summary.map((r) => r[3] as number).reduce((a, b) => a + b, 0)).toBeCloseTo(0.1270511, 12);
});

test('re-imports: new sheets, the latest of each kind paired, renamed sheets followed, old sheets untouched', () => {
  const pg = createPlayground();
  const user = pg.SpreadsheetApp.getActiveSpreadsheet().getRange('Sheet1!A1:B2');
  user.setValues([
    ['my notes', 1],
    ['OpenAI usage', 2],
  ]);
  pg.run('importUsageExport', [COST]);
  // the first import has nothing to reconcile with
  expect(formulaOf(pg, "'OpenAI costs'!W2")).toBe('');
  pg.run('importUsageExport', [USAGE]);
  expect(formulaOf(pg, "'OpenAI usage'!AK2")).toBe("=OPENAI_RECONCILE(A1:Z,'OpenAI costs'!A1:P)");
  const before = JSON.stringify(pg.book.sheets.map((s) => [...s.cells.entries()]));
  pg.SpreadsheetApp.getActiveSpreadsheet().getSheetByName('OpenAI usage')!.setName('August usage');
  expect(pg.run('importUsageExport', [COST])).toMatchObject({ sheetName: 'OpenAI costs (2)' });
  expect(formulaOf(pg, "'OpenAI costs (2)'!W2")).toBe(
    "=OPENAI_RECONCILE('August usage'!A1:Z,A1:P)",
  );
  expect(pg.run('importUsageExport', [USAGE])).toMatchObject({ sheetName: 'OpenAI usage' });
  expect(formulaOf(pg, "'OpenAI usage'!AK2")).toBe(
    "=OPENAI_RECONCILE(A1:Z,'OpenAI costs (2)'!A1:P)",
  );
  // what was there before the last two imports is as it was (the renamed sheet's cells too)
  const after = pg.book.sheets.slice(0, 3).map((s) => [...s.cells.entries()]);
  expect(JSON.stringify(after)).toBe(before);
  expect(valuesOf(pg, 'Sheet1!A1:B2')).toEqual([
    ['my notes', 1],
    ['OpenAI usage', 2],
  ]);
  expect(pg.book.sheets.map((s) => s.name)).toEqual([
    'Sheet1', 'OpenAI costs', 'August usage', 'OpenAI costs (2)', 'OpenAI usage',
  ]); // prettier-ignore
});

test('bad text: the error, no sheet, no service call at all', () => {
  const pg = createPlayground();
  pg.book.log.reset();
  expect(() => pg.run('importUsageExport', ['{"object": "list", "data": []}'])).toThrow(
    /^Nothing was imported: expected an OpenAI usage or cost export: .*; got JSON: an object with the keys object, data\.$/,
  );
  expect(() => pg.run('importUsageExport', [])).toThrow(/got blank, not text\.$/);
  expect(pg.book.log.calls).toEqual([]);
  expect(pg.book.sheets).toHaveLength(1);
});

test('100,000 usage rows: one setValues per block of rows, typed, within Apps Script limits', () => {
  const lines = USAGE.trim().split('\n');
  const rows = Array.from({ length: 100_000 }, (_, k) => lines[2 + (k % 4)]);
  const text = [lines[0], ...rows].join('\n');
  const pg = createPlayground();
  pg.book.log.reset();
  const started = performance.now();
  expect(pg.run('importUsageExport', [text])).toEqual({
    sheetName: 'OpenAI usage',
    kind: 'usage',
    rows: 100_000,
  });
  const seconds = (performance.now() - started) / 1000;
  const writes = pg.book.log.calls.filter((c) => c === 'Range.setValues').length;
  // 100,001 rows × 26 columns in blocks of 250,000 cells: 11 writes, then the 2 formula blocks
  expect(writes).toBe(Math.ceil(100_001 / Math.floor(250_000 / 26)) + 2);
  expect(pg.book.log.calls.length).toBeLessThan(70);
  expect(pg.book.active.maxRows).toBe(100_001);
  expect(valuesOf(pg, 'A100001:N100001')[0].slice(8, 14)).toEqual([
    'gpt-4o-2024-11-20', false, 'priority', '', 2000, 300,
  ]); // prettier-ignore
  // a limit against hangs, far above the measured time (npm run bench prints it)
  expect(seconds).toBeLessThan(120);
});
