// Every formula the BUILT add-on writes, in spreadsheets of both syntax families: the playground's
// in-memory spreadsheet reads formulas in its locale's syntax as Sheets does (a "," between
// arguments in de_DE is a parse error, "1000,500" one number), so a formula written in the wrong
// syntax shows #ERROR! here. Each locale must show exactly what en_US shows.
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { SECTION_IDS } from '../../src/pricing/catalog';
import {
  createPlayground,
  type MemorySheet,
  type Playground,
} from '../../scripts/playground/memory-spreadsheet';

const FIXTURES = resolve(__dirname, '../fixtures/i15-import');
const USAGE_CSV = readFileSync(
  resolve(FIXTURES, 'completions_usage_2026-08-30_2026-09-02.csv'),
  'utf8',
);
const COST_CSV = readFileSync(resolve(FIXTURES, 'cost_2026-08-30_2026-09-02.csv'), 'utf8');
const LOCALES = ['en_US', 'en_GB', 'ja_JP', 'de_DE', 'fr_FR', 'pt_BR', 'tr_TR', 'es_ES', 'fr_CA'];
const SEMICOLON = new Set(['de_DE', 'fr_FR', 'pt_BR', 'tr_TR', 'es_ES', 'fr_CA']);
const NOW = Date.parse('2027-11-15T12:00:00Z');
const stoppedClock = new Proxy(Date, {
  construct: (target, args) => Reflect.construct(target, args.length ? args : [NOW]),
  get: (target, key) => (key === 'now' ? () => NOW : Reflect.get(target, key)),
});

function playgroundIn(locale: string): Playground {
  const playground = createPlayground(undefined, { Date: stoppedClock });
  playground.SpreadsheetApp.getActiveSpreadsheet().setSpreadsheetLocale(locale);
  return playground;
}

interface Written {
  formulas: string[];
  shown: string[][];
}

/** What a sheet holds after `insert`: its formulas (as the sheet shows them) and its cells. */
function written(playground: Playground, insert: () => void): Written {
  insert();
  const sheet = playground.SpreadsheetApp.getActiveSpreadsheet().getActiveSheet() as MemorySheet;
  const range = sheet.getDataRange();
  return { formulas: range.getFormulas().flat().filter(Boolean), shown: range.getDisplayValues() };
}

const journeys: Record<string, (playground: Playground) => void> = {
  'all tables, live': (p) =>
    void p.run('insertPriceTables', [
      { sections: [...SECTION_IDS], tier: 'standard', mode: 'formulas', destination: 'new-sheet' },
    ]),
  'dated tables, live': (p) =>
    void p.run('insertPriceTables', [
      { sections: ['text', 'flex'], tier: 'flex', mode: 'formulas', destination: 'new-sheet', date: '2025-08-01' }, // prettier-ignore
    ]),
  'forecast sheet': (p) => void p.run('insertForecastSheet'),
  'usage import': (p) => void p.run('importUsageExport', [USAGE_CSV]),
  'cost import after a usage import (the reconciliation)': (p) => {
    p.run('importUsageExport', [USAGE_CSV]);
    p.run('importUsageExport', [COST_CSV]);
  },
  'calculator insert': (p) => {
    p.SpreadsheetApp.getActiveSpreadsheet().getActiveSheet().getRange('B2').activate();
    p.run('insertFormulaAtSelection', ['=OPENAI_COST("gpt-4.1-mini",1000000,3e5,"batch",0.5)']);
  },
};

const blankDates = (shown: string[][]) =>
  // the refresh cell holds the time of the insert: the same day in every run, still blanked
  shown.map((row) => row.map((cell) => cell.replace(/^\d{4}-\d\d-\d\d$/, 'YYYY-MM-DD')));

describe.each(Object.entries(journeys))('%s', (_name, journey) => {
  let reference: Written;
  beforeAll(() => {
    const playground = playgroundIn('en_US');
    reference = written(playground, () => journey(playground));
  });

  test.each(LOCALES)('in %s: the same cells as en_US, formulas in its syntax', (locale) => {
    const playground = playgroundIn(locale);
    const result = written(playground, () => journey(playground));
    expect(result.shown.flat().filter((cell) => /^#/.test(cell))).toEqual([]);
    expect(blankDates(result.shown)).toEqual(blankDates(reference.shown));
    expect(result.formulas.length).toBe(reference.formulas.length);
    const separated = result.formulas.filter((f) => /[(,;]/.test(f.replace(/"[^"]*"/g, '')));
    expect(separated.length).toBeGreaterThan(0);
    for (const formula of separated) {
      const code = formula.replace(/"(?:[^"]|"")*"/g, '""');
      // in the ";" family a "," outside text is only ever a decimal comma (0,5)
      if (SEMICOLON.has(locale))
        expect([formula, /,(?!\d)|(?<!\d),/.test(code)]).toEqual([formula, false]); // prettier-ignore
      else expect([formula, /;/.test(code)]).toEqual([formula, false]);
    }
  });
});

test('the control: the "," form written as is shows #ERROR! in de_DE, so the check above can fail', () => {
  for (const [locale, shown] of [
    ['en_US', '0.0075'],
    ['de_DE', '#ERROR!'],
  ]) {
    const playground = playgroundIn(locale);
    const cell = playground.SpreadsheetApp.getActiveSpreadsheet().getActiveSheet().getRange('A1');
    cell.setFormula('=OPENAI_COST("gpt-4o",1000,500)');
    expect([locale, cell.getDisplayValue()]).toEqual([locale, shown]);
  }
});

test('switching the locale later (File > Settings): the formulas keep their values', () => {
  const playground = playgroundIn('de_DE');
  playground.run('insertForecastSheet');
  const sheet = playground.SpreadsheetApp.getActiveSpreadsheet().getActiveSheet();
  const before = sheet.getDataRange().getDisplayValues();
  expect(sheet.getRange('K6').getFormula()).toBe('=IF($B$3="";"Month 1";EDATE($B$3;0))');
  playground.SpreadsheetApp.getActiveSpreadsheet().setSpreadsheetLocale('en_US');
  expect(sheet.getRange('K6').getFormula()).toBe('=IF($B$3="","Month 1",EDATE($B$3,0))');
  expect(sheet.getDataRange().getDisplayValues()).toEqual(before);
});
