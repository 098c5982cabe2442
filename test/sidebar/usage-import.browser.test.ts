// The import journey in a real Chromium, in the playground: the sidebar's "Import usage…" page
// reads a chosen usage export with FileReader and sends it to importUsageExport; the grid shows
// the new sheet with its OPENAI_USAGE_COST column and its summary; a pasted cost export becomes a
// second sheet with the reconciliation of the two. Bad text is an error in the sidebar, and no
// sheet. Saves artifacts/usage-import*.png.
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { formatValue } from '../../scripts/playground/number-format';
import { columnLetters } from '../../scripts/playground/memory-spreadsheet';
import { exactly, usePlayground } from '../support/browser';

const pg = usePlayground({ width: 1500, height: 800 });
const { cell, cellShows } = pg;
const FIXTURES = resolve(__dirname, '../fixtures/i15-import');
const USAGE_FILE = resolve(FIXTURES, 'completions_usage_2026-08-30_2026-09-02.csv');
const COST_TEXT = readFileSync(resolve(FIXTURES, 'cost_2026-08-30_2026-09-02.csv'), 'utf8');

const book = () => pg.running.playground.book;
const fns = () => pg.running.playground.fns;
/** the active sheet's values of a range, as custom functions get them */
const values = (a1: string) =>
  pg.running.playground.SpreadsheetApp.getActiveSpreadsheet().getRange(a1).getValues();
const status = () => pg.sidebar.locator('#import-status');

async function importNow(): Promise<string> {
  await pg.sidebar.locator('#import-run').click();
  await pg.sidebar.locator('#import-status.success, #import-status.error').waitFor();
  return (await status().textContent()) ?? '';
}

/** scrolls the grid so that the column of `a1` is at its left edge */
async function scrollTo(a1: string) {
  await cell(a1).evaluate((td) => {
    const wrap = document.getElementById('grid-wrap')!;
    wrap.scrollLeft = (td as HTMLElement).offsetLeft - 48;
  });
}

test('the Import usage… page: a file chosen, read in the browser, imported into a new sheet', async () => {
  await pg.sidebar.getByRole('tab', { name: 'Import' }).click();
  await pg.sidebar.getByRole('heading', { name: 'Import usage…' }).waitFor();
  await expect(pg.sidebar.locator('#import-run').isDisabled()).resolves.toBe(true);
  await pg.sidebar.locator('#import-file').setInputFiles(USAGE_FILE);
  await pg.sidebar
    .locator('#import-chosen', { hasText: /^completions_usage_2026-08-30_2026-09-02\.csv: / })
    .waitFor();
  await expect(pg.sidebar.locator('#import-chosen').textContent()).resolves.toMatch(/6 lines\.$/);
  await pg.screenshot('usage-import-chosen');

  expect(await importNow()).toBe('Imported 5 usage rows into the new sheet “OpenAI usage”.');
  await pg.page.locator('#tabs button.active', { hasText: exactly('OpenAI usage') }).waitFor();
  // the table as exported: counts as numbers, the batch flag a boolean, times as text
  await cellShows('A1', 'start_time');
  await cellShows('I3', 'gpt-5-nano-2025-08-07');
  await cellShows('M3', '31,422');
  await cellShows('J4', 'TRUE');
  await cellShows('C3', '2026-08-31T00:00:00');
  expect(values('J3:J4')).toEqual([[false], [true]]);
  expect(values('M3')).toEqual([[31422]]);
});

test('the cost column is one OPENAI_USAGE_COST over the table, equal to the function itself', async () => {
  await expect(cell('AA1').getAttribute('title')).resolves.toBe('=OPENAI_USAGE_COST(A1:Z)');
  const table = values('A1:Z6');
  const expected = fns().OPENAI_USAGE_COST(table) as unknown[][];
  expect(expected[0][0]).toMatch(/^cost_usd/);
  await cellShows('AA1', String(expected[0][0]));
  for (let row = 2; row <= 6; row++) {
    const value = expected[row - 1][0];
    const shown = typeof value === 'number' ? formatValue(value, '$#,##0.00####') : String(value);
    await cellShows(`AA${row}`, shown);
  }
  // the empty day has no cost; gpt-4o-2024-11-20 has no priority prices: that row says so
  await cellShows('AA2', '');
  expect(expected.slice(2, 5).every(([v]) => typeof v === 'number')).toBe(true);
  expect(expected[5][0]).toMatch(/^not priced: gpt-4o-2024-11-20 .*priority/);
  expect(expected[0][0]).toBe('cost_usd: 1 rows not priced');
});

test('the summary by month and model sums the rows and their costs', async () => {
  await scrollTo('AC1');
  await cellShows('AC1', 'Summary by month (UTC) and model');
  const header = ['month', 'model', 'requests', 'input_tokens', 'output_tokens', 'cost_usd'];
  for (const [k, name] of [...header, 'rows_not_priced'].entries()) {
    await cellShows(`${columnLetters(29 + k)}2`, name); // from AC
  }
  // two months, gpt-5-nano in both: four rows sorted by month, then model
  const rows = values('AC3:AI7');
  expect(rows.map((r) => [r[0], r[1], r[2]])).toEqual([
    ['2026-08', 'gpt-4.1-2025-04-14', 2],
    ['2026-08', 'gpt-5-nano-2025-08-07', 4],
    ['2026-09', 'gpt-4o-2024-11-20', 1],
    ['2026-09', 'gpt-5-nano-2025-08-07', 10],
    ['', '', '', '', '', '', ''].slice(0, 3),
  ]);
  const costs = values('AA3:AA6').map(([v]) => v);
  expect(rows[0][5]).toBeCloseTo(costs[1] as number, 12); // gpt-4.1 on 2026-08-31
  expect(rows[1][5]).toBeCloseTo(costs[0] as number, 12);
  expect(rows[3][5]).toBeCloseTo(costs[2] as number, 12);
  // the row that could not be priced is counted, not summed as 0 silently
  expect(rows.slice(0, 4).map((r) => [r[5] === 0, r[6]])).toEqual([
    [false, 0],
    [false, 0],
    [true, 1],
    [false, 0],
  ]);
  await pg.screenshot('usage-import-usage-sheet');
});

test('a pasted cost export: a second sheet, its summary, and the reconciliation by day', async () => {
  await pg.sidebar.locator('#import-text').fill(COST_TEXT);
  expect(await importNow()).toBe('Imported 7 cost rows into the new sheet “OpenAI costs”.');
  await pg.page.locator('#tabs button.active', { hasText: exactly('OpenAI costs') }).waitFor();
  await cellShows('E3', '0.0005711');
  await cellShows('I3', 'gpt-5-nano-2025-08-07, input');
  await cellShows('R1', 'Summary by month (UTC) and line item');
  await expect(cell('W2').getAttribute('title')).resolves.toBe(
    "=OPENAI_RECONCILE('OpenAI usage'!A1:Z,A1:P)",
  );
  const usage = book().sheetNamed('OpenAI usage');
  const usageTable = pg.running.playground.SpreadsheetApp.getActiveSpreadsheet()
    .getRange("'OpenAI usage'!A1:Z6")
    .getValues();
  expect(usage.name).toBe('OpenAI usage');
  const expected = fns().OPENAI_RECONCILE(usageTable, values('A1:P8')) as unknown[][];
  expect(expected[0]).toEqual(['day', 'computed_usd', 'billed_usd', 'difference_usd', 'status']);
  const shown = values(`W2:AA${1 + expected.length}`);
  expect(shown.map((r) => [r[0], r[4]])).toEqual(expected.map((r) => [r[0], r[4]]));
  expect(shown[shown.length - 1][0]).toBe('total');
  await scrollTo('R1');
  await pg.screenshot('usage-import-reconciliation');
});

test('text that is no export: the sidebar says what was expected; no sheet is added', async () => {
  const sheets = book().sheets.length;
  await pg.sidebar.locator('#import-text').fill('date,amount\n2026-08-01,12.50\n');
  const message = await importNow();
  expect(message).toMatch(/^Nothing was imported: expected an OpenAI usage or cost export/);
  expect(message).toContain('got a CSV whose header is "date, amount"');
  await expect(status().getAttribute('class')).resolves.toContain('error');
  expect(book().sheets.length).toBe(sheets);
  await pg.screenshot('usage-import-error');
});
