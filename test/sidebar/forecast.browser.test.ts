// The README's forecast journey in a real Chromium, in the playground: the sidebar's Forecast
// button inserts the sheet (its formulas computed and formatted in the grid, the chart drawn), then
// the user types over an assumption and the start month and sees numbers and chart follow.
// Saves the screenshot of docs/forecast.png (README) and artifacts/forecast*.png.
import { copyFileSync, mkdirSync } from 'node:fs';
import { resolve } from 'node:path';
import { formatValue } from '../../scripts/playground/number-format';
import { usePlayground } from '../support/browser';

// wide enough for the sidebar and all 17 columns (A to Q) of the forecast side by side, high
// enough for the chart under the projection
const pg = usePlayground({ width: 2300, height: 1000 });
const { cell, text } = pg;

const NAME = 'AI spend forecast';

async function insertForecast(): Promise<string> {
  await pg.sidebar.locator('#forecast').click();
  await pg.sidebar.locator('#forecast-status.success, #forecast-status.error').waitFor();
  return (await pg.sidebar.locator('#forecast-status').textContent()) ?? '';
}

test('the Forecast button inserts the sheet; the grid shows computed amounts', async () => {
  expect(await insertForecast()).toBe(`Inserted the sheet “${NAME}” (A1:Q16).`);
  await pg.page.locator('#tabs button.active', { hasText: NAME }).waitFor();
  await cell('B13').filter({ hasText: /^\$/ }).waitFor();

  // the workload's OPENAI_FORECAST row, called directly with the sheet's start month
  const book = pg.running.playground.book;
  const start = book.active.cell(3, 2).value as Date;
  expect(await text('B3')).toBe(formatValue(start, 'mmmm yyyy'));
  const months = pg.running.playground.fns.OPENAI_FORECAST(
    'gpt-4.1-mini',
    20000,
    1500,
    300,
    'standard',
    0.5,
    0.05,
    12,
    start,
  ) as number[][];
  const columns = [...'BCDEFGHIJKLM'];
  for (const [m, col] of columns.entries()) {
    expect([col, await text(`${col}13`)]).toEqual([col, formatValue(months[0][m], '$#,##0.00')]);
  }
  const total = months[0].reduce((sum, cost) => sum + cost, 0);
  expect(await text('N13')).toBe(formatValue(total, '$#,##0.00'));

  // every amount of the projection is a formula shown as currency: no error, no formula text
  for (let row = 13; row <= 16; row++) {
    for (const col of [...columns, 'N', 'P', 'Q']) {
      const shown = await text(`${col}${row}`);
      expect([`${col}${row}`, shown]).toEqual([
        `${col}${row}`,
        expect.stringMatching(/^\$[\d,]+\.\d\d$/),
      ]);
      await expect(cell(`${col}${row}`).getAttribute('class')).resolves.toContain('num');
    }
  }
  await expect(cell('B13').getAttribute('title')).resolves.toMatch(/^=OPENAI_FORECAST\(B7,/);
  await expect(pg.page.locator('td.err').count()).resolves.toBe(0);
  await expect(pg.page.locator('td', { hasText: /^#/ }).count()).resolves.toBe(0);
  await expect(pg.page.locator('#charts').textContent()).resolves.toBe(
    'Charts: "Monthly cost by workload (USD)" column chart of A12:M15 at A18',
  );
});

test('screenshot: the sidebar with its Forecast entry, the forecast sheet beside it', async () => {
  await pg.sidebar.locator('#forecast-status').scrollIntoViewIfNeeded();
  const shot = await pg.screenshot('forecast');
  const docs = resolve(__dirname, '../../docs');
  mkdirSync(docs, { recursive: true });
  copyFileSync(shot, resolve(docs, 'forecast.png'));
});

test('a second click adds "(2)" and leaves the first sheet as it was', async () => {
  const first = JSON.stringify(pg.running.playground.book.snapshot().grid);
  expect(await insertForecast()).toBe(`Inserted the sheet “${NAME} (2)” (A1:Q16).`);
  await pg.page.locator('#tabs button.active', { hasText: `${NAME} (2)` }).waitFor();
  await pg.page.locator('#tabs button', { hasText: new RegExp(`^${NAME}$`) }).click();
  await pg.page.locator('#tabs button.active', { hasText: new RegExp(`^${NAME}$`) }).waitFor();
  expect(JSON.stringify(pg.running.playground.book.snapshot().grid)).toBe(first);
});

// ---------------------------------------------------------------------------------------------
// editing the forecast, as the README's four steps say. Cells are found by their labels, not by
// fixed addresses, so that the journey holds when the layout grows.

type At = { row: number; column: number };
const a1 = ({ row, column }: At) => `${String.fromCharCode(64 + column)}${row}`;
const below = ({ row, column }: At, rows = 1): At => ({ row: row + rows, column });
const right = ({ row, column }: At, columns = 1): At => ({ row, column: column + columns });

/** the first cell whose display is `label`, at or below `fromRow` */
function find(label: string | RegExp, fromRow = 1): At {
  const grid = pg.snapshot().grid;
  for (let r = fromRow - 1; r < grid.length; r++) {
    const c = grid[r].findIndex((cell) =>
      typeof label === 'string' ? cell.display === label : label.test(cell.display),
    );
    if (c >= 0) return { row: r + 1, column: c + 1 };
  }
  throw new Error(`no cell shows ${label}`);
}

/** where the journey types and reads */
function layout() {
  const requestsHeader = find('Requests per day');
  const header = find('Workload', find(/projection/i).row);
  return {
    start: right(find('Start month')),
    /** the first workload's assumptions row, and its requests cell */
    inputRow: requestsHeader.row + 1,
    requests: below(requestsHeader),
    /** the month headers' row and the first workload's first month */
    headerRow: header.row,
    firstMonth: { row: header.row + 1, column: 2 },
    total: { row: find('Total', header.row).row, column: 14 },
  };
}

const book = () => pg.running.playground.book;
const valueAt = ({ row, column }: At) => book().value(book().active, row, column);
/** what a row of the grid shows, months only (B to M) */
const monthsShown = (row: number) =>
  pg
    .snapshot()
    .grid[row - 1].slice(1, 13)
    .map((c) => c.display);

/** what the drawn chart shows: its category labels and the first series' bars */
async function drawnChart() {
  const svg = pg.page.locator('.chart-box svg');
  const name = (await svg.locator('text.legend').first().getAttribute('data-series')) ?? '';
  const bars = svg.locator(`rect.bar[data-series="${name}"]`);
  return {
    title: await svg.getAttribute('aria-label'),
    categories: await svg.locator('text.category').allTextContents(),
    name,
    values: (await bars.evaluateAll((rects) => rects.map((r) => r.getAttribute('data-value')))).map(
      Number,
    ),
    heights: await bars.evaluateAll((rects) => rects.map((r) => r.getAttribute('height'))),
  };
}

/** types `input` into a cell with the keyboard and presses Enter, as a user does */
async function typeInto(at: At, input: string) {
  await pg.selectCell(a1(at));
  await pg.page.keyboard.type(input);
  await pg.page.keyboard.press('Enter');
}

test('the chart is drawn from the sheet: months along the axis, a series per workload', async () => {
  await pg.openSheet(NAME);
  const { headerRow, firstMonth } = layout();
  const chart = await drawnChart();
  expect(chart.title).toBe('Monthly cost by workload (USD)');
  expect(chart.categories).toEqual(monthsShown(headerRow));
  expect(chart.name).toBe(await text(`A${headerRow + 1}`));
  expect(formatValue(chart.values[0], '$#,##0.00')).toBe(await text(a1(firstMonth)));
  await expect(pg.page.locator('.chart-box rect.bar').count()).resolves.toBe(36);
});

test('typing over an assumption: the projection, the totals and the chart follow', async () => {
  const { requests, firstMonth, total } = layout();
  const chartBefore = await drawnChart();
  const totalBefore = await text(a1(total));
  const perDay = valueAt(requests) as number;

  await typeInto(requests, String(perDay * 2));
  await pg.cellShows(a1(requests), (perDay * 2).toLocaleString('en-US'));
  // Enter moved the selection one down, as in Sheets
  await pg.page
    .locator('#selection', { hasText: new RegExp(`!${a1(below(requests))}$`) })
    .waitFor();
  // cost is linear in requests: every month of this workload doubles
  const doubled = chartBefore.values.map((v) => v * 2);
  await pg.cellShows(a1(firstMonth), formatValue(doubled[0], '$#,##0.00'));
  const chartAfter = await drawnChart();
  chartAfter.values.forEach((v, m) => expect(v).toBeCloseTo(doubled[m], 9));
  expect(chartAfter.heights).not.toEqual(chartBefore.heights);
  expect(await text(a1(total))).not.toBe(totalBefore);
  await pg.screenshot('forecast-edited');
});

test('typing a new start month: the projection follows the calendar', async () => {
  const { start, inputRow, firstMonth } = layout();
  const before = valueAt(start) as Date;
  const next = new Date(before.getFullYear(), before.getMonth() + 3, 1);
  const iso = `${next.getFullYear()}-${String(next.getMonth() + 1).padStart(2, '0')}-01`;

  await typeInto(start, iso);
  await pg.cellShows(a1(start), formatValue(next, 'mmmm yyyy'));
  // the first workload's months, as OPENAI_FORECAST gives them for the new start
  const input = (column: number) => valueAt({ row: inputRow, column });
  // model, requests per day, avg input tokens, avg output tokens, tier, cached share, growth
  const args = [2, 4, 5, 7, 3, 6, 8].map(input);
  const months = pg.running.playground.fns.OPENAI_FORECAST(...args, 12, next) as number[][];
  await pg.cellShows(a1(firstMonth), formatValue(months[0][0], '$#,##0.00'));
  expect(monthsShown(firstMonth.row)).toEqual(months[0].map((m) => formatValue(m, '$#,##0.00')));
  // the chart's months are the header row's, whatever it shows
  expect((await drawnChart()).categories).toEqual(monthsShown(layout().headerRow));
  await pg.screenshot('forecast-start-month');
});

// Known gap, issue 10 item 2 (another change): the month headers are text written at insertion,
// so they do not follow the start month yet. This test FAILS ON PURPOSE (test.failing) until the
// headers are EDATE formulas; then jest reports it, and `test.failing` becomes `test`.
test.failing('the month headers and the chart axis follow the new start month', async () => {
  const { start, headerRow } = layout();
  const first = valueAt(start) as Date;
  const expected = Array.from({ length: 12 }, (_, m) =>
    formatValue(new Date(first.getFullYear(), first.getMonth() + m, 1), 'mmm yyyy'),
  );
  expect(monthsShown(headerRow)).toEqual(expected);
  expect((await drawnChart()).categories).toEqual(expected);
});
