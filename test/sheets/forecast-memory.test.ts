// insertForecastSheet() in the BUILT dist/Code.js, on the playground's in-memory spreadsheet: what
// lands in the sheet (names, cells, dropdowns, notes, formats, chart), the service calls it costs,
// and, above all, that the sheet's formulas compute, in the playground's formula evaluator, the
// very numbers OPENAI_FORECAST and OPENAI_COST give when called directly on the assumptions.
import { CATALOG } from '../../src/pricing/data';
import type { TokenSection } from '../../src/pricing/catalog';
import { EXAMPLE_WORKLOADS } from '../../src/sheets/forecast-layout';
import {
  countForecastSheetCalls,
  createPlayground,
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
const START = '2027-12-01';
const MONTHS = [
  'Dec 2027',
  'Jan 2028',
  'Feb 2028',
  'Mar 2028',
  'Apr 2028',
  'May 2028',
  'Jun 2028',
  'Jul 2028',
  'Aug 2028',
  'Sep 2028',
  'Oct 2028',
  'Nov 2028',
];
const DAYS = [31, 31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30];
const NAME = 'AI spend forecast';
const BLOCK = 'A1:Q16';

let playground: Playground;
beforeEach(() => {
  playground = createPlayground(undefined, { Date: clockAt(NOW) });
});

const spreadsheet = () => playground.SpreadsheetApp.getActiveSpreadsheet();
const sheetNamed = (name: string) => spreadsheet().getSheetByName(name) as MemorySheet;
const insert = () => playground.run('insertForecastSheet') as { sheetName: string; range: string };
const fn = (name: string) => playground.fns[name] as (...args: unknown[]) => number[][] | number;

/** Everything a user could lose on a sheet: cells (with their formats, notes, rules) and more. */
function everything(sheet: MemorySheet) {
  const range = sheet.getRange('A1:Z40');
  return {
    values: range.getValues(),
    formulas: range.getFormulas(),
    formats: range.getNumberFormats(),
    weights: range.getFontWeights(),
    notes: range.getNotes(),
    rules: range.getDataValidations().map((row) => row.map((rule) => rule?.getCriteriaValues())),
    frozen: [sheet.getFrozenRows(), sheet.getFrozenColumns()],
    charts: sheet.getCharts().map((chart) => chart.describe()),
  };
}

describe('a new sheet, never an existing one', () => {
  test('"AI spend forecast", then "(2)" and "(3)"; each becomes the active sheet', () => {
    expect(insert()).toEqual({ sheetName: NAME, range: BLOCK });
    expect(insert().sheetName).toBe(`${NAME} (2)`);
    expect(insert().sheetName).toBe(`${NAME} (3)`);
    expect(
      spreadsheet()
        .getSheets()
        .map((s) => s.getName()),
    ).toEqual(['Sheet1', NAME, `${NAME} (2)`, `${NAME} (3)`]);
    expect(spreadsheet().getActiveSheet().getName()).toBe(`${NAME} (3)`);
    // the copies are alike: same formulas, same computed numbers
    const block = (name: string) => sheetNamed(name).getRange(BLOCK);
    expect(block(`${NAME} (3)`).getFormulas()).toEqual(block(NAME).getFormulas());
    expect(block(`${NAME} (3)`).getValues()).toEqual(block(NAME).getValues());
  });

  test('a sheet of that name, and the other sheets, keep every cell, rule, note and chart', () => {
    const own = spreadsheet().insertSheet(NAME);
    own.getRange('A1:C2').setValues([
      ['my forecast', 42, '=B1*2'],
      ['', '2026-03-01', 'x'],
    ]);
    own.getRange('B1').setNumberFormat('$#,##0.00').setNote('mine').setFontWeight('bold');
    own
      .getRange('A5')
      .setDataValidation(
        playground.SpreadsheetApp.newDataValidation().requireValueInList(['a', 'b']).build(),
      );
    own.setFrozenRows(1);
    own.insertChart(own.newChart().asLineChart().addRange(own.getRange('A1:B2')).build());
    sheetNamed('Sheet1').getRange('A1:Q16').setValue(7);
    const before = [everything(own), everything(sheetNamed('Sheet1'))];

    expect(insert().sheetName).toBe(`${NAME} (2)`);
    expect([everything(own), everything(sheetNamed('Sheet1'))]).toEqual(before);
    expect(own.getRange('C1').getValue()).toBe(84);
  });
});

describe('what the sheet holds', () => {
  let sheet: MemorySheet;
  beforeEach(() => {
    sheet = sheetNamed(insert().sheetName);
  });
  const shown = (a1: string) => sheet.getRange(a1).getDisplayValues();

  test('title, the price snapshot date and its source, the start month as a date', () => {
    expect(sheet.getRange('A1').getValue()).toBe(NAME);
    expect(sheet.getRange('B2').getFormula()).toBe('=OPENAI_PRICES_AS_OF()');
    expect(sheet.getRange('B2').getValue()).toBe(CATALOG.asOf);
    expect(sheet.getRange('C2').getValue()).toBe(
      `Sources: ${CATALOG.sources.page.title} (${CATALOG.since}) and ${CATALOG.sources['genai-prices'].title} ${CATALOG.sources['genai-prices'].version}; prices as of ${CATALOG.asOf}`,
    );
    // written as the text "2027-12-01", which Sheets (and the playground) read as a date
    const start = sheet.getRange('B3').getValue() as Date;
    expect(Object.prototype.toString.call(start)).toBe('[object Date]');
    expect([start.getFullYear(), start.getMonth() + 1, start.getDate()]).toEqual([2027, 12, 1]);
    expect(shown('B3')).toEqual([['December 2027']]);
  });

  test('the assumptions: headers and the three example workloads, as numbers', () => {
    expect(shown('A6:I6')).toEqual([
      [
        'Workload',
        'Model',
        'Tier',
        'Requests per day',
        'Avg input tokens',
        'Cached share',
        'Avg output tokens',
        'Monthly growth',
        'Alternative model',
      ],
    ]);
    expect(sheet.getRange('A7:I9').getValues()).toEqual(EXAMPLE_WORKLOADS);
    expect(shown('A7:I7')).toEqual([
      [
        'Support chatbot',
        'gpt-4.1-mini',
        'standard',
        '20,000',
        '1,500',
        '50%',
        '300',
        '5.0%',
        'gpt-4.1-nano',
      ],
    ]);
  });

  test('the projection: calendar month headers and live formulas on the assumption rows', () => {
    expect(shown('A12:Q12')).toEqual([
      [
        'Workload',
        ...MONTHS,
        '12-month total',
        'Alternative model',
        'Alternative 12-month total',
        'Saving with alternative',
      ],
    ]);
    const formulas = sheet.getRange(BLOCK).getFormulas();
    for (let w = 0; w < 3; w++) {
      const [input, row] = [7 + w, 13 + w];
      // OPENAI_FORECAST(model, requests, input, output, tier, cached share, growth, months, start)
      const args = (model: string) =>
        `${model}${input},D${input},E${input},G${input},C${input},F${input},H${input},12,$B$3`;
      expect(formulas[row - 1]).toEqual([
        `=A${input}`,
        `=OPENAI_FORECAST(${args('B')})`,
        ...new Array(11).fill(''), // the spill
        `=SUM(B${row}:M${row})`,
        `=I${input}`,
        `=SUM(OPENAI_FORECAST(${args('I')}))`,
        `=N${row}-P${row}`,
      ]);
    }
    expect(formulas[15]).toEqual(
      [...'ABCDEFGHIJKLMNOPQ'].map((col) =>
        col === 'A' || col === 'O' ? '' : `=SUM(${col}13:${col}15)`,
      ),
    );
    // nowhere else: B2 and the projection are the only formulas
    expect(formulas.flat().filter(Boolean)).toHaveLength(1 + 3 * 6 + 15);
  });

  test('dropdowns: catalog text models on Model and Alternative model, tiers on Tier', () => {
    const text = CATALOG.sections.find((s) => s.id === 'text') as TokenSection;
    const models = text.rows.map((row) => row.model);
    const rules = sheet.getRange('A7:J9').getDataValidations();
    for (const row of rules) {
      const lists = row.map((rule) => rule && rule.getCriteriaValues());
      expect(lists).toEqual([
        null,
        [models, true],
        [['standard', 'batch', 'flex'], true],
        null,
        null,
        null,
        null,
        null,
        [models, true],
        null,
      ]);
      for (const rule of row.filter((r) => r !== null)) {
        expect(rule.getCriteriaType()).toBe('VALUE_IN_LIST');
        // dated snapshots and ft: ids are models too: a warning, not a rejection
        expect(rule.getAllowInvalid()).toBe(true);
        expect(rule.getHelpText()).not.toBe('');
      }
    }
    for (const workload of EXAMPLE_WORKLOADS) {
      expect(models).toContain(workload[1]);
      expect(models).toContain(workload[8]);
    }
    expect(sheet.getRange('A1:Q6').getDataValidations().flat().filter(Boolean)).toEqual([]);
  });

  test('notes explain every input cell and the start month, and only those', () => {
    const notes = sheet.getRange(BLOCK).getNotes();
    notes.forEach((row, r) =>
      row.forEach((note, c) => {
        const input = r >= 6 && r <= 8 && c <= 8;
        expect([r + 1, c + 1, note !== '']).toEqual([r + 1, c + 1, input || (r === 2 && c === 1)]);
      }),
    );
    expect(notes[2][1]).toMatch(/calendar months.*365\.25\/12/);
    const headers = shown('A6:I6')[0];
    const noteOn = (header: string) => notes[6][headers.indexOf(header)];
    expect(noteOn('Cached share')).toMatch(/prompt cache/);
    expect(noteOn('Monthly growth')).toMatch(/compounding/);
    expect(noteOn('Alternative model')).toMatch(/saving/);
    expect(notes[8]).toEqual(notes[6]);
  });

  test('formats: currency, counts, percentages; bold headers, frozen rows, wide column A', () => {
    const formats = sheet.getRange('B13:Q16').getNumberFormats();
    formats.forEach((row) =>
      row.forEach((format, c) => expect(format).toBe(c === 13 ? 'General' : '$#,##0.00')),
    );
    expect(sheet.getRange('D7:H7').getNumberFormats()).toEqual([
      ['#,##0', '#,##0', '0%', '#,##0', '0.0%'],
    ]);
    for (const money of shown('B13:N16').flat())
      expect(money).toMatch(/^\$\d{1,3}(,\d{3})*\.\d\d$/);
    const weights = sheet.getRange(BLOCK).getFontWeights();
    for (const a1 of ['A1', 'A5', 'A6', 'I6', 'A11', 'A12', 'Q12', 'A16', 'Q16']) {
      const [, col, row] = /^([A-Q])(\d+)$/.exec(a1)!;
      expect([a1, weights[Number(row) - 1][col.charCodeAt(0) - 65]]).toEqual([a1, 'bold']);
    }
    expect(weights[6].every((w) => w === 'normal')).toBe(true);
    expect(weights[12].every((w) => w === 'normal')).toBe(true);
    expect([sheet.getFrozenRows(), sheet.getFrozenColumns()]).toEqual([3, 1]);
    // column A fits the workload names; the rest keep the default width
    expect(sheet.getColumnWidth(1)).toBeGreaterThanOrEqual('Nightly document summaries'.length * 7);
    expect(sheet.getColumnWidth(2)).toBe(100);
  });

  test('a stacked column chart of the months by workload, below the block', () => {
    const [chart, ...more] = sheet.getCharts();
    expect(more).toEqual([]);
    expect(chart.settings).toEqual({
      type: 'column',
      ranges: ['A12:M15'],
      options: {
        isStacked: true,
        title: 'Monthly cost by workload (USD)',
        transpose: true, // a series per workload row, the months along the axis
        numHeaders: 1,
      },
      position: [18, 1, 0, 0],
    });
  });
});

describe('the formulas compute what the functions give when called directly', () => {
  let sheet: MemorySheet;
  beforeEach(() => {
    sheet = sheetNamed(insert().sheetName);
  });
  const values = () => sheet.getRange(BLOCK).getValues();

  /** OPENAI_FORECAST's row for a workload of the examples, on `model`, starting `start`. */
  const forecast = (w: number, model: string, start: unknown = START) => {
    const [, , tier, requests, input, share, output, growth] = EXAMPLE_WORKLOADS[w];
    const rows = fn('OPENAI_FORECAST')(
      model,
      requests,
      input,
      output,
      tier,
      share,
      growth,
      12,
      start,
    );
    return (rows as number[][])[0];
  };
  const sum = (numbers: number[]) => numbers.reduce((total, n) => total + n, 0);

  test('every formula cell, spilled months included, is a number or the text it copies', () => {
    const grid = values();
    const formulas = sheet.getRange(BLOCK).getFormulas();
    for (let r = 13; r <= 16; r++) {
      for (let c = 2; c <= 17; c++) {
        if (c === 15) continue; // the alternative model's name
        expect([r, c, typeof grid[r - 1][c - 1]]).toEqual([r, c, 'number']);
      }
    }
    const errors = formulas.flatMap((row, r) =>
      row.flatMap((formula, c) => (formula && /^#/.test(String(grid[r][c])) ? [formula] : [])),
    );
    expect(errors).toEqual([]);
    expect(grid.slice(12, 15).map((row) => [row[0], row[14]])).toEqual(
      EXAMPLE_WORKLOADS.map((w) => [w[0], w[8]]),
    );
  });

  test('monthly costs, totals, alternatives and savings, number for number', () => {
    const grid = values();
    const months = (row: number) => grid[row - 1].slice(1, 13) as number[];
    for (let w = 0; w < 3; w++) {
      const row = 13 + w;
      const own = forecast(w, EXAMPLE_WORKLOADS[w][1] as string);
      const alternative = forecast(w, EXAMPLE_WORKLOADS[w][8] as string);
      expect(months(row)).toEqual(own);
      expect(grid[row - 1][13]).toBe(sum(own)); // 12-month total
      expect(grid[row - 1][15]).toBe(sum(alternative)); // on the alternative model
      expect(grid[row - 1][16]).toBe(sum(own) - sum(alternative)); // the saving
      expect(sum(own)).toBeGreaterThan(sum(alternative)); // the examples pick a cheaper one
    }
    // the totals row sums each column
    for (let c = 2; c <= 17; c++) {
      if (c === 15) continue;
      expect(grid[15][c - 1]).toBe(sum([13, 14, 15].map((r) => grid[r - 1][c - 1] as number)));
    }
    // the date cell and the ISO text give the same calendar months
    expect(forecast(0, 'gpt-4.1-mini', sheet.getRange('B3').getValue())).toEqual(
      forecast(0, 'gpt-4.1-mini'),
    );
  });

  test('each month is OPENAI_COST of its requests: days of the month (leap Feb), growth', () => {
    const grid = values();
    EXAMPLE_WORKLOADS.forEach(([, model, tier, perDay, input, share, output, growth], w) => {
      DAYS.forEach((days, m) => {
        const requests = (perDay as number) * days * (1 + (growth as number)) ** m;
        const tokens = (perRequest: number) => perRequest * requests;
        const cost = fn('OPENAI_COST')(
          model,
          tokens(input as number),
          tokens(output as number),
          tier,
          tokens((share as number) * (input as number)),
        ) as number;
        const shown = grid[12 + w][1 + m] as number;
        expect(Math.abs(shown - cost)).toBeLessThanOrEqual(1e-9 * cost);
      });
    });
  });

  test('the formulas are live: the projection follows edits of the assumptions', () => {
    sheet.getRange('D7').setValue(40000); // twice the requests: twice the cost
    sheet.getRange('I9').setValue('o3'); // the same model as the alternative: no saving
    let grid = values();
    const doubled = forecast(0, 'gpt-4.1-mini').map((cost) => cost * 2);
    (grid[12].slice(1, 13) as number[]).forEach((cost, m) =>
      expect(Math.abs(cost - doubled[m])).toBeLessThanOrEqual(1e-9 * cost),
    );
    expect(grid[14][16]).toBe(0);
    // no start month: average months of 365.25 / 12 days
    sheet.getRange('B3').setValue('');
    grid = values();
    expect(grid[13].slice(1, 13)).toEqual(forecast(1, 'gpt-4.1', ''));
    expect(grid[13][1]).not.toBe(forecast(1, 'gpt-4.1')[0]);
  });
});

describe('service calls', () => {
  const CALLS = [
    'SpreadsheetApp.getActiveSpreadsheet',
    'Spreadsheet.getSheetByName',
    'Spreadsheet.insertSheet',
    // the whole block: values with formulas, formats, weights, notes
    'Sheet.getRange',
    'Range.setValues',
    'Range.setNumberFormats',
    'Range.setFontWeights',
    'Range.setNotes',
    // the dropdowns: two rules, set in one call
    'Sheet.getRange',
    ...[1, 2].flatMap(() => [
      'SpreadsheetApp.newDataValidation',
      'DataValidationBuilder.requireValueInList',
      'DataValidationBuilder.setAllowInvalid',
      'DataValidationBuilder.setHelpText',
      'DataValidationBuilder.build',
    ]),
    'Range.setDataValidations',
    'Sheet.setFrozenRows',
    'Sheet.setFrozenColumns',
    'Sheet.autoResizeColumns',
    // the chart
    'Sheet.newChart',
    'EmbeddedChartBuilder.asColumnChart',
    'EmbeddedChartBuilder.setStacked',
    'EmbeddedChartBuilder.setTitle',
    'Sheet.getRange',
    'EmbeddedChartBuilder.addRange',
    'EmbeddedChartBuilder.setTransposeRowsAndColumns',
    'EmbeddedChartBuilder.setNumHeaders',
    'EmbeddedChartBuilder.setPosition',
    'EmbeddedChartBuilder.build',
    'Sheet.insertChart',
  ];

  test('34, whatever the spreadsheet holds; one more look-up per name already taken', () => {
    expect(CALLS).toHaveLength(34);
    expect(countForecastSheetCalls()).toBe(34);
    // a full first sheet changes nothing
    sheetNamed('Sheet1').getRange('A1:Z1000').setValue('=1+1');
    playground.book.log.reset();
    insert();
    expect(playground.book.log.calls).toEqual(CALLS);
    // the name is taken now: one more getSheetByName, and each further copy one more
    playground.book.log.reset();
    insert();
    expect(playground.book.log.count).toBe(35);
    playground.book.log.reset();
    insert();
    expect(playground.book.log.count).toBe(36);
  });
});
