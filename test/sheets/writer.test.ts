// The server functions of the sidebar and menu, called in the BUILT dist/Code.js (vm context with
// the playground's in-memory SpreadsheetApp as its only globals).
import type { SectionId } from '../../src/pricing/catalog';
import { CATALOG } from '../../src/pricing/data';
import { buildPriceTable, displayPrice, isPriceCell } from '../../src/pricing/tables';
import { ADDON_FUNCTIONS } from '../../src/sheets/addon-formulas';
import { SPEC_FUNCTIONS } from '../support/spec';
import { chooseTables, priceBlock } from '../../src/sheets/price-layout';
import type { SidebarData } from '../../src/sidebar/contract';
import { FORMULA_HELP } from '../../src/sidebar/formula-help';
import { listExportedFunctions } from '../../scripts/build';
import {
  countInsertAllCalls,
  createPlayground,
  type MemoryRange,
  type Playground,
} from '../../scripts/playground/memory-spreadsheet';
import { loadBundle } from '../support/bundle';

let playground: Playground;
beforeEach(() => {
  playground = createPlayground();
});

const sheet = (name: string) =>
  playground.SpreadsheetApp.getActiveSpreadsheet().getSheetByName(name)!;
const select = (a1: string) =>
  playground.SpreadsheetApp.getActiveSpreadsheet().getActiveSheet().getRange(a1).activate();

const sectionTiers = CATALOG.sections.flatMap((s) =>
  s.tiers.map((t) => [s.id as SectionId, t] as const),
);

/** The cells a sheet shows, with the block's first row cut to the as-of label and date. */
function shownFrom(range: GoogleAppsScript.Spreadsheet.Range | MemoryRange, width: number) {
  return range.getValues().map((row, r) => (r === 0 ? row.slice(0, 2) : row.slice(0, width)));
}

/** Values mode's cells as Sheets keeps them (the apostrophe that keeps text as text not shown). */
const unquoted = (values: unknown[][]) =>
  values.map((row) => row.map((v) => (typeof v === 'string' ? v.replace(/^'/, '') : v)));

describe('insertPriceTables into a new sheet', () => {
  test.each(sectionTiers)('%s in %s, both modes: the sheet shows the same numbers', (id, tier) => {
    const shown: unknown[][][] = [];
    const width = priceBlock(chooseTables([id], tier), 'values').values[0].length;
    for (const mode of ['values', 'formulas'] as const) {
      const expected = priceBlock(chooseTables([id], tier), mode);
      const result = playground.run('insertPriceTables', [
        { sections: [id], tier, mode, destination: 'new-sheet' },
      ]) as { sheetName: string; range: string };
      const range = sheet(result.sheetName).getRange(result.range);
      expect(range.getNumRows()).toBe(expected.values.length);
      expect(range.getNumberFormats()).toEqual(expected.numberFormats);
      expect(range.getFontWeights()).toEqual(expected.fontWeights);
      const formulas = range.getFormulas().flat().filter(Boolean);
      // live: the as-of date and ONE spilling OPENAI_PRICE_TABLE, not one formula per price
      expect(formulas).toEqual(
        mode === 'formulas'
          ? [
              '=OPENAI_PRICES_AS_OF($D$1)',
              `=OPENAI_PRICE_TABLE("${id}","${chooseTables([id], tier)[0].tier}",,$D$1)`,
            ]
          : [],
      );
      shown.push(shownFrom(range, width));
      if (mode === 'values') {
        expect(shown[0]).toEqual(
          shownFrom({ getValues: () => unquoted(expected.values) } as never, width),
        );
      }
    }
    // the spill shows the very cells of values mode
    expect(shown[1]).toEqual(shown[0]);
  });

  test('unique names, activated, header frozen, columns sized', () => {
    const names = [1, 2, 3].map(
      () => (playground.run('insertAllPriceTables') as { sheetName: string }).sheetName,
    );
    expect(names).toEqual(['OpenAI prices', 'OpenAI prices (2)', 'OpenAI prices (3)']);
    const active = playground.SpreadsheetApp.getActiveSpreadsheet().getActiveSheet();
    expect(active.getName()).toBe('OpenAI prices (3)');
    expect(active.getFrozenRows()).toBe(3);
    expect(active.getColumnWidth(1)).not.toBe(100);
  });

  test('display: every digit the page prints, "not offered" for "-"', () => {
    const { range, sheetName } = playground.run('insertPriceTables', [
      {
        sections: ['text', 'flex', 'fine_tuning', 'image_generation'],
        tier: 'standard',
        mode: 'values',
        destination: 'new-sheet',
      },
    ]) as { sheetName: string; range: string };
    const shown = sheet(sheetName).getRange(range).getDisplayValues().flat();
    for (const price of ['$1.875', '$0.138', '$0.025', '$0.011', '$2.50', 'not offered'])
      expect(shown).toContain(price);
  });
});

describe('insertPriceTables at the selection', () => {
  test('writes at the selected cell and names the range', () => {
    select('C5');
    const result = playground.run('insertPriceTables', [
      {
        sections: ['moderation', 'embeddings'],
        tier: 'batch',
        mode: 'formulas',
        destination: 'selection',
      },
    ]);
    const block = priceBlock(chooseTables(['moderation', 'embeddings'], 'batch'), 'formulas');
    const rows = block.values.length;
    const columns = block.values[0].length;
    expect(result).toEqual({
      sheetName: 'Sheet1',
      range: `C5:${String.fromCharCode(66 + columns)}${4 + rows}`,
    });
    expect(sheet('Sheet1').getRange('C6').getValue()).toBe(block.values[1][0]);
  });

  test('an occupied target: nothing is written, the error names the occupied range', () => {
    const own = sheet('Sheet1');
    own.getRange('E9').setValue('my work');
    own.getRange('D12').setFormula('=1+1');
    own.getRange('B2').setValue('outside');
    const before = own.getRange('A1:J40').getValues();
    const formulasBefore = own.getRange('A1:J40').getFormulas();
    select('C4');
    expect(() =>
      playground.run('insertPriceTables', [
        { sections: ['text'], tier: 'standard', mode: 'values', destination: 'selection' },
      ]),
    ).toThrow(/Sheet1!D9:E12 is not empty .*Select an empty area or insert into a new sheet/);
    expect(own.getRange('A1:J40').getValues()).toEqual(before);
    expect(own.getRange('A1:J40').getFormulas()).toEqual(formulasBefore);
    expect(playground.SpreadsheetApp.getActiveSpreadsheet().getSheets()).toHaveLength(1);
  });

  test('the refusal names the sheet as A1 notation needs it', () => {
    const q3 = playground.SpreadsheetApp.getActiveSpreadsheet().insertSheet(`It's "Q3"!`);
    q3.getRange('C3').setValue('mine');
    q3.getRange('A1').activate();
    expect(() =>
      playground.run('insertPriceTables', [
        { sections: ['text'], tier: 'standard', mode: 'formulas', destination: 'selection' },
      ]),
    ).toThrow(`Nothing was inserted: 'It''s "Q3"!'!C3 is not empty`);
    expect(q3.getRange('A1:H40').getValues().flat().filter(Boolean)).toEqual(['mine']);
    expect(playground.SpreadsheetApp.getActiveSpreadsheet().getNamedRanges()).toEqual([]);
  });

  test('a formula that shows "" still counts as occupied', () => {
    sheet('Sheet1').getRange('A3').setFormula('=""');
    select('A1');
    expect(() =>
      playground.run('insertPriceTables', [
        { sections: ['tools'], tier: 'standard', mode: 'values', destination: 'selection' },
      ]),
    ).toThrow(/Sheet1!A3 is not empty/);
  });

  test('near the end of the sheet it adds rows instead of failing', () => {
    select('A995');
    const result = playground.run('insertPriceTables', [
      { sections: ['text'], tier: 'standard', mode: 'values', destination: 'selection' },
    ]) as { range: string };
    const table = buildPriceTable('text');
    const lastColumn = String.fromCharCode(64 + table.header.length);
    expect(result.range).toBe(`A995:${lastColumn}${995 + 3 + table.rows.length - 1}`);
  });
});

describe('errors say what is wrong, before anything is written', () => {
  test.each([
    [{ sections: ['text', 'nope'], tier: 'standard' }, /unknown price table "nope"/],
    [{ sections: ['text'], tier: 'premium' }, /unknown tier "premium"/],
    [
      { sections: ['audio'], tier: 'priority' },
      /none of the chosen tables has Priority processing prices/,
    ],
    [{ sections: ['audio'], tier: 'flex' }, /offered by: Text tokens \(Flex Processing\)/],
  ])('%j', (request, message) => {
    expect(() =>
      playground.run('insertPriceTables', [
        { mode: 'values', destination: 'new-sheet', ...request },
      ]),
    ).toThrow(message);
    expect(playground.book.sheets).toHaveLength(1);
  });
});

test('"Insert all price tables" makes at most 12 service calls', () => {
  const count = countInsertAllCalls();
  expect(count).toBeLessThanOrEqual(12);
  playground.book.log.reset();
  playground.run('insertAllPriceTables');
  expect(playground.book.log.calls).toEqual([
    'SpreadsheetApp.getActiveSpreadsheet',
    'Spreadsheet.getSheetByName',
    'Spreadsheet.insertSheet',
    'Sheet.getRange',
    'Range.setValues',
    'Range.setNumberFormats',
    'Range.setFontWeights',
    'Sheet.setFrozenRows',
    'Sheet.autoResizeColumns',
    'Sheet.activate',
  ]);
  expect(count).toBe(playground.book.log.count);
});

describe('getSidebarData', () => {
  test('JSON-safe, one section per table, previews as the sheet displays them', () => {
    const data = playground.run('getSidebarData') as SidebarData;
    expect(JSON.parse(JSON.stringify(data))).toEqual(data);
    expect(data.asOf).toBe(CATALOG.asOf);
    expect(data.sections.map((s) => s.id)).toEqual([
      ...CATALOG.sections.map((s) => s.id),
      'retired',
    ]);
    expect(data.since).toBe(CATALOG.since);
    for (const section of data.sections) {
      expect(Object.keys(section.rows)).toEqual(section.tiers);
      for (const tier of section.tiers) {
        const table = buildPriceTable(section.id, tier);
        const preview = section.rows[tier]!;
        expect(preview[0]).toEqual(table.header);
        expect(preview.slice(1)).toEqual(
          table.rows
            .slice(0, 5)
            .map((row) =>
              row.map((cell) =>
                isPriceCell(cell) ? displayPrice(cell.price, table.priceFormat) : cell,
              ),
            ),
        );
      }
    }
    const gpt4o = data.textModels.find((m) => m.model === 'o4-mini')!;
    expect(Object.keys(gpt4o.tiers).sort()).toEqual(['batch', 'flex', 'priority', 'standard']);
  });

  test('the preview shows what the grid shows after inserting', () => {
    const data = playground.run('getSidebarData') as SidebarData;
    const { sheetName } = playground.run('insertPriceTables', [
      { sections: ['text'], tier: 'batch', mode: 'values', destination: 'new-sheet' },
    ]) as { sheetName: string };
    const preview = data.sections[0].rows.batch!;
    const lastColumn = String.fromCharCode(64 + preview[0].length);
    const shown = sheet(sheetName).getRange(`A3:${lastColumn}8`).getDisplayValues();
    expect(shown).toEqual(preview);
  });
});

describe('insertFormulaAtSelection', () => {
  test('puts the formula into an empty current cell; the cell computes OPENAI_COST', () => {
    select('B2');
    const formula = '=OPENAI_COST("gpt-4o",1000,500,"batch",200)';
    expect(playground.run('insertFormulaAtSelection', [formula])).toEqual({
      sheetName: 'Sheet1',
      range: 'B2',
    });
    const cell = sheet('Sheet1').getRange('B2');
    expect(cell.getFormula()).toBe(formula);
    expect(cell.getNumberFormat()).toBe('$#,##0.00####'); // dollars, down to micro-dollars
    expect(cell.getValue()).toBe(playground.fns.OPENAI_COST('gpt-4o', 1000, 500, 'batch', 200));
  });

  test('refuses a cell that is not empty', () => {
    sheet('Sheet1').getRange('B2').setValue(5);
    select('B2');
    expect(() =>
      playground.run('insertFormulaAtSelection', ['=OPENAI_COST("gpt-4o",1,1)']),
    ).toThrow(/Sheet1!B2 is not empty/);
    expect(sheet('Sheet1').getRange('B2').getValue()).toBe(5);
  });

  test.each([
    '=IMPORTXML("http://x","//a")',
    '=OPENAI_COST(A1:A9,1,1)',
    '=OPENAI_COST("a",1,1)+HYPERLINK("x")',
    '=OPENAI_NOPE("x")',
    'OPENAI_COST("gpt-4o",1,1)',
    42,
  ])('refuses %j', (formula) => {
    expect(() => playground.run('insertFormulaAtSelection', [formula])).toThrow(
      /not a formula of this add-on/,
    );
    expect(sheet('Sheet1').getRange('A1').getFormula()).toBe('');
  });
});

test("the help page and the formula check know exactly the bundle's OPENAI_ functions", () => {
  const exported = listExportedFunctions()
    .map((f) => f.name)
    .filter((n) => n.startsWith('OPENAI_'));
  expect([...ADDON_FUNCTIONS].sort()).toEqual([...exported].sort());
  expect([...ADDON_FUNCTIONS].sort()).toEqual([...SPEC_FUNCTIONS].sort());
  const helped = FORMULA_HELP.map(([example]) => /^=(\w+)\(/.exec(example)![1]);
  expect([...helped].sort()).toEqual([...exported].sort());
  // every example computes in the bundle (the usage-export ones on a small export and bill)
  const book = playground.SpreadsheetApp.getActiveSpreadsheet();
  book
    .insertSheet('Usage')
    .getRange('A1:D2')
    .setValues([
      ['start_time', 'model', 'input_tokens', 'output_tokens'],
      [1756771200, 'gpt-5', 1200, 350],
    ]);
  book
    .insertSheet('Costs')
    .getRange('A1:B2')
    .setValues([
      ['start_time', 'amount_value'],
      [1756771200, '0.005'],
    ]);
  select('A1');
  for (const [example] of FORMULA_HELP) {
    select('A1');
    sheet('Sheet1').getRange('A1').setFormula(example);
    expect(sheet('Sheet1').getRange('A1').getDisplayValue()).not.toMatch(/^#/);
    sheet('Sheet1').getRange('A1').setValue('');
  }
});

describe('menu and dialogs', () => {
  test('onOpen touches only the UI (AuthMode.NONE)', () => {
    const calls: string[] = [];
    const menu: Record<string, unknown> = {};
    for (const m of ['addItem', 'addSeparator', 'addToUi']) {
      menu[m] = (...args: unknown[]) => {
        calls.push(`${m} ${args.join(' ')}`.trim());
        return menu;
      };
    }
    const { fns } = loadBundle({
      SpreadsheetApp: { getUi: () => ({ createAddonMenu: () => menu }) },
    });
    fns.onOpen({ authMode: 'NONE' });
    expect(calls).toEqual([
      'addItem Open price tables showPriceSidebar',
      'addItem Insert all price tables insertAllPriceTables',
      'addItem Insert forecast sheet insertForecastSheet',
      'addItem Refresh prices refreshPrices',
      'addItem Import usage… showUsageImport',
      'addSeparator',
      'addItem Formula help showFormulaHelp',
      'addToUi',
    ]);
    for (const item of calls.filter((c) => c.startsWith('addItem'))) {
      expect(typeof fns[item.split(' ').pop()!]).toBe('function');
    }
  });

  test('showPriceSidebar: 300 px, titled, the built Sidebar.html', () => {
    playground.run('showPriceSidebar');
    const sidebar = playground.book.ui.sidebar!;
    expect(sidebar).toMatchObject({ title: 'OpenAI Pricing', width: 300 });
    expect(sidebar.html).toContain('id="table-list"');
  });

  test('showFormulaHelp opens the sidebar on its help page', () => {
    playground.run('showFormulaHelp');
    expect(playground.book.ui.sidebar!.html).toMatch(/data-start-page="help"><\/div>$/);
  });

  test('showUsageImport opens the sidebar on its "Import usage…" page', () => {
    playground.run('showUsageImport');
    expect(playground.book.ui.sidebar!.title).toBe('OpenAI Pricing: import usage');
    expect(playground.book.ui.sidebar!.html).toMatch(/data-start-page="import"><\/div>$/);
    expect(playground.book.ui.sidebar!.html).toContain('id="import-file"');
  });
});
