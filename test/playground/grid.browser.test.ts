// The README's "type formulas" journey in a real Chromium: a user types values and formulas into
// the playground grid with the keyboard, as in Sheets (Enter moves down, Tab right, Escape
// cancels), and sees values computed by the built dist/Code.js and the formula library: SUM over
// open ranges, spills, #REF! when a spill is blocked, an error's message. Saves
// artifacts/typing.png.
import type { Route } from 'playwright-core';
import { columnLetters } from '../../scripts/playground/formulas';
import { formatValue } from '../../scripts/playground/number-format';
import { exactly, usePlayground } from '../support/browser';

const pg = usePlayground();
const { cell, cellShows, cellFormula, text } = pg;

const keys = (input: string) => pg.page.keyboard.type(input);
const press = (key: string) => pg.page.keyboard.press(key);
const selected = (a1: string) =>
  pg.page.locator('#selection', { hasText: exactly(`Sheet1!${a1}`) }).waitFor();
/** types a row from the selected cell: Tab after each value, Enter after the last */
async function typeRow(...values: string[]) {
  for (const [k, value] of values.entries()) {
    await keys(value);
    await press(k < values.length - 1 ? 'Tab' : 'Enter');
  }
}
const cost = (...args: unknown[]) => pg.running.playground.fns.OPENAI_COST(...args) as number;

test('type a custom function, press Enter: the value shows and the selection moves down', async () => {
  await pg.selectCell('A1');
  await keys('=OPENAI_COST("gpt-4o",1000,500)');
  // typing opens the cell editor; the formula bar follows it
  await expect(pg.page.locator('#cell-editor').inputValue()).resolves.toBe(
    '=OPENAI_COST("gpt-4o",1000,500)',
  );
  await expect(pg.page.locator('#formula-bar').inputValue()).resolves.toBe(
    '=OPENAI_COST("gpt-4o",1000,500)',
  );
  await press('Enter');
  await cellShows('A1', String(cost('gpt-4o', 1000, 500)));
  await cellFormula('A1', '=OPENAI_COST("gpt-4o",1000,500)');
  await selected('A2');
  await expect(pg.page.locator('#cell-editor').count()).resolves.toBe(0);
});

test('Tab moves right, Enter returns to the first column of the row below', async () => {
  await pg.selectCell('A3');
  await keys('gpt-4.1-mini');
  await press('Tab');
  await selected('B3');
  await keys('1,200');
  await press('Tab');
  await keys('300');
  await press('Enter');
  await selected('A4');
  await typeRow('gpt-4.1', '2000', '100');
  await selected('A5');
  await cellShows('B3', '1,200'); // typed with a thousands separator: a number, shown grouped
  await expect(cell('B3').getAttribute('class')).resolves.toContain('num');
});

test('SUM over an open range and over a spilled custom function', async () => {
  await pg.selectCell('E1');
  await keys('=SUM(B3:B)');
  await press('Enter');
  await cellShows('E1', '3200');
  await keys('=OPENAI_COST(A3:A, B3:B, C3:C)'); // E2: one cost per row, spilling down
  await press('Enter');
  const costs = [cost('gpt-4.1-mini', 1200, 300), cost('gpt-4.1', 2000, 100)];
  await cellShows('E2', String(costs[0]));
  await cellShows('E3', String(costs[1]));
  await pg.selectCell('F1');
  await keys('=ROUND(SUM(E2:E), 6)');
  await press('Enter');
  await cellShows('F1', String(Math.round((costs[0] + costs[1]) * 1e6) / 1e6));
  // a new row joins the open ranges: every formula follows
  await pg.selectCell('A5');
  await typeRow('o3', '1000', '1000');
  await cellShows('E4', String(cost('o3', 1000, 1000)));
  await cellShows('E1', '4200');
  // the picture: a formula half typed in the cell editor, the sheet above it
  await pg.selectCell('E6');
  await keys('=SUM(E2:E');
  await pg.screenshot('typing');
  await press('Escape');
  await expect(pg.page.locator('#cell-editor').count()).resolves.toBe(0);
});

test('a blocked spill is #REF! with the message; clearing the cell lets it spill', async () => {
  await pg.selectCell('H1');
  await keys('=OPENAI_MODELS("flex")');
  await press('Enter');
  await cellShows('H1', 'o3');
  await cellShows('H4', 'o4-mini-2025-04-16');
  await pg.selectCell('H3');
  await keys('mine');
  await press('Enter');
  await cellShows('H1', '#REF!');
  await expect(cell('H1').getAttribute('title')).resolves.toBe(
    'Array result was not expanded because it would overwrite data in H3.',
  );
  await pg.selectCell('H3');
  await press('Delete');
  await cellShows('H1', 'o3');
  await cellShows('H3', 'o4-mini');
});

test("an error shows Sheets' code, its message on hover; IFERROR catches it", async () => {
  await pg.selectCell('A8');
  await keys('=OPENAI_COST("gpt4o", 10, 10)');
  await press('Enter');
  await cellShows('A8', '#ERROR!');
  await expect(cell('A8').getAttribute('title')).resolves.toBe(
    'unknown model "gpt4o" (did you mean "gpt-4o"?)',
  );
  await keys('=IFERROR(A8, "check the model")'); // A9
  await press('Enter');
  await cellShows('A9', 'check the model');
  await keys('=1+'); // A10: not a formula Sheets can read
  await press('Enter');
  await cellShows('A10', '#ERROR!');
  await expect(cell('A10').getAttribute('title')).resolves.toBe('Formula parse error.');
});

test('Enter edits a cell with its formula, Escape cancels; the formula bar edits too', async () => {
  await pg.selectCell('E1');
  await expect(pg.page.locator('#formula-bar').inputValue()).resolves.toBe('=SUM(B3:B)');
  await press('Enter');
  await expect(pg.page.locator('#cell-editor').inputValue()).resolves.toBe('=SUM(B3:B)');
  await press('Backspace');
  await keys('4)');
  await press('Escape');
  await cellShows('E1', '4200');
  await selected('E1');
  // the formula bar: select all, type, Enter
  await pg.page.locator('#formula-bar').fill('=SUM(B3:B4)*2');
  await pg.page.locator('#formula-bar').press('Enter');
  await cellShows('E1', '6400');
  await selected('E2');
  // dates and percentages as typed
  await pg.selectCell('J1');
  await typeRow('2026-02-01', '=EDATE(J1, 1)', '5%');
  await cellShows('J1', '2026-02-01');
  await cellShows('K1', formatValue(new Date(2026, 2, 1), 'yyyy-mm-dd'));
  await cellShows('L1', '5%');
  // the error typed in A8 lies in E2's open range A3:A: as in Sheets, E2 shows it
  expect(await text('E2')).toBe('#ERROR!');
  await expect(cell('E2').getAttribute('title')).resolves.toMatch(/unknown model "gpt4o"/);
});

test('typing past the last drawn column while the answers are slow: each value in its own cell', async () => {
  // the flaky K1 of the test above: Tab moved the selection only as far as the grid was drawn,
  // and the grid grew only with the server's answer; with a slow answer the 3rd value of a row
  // typed at the edge landed on the 2nd. Here every answer is held back for a while.
  const columns = await pg.page.locator('#grid tr:first-child th').count();
  const last = columns - 1; // the last drawn column (the first th is the row header)
  const slow = async (route: Route) => {
    await new Promise((done) => setTimeout(done, 700));
    await route.continue();
  };
  await pg.page.route('**/edit', slow);
  try {
    const name = columnLetters;
    await pg.selectCell(`${name(last - 1)}30`);
    await typeRow('one', 'two', 'three', 'four');
    await selected(`${name(last - 1)}31`);
    for (const [k, value] of ['one', 'two', 'three', 'four'].entries()) {
      await cellShows(`${name(last - 1 + k)}30`, value);
    }
  } finally {
    await pg.page.unroute('**/edit', slow);
  }
});
