// "Refresh prices" after an update of the add-on, in a real Chromium: the user inserts live tables
// from the sidebar among their own cells, the add-on is updated (another Code.js, built from a
// catalog with models added and removed: test/support/catalog-update.ts), the cells keep their
// results as Sheets does (test/support/argument-cache.ts), and the menu's Refresh prices sizes
// every table, then recalculates it. Saves artifacts/refresh-*.png.
import { buildCodeWithCatalog } from '../../scripts/build';
import { withArgumentCache } from '../support/argument-cache';
import { updatedCatalog } from '../support/catalog-update';
import { usePlayground } from '../support/browser';

const pg = usePlayground({ width: 1280, height: 900 });
const LIVE_LABEL = 'Live formulas (one =OPENAI_PRICE_TABLE per table)';

let updatedCode: string;
beforeAll(async () => {
  updatedCode = await buildCodeWithCatalog(updatedCatalog());
}, 60_000);

/** the grid's first row (1-based) whose column B shows `text`, or 0 */
const rowOf = (text: string) =>
  pg.snapshot().grid.findIndex((line) => line[1]?.display === text) + 1;
const shownErrors = () =>
  pg
    .snapshot()
    .grid.flat()
    .filter((c) => /^#/.test(c.display))
    .map((c) => c.display);

/** the grid scrolled back to A1, for the pictures */
const topLeft = () => pg.page.locator('#grid-wrap').evaluate((wrap) => wrap.scrollTo(0, 0));

async function typeInto(a1: string, text: string) {
  await pg.selectCell(a1);
  await pg.page.keyboard.type(text);
  await pg.page.keyboard.press('Enter');
  await pg.cellShows(a1, text);
}

test('live tables among my cells, an update, Refresh prices: each table sized, nothing of mine lost', async () => {
  const cache = withArgumentCache(pg.running.playground);
  await pg.selectCell('B2');
  await pg.sidebar.getByLabel(/^\s*Text tokens \(\d+\)$/).uncheck();
  for (const table of [
    /^\s*Audio tokens \(\d+\)$/,
    /^\s*Embeddings \(\d+\)$/,
    /^\s*Moderation \(\d+\)$/,
  ])
    await pg.sidebar.getByLabel(table).check();
  await pg.sidebar.getByLabel(LIVE_LABEL).check();
  await pg.sidebar.getByLabel('The selected cell (empty cells only)').check();
  const status = await pg.insertAndWait();
  const [, right, end] = /^Inserted B2:([A-Z])(\d+) in the sheet “Sheet1”\.$/.exec(status)!;
  // my cells: a total two rows under the block, a note right of it
  const below = Number(end) + 2;
  const beside = `${String.fromCharCode(right.charCodeAt(0) + 1)}6`;
  await typeInto(`B${below}`, 'My AI budget: $500');
  await typeInto(beside, 'checked by finance');
  const audioRows = () => rowOf('Embeddings — Standard, USD per 1M tokens') - rowOf('Model');
  const before = { audio: audioRows(), moderation: rowOf('text-moderation-latest') };
  await topLeft();
  await pg.screenshot('refresh-1-inserted');

  // the update: the menu and sidebar run the new version; the cells keep their results
  const updated = pg.running.update(updatedCode);
  cache.swap(updated.functions);
  await pg.selectCell('A1');
  expect(rowOf('gpt-audio-test')).toBe(0);
  expect(audioRows()).toBe(before.audio);

  // Extensions > OpenAI Pricing > Refresh prices
  await pg.page.locator('#menu button', { hasText: 'Refresh prices' }).click();
  await pg.page.locator('td', { hasText: 'gpt-audio-test' }).waitFor();
  await pg.page.locator('td', { hasText: 'omni-moderation-test' }).waitFor();
  expect(shownErrors()).toEqual([]);
  // audio grew by one model: every table under it moved down by one row, blank row kept
  expect(audioRows()).toBe(before.audio + 1);
  const audioEnd = rowOf('gpt-audio-test');
  expect(pg.snapshot().grid[audioEnd][1].display).toBe(''); // the blank row
  // the new model's prices in the table's format, its name as the other names
  const newRow = pg.snapshot().grid[audioEnd - 1];
  expect(newRow.slice(3, 6).map((c) => c.display)).toEqual(
    pg
      .snapshot()
      .grid[rowOf('Model')].slice(3, 6)
      .map((c) => c.display),
  );
  expect(newRow[3].display).toMatch(/^\$\d/);
  // embeddings lost a model (a blank row is left), moderation gained one
  expect(rowOf('text-embedding-3-large')).toBe(0);
  expect(rowOf('omni-moderation-test')).toBe(before.moderation + 2);
  // my cells: the note right of the block stays, the total moved down with the block
  await pg.cellShows(beside, 'checked by finance');
  expect(rowOf('My AI budget: $500')).toBe(below + 2);
  expect(pg.snapshot().grid[below][1].display).toBe(''); // still a blank row above it
  expect(pg.running.playground.book.ui.toasts.at(-1)).toMatch(/1 live block recalculating\.$/);
  await topLeft();
  await pg.screenshot('refresh-2-after-update');
});
