// The README's forecast journey in a real Chromium, in the playground: the sidebar's Forecast
// button inserts the sheet (its formulas computed and formatted in the grid, the chart drawn), then
// the user types over an assumption and the start month and sees numbers, headers and chart follow.
// The sheet's layout (src/sheets/forecast-layout.ts): inputs A-I with workloads from row 7, the
// start month in B3, month headers K6:V6 (EDATE of B3), OPENAI_FORECAST spilling from K7, totals
// W-Y and row 17, the alternative model's months from AA7, the chart of J6:V16.
// Saves artifacts/forecast*.png (the README's docs/forecast.png is copied from it by hand).
import { formatValue } from '../../scripts/playground/number-format';
import {
  EXAMPLE_WORKLOADS,
  forecastLayout,
  START_MONTH_HELP,
} from '../../src/sheets/forecast-layout';
import { usePlayground } from '../support/browser';

// wide enough for the sidebar and the forecast's inputs and months side by side, high enough for
// the chart under the projection
const pg = usePlayground({ width: 2300, height: 1000 });
const { cell, text } = pg;

const NAME = 'AI spend forecast';
const BLOCK = forecastLayout({ year: 2026, month: 1 }).range;
const MONTHS = [...'KLMNOPQRSTUV']; // the month columns
const HEADER_ROW = 6;
const FIRST_ROW = 7; // the first workload
const TOTAL_ROW = 17;
const START = 'B3';
const REQUESTS = 'D7'; // the first workload's requests per day
const money = (n: number) => formatValue(n, '$#,##0.00');

async function insertForecast(): Promise<string> {
  await pg.sidebar.locator('#forecast').click();
  await pg.sidebar.locator('#forecast-status.success, #forecast-status.error').waitFor();
  return (await pg.sidebar.locator('#forecast-status').textContent()) ?? '';
}

const book = () => pg.running.playground.book;
const valueAt = (a1: string) => {
  const { row, column } = { row: Number(a1.slice(1)), column: a1.charCodeAt(0) - 64 };
  return book().value(book().active, row, column);
};
/** the first workload's assumptions, as OPENAI_FORECAST takes them, priced from `start` */
function expectedMonths(start: unknown): number[] {
  const input = (column: string) => valueAt(`${column}${FIRST_ROW}`);
  // model, requests per day, avg input tokens, avg output tokens, tier, cached share, growth
  const args = [...'BDEGCFH'].map(input);
  return (pg.running.playground.fns.OPENAI_FORECAST(...args, 12, start) as number[][])[0];
}
/** what a row of the grid shows in the month columns K to V */
const monthsShown = (row: number) =>
  pg
    .snapshot()
    .grid[row - 1].slice(10, 22)
    .map((c) => c.display);
/** the month headers `first` and the 11 months after it, as 'mmm yyyy' shows them */
const monthsFrom = (first: Date) =>
  Array.from({ length: 12 }, (_, m) =>
    formatValue(new Date(first.getFullYear(), first.getMonth() + m, 1), 'mmm yyyy'),
  );

test('the Forecast button inserts the sheet; the grid shows computed amounts', async () => {
  expect(await insertForecast()).toBe(`Inserted the sheet “${NAME}” (${BLOCK}).`);
  await pg.page.locator('#tabs button.active', { hasText: NAME }).waitFor();
  await cell('K7').filter({ hasText: /^\$/ }).waitFor();

  // the workload's OPENAI_FORECAST row, called directly with the sheet's start month
  const start = valueAt(START) as Date;
  expect(await text(START)).toBe(formatValue(start, 'mmmm yyyy'));
  const months = expectedMonths(start);
  for (const [m, col] of MONTHS.entries()) {
    expect([col, await text(`${col}${FIRST_ROW}`)]).toEqual([col, money(months[m])]);
  }
  expect(await text('W7')).toBe(money(months.reduce((sum, cost) => sum + cost, 0)));
  // the month headers are dates from the start month, shown as months
  expect(monthsShown(HEADER_ROW)).toEqual(monthsFrom(start));
  await expect(cell('K6').getAttribute('title')).resolves.toBe(
    '=IF($B$3="","Month 1",EDATE($B$3,0))',
  );

  // every amount of the filled rows, and the totals, is a formula shown as currency
  const filled = EXAMPLE_WORKLOADS.length;
  for (let row = FIRST_ROW; row < FIRST_ROW + filled; row++) {
    for (const col of [...MONTHS, 'W', 'X', 'Y', 'AA', 'AL']) {
      const shown = await text(`${col}${row}`);
      expect([`${col}${row}`, shown]).toEqual([
        `${col}${row}`,
        expect.stringMatching(/^\$[\d,]+\.\d\d$/),
      ]);
      await expect(cell(`${col}${row}`).getAttribute('class')).resolves.toContain('num');
    }
  }
  for (const col of [...MONTHS, 'W', 'X', 'Y']) {
    expect(await text(`${col}${TOTAL_ROW}`)).toMatch(/^\$[\d,]+\.\d\d$/);
  }
  // blank workload rows stay blank
  for (const col of ['J', ...MONTHS, 'W', 'X', 'Y', 'AA']) {
    expect([col, await text(`${col}${FIRST_ROW + filled}`)]).toEqual([col, '']);
  }
  await expect(cell('K7').getAttribute('title')).resolves.toMatch(/^=OPENAI_FORECAST\(B7:B16,/);
  await expect(pg.page.locator('td.err').count()).resolves.toBe(0);
  await expect(pg.page.locator('td', { hasText: /^#/ }).count()).resolves.toBe(0);
  await expect(pg.page.locator('#charts').textContent()).resolves.toBe(
    'Charts: "Monthly cost by workload (USD)" column chart of J6:V16 at A19',
  );
});

test('every label, name and amount shows in full (headers wrap, the name columns are wide)', async () => {
  expect(await pg.cutCells()).toEqual([]);
});

test('screenshot: the sidebar with its Forecast entry, the forecast sheet beside it', async () => {
  await pg.sidebar.locator('#forecast-status').scrollIntoViewIfNeeded();
  // artifacts/ only: the README's docs/forecast.png is a tracked file, updated by hand from it
  await pg.screenshot('forecast');
});

test('a second click adds "(2)" and leaves the first sheet as it was', async () => {
  const first = JSON.stringify(pg.running.playground.book.snapshot().grid);
  expect(await insertForecast()).toBe(`Inserted the sheet “${NAME} (2)” (${BLOCK}).`);
  await pg.page.locator('#tabs button.active', { hasText: `${NAME} (2)` }).waitFor();
  await pg.page.locator('#tabs button', { hasText: new RegExp(`^${NAME}$`) }).click();
  await pg.page.locator('#tabs button.active', { hasText: new RegExp(`^${NAME}$`) }).waitFor();
  expect(JSON.stringify(pg.running.playground.book.snapshot().grid)).toBe(first);
});

// ---------------------------------------------------------------------------------------------
// editing the forecast, as the README's steps say: the cells of forecast-layout.ts

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
async function typeInto(a1: string, input: string) {
  await pg.selectCell(a1);
  await pg.page.keyboard.type(input);
  await pg.page.keyboard.press('Enter');
  // Enter moved the selection one down, as in Sheets
  await pg.page.locator('#selection', { hasText: new RegExp(`!${a1[0]}${Number(a1.slice(1)) + 1}$`) }).waitFor(); // prettier-ignore
}

test('the chart is drawn from the sheet: months along the axis, a series per workload', async () => {
  await pg.openSheet(NAME);
  const chart = await drawnChart();
  expect(chart.title).toBe('Monthly cost by workload (USD)');
  expect(chart.categories).toEqual(monthsShown(HEADER_ROW));
  expect(chart.name).toBe(await text(`J${FIRST_ROW}`));
  expect(chart.name).toBe(await text(`A${FIRST_ROW}`));
  expect(money(chart.values[0])).toBe(await text(`K${FIRST_ROW}`));
  // a series per filled workload row (blank rows draw nothing), a bar per month
  await expect(pg.page.locator('.chart-box text.legend').count()).resolves.toBe(
    EXAMPLE_WORKLOADS.length,
  );
  await expect(pg.page.locator('.chart-box rect.bar').count()).resolves.toBe(
    12 * EXAMPLE_WORKLOADS.length,
  );
});

test('typing over an assumption: the projection, the totals and the chart follow', async () => {
  const chartBefore = await drawnChart();
  const totals = async () => Promise.all(['K17', 'W7', 'W17'].map((a1) => text(a1)));
  const totalsBefore = await totals();
  const perDay = valueAt(REQUESTS) as number;

  await typeInto(REQUESTS, String(perDay * 2));
  await pg.cellShows(REQUESTS, (perDay * 2).toLocaleString('en-US'));
  // Enter moved the selection one down, as in Sheets
  await pg.page.locator('#selection', { hasText: /!D8$/ }).waitFor();
  // cost is linear in requests: every month of this workload doubles
  const doubled = chartBefore.values.map((v) => v * 2);
  await pg.cellShows(`K${FIRST_ROW}`, money(doubled[0]));
  expect(monthsShown(FIRST_ROW)).toEqual(doubled.map(money));
  const chartAfter = await drawnChart();
  chartAfter.values.forEach((v, m) => expect(v).toBeCloseTo(doubled[m], 9));
  expect(chartAfter.heights).not.toEqual(chartBefore.heights);
  const totalsAfter = await totals();
  totalsAfter.forEach((shown, k) => expect(shown).not.toBe(totalsBefore[k]));
  expect(totalsAfter[1]).toBe(money(doubled.reduce((sum, v) => sum + v, 0)));
  await pg.screenshot('forecast-edited');
});

test('typing a new start month: headers, projection and chart follow the calendar', async () => {
  const before = valueAt(START) as Date;
  const next = new Date(before.getFullYear(), before.getMonth() + 3, 1);
  const iso = `${next.getFullYear()}-${String(next.getMonth() + 1).padStart(2, '0')}-01`;

  await typeInto(START, iso);
  await pg.cellShows(START, formatValue(next, 'mmmm yyyy'));
  // the first workload's months, as OPENAI_FORECAST gives them for the new start
  const months = expectedMonths(next);
  await pg.cellShows(`K${FIRST_ROW}`, money(months[0]));
  expect(monthsShown(FIRST_ROW)).toEqual(months.map(money));
  // the headers and the chart's axis are the new months
  await pg.cellShows(`K${HEADER_ROW}`, formatValue(next, 'mmm yyyy'));
  expect(monthsShown(HEADER_ROW)).toEqual(monthsFrom(next));
  expect((await drawnChart()).categories).toEqual(monthsFrom(next));
  await pg.screenshot('forecast-start-month');
});

test('the month headers and the chart axis follow the new start month', async () => {
  const expected = monthsFrom(valueAt(START) as Date);
  expect(monthsShown(HEADER_ROW)).toEqual(expected);
  expect(monthsShown(HEADER_ROW)).toEqual(
    pg
      .snapshot()
      .grid[HEADER_ROW - 1].slice(26, 38)
      .map((c) => c.display),
  ); // the alternative's headers AA6:AL6 too
  expect((await drawnChart()).categories).toEqual(expected);
  // a blank start month: numbered months, as the note of B3 says
  await pg.selectCell(START);
  await pg.page.keyboard.press('Delete');
  await pg.cellShows(`K${HEADER_ROW}`, 'Month 1');
  expect(monthsShown(HEADER_ROW)).toEqual(Array.from({ length: 12 }, (_, m) => `Month ${m + 1}`));
  await expect(pg.page.locator('td', { hasText: /^#/ }).count()).resolves.toBe(0);
});

test('the start month as people type it: 2027-01, January 2027, 1/2027; anything else refused', async () => {
  const january = new Date(2027, 0, 1);
  for (const typed of ['2027-01', 'January 2027', '1/2027']) {
    await typeInto(START, typed);
    await pg.cellShows(START, 'January 2027');
    await pg.cellShows(`K${HEADER_ROW}`, 'Jan 2027');
    await expect(pg.page.locator('#problem').isHidden()).resolves.toBe(true);
  }
  expect(monthsShown(HEADER_ROW)).toEqual(monthsFrom(january));
  expect(monthsShown(FIRST_ROW)).toEqual(expectedMonths(january).map(money));
  await pg.screenshot('forecast-start-month-typed');

  // not a month: Sheets' "There was a problem" with the cell's help text; B3 keeps January
  await typeInto(START, 'next spring');
  await pg.page.locator('#problem', { hasText: START_MONTH_HELP }).waitFor();
  expect(await text(START)).toBe('January 2027');
  expect(await text(`K${HEADER_ROW}`)).toBe('Jan 2027');
  await pg.screenshot('forecast-start-month-refused');
  await typeInto(START, '2/2027'); // the next entry clears the message
  await pg.cellShows(`K${HEADER_ROW}`, 'Feb 2027');
  await expect(pg.page.locator('#problem').isHidden()).resolves.toBe(true);
});

test("a bad workload row: the error names the sheet's row", async () => {
  await typeInto('B8', 'gpt4o');
  await pg.cellShows(`K${FIRST_ROW}`, '#ERROR!');
  await expect(cell(`K${FIRST_ROW}`).getAttribute('title')).resolves.toBe(
    'row 8: unknown model "gpt4o" (did you mean "gpt-4o"?)',
  );
  await pg.cellShows('W17', '#ERROR!');
  await typeInto('B8', 'gpt-4o');
  await pg.cellShows(`K${FIRST_ROW}`, /^\$/);
});
