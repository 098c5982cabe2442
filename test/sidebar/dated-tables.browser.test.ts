// The sidebar shows how old the prices are, offers the retired models' table and priority prices,
// and inserts the tables as they stood on a chosen day (issue 9's sidebar journey).
import { CATALOG } from '../../src/pricing/data';
import { buildPriceTable } from '../../src/pricing/tables';
import { isoToDay } from '../../src/pricing/dates';
import { usePlayground } from '../support/browser';

const pg = usePlayground();

test('the as-of line says how many days old the price data is', async () => {
  const text = (await pg.sidebar.locator('#as-of').textContent()) ?? '';
  const now = new Date();
  const today = Date.UTC(now.getFullYear(), now.getMonth(), now.getDate()) / 86_400_000;
  const days = today - isoToDay(CATALOG.asOf)!;
  expect(text).toContain(`prices as of ${CATALOG.asOf}`);
  expect(text).toMatch(new RegExp(`\\(${days} days ago\\)\\.$`));
});

test('the retired models have their own table, and priority is a tier', async () => {
  const retired = buildPriceTable('retired').rows.length;
  await expect(
    pg.sidebar.getByLabel(`Retired models (last prices) (${retired})`).count(),
  ).resolves.toBe(1);
  await pg.sidebar.getByLabel(/Text tokens \(\d+\)/).check();
  await expect(
    pg.sidebar.getByLabel('Priority processing', { exact: true }).isDisabled(),
  ).resolves.toBe(false);
});

test('a date inserts the tables as they stood that day', async () => {
  await pg.sidebar.getByLabel('Standard', { exact: true }).check();
  await pg.sidebar.getByLabel('Prices as they stood on (optional)').fill('2025-06-26');
  await expect(pg.sidebar.locator('#table-date-note').textContent()).resolves.toMatch(
    /^The tables as they stood on 2025-06-26/,
  );
  const done = await pg.insertAndWait();
  expect(done).toMatch(/^Inserted A1:[A-Z]+\d+ in the sheet “OpenAI prices”\.$/);
  await pg.cellShows('A2', 'Text tokens — Standard, USD per 1M tokens on 2025-06-26');
  const shown = pg
    .snapshot()
    .grid.map((row) => row[0].display)
    .filter(Boolean);
  // the page's day: gpt-4.5-preview still offered, gpt-5 not yet released
  expect(shown).toContain('gpt-4.5-preview');
  expect(shown).not.toContain('gpt-5');
  await pg.screenshot('dated-tables');
});

test('a date before the price data is refused at once; one after it says latest known prices', async () => {
  const date = pg.sidebar.getByLabel('Prices as they stood on (optional)');
  const note = pg.sidebar.locator('#table-date-note');
  const insert = pg.sidebar.locator('#insert');
  const before = '2025-06-25';
  await date.fill(before);
  await expect(note.textContent()).resolves.toBe(
    `No prices before ${CATALOG.since} (the oldest price data): choose ${CATALOG.since} or later, or leave it blank for today's prices.`,
  );
  await expect(date.getAttribute('aria-invalid')).resolves.toBe('true');
  await expect(insert.isDisabled()).resolves.toBe(true);
  const after = `${Number(CATALOG.asOf.slice(0, 4)) + 1}-03-01`;
  await date.fill(after);
  await expect(note.textContent()).resolves.toBe(
    `${after} is after the price data: the tables show the latest known prices (data of ${CATALOG.asOf}).`,
  );
  await expect(date.getAttribute('aria-invalid')).resolves.toBeNull();
  await expect(insert.isDisabled()).resolves.toBe(false);
  await pg.insertAndWait();
  await pg.cellShows(
    'A2',
    `Text tokens — Standard, USD per 1M tokens on ${after}: latest known prices (data of ${CATALOG.asOf})`,
  );
  await date.fill('');
  await expect(note.textContent()).resolves.toBe("Blank: today's prices.");
});
