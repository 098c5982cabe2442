// insertForecastSheet() in the BUILT dist/Code.js, on the playground's in-memory spreadsheet: what
// lands in the sheet, the service calls it costs, and that its formulas compute the very numbers
// OPENAI_FORECAST gives when called directly. The playground's engine (fast-formula-parser, with
// Sheets' blank-cell rules) computes IF, ISERROR, COUNT and EDATE as Sheets does.
import { CATALOG } from '../../src/pricing/data';
import {
  EXAMPLE_WORKLOADS,
  INPUT_FILL,
  START_MONTH_HELP,
  WORKLOAD_ROWS,
} from '../../src/sheets/forecast-layout';
import {
  countForecastSheetCalls,
  createPlayground,
  textWidth,
  type MemorySheet,
  type Playground,
} from '../../scripts/playground/memory-spreadsheet';

/** The bundle's Date, stopped at `iso`: `new Date()` is then; any other use is a real Date. */
function clockAt(iso: string): DateConstructor {
  const now = Date.parse(iso);
  return new Proxy(Date, {
    construct: (target, args) => Reflect.construct(target, args.length ? args : [now]),
    get: (target, key) => (key === 'now' ? () => now : Reflect.get(target, key)),
  });
}

// inserted mid-November 2027, the forecast runs December 2027 to November 2028: a year boundary
// and a leap February inside the 12 months
const NOW = '2027-11-15T12:00:00Z';
const MONTHS = ['Dec 2027', 'Jan 2028', 'Feb 2028', 'Mar 2028', 'Apr 2028', 'May 2028', 'Jun 2028', 'Jul 2028', 'Aug 2028', 'Sep 2028', 'Oct 2028', 'Nov 2028']; // prettier-ignore
const NAME = 'AI spend forecast';
const BLOCK = 'A1:AL17';
const MONTH_COLUMNS = 'K L M N O P Q R S T U V'.split(' ');

let playground: Playground;
beforeEach(() => {
  playground = createPlayground(undefined, { Date: clockAt(NOW) });
});

const spreadsheet = () => playground.SpreadsheetApp.getActiveSpreadsheet();
const sheetNamed = (name: string) => spreadsheet().getSheetByName(name) as MemorySheet;
const insert = () => playground.run('insertForecastSheet') as { sheetName: string; range: string };
const forecastFn = (...args: unknown[]) =>
  (playground.fns.OPENAI_FORECAST as (...a: unknown[]) => unknown[][])(...args);
const sum = (numbers: unknown[]) => (numbers as number[]).reduce((t, n) => t + n, 0);
const near = (a: number, b: number) => Math.abs(a - b) <= 1e-9 * Math.max(1, Math.abs(b));

/** OPENAI_FORECAST called directly on one row of assumptions (A..I values). */
function direct(row: unknown[], start: unknown, model = row[1]) {
  const [, , tier, requests, input, share, output, growth] = row;
  return forecastFn(model, requests, input, output, tier, share, growth, 12, start)[0];
}

describe('the sheet', () => {
  let sheet: MemorySheet;
  beforeEach(() => {
    sheet = sheetNamed(insert().sheetName);
  });
  const shown = (a1: string) => sheet.getRange(a1).getDisplayValues();
  const value = (a1: string) => sheet.getRange(a1).getValue();

  test('at most 3 custom-function cells: the as-of date and one range call per projection', () => {
    const formulas = sheet.getRange(BLOCK).getFormulas().flat();
    const custom = formulas.filter((f) => /OPENAI_/.test(f));
    expect(custom).toEqual([
      '=OPENAI_PRICES_AS_OF($D$2)',
      '=OPENAI_FORECAST(B7:B16,D7:D16,E7:E16,G7:G16,C7:C16,F7:F16,H7:H16,12,$B$3,$D$2)',
      '=OPENAI_FORECAST(I7:I16,D7:D16,E7:E16,G7:G16,C7:C16,F7:F16,H7:H16,12,$B$3,$D$2)',
    ]);
    expect(value('B2')).toBe(CATALOG.asOf);
    // no zero-argument custom function anywhere
    expect(formulas.filter((f) => /OPENAI_\w+\(\)/.test(f))).toEqual([]);
  });

  test('month headers are EDATE of B3, dates shown as months; they follow B3', () => {
    expect(sheet.getRange('K6').getFormula()).toBe('=IF($B$3="","Month 1",EDATE($B$3,0))');
    expect(shown('K6:V6')[0]).toEqual(MONTHS);
    expect(shown('AA6:AL6')[0]).toEqual(MONTHS);
    sheet.getRange('B3').setValue('2026-04-01');
    expect(shown('K6:M6')[0]).toEqual(['Apr 2026', 'May 2026', 'Jun 2026']);
    // the projection follows the same month: April has 30 days
    const april = direct(sheet.getRange('A7:I7').getValues()[0], '2026-04');
    expect(sheet.getRange('K7:V7').getValues()[0]).toEqual(april);
    // the chart plots the headers' row: labels J6:V16
    expect(sheet.getCharts()[0].settings.ranges).toEqual(['J6:V16']);
    sheet.getRange('B3').setValue('');
    expect(shown('K6:L6')[0]).toEqual(['Month 1', 'Month 2']);
  });

  test('projection, totals, alternative and saving: number for number', () => {
    const start = value('B3');
    const grid = sheet.getRange(BLOCK).getValues();
    EXAMPLE_WORKLOADS.forEach((workload, w) => {
      const row = grid[6 + w];
      const own = direct(workload, start);
      const alternative = direct(workload, start, workload[8]);
      expect(row[9]).toBe(workload[0]); // J: the name again, the chart's label
      expect(row.slice(10, 22)).toEqual(own);
      expect(near(row[22] as number, sum(own))).toBe(true);
      expect(near(row[23] as number, sum(alternative))).toBe(true);
      expect(row[24]).toBe((row[22] as number) - (row[23] as number));
      expect(row.slice(26, 38)).toEqual(alternative);
    });
    // blank workload rows stay blank, totals add the filled rows
    for (let r = 6 + EXAMPLE_WORKLOADS.length; r < 16; r++) {
      expect(grid[r].slice(9, 38).every((v) => v === '')).toBe(true);
    }
    MONTH_COLUMNS.forEach((_, m) => {
      const column = grid.slice(6, 16).map((row) => row[10 + m] || 0);
      expect(near(grid[16][10 + m] as number, sum(column))).toBe(true);
    });
    expect(shown('K7:Y7')[0].every((text) => /^\$[\d,]+\.\d\d$/.test(text))).toBe(true);
  });

  test('takes ten workloads; each row prices as OPENAI_FORECAST does', () => {
    const rows = Array.from({ length: WORKLOAD_ROWS }, (_, k) => {
      const base = EXAMPLE_WORKLOADS[k % EXAMPLE_WORKLOADS.length];
      return [`Workload ${k + 1}`, ...base.slice(1, 3), 1000 * (k + 1), ...base.slice(4)];
    });
    sheet.getRange('A7:I16').setValues(rows);
    const start = value('B3');
    const grid = sheet.getRange('K7:V17').getValues();
    rows.forEach((row, k) => expect(grid[k]).toEqual(direct(row, start)));
    const yearTotal = sum(rows.map((row) => sum(direct(row, start))));
    expect(near(value('W17') as number, yearTotal)).toBe(true);
  });

  test('a bad row: the forecast is an error and so is every total, never a partial sum', () => {
    sheet.getRange('B8').setValue('gpt4o');
    const totals = [...MONTH_COLUMNS.map((c) => `${c}17`), 'W7', 'W9', 'W17', 'Y17'];
    for (const a1 of ['K7', ...totals]) expect([a1, value(a1)]).toEqual([a1, '#ERROR!']);
    expect(sheet.getRange('K7').getDisplayValue()).toBe('#ERROR!');
    // the alternative projection is fine and keeps its numbers
    expect(typeof value('AA17')).toBe('number');
  });

  test("a bad row's error names its sheet row, as the user sees it", () => {
    const message = () => {
      const book = playground.book;
      return (book.value(book.sheetNamed(NAME), 7, 11) as { message: string }).message;
    };
    sheet.getRange('B8').setValue('gpt4o');
    expect(message()).toBe('row 8: unknown model "gpt4o" (did you mean "gpt-4o"?)');
    sheet.getRange('D9').setValue(-5);
    expect(message()).toBe(
      'row 8: unknown model "gpt4o" (did you mean "gpt-4o"?); 1 more row has an error',
    );
    // the same call outside a sheet (a script, a test) names the row within the range
    const rows = sheet.getRange('A7:I16').getValues();
    const column = (k: number) => rows.map((row) => [row[k]]);
    expect(() =>
      forecastFn(column(1), column(3), column(4), column(6), column(2), column(5), column(7)),
    ).toThrow(/^row 2: unknown model "gpt4o"/);
  });

  test('B3 takes what people type for a month, and refuses the rest with its help text', () => {
    const rule = sheet.getRange('B3').getDataValidation()!;
    expect([rule.getCriteriaType(), rule.getAllowInvalid()]).toEqual(['DATE_IS_VALID_DATE', false]);
    expect(rule.getHelpText()).toBe(START_MONTH_HELP);
    expect(sheet.getRange('B3').getNote()).toBe(START_MONTH_HELP);
    const typeB3 = (text: string) => {
      playground.book.type(sheet.data, 3, 2, text);
      return playground.book.ui.rejected;
    };
    for (const typed of [
      '2027-01',
      'January 2027',
      'jan 2027',
      '1/2027',
      '1/15/2027',
      '2027-01-15',
    ]) {
      expect([typed, typeB3(typed)]).toEqual([typed, null]);
      expect([typed, shown('B3')[0][0], shown('K6')[0][0]]).toEqual([typed, 'January 2027', 'Jan 2027']); // prettier-ignore
    }
    for (const typed of ['next year', 'Januar 2027', '13/2027', '2027-02-30']) {
      expect([typed, typeB3(typed)]).toEqual([typed, START_MONTH_HELP]);
      expect(shown('B3')[0][0]).toBe('January 2027'); // unchanged
    }
    expect(typeB3('')).toBe(null); // clearing is allowed: average months
    expect(shown('K6')[0][0]).toBe('Month 1');
  });

  test('the model dropdown offers only models with prices in all 12 months; tiers include priority', () => {
    const [models] = sheet.getRange('B7').getDataValidation()!.getCriteriaValues() as [string[]];
    const [tiers] = sheet.getRange('C7').getDataValidation()!.getCriteriaValues() as [string[]];
    expect(tiers).toEqual(['standard', 'batch', 'flex', 'priority']);
    expect(models).toContain('gpt-4o');
    expect(models).not.toContain('gpt-5'); // shuts down on 2026-12-11, before Dec 2027
    expect(models.length).toBeGreaterThan(10);
    for (const model of models) {
      // each one forecasts the sheet's 12 months (B3) without an error
      const result = playground.fns.OPENAI_FORECAST(model, 1, 1, 0, '', 0, 0, 12, '2027-12');
      expect([model, (result as unknown[][])[0].length]).toEqual([model, 12]);
    }
  });

  test('a growth of 5 (meaning 5%) is an error that suggests 5%, not +500% a month', () => {
    sheet.getRange('H7').setValue(5);
    expect(value('K7')).toBe('#ERROR!');
    expect(value('W17')).toBe('#ERROR!');
    expect(() => forecastFn('gpt-4o', 1000, 1000, 100, 'standard', 0, 5)).toThrow(
      'monthly_growth 5 means +500% a month; for 5% type 5% or 0.05 (use -100% to +100%)',
    );
  });

  test('inputs are shaded and explained; money is dollars; headers wrap; frozen header rows', () => {
    const fills = sheet.getRange('A7:I16').getBackgrounds();
    expect(fills.flat().every((fill) => fill === INPUT_FILL)).toBe(true);
    expect(sheet.getRange('B3').getBackground()).toBe(INPUT_FILL);
    expect(
      sheet
        .getRange('J7:AL17')
        .getBackgrounds()
        .flat()
        .every((f) => f === '#ffffff'),
    ).toBe(true);
    expect(
      sheet
        .getRange('A7:I16')
        .getNotes()
        .flat()
        .every((note) => note !== ''),
    ).toBe(true);
    expect(sheet.getRange('A4').getValue()).toMatch(/insert rows above row 16/);
    expect(sheet.getRange('A6').getNote()).toMatch(/insert rows/);
    for (const a1 of ['K7:Y17', 'AA7:AL17'])
      expect(new Set(sheet.getRange(a1).getNumberFormats().flat())).toEqual(new Set(['$#,##0.00']));
    expect(sheet.getRange('K6').getNumberFormat()).toBe('mmm yyyy');
    expect([sheet.getFrozenRows(), sheet.getFrozenColumns()]).toEqual([6, 1]);
    // the workload names fit where they are typed (A) and beside the months (J)
    for (const column of [1, 10])
      expect(sheet.getColumnWidth(column)).toBeGreaterThanOrEqual(textWidth('Nightly document summaries') + 8); // prettier-ignore
    expect(sheet.getColumnWidth(24)).toBeGreaterThanOrEqual(100);
  });
});

test.each([
  // the UTC day is the last of November; in Tokyo it is already December 1st
  ['2027-11-30T23:30:00Z', 'Asia/Tokyo', 'January 2028'],
  ['2027-11-30T23:30:00Z', 'Europe/London', 'December 2027'],
  // the UTC day is December 1st; in Los Angeles it is still November 30th
  ['2027-12-01T03:00:00Z', 'America/Los_Angeles', 'December 2027'],
  ['2027-12-01T03:00:00Z', 'UTC', 'January 2028'],
])('inserted at %s in %s, the forecast starts in %s: next month in the sheet time zone', (now, zone, first) => {
  const local = createPlayground(undefined, { Date: clockAt(now) });
  local.SpreadsheetApp.getActiveSpreadsheet().setSpreadsheetTimeZone(zone);
  local.run('insertForecastSheet');
  const sheet = local.SpreadsheetApp.getActiveSpreadsheet().getActiveSheet();
  expect(sheet.getRange('B3').getDisplayValue()).toBe(first);
}); // prettier-ignore

test('a new sheet each time; nothing of the user is touched', () => {
  const own = spreadsheet().insertSheet(NAME);
  own.getRange('A1:C2').setValues([
    ['my forecast', 42, '=B1*2'],
    ['', '2026-03-01', 'x'],
  ]);
  const before = own.getRange('A1:Z40').getValues();
  expect(insert()).toEqual({ sheetName: `${NAME} (2)`, range: BLOCK });
  expect(own.getRange('A1:Z40').getValues()).toEqual(before);
});

test('service calls: one per kind over the block, one setFormulas per formula region', () => {
  const count = countForecastSheetCalls();
  playground.book.log.reset();
  insert();
  const calls = playground.book.log.calls;
  expect(calls.filter((c) => c === 'Range.setValues')).toHaveLength(1);
  expect(calls.filter((c) => c === 'Range.setFormulas')).toHaveLength(5);
  expect(calls.filter((c) => c === 'Range.setFormula')).toHaveLength(0);
  expect(calls.length).toBe(count);
  expect(count).toBe(62);
});
