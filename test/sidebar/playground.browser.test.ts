// The sidebar in a real Chromium (playwright-core + @sparticuz/chromium), in the playground: the
// real dist/Sidebar.html, google.script.run shimmed to the real dist/Code.js on an in-memory sheet.
// The README's first journey: insert price tables.
import { buildPriceTable } from '../../src/pricing/tables';
import { formatValue } from '../../scripts/playground/number-format';
import { getSidebarData } from '../../src/sheets/sidebar-data';
import { FORMULA_HELP } from '../../src/sidebar/formula-help';
import { exactly, usePlayground } from '../support/browser';

const pg = usePlayground();
const { cell, cellShows, cellFormula, snapshot } = pg;
const LIVE_LABEL = 'Live formulas (one =OPENAI_PRICE_TABLE per table)';

test('only tiers a chosen table offers can be picked; the preview follows', async () => {
  const tier = (name: string) => pg.sidebar.getByLabel(name, { exact: true });
  await expect(tier('Flex processing').isDisabled()).resolves.toBe(true);
  await pg.sidebar.getByLabel(/Text tokens \(Flex Processing\) \(\d+\)/).check();
  await expect(tier('Flex processing').isDisabled()).resolves.toBe(false);
  await pg.sidebar.getByLabel(/Text tokens \(Flex Processing\) \(\d+\)/).uncheck();
  await tier('Batch API').check();
  await expect(pg.sidebar.locator('#preview-title').textContent()).resolves.toBe(
    'Preview: Text tokens — Batch API',
  );
  await expect(pg.sidebar.locator('#preview tbody tr').first().textContent()).resolves.toContain(
    '$1.00',
  );
  // the "all" toggle
  await pg.sidebar.getByLabel('All tables').check();
  await expect(pg.sidebar.locator('#table-list input:checked').count()).resolves.toBe(
    getSidebarData().sections.length,
  );
  await pg.sidebar.getByLabel('All tables').uncheck();
  await expect(pg.sidebar.locator('#insert').isDisabled()).resolves.toBe(true);
});

test('insert two tables in batch as live formulas into a new sheet', async () => {
  await pg.sidebar.getByLabel(/Text tokens \(\d+\)/).check();
  await pg.sidebar.getByLabel(/Audio tokens \(\d+\)/).check();
  await pg.sidebar.getByLabel('Batch API', { exact: true }).check();
  await pg.sidebar.getByLabel(LIVE_LABEL).check();
  const text = await pg.insertAndWait();
  const rows =
    3 + buildPriceTable('text').rows.length + 1 + 2 + buildPriceTable('audio').rows.length;
  const width = buildPriceTable('text', 'batch').header.length;
  const last = String.fromCharCode(64 + width);
  expect(text).toBe(`Inserted A1:${last}${rows} in the sheet “OpenAI prices”.`);
  await pg.page.locator('#tabs button.active', { hasText: 'OpenAI prices' }).waitFor();
  await cellShows('A2', 'Text tokens — Batch API, USD per 1M tokens');
  await expect(cell('A2').getAttribute('class')).resolves.toContain('bold');
  // one spilling formula per table; gpt-4.1's batch input shows in its spill, formatted
  await cellFormula('A3', '=OPENAI_PRICE_TABLE("text","batch",,$D$1)');
  await cellShows('C4', '$1.00');
  expect(
    snapshot()
      .grid.flat()
      .filter((c) => c.formula),
  ).toHaveLength(3); // as-of + 2 tables
  const audioTitle = snapshot().grid.findIndex((r) => r[0].display.startsWith('Audio tokens'));
  expect(snapshot().grid[audioTitle][0].display).toBe(
    'Audio tokens — Standard, USD per 1M tokens (no Batch API prices)',
  );
  expect(snapshot().frozenRows).toBe(3);
});

test('formulas mode shows the same grid as values mode', async () => {
  // row 1 of a live block adds the refresh cell (C1:D1); the rest is the same
  const grid = () => {
    const rows = snapshot().grid.map((r, k) => (k === 0 ? r.slice(0, 2) : r).map((c) => c.display));
    while (rows.length && rows[rows.length - 1].every((d) => d === '')) rows.pop(); // the margin
    return rows;
  };
  const formulaGrid = grid();
  await pg.sidebar.getByLabel('Numbers').check();
  await pg.insertAndWait();
  expect(snapshot().active).toBe('OpenAI prices (2)');
  expect(grid()).toEqual(formulaGrid);
  expect(
    snapshot()
      .grid.flat()
      .some((c) => c.formula),
  ).toBe(false);
});

test('every price shows in full: columns are as wide as their text', async () => {
  // the values sheet of the test above: all of its tables' text, titles run on into empty cells
  expect(snapshot().active).toBe('OpenAI prices (2)');
  expect(await pg.cutCells()).toEqual([]);
});

test('an occupied target: the error names it and nothing is overwritten', async () => {
  await pg.openSheet('Sheet1');
  const book = pg.running.playground.book;
  book.active.update(6, 3, { value: 'my budget' }); // C6
  book.changed();
  await pg.selectCell('B4');
  await pg.sidebar.getByLabel('The selected cell (empty cells only)').check();
  const before = JSON.stringify(snapshot().grid);
  const text = await pg.insertAndWait();
  expect(text).toMatch(
    /^Nothing was inserted: Sheet1!C6 is not empty .*insert into a new sheet\.$/,
  );
  await expect(pg.sidebar.locator('#tables-status').getAttribute('class')).resolves.toContain(
    'error',
  );
  expect(JSON.stringify(snapshot().grid)).toBe(before);
  // an empty spot works, and the grid shows formats there
  await pg.selectCell('G2');
  const done = await pg.insertAndWait();
  expect(done).toMatch(/^Inserted G2:[K-Z]\d+ in the sheet “Sheet1”\.$/);
  await cellShows('G3', 'Text tokens — Batch API, USD per 1M tokens');
  await cellShows('I5', '$1.00');
  await expect(cell('I5').getAttribute('class')).resolves.toContain('num');
});

test('the calculator shows OPENAI_COST and inserts its formula', async () => {
  await pg.sidebar.locator('#tab-calculator').click();
  await pg.sidebar.getByLabel('Model', { exact: true }).selectOption('gpt-4o');
  await pg.sidebar.getByLabel('Tier', { exact: true }).selectOption('batch');
  await pg.sidebar.getByLabel('Input tokens', { exact: true }).fill('120000');
  await pg.sidebar.getByLabel('Cached input tokens (optional, part of input)').fill('20000');
  await pg.sidebar.getByLabel('Output tokens', { exact: true }).fill('3000');
  const expected = pg.running.playground.fns.OPENAI_COST('gpt-4o', 120000, 3000, 'batch', 20000);
  await expect(pg.sidebar.locator('#calc-cost').getAttribute('data-cost')).resolves.toBe(
    String(expected),
  );
  const formula = '=OPENAI_COST("gpt-4o",120000,3000,"batch",20000)';
  await expect(pg.sidebar.locator('#calc-formula').textContent()).resolves.toBe(formula);
  await pg.selectCell('A30');
  await pg.sidebar.locator('#calc-insert').click();
  await pg.sidebar.locator('#calc-status.success').waitFor();
  await expect(pg.sidebar.locator('#calc-status').textContent()).resolves.toBe(
    'Inserted in Sheet1!A30.',
  );
  await cellFormula('A30', formula);
  // inserted as dollars, every digit down to micro-dollars
  expect(snapshot().grid[29][0].display).toBe(formatValue(expected, '$#,##0.00####'));
  // the same cell again: refused, with the server's message
  await pg.sidebar.locator('#calc-insert').click();
  await pg.sidebar.locator('#calc-status.error').waitFor();
  await expect(pg.sidebar.locator('#calc-status').textContent()).resolves.toMatch(
    /A30 is not empty/,
  );
  // a bad entry is explained in place, not sent
  await pg.sidebar.getByLabel('Cached input tokens (optional, part of input)').fill('999999');
  await expect(pg.sidebar.locator('#calc-status').textContent()).resolves.toMatch(
    /exceed input tokens/,
  );
  await expect(pg.sidebar.locator('#calc-insert').isDisabled()).resolves.toBe(true);
  // a day's tokens: more than one gpt-4o request holds, so the Requests field gives the count
  await pg.sidebar.getByLabel('Cached input tokens (optional, part of input)').fill('');
  await pg.sidebar.getByLabel('Input tokens', { exact: true }).fill('2000000');
  await expect(pg.sidebar.locator('#calc-status').textContent()).resolves.toMatch(
    /do not fit in one gpt-4o request .*give their number \(requests\)$/,
  );
  await expect(pg.sidebar.locator('#calc-insert').isDisabled()).resolves.toBe(true);
  await pg.sidebar.getByLabel(/^Requests/).fill('40');
  const daily = '=OPENAI_COST("gpt-4o",2000000,3000,"batch",0,"",40)';
  await expect(pg.sidebar.locator('#calc-formula').textContent()).resolves.toBe(daily);
  await pg.selectCell('A31');
  await pg.sidebar.locator('#calc-insert').click();
  await pg.sidebar.locator('#calc-status.success').waitFor();
  await cellFormula('A31', daily);
  const dailyCost = pg.running.playground.fns.OPENAI_COST('gpt-4o', 2e6, 3000, 'batch', 0, '', 40);
  expect(snapshot().grid[30][0].display).toBe(formatValue(dailyCost, '$#,##0.00####'));
  await pg.sidebar.getByLabel(/^Requests/).fill('');
});

test('calculator: unreadable counts are errors on their field, no cost, no Insert', async () => {
  const { sidebar } = pg;
  await sidebar.locator('#tab-calculator').click();
  const input = sidebar.getByLabel('Input tokens', { exact: true });
  const output = sidebar.getByLabel('Output tokens', { exact: true });
  await sidebar.getByLabel('Cached input tokens (optional, part of input)').fill('');
  for (const [field, typed, message] of [
    [input, '1,000', 'Input tokens: "1,000" is not a number (remove the thousands separators)'],
    [output, '12abc', 'Output tokens: "12abc" is not a number of tokens, 0 or more'],
  ] as const) {
    await field.fill(typed);
    await expect(sidebar.locator('#calc-status').textContent()).resolves.toBe(message);
    await expect(sidebar.locator('#calc-cost').textContent()).resolves.toBe('—');
    await expect(sidebar.locator('#calc-formula').textContent()).resolves.toBe('');
    await expect(sidebar.locator('#calc-insert').isDisabled()).resolves.toBe(true);
    await expect(field.getAttribute('aria-invalid')).resolves.toBe('true');
    await field.fill('1000');
  }
  // a tier the model lacks is not dropped silently
  await sidebar.getByLabel('Model', { exact: true }).selectOption('o3');
  await sidebar.getByLabel('Tier', { exact: true }).selectOption('flex');
  await sidebar.getByLabel('Model', { exact: true }).selectOption('gpt-4o-audio-preview');
  await expect(sidebar.locator('#calc-tier-note').textContent()).resolves.toBe(
    'gpt-4o-audio-preview has no Flex processing prices (it is offered in: Standard), so the tier is now Standard.',
  );
  // Enter inserts and the cursor stays in the field
  await sidebar.getByLabel('Model', { exact: true }).selectOption('gpt-4o');
  await pg.selectCell('A33');
  await pg.page.locator('#selection', { hasText: exactly('Sheet1!A33') }).waitFor();
  await output.focus();
  await pg.page.keyboard.press('Enter');
  await sidebar.locator('#calc-status.success').waitFor();
  await expect(output.evaluate((el) => el === document.activeElement)).resolves.toBe(true);
  await cellFormula('A33', '=OPENAI_COST("gpt-4o",1000,1000)');
});

test('the preview says what Insert writes, and where', async () => {
  const { sidebar } = pg;
  const tables = getSidebarData().sections.length;
  await sidebar.locator('#tab-tables').click();
  await sidebar.getByLabel('A new sheet').check();
  await sidebar.getByLabel('Numbers').check();
  await sidebar.getByLabel('All tables').check();
  const summary = (await sidebar.locator('#preview-summary').textContent()) ?? '';
  const [, rows] = /^\d+ tables, (\d+) rows → new sheet 'OpenAI prices'$/.exec(summary) ?? [];
  expect(summary).toBe(`${tables} tables, ${rows} rows → new sheet 'OpenAI prices'`);
  await sidebar.getByLabel(LIVE_LABEL).check();
  await expect(sidebar.locator('#preview-summary').textContent()).resolves.toBe(
    `${tables} tables, ${rows} rows → new sheet 'OpenAI prices', ${tables + 1} live formulas`,
  );
  // the rows it announces are the rows Insert writes
  const inserted = await pg.insertAndWait();
  expect(inserted).toMatch(
    new RegExp(`^Inserted A1:[A-Z]+${rows} in the sheet “OpenAI prices \\(\\d\\)”\\.$`),
  );
  await sidebar.getByLabel('All tables').uncheck();
  await sidebar.getByLabel(/Text tokens \(\d+\)/).check();
  await sidebar.getByLabel('Numbers').check();
});

test('keyboard: tabs move with the arrow keys; the help page lists every function', async () => {
  await pg.sidebar.locator('#tab-calculator').focus();
  await pg.page.keyboard.press('ArrowRight');
  await expect(pg.sidebar.locator('#page-help').isVisible()).resolves.toBe(true);
  await expect(pg.sidebar.locator('#help-list li').count()).resolves.toBe(FORMULA_HELP.length);
  await pg.page.keyboard.press('ArrowRight');
  await expect(pg.sidebar.locator('#page-import').isVisible()).resolves.toBe(true);
  await pg.page.keyboard.press('ArrowRight');
  await expect(pg.sidebar.locator('#page-tables').isVisible()).resolves.toBe(true);
  await pg.page.keyboard.press('ArrowLeft');
  await expect(pg.sidebar.locator('#page-import').isVisible()).resolves.toBe(true);
  await pg.page.keyboard.press('ArrowRight');
});

test('screenshot of the sidebar and the grid', async () => {
  await pg.openSheet('OpenAI prices (2)');
  await pg.sidebar.locator('#tab-tables').click();
  await pg.screenshot('playground');
});
