// The sidebar in a real Chromium (playwright-core + @sparticuz/chromium), in the playground: the
// real dist/Sidebar.html, google.script.run shimmed to the real dist/Code.js on an in-memory sheet.
import chromium from '@sparticuz/chromium';
import { mkdirSync } from 'node:fs';
import { resolve } from 'node:path';
import { chromium as pw, type Browser, type FrameLocator, type Page } from 'playwright-core';
import { buildPriceTable } from '../../src/pricing/tables';
import { FORMULA_HELP } from '../../src/sidebar/formula-help';
import { startPlayground, type RunningPlayground } from '../../scripts/playground/serve';

jest.setTimeout(90_000);

let running: RunningPlayground;
let browser: Browser;
let page: Page;
let sidebar: FrameLocator;

beforeAll(async () => {
  running = await startPlayground(0);
  browser = await pw.launch({
    executablePath: await chromium.executablePath(),
    args: chromium.args,
    headless: true,
    timeout: 30_000,
  });
  page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
  page.setDefaultTimeout(10_000);
  await page.goto(running.url);
  sidebar = page.frameLocator('#sidebar');
  await sidebar.locator('#table-list input').first().waitFor();
});

afterAll(async () => {
  await browser?.close();
  await running?.close();
});

const cell = (a1: string) => page.locator(`td[data-cell="${a1}"]`);
const exactly = (text: string) => new RegExp(`^${text.replace(/[.*+?^${}()|[\]\\$]/g, '\\$&')}$`);
/** waits until the grid (redrawn after each server call) shows `text` in the cell */
const cellShows = (a1: string, text: string) =>
  cell(a1)
    .filter({ hasText: exactly(text) })
    .waitFor();
const cellFormula = (a1: string, formula: string) =>
  page.locator(`td[data-cell="${a1}"][title="${formula.replace(/"/g, '\\"')}"]`).waitFor();
const snapshot = () => running.playground.book.snapshot();

async function insertAndWait(): Promise<string> {
  const status = sidebar.locator('#tables-status');
  await sidebar.locator('#insert').click();
  await sidebar.locator('#tables-status.success, #tables-status.error').waitFor();
  return (await status.textContent()) ?? '';
}

test('only tiers a chosen table offers can be picked; the preview follows', async () => {
  const tier = (name: string) => sidebar.getByLabel(name, { exact: true });
  await expect(tier('Flex processing').isDisabled()).resolves.toBe(true);
  await sidebar.getByLabel('Text tokens (Flex Processing) (2)').check();
  await expect(tier('Flex processing').isDisabled()).resolves.toBe(false);
  await sidebar.getByLabel('Text tokens (Flex Processing) (2)').uncheck();
  await tier('Batch API').check();
  await expect(sidebar.locator('#preview-title').textContent()).resolves.toBe(
    'Preview: Text tokens — Batch API',
  );
  await expect(sidebar.locator('#preview tbody tr').first().textContent()).resolves.toContain(
    '$1.00',
  );
  // the "all" toggle
  await sidebar.getByLabel('All tables').check();
  await expect(sidebar.locator('#table-list input:checked').count()).resolves.toBe(13);
  await sidebar.getByLabel('All tables').uncheck();
  await expect(sidebar.locator('#insert').isDisabled()).resolves.toBe(true);
});

test('insert two tables in batch as live formulas into a new sheet', async () => {
  await sidebar.getByLabel('Text tokens (24)').check();
  await sidebar.getByLabel('Audio tokens (4)').check();
  await sidebar.getByLabel('Batch API', { exact: true }).check();
  await sidebar.getByLabel('Live formulas (=OPENAI_PRICE…)').check();
  const text = await insertAndWait();
  const rows =
    3 + buildPriceTable('text').rows.length + 1 + 2 + buildPriceTable('audio').rows.length;
  expect(text).toBe(`Inserted A1:E${rows} in the sheet “OpenAI prices”.`);
  await page.locator('#tabs button.active', { hasText: 'OpenAI prices' }).waitFor();
  await cellShows('A2', 'Text tokens — Batch API, USD per 1M tokens');
  await expect(cell('A2').getAttribute('class')).resolves.toContain('bold');
  // gpt-4.1 batch input: a formula cell that shows its computed, formatted value
  await cellShows('C4', '$1.00');
  await cellFormula('C4', '=OPENAI_PRICE("gpt-4.1","input","batch")');
  const audioTitle = snapshot().grid.findIndex((r) => r[0].display.startsWith('Audio tokens'));
  expect(snapshot().grid[audioTitle][0].display).toBe(
    'Audio tokens — Standard, USD per 1M tokens (no Batch API prices)',
  );
  expect(snapshot().frozenRows).toBe(3);
});

test('formulas mode shows the same grid as values mode', async () => {
  const formulaGrid = snapshot().grid.map((r) => r.map((c) => c.display));
  await sidebar.getByLabel('Numbers').check();
  await insertAndWait();
  expect(snapshot().active).toBe('OpenAI prices (2)');
  const valueGrid = snapshot().grid.map((r) => r.map((c) => c.display));
  expect(valueGrid).toEqual(formulaGrid);
  expect(
    snapshot()
      .grid.flat()
      .some((c) => c.formula),
  ).toBe(false);
});

test('an occupied target: the error names it and nothing is overwritten', async () => {
  await page.locator('#tabs button', { hasText: 'Sheet1' }).click();
  await page.locator('#tabs button.active', { hasText: exactly('Sheet1') }).waitFor();
  const book = running.playground.book;
  book.active.update(6, 3, { value: 'my budget' }); // C6
  book.changed();
  await cell('B4').click();
  await page.locator('#selection', { hasText: exactly('Sheet1!B4') }).waitFor();
  await sidebar.getByLabel('The selected cell (empty cells only)').check();
  const before = JSON.stringify(snapshot().grid);
  const text = await insertAndWait();
  expect(text).toMatch(
    /^Nothing was inserted: Sheet1!C6 is not empty .*insert into a new sheet\.$/,
  );
  await expect(sidebar.locator('#tables-status').getAttribute('class')).resolves.toContain('error');
  expect(JSON.stringify(snapshot().grid)).toBe(before);
  // an empty spot works, and the grid shows formats there
  await cell('G2').click();
  await page.locator('#selection', { hasText: exactly('Sheet1!G2') }).waitFor();
  const done = await insertAndWait();
  expect(done).toMatch(/^Inserted G2:K\d+ in the sheet “Sheet1”\.$/);
  await cellShows('G3', 'Text tokens — Batch API, USD per 1M tokens');
  await cellShows('I5', '$1.00');
  await expect(cell('I5').getAttribute('class')).resolves.toContain('num');
});

test('the calculator shows OPENAI_COST and inserts its formula', async () => {
  await sidebar.locator('#tab-calculator').click();
  await sidebar.getByLabel('Model', { exact: true }).selectOption('gpt-4o');
  await sidebar.getByLabel('Tier', { exact: true }).selectOption('batch');
  await sidebar.getByLabel('Input tokens', { exact: true }).fill('120000');
  await sidebar.getByLabel('Cached input tokens (optional, part of input)').fill('20000');
  await sidebar.getByLabel('Output tokens', { exact: true }).fill('3000');
  const expected = running.playground.fns.OPENAI_COST('gpt-4o', 120000, 3000, 'batch', 20000);
  await expect(sidebar.locator('#calc-cost').getAttribute('data-cost')).resolves.toBe(
    String(expected),
  );
  const formula = '=OPENAI_COST("gpt-4o",120000,3000,"batch",20000)';
  await expect(sidebar.locator('#calc-formula').textContent()).resolves.toBe(formula);
  await cell('A30').click();
  await page.locator('#selection', { hasText: exactly('Sheet1!A30') }).waitFor();
  await sidebar.locator('#calc-insert').click();
  await sidebar.locator('#calc-status.success').waitFor();
  await expect(sidebar.locator('#calc-status').textContent()).resolves.toBe(
    'Inserted in Sheet1!A30.',
  );
  await cellFormula('A30', formula);
  expect(snapshot().grid[29][0].display).toBe(String(expected));
  // the same cell again: refused, with the server's message
  await sidebar.locator('#calc-insert').click();
  await sidebar.locator('#calc-status.error').waitFor();
  await expect(sidebar.locator('#calc-status').textContent()).resolves.toMatch(/A30 is not empty/);
  // a bad entry is explained in place, not sent
  await sidebar.getByLabel('Cached input tokens (optional, part of input)').fill('999999');
  await expect(sidebar.locator('#calc-status').textContent()).resolves.toMatch(
    /exceed input tokens/,
  );
  await expect(sidebar.locator('#calc-insert').isDisabled()).resolves.toBe(true);
});

test('keyboard: tabs move with the arrow keys; the help page lists every function', async () => {
  await sidebar.locator('#tab-calculator').focus();
  await page.keyboard.press('ArrowRight');
  await expect(sidebar.locator('#page-help').isVisible()).resolves.toBe(true);
  await expect(sidebar.locator('#help-list li').count()).resolves.toBe(FORMULA_HELP.length);
  await page.keyboard.press('ArrowRight');
  await expect(sidebar.locator('#page-tables').isVisible()).resolves.toBe(true);
});

test('screenshot of the sidebar and the grid', async () => {
  await page.locator('#tabs button', { hasText: 'OpenAI prices (2)' }).click();
  await sidebar.locator('#tab-tables').click();
  const dir = resolve(__dirname, '../../artifacts');
  mkdirSync(dir, { recursive: true });
  await page.screenshot({ path: resolve(dir, 'playground.png') });
});
