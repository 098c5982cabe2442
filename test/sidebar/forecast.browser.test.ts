// The sidebar's Forecast button in a real Chromium, in the playground (set-up as in
// playground.browser.test.ts): the grid shows the new sheet, its formulas computed and formatted.
// Saves the screenshot of docs/forecast.png (README) and artifacts/forecast.png.
import chromium from '@sparticuz/chromium';
import { copyFileSync, mkdirSync } from 'node:fs';
import { resolve } from 'node:path';
import { chromium as pw, type Browser, type FrameLocator, type Page } from 'playwright-core';
import { formatValue } from '../../scripts/playground/number-format';
import { startPlayground, type RunningPlayground } from '../../scripts/playground/serve';
import { withSheetBuiltins } from '../support/sheet-builtins';

jest.setTimeout(90_000);

let running: RunningPlayground;
let browser: Browser;
let page: Page;
let sidebar: FrameLocator;

beforeAll(async () => {
  running = await startPlayground(0);
  // IF, ISERROR, COUNT, EDATE for the sheet's totals and headers (see test/support/sheet-builtins)
  withSheetBuiltins(running.playground);
  browser = await pw.launch({
    executablePath: await chromium.executablePath(),
    args: chromium.args,
    headless: true,
    timeout: 30_000,
  });
  // wide enough for the sidebar and the forecast's inputs and months side by side
  page = await browser.newPage({ viewport: { width: 2600, height: 700 } });
  page.setDefaultTimeout(10_000);
  await page.goto(running.url);
  sidebar = page.frameLocator('#sidebar');
  await sidebar.locator('#table-list input').first().waitFor();
});

afterAll(async () => {
  await browser?.close();
  await running?.close();
});

const NAME = 'AI spend forecast';
const cell = (a1: string) => page.locator(`td[data-cell="${a1}"]`);
const text = async (a1: string) => (await cell(a1).textContent()) ?? '';

async function insertForecast(): Promise<string> {
  await sidebar.locator('#forecast').click();
  await sidebar.locator('#forecast-status.success, #forecast-status.error').waitFor();
  return (await sidebar.locator('#forecast-status').textContent()) ?? '';
}

test('the Forecast button inserts the sheet; the grid shows computed amounts', async () => {
  expect(await insertForecast()).toBe(`Inserted the sheet “${NAME}” (A1:AL17).`);
  await page.locator('#tabs button.active', { hasText: NAME }).waitFor();
  await cell('K7').filter({ hasText: /^\$/ }).waitFor();

  // the first workload's row, called directly with the sheet's start month
  const book = running.playground.book;
  const start = book.active.cell(3, 2).value as Date;
  expect(await text('B3')).toBe(formatValue(start, 'mmmm yyyy'));
  const months = running.playground.fns.OPENAI_FORECAST(
    'gpt-4.1-mini', 20000, 1500, 300, 'standard', 0.5, 0.05, 12, start,
  ) as number[][]; // prettier-ignore
  const columns = 'K L M N O P Q R S T U V'.split(' ');
  for (const [m, col] of columns.entries()) {
    expect([col, await text(`${col}7`)]).toEqual([col, formatValue(months[0][m], '$#,##0.00')]);
    // headers: the months from B3
    const month = new Date(start.getFullYear(), start.getMonth() + m, 1);
    expect(await text(`${col}6`)).toBe(formatValue(month, 'mmm yyyy'));
  }
  const total = months[0].reduce((sum, cost) => sum + cost, 0);
  expect(await text('W7')).toBe(formatValue(total, '$#,##0.00'));
  for (const a1 of ['W7', 'X7', 'Y7', 'K17', 'W17', 'Y17', 'AA17']) {
    expect([a1, await text(a1)]).toEqual([a1, expect.stringMatching(/^\$[\d,]+\.\d\d$/)]);
  }
  await expect(cell('K7').getAttribute('title')).resolves.toMatch(/^=OPENAI_FORECAST\(B7:B16,/);
  await expect(page.locator('td.err').count()).resolves.toBe(0);
  await expect(page.locator('td', { hasText: /^#/ }).count()).resolves.toBe(0);
  await expect(page.locator('#charts').textContent()).resolves.toBe(
    'Charts: "Monthly cost by workload (USD)" column chart of J6:V16 at A19',
  );
});

test('screenshot: the sidebar with its Forecast entry, the forecast sheet beside it', async () => {
  await sidebar.locator('#forecast-status').scrollIntoViewIfNeeded();
  const artifacts = resolve(__dirname, '../../artifacts');
  mkdirSync(artifacts, { recursive: true });
  await page.screenshot({ path: resolve(artifacts, 'forecast.png') });
  const docs = resolve(__dirname, '../../docs');
  mkdirSync(docs, { recursive: true });
  copyFileSync(resolve(artifacts, 'forecast.png'), resolve(docs, 'forecast.png'));
});

test('a second click adds "(2)" and leaves the first sheet as it was', async () => {
  const first = JSON.stringify(running.playground.book.snapshot().grid);
  expect(await insertForecast()).toBe(`Inserted the sheet “${NAME} (2)” (A1:AL17).`);
  await page.locator('#tabs button.active', { hasText: `${NAME} (2)` }).waitFor();
  await page.locator('#tabs button', { hasText: new RegExp(`^${NAME}$`) }).click();
  await page.locator('#tabs button.active', { hasText: new RegExp(`^${NAME}$`) }).waitFor();
  expect(JSON.stringify(running.playground.book.snapshot().grid)).toBe(first);
});
