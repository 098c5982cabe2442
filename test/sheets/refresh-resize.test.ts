// "Refresh prices" after a catalog update, on the BUILT add-on: the old version inserts live tables
// (at a selection among the user's own cells, into a new sheet, a duplicated sheet, a forecast);
// a new version built from an edited catalog (scripts/build.ts buildCodeWithCatalog) refreshes the
// same spreadsheet. Sheets keeps the old results until the refresh cell changes
// (test/support/argument-cache.ts). Every table must then show the new catalog's rows with their
// formats, no table may spill into another (#REF!), and nothing of the user's may change but for
// moving down with the block.
import { buildCodeWithCatalog } from '../../scripts/build';
import {
  createPlayground,
  type MemorySheet,
  type Playground,
} from '../../scripts/playground/memory-spreadsheet';
import { withArgumentCache } from '../support/argument-cache';
import { readCatalog, section, updatedCatalog } from '../support/catalog-update';

let updatedCode: string;
beforeAll(async () => {
  updatedCode = await buildCodeWithCatalog(updatedCatalog());
}, 60_000);

const SECTIONS = ['text', 'embeddings', 'moderation'];

interface Scenario {
  old: Playground;
  updated: Playground;
  sheet1: MemorySheet;
  tables: MemorySheet;
  copy: MemorySheet;
  /** the row below the block at C3 where the user keeps a total, before the update */
  totalRow: number;
}

function scenario(locale: string): Scenario {
  const old = createPlayground();
  const spreadsheet = old.SpreadsheetApp.getActiveSpreadsheet();
  spreadsheet.setSpreadsheetLocale(locale);
  const cache = withArgumentCache(old);
  const sheet1 = spreadsheet.getActiveSheet() as MemorySheet;
  // the user's own cells: left of the block, right of it, and a total two rows below it
  sheet1.getRange('A1').setValue('Budget 2027');
  sheet1.getRange('A30').setValue('left of the block');
  sheet1.getRange('C3').activate();
  const { range } = old.run('insertPriceTables', [
    { sections: SECTIONS, tier: 'standard', mode: 'formulas', destination: 'selection' },
  ]) as { range: string };
  const totalRow = Number(/\d+$/.exec(range)![0]) + 2;
  sheet1.getRange(`${range.replace(/^.*:([A-Z]+)\d+$/, '$1')}10`).offset(0, 1).setValue('right of the block'); // prettier-ignore
  sheet1.getRange(`C${totalRow}`).setValue('models listed');
  sheet1.getRange(`D${totalRow}`).setFormula(`=ROWS(C6:C${totalRow - 2})`);
  // all tables in a new sheet, then a duplicate of that sheet
  old.run('insertPriceTables', [
    { sections: SECTIONS, tier: 'standard', mode: 'formulas', destination: 'new-sheet' },
  ]);
  const tables = spreadsheet.getActiveSheet() as MemorySheet;
  const copy = spreadsheet.duplicateActiveSheet() as unknown as MemorySheet;
  old.run('insertForecastSheet');
  // a live sheet that is deleted, with a formula elsewhere still pointing at it
  old.run('insertPriceTables', [
    { sections: ['moderation'], tier: 'standard', mode: 'formulas', destination: 'new-sheet' },
  ]);
  const doomed = spreadsheet.getActiveSheet();
  sheet1.getRange('A40').setFormula(`=OPENAI_PRICES_AS_OF('${doomed.getName()}'!D1)`);
  spreadsheet.deleteSheet(doomed);

  const updated = createPlayground(updatedCode, {}, old.book);
  cache.swap(updated.functions);
  return { old, updated, sheet1, tables, copy, totalRow };
}

/** The live tables of a sheet, top to bottom: formula cell and the table the new add-on gives. */
function liveTables(playground: Playground, sheet: MemorySheet) {
  const formulas = sheet.getDataRange().getFormulas();
  return formulas.flatMap((line, r) =>
    line.flatMap((formula, c) => {
      const match = /^=OPENAI_PRICE_TABLE\("(\w+)"[,;]"(\w+)"/.exec(formula);
      if (!match) return [];
      const table = playground.fns.OPENAI_PRICE_TABLE(match[1], match[2]) as unknown[][];
      return [{ row: r + 1, column: c + 1, id: match[1], table }];
    }),
  );
}

/** Every table shows the new catalog, formatted, with a blank row under it; no error anywhere. */
function expectTablesUpToDate(playground: Playground, sheet: MemorySheet) {
  const found = liveTables(playground, sheet);
  expect(found.map((t) => t.id)).toEqual(SECTIONS);
  // no error in the sheet; only the user's formula that points at the deleted sheet shows #REF!
  const errors = sheet
    .getDataRange()
    .getDisplayValues()
    .flatMap((line, r) =>
      line.flatMap((v, c) => (/^#/.test(v) ? [sheet.getRange(r + 1, c + 1).getA1Notation()] : [])),
    );
  expect(errors).toEqual(sheet.getName() === 'Sheet1' ? ['A40'] : []);
  for (const { row, column, id, table } of found) {
    const width = table[0].length;
    const shown = sheet.getRange(row, column, table.length, width).getValues();
    expect([id, shown]).toEqual([id, table]);
    // the row under each table is blank in the table's columns (the next title follows)
    const under = sheet.getRange(row + table.length, column, 1, width).getValues()[0];
    if (id !== 'moderation') expect([id, under.every((v) => v === '')]).toEqual([id, true]);
    // price cells in the table's price format, model names as plain text, header bold
    const formats = sheet.getRange(row + 1, column, table.length - 1, width).getNumberFormats();
    table.slice(1).forEach((line, r) => {
      expect([id, formats[r][0]]).toEqual([id, '@']);
      line.forEach((value, c) => {
        if (c > 0 && typeof value === 'number') expect(formats[r][c]).toMatch(/^\$/);
      });
    });
    expect(sheet.getRange(row, column, 1, width).getFontWeights()[0]).toEqual(
      new Array(width).fill('bold'),
    );
  }
}

describe.each(['en_US', 'de_DE'])('in %s', (locale) => {
  let s: Scenario;
  beforeEach(() => {
    s = scenario(locale);
  });

  test('a new time alone (the old Refresh prices) spills the grown table into the next: #REF!', () => {
    const [text, embeddings] = liveTables(s.updated, s.tables);
    expect(text.table.length).toBeGreaterThan(embeddings.row - 2 - text.row);
    expect(s.tables.getRange(text.row, 1).getValue()).toBe('Model'); // Sheets' kept result
    s.tables.getRange('D1').setValue(new Date(Date.now() + 60_000));
    expect(s.tables.getRange(text.row, 1).getValue()).toBe('#REF!');
  });

  test('Refresh prices sizes every table first, then every block recalculates', () => {
    const result = s.updated.run('refreshPrices') as {
      cells: string[];
      resized: string[];
      failed: string[];
    };
    expect(result.failed).toEqual([]);
    expect(result.cells).toEqual([
      'Sheet1!F3',
      "'OpenAI prices'!D1",
      "'Copy of OpenAI prices'!D1",
      "'AI spend forecast'!D2",
    ]);
    // the text table and the last table (moderation) needed more room, in each block
    expect(result.resized.filter((a1) => a1.startsWith("'OpenAI prices'!"))).toHaveLength(2);
    for (const sheet of [s.sheet1, s.tables, s.copy]) expectTablesUpToDate(s.updated, sheet);
    expect(s.updated.book.ui.toasts.at(-1)).toMatch(/4 live blocks recalculating\.$/);
  });

  test("the user's cells: those left and right stay put, those below move down with the block", () => {
    const totalBefore = s.sheet1.getRange(`D${s.totalRow}`).getValue();
    const right = s.sheet1.getRange('A10:Z10').getValues()[0].indexOf('right of the block') + 1;
    const [text, embeddings] = liveTables(s.old, s.sheet1);
    const [newText] = liveTables(s.updated, s.sheet1);
    const textGrowth = newText.table.length - (embeddings.row - 2 - text.row);
    expect(textGrowth).toBeGreaterThan(0);
    s.updated.run('refreshPrices');
    expect(s.sheet1.getRange('A1').getValue()).toBe('Budget 2027');
    expect(s.sheet1.getRange('A30').getValue()).toBe('left of the block');
    expect(s.sheet1.getRange(10, right).getValue()).toBe('right of the block');
    // text grew (its rows pushed everything under it down), embeddings shrank (a blank row is
    // left), moderation grew by 1: the total, one blank row under the block, moved down by both
    const moved = s.totalRow + textGrowth + 1;
    expect(s.sheet1.getRange(`C${moved - 1}`).getValue()).toBe('');
    expect(s.sheet1.getRange(`C${moved - 2}`).getValue()).toBe('omni-moderation-test');
    expect(s.sheet1.getRange(`C${moved}`).getValue()).toBe('models listed');
    // the total's range grew with the rows inserted inside it (not with those after its end)
    expect(s.sheet1.getRange(`D${moved}`).getFormula()).toBe(`=ROWS(C6:C${moved - 3})`);
    expect(s.sheet1.getRange(`D${moved}`).getValue()).toBe((totalBefore as number) + textGrowth);
  });

  test('a second refresh changes nothing but the times', () => {
    s.updated.run('refreshPrices');
    const before = s.tables.getDataRange().getFormulas();
    const formats = s.tables.getDataRange().getNumberFormats();
    const result = s.updated.run('refreshPrices') as { resized: string[] };
    expect(result.resized).toEqual([]);
    expect(s.tables.getDataRange().getFormulas()).toEqual(before);
    expect(s.tables.getDataRange().getNumberFormats()).toEqual(formats);
  });
});

test('a block inserted before the model-row mark still finds its last table by its names', () => {
  const s = scenario('en_US');
  const [, , moderation] = liveTables(s.old, s.tables);
  const rows = moderation.table.length;
  s.tables.getRange(moderation.row + 1, 1, rows - 1, 1).setNumberFormat('General');
  s.tables.getRange(moderation.row + rows + 1, 1).setValue('mine, after a blank row');
  s.updated.run('refreshPrices');
  expectTablesUpToDate(s.updated, s.tables);
  // the new model row pushed the user's cell down by one: still one blank row under the table
  const [, , after] = liveTables(s.updated, s.tables);
  expect(after.table.length).toBe(rows + 1);
  expect(s.tables.getRange(after.row + rows + 1, 1).getValue()).toBe('');
  expect(s.tables.getRange(after.row + rows + 2, 1).getValue()).toBe('mine, after a blank row');
});

test("a refresh cell that holds the user's data is left alone, and the others still refresh", () => {
  const s = scenario('en_US');
  s.sheet1.getRange('Z1').setValue('my note');
  s.sheet1.getRange('Z2').setFormula('=OPENAI_PRICES_AS_OF(Z1)');
  const result = s.updated.run('refreshPrices') as { cells: string[]; failed: string[] };
  expect(s.sheet1.getRange('Z1').getValue()).toBe('my note');
  expect(result.failed).toEqual([
    'Sheet1!Z1: it holds the text "my note", not the time of a refresh',
  ]);
  expect(result.cells).toHaveLength(4);
});

describe('a wider table', () => {
  let widerCode: string;
  beforeAll(async () => {
    // embeddings gain a snapshot, cached input and output columns: 5 columns, the block had 4
    const catalog = readCatalog();
    const embeddings = section(catalog, 'embeddings');
    embeddings.columns = ['input', 'cached_input', 'output'];
    embeddings.rows[0].snapshot = 'text-embedding-3-small-2024-01-25';
    for (const row of embeddings.rows) {
      for (const period of row.periods as { tiers: Record<string, Record<string, number>> }[]) {
        for (const prices of Object.values(period.tiers)) {
          Object.assign(prices, { cached_input: prices.input / 2, output: prices.input });
        }
      }
    }
    widerCode = await buildCodeWithCatalog(catalog);
  }, 60_000);

  test.each([
    ['cells right of the block are taken: a column is inserted over its rows only', true],
    ['cells right of the block are free: nothing moves', false],
  ])('%s', (_name, taken) => {
    const old = createPlayground();
    const cache = withArgumentCache(old);
    const sheet = old.SpreadsheetApp.getActiveSpreadsheet().getActiveSheet();
    sheet.getRange('A1').activate();
    const { range } = old.run('insertPriceTables', [
      { sections: ['embeddings', 'moderation'], tier: 'standard', mode: 'formulas', destination: 'selection' }, // prettier-ignore
    ]) as { range: string };
    expect(range).toMatch(/^A1:D\d+$/);
    if (taken) sheet.getRange('E4').setValue('mine, right of the block');
    sheet.getRange('E40').setValue('mine, below the block');
    const updated = createPlayground(widerCode, {}, old.book);
    cache.swap(updated.functions);
    const result = updated.run('refreshPrices') as { resized: string[] };
    expect(result.resized).toEqual(['Sheet1!A3', 'Sheet1!A9']);
    const table = updated.fns.OPENAI_PRICE_TABLE('embeddings') as unknown[][];
    expect(table[0]).toHaveLength(5);
    expect(sheet.getRange(3, 1, table.length, 5).getValues()).toEqual(table);
    expect(sheet.getRange('A2:E3').getFontWeights()).toEqual([
      new Array(5).fill('bold'),
      new Array(5).fill('bold'),
    ]);
    expect(sheet.getRange('F4').getValue()).toBe(taken ? 'mine, right of the block' : '');
    expect(sheet.getRange('E40').getValue()).toBe('mine, below the block');
  });
});
