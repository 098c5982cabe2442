// "Live" price tables and "Refresh prices", on the BUILT dist/Code.js and the in-memory
// spreadsheet: one spilling custom-function cell per table, spills on empty cells showing exactly
// the numbers of values mode, and a refresh that reaches every live cell even though Sheets keeps
// a custom function's result while its arguments stay the same (simulated by withArgumentCache).
import { readFileSync } from 'node:fs';
import { SECTION_IDS } from '../../src/pricing/catalog';
import { CATALOG } from '../../src/pricing/data';
import { buildPriceTable } from '../../src/pricing/tables';
import {
  CODE_PATH,
  createPlayground,
  type MemorySheet,
  type Playground,
} from '../../scripts/playground/memory-spreadsheet';
import { withArgumentCache } from '../support/argument-cache';

let playground: Playground;
beforeEach(() => {
  playground = createPlayground();
});

const spreadsheet = () => playground.SpreadsheetApp.getActiveSpreadsheet();
const sheetNamed = (name: string) => spreadsheet().getSheetByName(name) as MemorySheet;
const insertAll = (mode: 'values' | 'formulas') =>
  playground.run('insertPriceTables', [
    { sections: [...SECTION_IDS], tier: 'standard', mode, destination: 'new-sheet' },
  ]) as { sheetName: string; range: string };

test('"all tables, live": at most tables + 1 custom-function cells, spills on empty cells, the numbers of values mode', () => {
  const values = insertAll('values');
  const live = insertAll('formulas');
  const sheet = sheetNamed(live.sheetName);
  const range = sheet.getRange(live.range);
  const formulas = range.getFormulas();
  const anchors = formulas.flatMap((row, r) =>
    row.flatMap((formula, c) => (formula ? [{ row: r + 1, column: c + 1, formula }] : [])),
  );
  expect(anchors.length).toBeLessThanOrEqual(SECTION_IDS.length + 1);
  expect(anchors.every((a) => /^=OPENAI_(PRICE_TABLE|PRICES_AS_OF)\(/.test(a.formula))).toBe(true);
  expect(anchors.filter((a) => /\(\)/.test(a.formula))).toEqual([]); // no zero-argument call

  // each table's spill covers cells that hold nothing of their own, and is not blocked
  for (const anchor of anchors.slice(1)) {
    const [, id, tier] = /"(\w+)","(\w+)"/.exec(anchor.formula)!;
    const result = playground.fns.OPENAI_PRICE_TABLE(id, tier) as unknown[][];
    result.forEach((line, i) =>
      line.forEach((_, j) => {
        if (i === 0 && j === 0) return;
        expect(sheet.data.hasContent(anchor.row + i, anchor.column + j)).toBe(false);
      }),
    );
  }
  const shown = range.getValues();
  expect(shown.flat().filter((v) => String(v).startsWith('#'))).toEqual([]);
  // the very cells of values mode (row 1: the as-of label and date; then every table)
  const expected = sheetNamed(values.sheetName).getRange(values.range).getValues();
  expect(shown.slice(1)).toEqual(expected.slice(1));
  expect(shown[0].slice(0, 2)).toEqual(expected[0].slice(0, 2));
  expect(range.getNumberFormats().slice(1)).toEqual(
    sheetNamed(values.sheetName).getRange(values.range).getNumberFormats().slice(1),
  );
});

test("at the selection: formulas point at the block's own refresh cell; columns fit the names", () => {
  spreadsheet().getActiveSheet().getRange('C5').activate();
  const result = playground.run('insertPriceTables', [
    { sections: ['text'], tier: 'standard', mode: 'formulas', destination: 'selection' },
  ]) as { range: string };
  const sheet = sheetNamed('Sheet1');
  expect(sheet.getRange('D5').getFormula()).toBe('=OPENAI_PRICES_AS_OF($F$5)');
  expect(sheet.getRange('C7').getFormula()).toBe('=OPENAI_PRICE_TABLE("text","standard",,$F$5)');
  // the block spans the table's columns from C (its width comes from the catalog)
  const last = String.fromCharCode(66 + buildPriceTable('text', 'standard').header.length);
  expect(result.range).toMatch(new RegExp(`^C5:${last}\\d+$`));
  // Refresh prices finds the refresh cell through the formulas: no named range is needed
  expect(spreadsheet().getNamedRanges()).toEqual([]);
  // the longest model name fits its column (about 7 px a character in the playground)
  const longest = Math.max(
    ...(sheet.getRange('C8:C40').getValues().flat() as string[]).map((n) => String(n).length),
  );
  expect(sheet.getColumnWidth(3)).toBeGreaterThanOrEqual(longest * 7);
});

test('"Refresh prices" brings every live table, forecast and as-of cell up to date', () => {
  const cache = withArgumentCache(playground);
  insertAll('formulas');
  const tables = spreadsheet().getActiveSheet();
  playground.run('insertForecastSheet');
  const forecast = spreadsheet().getActiveSheet();
  forecast.getRange('B7').setValue('gpt-4.1'); // a workload on the model whose price will change
  const gpt41 = () => {
    const row = (tables.getRange('A1:A60').getValues().flat() as string[]).indexOf('gpt-4.1') + 1;
    return tables.getRange(row, 3).getValue();
  };
  const before = {
    asOf: tables.getRange('B1').getValue(),
    input: gpt41(),
    month: forecast.getRange('K7').getValue(),
  };
  expect(before).toMatchObject({ asOf: CATALOG.asOf, input: 2 });

  // the add-on is updated: new snapshot date, gpt-4.1 input $2 → $3 in its latest dated prices
  // (the bundle's catalog, edited: it travels as JSON text beside its as-of date; each model lists
  // its prices by date, the last one is today's)
  const code = readFileSync(CODE_PATH, 'utf8');
  const period = String.raw`\{"from":"[\d-]+","tiers":\{(?:[^{}]|\{[^{}]*\})*\}\}`;
  const latestInput = new RegExp(
    String.raw`("model":"gpt-4\.1","snapshot":"gpt-4\.1-2025-04-14","periods":\[(?:${period},)*` +
      String.raw`\{"from":"[\d-]+","tiers":\{"standard":\{"input":)2,(?=[^{}]*\}(?:,"\w+":\{[^{}]*\})*\}\}\])`,
  );
  expect(code).toMatch(latestInput);
  const asOf = new RegExp(String.raw`(\basOf"?:)"${CATALOG.asOf}"`, 'g');
  expect(code.match(asOf)).toHaveLength(2); // beside the text, and in it
  const updated = code.replace(asOf, '$1"2099-01-01"').replace(latestInput, '$13,');
  const next = createPlayground(updated);
  expect(next.fns.OPENAI_PRICE('gpt-4.1')).toBe(3);
  expect(next.fns.OPENAI_PRICES_AS_OF()).toBe('2099-01-01');
  cache.swap(next.book.functions);
  // Sheets keeps the results: same arguments, nothing recalculates
  expect({
    asOf: tables.getRange('B1').getValue(),
    input: gpt41(),
    month: forecast.getRange('K7').getValue(),
  }).toEqual(before);

  const refreshed = playground.run('refreshPrices') as { cells: string[] };
  expect(refreshed.cells).toEqual(["'OpenAI prices'!D1", "'AI spend forecast'!D2"]);
  expect(tables.getRange('B1').getValue()).toBe('2099-01-01');
  expect(forecast.getRange('B2').getValue()).toBe('2099-01-01');
  expect(gpt41()).toBe(3);
  const month = forecast.getRange('K7').getValue() as number;
  expect(month).toBeGreaterThan(before.month as number); // recalculated at the new input price
  expect(playground.book.ui.toasts.at(-1)).toMatch(/2 live blocks/);
});
