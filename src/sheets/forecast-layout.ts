// The forecast sheet as data: which cell holds what (values, live formulas, formats, notes,
// fills, dropdowns, the chart). Pure, so tests read the layout directly; forecast-sheet.ts writes it.
// Inputs and results sit side by side, one row per workload, so inserting a row inside the
// workload rows grows every range (and spill) at once.
//
//   1  AI spend forecast
//   2  Prices as of | =OPENAI_PRICES_AS_OF($D$2) | Refreshed | <refresh cell> | source
//   3  Start month  | 2026-01-01 (input)
//   4  how to add workloads
//   5  Assumptions (A-I)                     | Monthly cost (K-Y)        | Alternative model (AA-AL)
//   6  Workload | Model | ... | Alternative | Workload | =EDATE($B$3,0) ... | totals, saving | months
//   7-16  ten workload rows (three examples); J: the name; K7: ONE =OPENAI_FORECAST(B7:B16,...)
//         spilling 10 x 12; W-Y: 12-month total, the alternative's, the saving; AA7: ONE
//         =OPENAI_FORECAST(I7:I16,...) for the alternative models
//  17  Total per month and column (an error when the forecast is an error, never a partial sum)
//  19  the stacked column chart of J6:V16

import type { TokenSection } from '../pricing/catalog';
import { CATALOG, sourcesSummary } from '../pricing/data';
import type { YearMonth } from '../pricing/forecast';
import { call, formula, quote, ref } from './formula-text';
import { columnName, REFRESH_FORMAT, type FormulaRegion } from './price-layout';

export const FORECAST_SHEET_NAME = 'AI spend forecast';

export type CellValue = string | number;

export interface DropDown {
  values: string[];
  helpText: string;
}

export interface ForecastLayout {
  /** A1 range of the block below, from A1 */
  range: string;
  /** plain values ("" where a formula or its spill goes) */
  values: CellValue[][];
  /** the formulas, one setFormulas per region (see price-layout.ts) */
  formulas: FormulaRegion[];
  /** the refresh cell every custom function takes as its last argument (1-based) */
  refreshCell: { row: number; column: number };
  numberFormats: string[][];
  fontWeights: ('bold' | 'normal')[][];
  notes: string[][];
  /** the input cells' fill ("" elsewhere) */
  backgrounds: (string | null)[][];
  /** dropdowns over `validationRange`, null where a cell has none */
  validationRange: string;
  validations: (DropDown | null)[][];
  /** the start month cell: a date or blank, anything else refused with this help text */
  startMonth: { cell: string; helpText: string };
  frozenRows: number;
  frozenColumns: number;
  /** column widths (px): the workload names' columns (A, J) wide, the others "$12,345.67" */
  nameColumns: number[];
  firstColumnWidth: number;
  columnWidth: number;
  /** header rows whose text wraps, so long headers stay readable */
  wrapRange: string;
  chart: { range: string; title: string; row: number; column: number };
}

/** The assumption columns, A to I: header, number format of the input cells, their note. */
const INPUTS: [header: string, format: string, note: string][] = [
  ['Workload', '', 'A name for this workload.'],
  ['Model', '', 'Text model id: pick one or type any (dated snapshots and ft: ids work).'],
  [
    'Tier',
    '',
    'standard, batch (Batch API: 50% off; a caching discount only from gpt-5 on), flex or priority.',
  ],
  ['Requests per day', '#,##0', 'Requests a day in the first month.'],
  ['Avg input tokens', '#,##0', 'Input tokens per request, cached ones included.'],
  ['Cached share', '0%', 'Share of input tokens served from the prompt cache, 0-100%.'],
  ['Avg output tokens', '#,##0', 'Output tokens per request, reasoning tokens included.'],
  [
    'Monthly growth',
    '0.0%',
    'Monthly change in requests, compounding (type 5% for x1.05 a month); from -100% to +100%.',
  ],
  [
    'Alternative model',
    '',
    'A model to compare on a filled row (type the same model for none): its 12-month cost and the saving are on the right.',
  ],
];

/**
 * Three example workloads, one value per column of INPUTS, on models with no announced shutdown
 * (a month after a model's shutdown has no price: o3 and o4-mini shut down in 2026).
 */
export const EXAMPLE_WORKLOADS: CellValue[][] = [
  ['Support chatbot', 'gpt-4.1-mini', 'standard', 20000, 1500, 0.5, 300, 0.05, 'gpt-5.4-nano'],
  ['Nightly document summaries', 'gpt-4.1', 'batch', 2000, 8000, 0, 600, 0.03, 'gpt-4.1-mini'],
  ['Coding agent', 'gpt-5.4', 'standard', 500, 12000, 0.6, 2500, 0.1, 'gpt-5.4-mini'],
];

const CURRENCY = '$#,##0.00';
const MONTH_FORMAT = 'mmm yyyy';
/** Sheets' "light yellow 3": the cells a user types in */
export const INPUT_FILL = '#fff2cc';
export const WORKLOAD_ROWS = 10;
const MONTHS = 12;
const START_ROW = 3;
const HEADER_ROW = 6;
const FIRST = 7; // first workload row
const LAST = FIRST + WORKLOAD_ROWS - 1;
const TOTAL_ROW = LAST + 1;
// columns: A-I inputs, J the name again (the chart's labels), K-V months, W-Y totals, AA-AL the
// alternative model's months
const LABEL = 10;
const MONTH_1 = 11;
const TOTAL = MONTH_1 + MONTHS; // W
const ALT_TOTAL = TOTAL + 1; // X
const SAVING = TOTAL + 2; // Y
const ALT_MONTH_1 = SAVING + 2; // AA
const WIDTH = ALT_MONTH_1 + MONTHS - 1; // AL

/** 1 → "A", 38 → "AL" */
const col = (column: number) => columnName(column);
const cell = (column: number, row: number) => `${col(column)}${row}`;
const abs = (column: number, row: number) => `$${col(column)}$${row}`;

/** B3's note and the help text its data validation shows when it refuses an entry. */
export const START_MONTH_HELP =
  'The first month, as a date: type 2027-01, January 2027, 1/2027 or a day, or pick one ' +
  '(double-click). Calendar months with their real days; the month headers follow it. ' +
  'Blank: average months of 365.25/12 days.';

export const ADD_WORKLOADS_NOTE =
  `Shaded cells are inputs. Blank rows are ignored. To add workloads, insert rows above row ${LAST} ` +
  '(right-click its row number > Insert 1 row above): every formula range grows with them; copy ' +
  `the formulas of J${LAST}:Y${LAST} into the new rows.`;

/**
 * The model dropdown: the catalog's text models as the page lists them (the aliases), those with
 * prices through the sheet's 12 months from `start` (a model released later, or shut down before
 * the last month, cannot be forecast there: the dropdown does not offer it).
 */
export function textModelNames(start: YearMonth): string[] {
  const text = CATALOG.sections.find((s) => s.id === 'text') as TokenSection;
  const month = (offset: number) => {
    const index = start.year * 12 + start.month - 1 + offset;
    return `${Math.floor(index / 12)}-${String((index % 12) + 1).padStart(2, '0')}-01`;
  };
  const [first, last] = [month(0), month(11)];
  return text.rows
    .filter(
      (row) => (!row.released || row.released <= first) && !(row.retired && row.retired <= last),
    )
    .map((row) => row.model);
}

/** The month after `today`'s: a new forecast starts with the coming month. */
export function nextMonth(today: YearMonth): YearMonth {
  return today.month === 12
    ? { year: today.year + 1, month: 1 }
    : { year: today.year, month: today.month + 1 };
}

/** The whole sheet for a projection starting at `start`. */
export function forecastLayout(start: YearMonth): ForecastLayout {
  const grid = <T>(fill: T) =>
    Array.from({ length: TOTAL_ROW }, () => new Array<T>(WIDTH).fill(fill));
  const values = grid<CellValue>('');
  const formulaGrid = grid('');
  const numberFormats = grid('');
  const notes = grid('');
  const backgrounds = grid<string | null>(null);
  const set = (row: number, column: number, value: CellValue, format = '') => {
    values[row - 1][column - 1] = value;
    if (format) numberFormats[row - 1][column - 1] = format;
  };
  const setFormula = (row: number, column: number, text: string, format = '') => {
    formulaGrid[row - 1][column - 1] = formula(text);
    if (format) numberFormats[row - 1][column - 1] = format;
  };
  const refresh = ref(abs(4, 2));
  const range = (column: number) => ref(`${cell(column, FIRST)}:${cell(column, LAST)}`);
  const start1 = ref(abs(2, START_ROW));

  set(1, 1, 'AI spend forecast');
  set(2, 1, 'Prices as of');
  setFormula(2, 2, call('OPENAI_PRICES_AS_OF', [refresh]));
  set(2, 3, 'Refreshed');
  numberFormats[1][3] = REFRESH_FORMAT;
  set(2, 5, sourcesSummary());
  set(START_ROW, 1, 'Start month');
  // ISO text: Sheets (and the playground) read it as a date, and OPENAI_FORECAST takes either
  set(START_ROW, 2, `${start.year}-${String(start.month).padStart(2, '0')}-01`, 'mmmm yyyy');
  notes[START_ROW - 1][1] = START_MONTH_HELP;
  backgrounds[START_ROW - 1][1] = INPUT_FILL;
  set(4, 1, ADD_WORKLOADS_NOTE);

  set(5, 1, 'Assumptions (shaded cells: edit in place)');
  set(5, MONTH_1, 'Monthly cost (USD)');
  set(5, ALT_MONTH_1, 'On the alternative model: monthly cost (USD)');
  INPUTS.forEach(([header, format, note], k) => {
    set(HEADER_ROW, k + 1, header);
    for (let row = FIRST; row <= LAST; row++) {
      const example = EXAMPLE_WORKLOADS[row - FIRST];
      set(row, k + 1, example ? example[k] : '', format);
      notes[row - 1][k] = note;
      backgrounds[row - 1][k] = INPUT_FILL;
    }
  });
  notes[HEADER_ROW - 1][0] = ADD_WORKLOADS_NOTE;

  // month headers: EDATE from the start month, so headers, projection and chart always agree
  set(HEADER_ROW, LABEL, 'Workload');
  for (let m = 0; m < MONTHS; m++) {
    setFormula(
      HEADER_ROW,
      MONTH_1 + m,
      `IF(${abs(2, START_ROW)}="",${quote(`Month ${m + 1}`)},${call('EDATE', [start1, m])})`,
      MONTH_FORMAT,
    );
    setFormula(HEADER_ROW, ALT_MONTH_1 + m, cell(MONTH_1 + m, HEADER_ROW), MONTH_FORMAT);
  }
  set(HEADER_ROW, TOTAL, '12-month total');
  set(HEADER_ROW, ALT_TOTAL, 'Alternative 12-month total');
  set(HEADER_ROW, SAVING, 'Saving with alternative');

  // ONE range call per projection: OPENAI_FORECAST(model, requests, input, output, tier, cached
  // share, growth, months, start, refresh cell)
  const forecast = (model: number) =>
    call('OPENAI_FORECAST', [
      range(model), range(4), range(5), range(7), range(3), range(6), range(8), MONTHS, start1, refresh,
    ]); // prettier-ignore
  setFormula(FIRST, MONTH_1, forecast(2));
  setFormula(FIRST, ALT_MONTH_1, forecast(9));
  // a failed forecast shows its error in its first cell only: every sum that reads it says so
  const orError = (anchor: string, expression: string) =>
    `IF(ISERROR(${anchor}),${anchor},${expression})`;
  const own = abs(MONTH_1, FIRST);
  const alternative = abs(ALT_MONTH_1, FIRST);
  for (let row = FIRST; row <= LAST; row++) {
    setFormula(row, LABEL, cell(1, row));
    const months = (first: number) => `${cell(first, row)}:${cell(first + MONTHS - 1, row)}`;
    const total = (anchor: string, first: number) =>
      orError(anchor, `IF(COUNT(${months(first)})=0,"",SUM(${months(first)}))`);
    setFormula(row, TOTAL, total(own, MONTH_1), CURRENCY);
    setFormula(row, ALT_TOTAL, total(alternative, ALT_MONTH_1), CURRENCY);
    setFormula(row, SAVING, `IF(${cell(TOTAL, row)}="","",${cell(TOTAL, row)}-${cell(ALT_TOTAL, row)})`, CURRENCY); // prettier-ignore
  }
  set(TOTAL_ROW, 1, 'Total');
  for (let column = MONTH_1; column <= WIDTH; column++) {
    if (column === SAVING + 1) continue;
    const sum = `SUM(${cell(column, FIRST)}:${cell(column, LAST)})`;
    const anchor = column >= ALT_MONTH_1 ? alternative : own;
    setFormula(TOTAL_ROW, column, column >= TOTAL && column <= SAVING ? sum : orError(anchor, sum));
    for (let row = FIRST; row <= TOTAL_ROW; row++) numberFormats[row - 1][column - 1] = CURRENCY;
  }

  const models: DropDown = {
    values: textModelNames(start),
    helpText: 'A text model of the price list (snapshots and ft: ids work too).',
  };
  const tiers: DropDown = {
    values: ['standard', 'batch', 'flex', 'priority'],
    helpText: 'standard, batch, flex or priority.',
  };
  const bold = [1, 5, HEADER_ROW, TOTAL_ROW];
  const region = (top: number, left: number, bottom: number, right: number): FormulaRegion => ({
    row: top,
    column: left,
    formulas: formulaGrid.slice(top - 1, bottom).map((line) => line.slice(left - 1, right)),
  });

  return {
    range: `A1:${cell(WIDTH, TOTAL_ROW)}`,
    values,
    formulas: [
      region(2, 2, 2, 2),
      region(HEADER_ROW, MONTH_1, HEADER_ROW, MONTH_1 + MONTHS - 1),
      region(HEADER_ROW, ALT_MONTH_1, HEADER_ROW, WIDTH),
      region(FIRST, LABEL, TOTAL_ROW, SAVING),
      region(FIRST, ALT_MONTH_1, TOTAL_ROW, WIDTH),
    ],
    refreshCell: { row: 2, column: 4 },
    numberFormats,
    fontWeights: values.map((line, r) =>
      line.map((value, c) =>
        (value !== '' || formulaGrid[r][c] !== '') && bold.includes(r + 1) ? 'bold' : 'normal',
      ),
    ),
    notes,
    backgrounds,
    // columns B to I: model, tier, four counts and shares, growth, alternative model
    validationRange: `B${FIRST}:I${LAST}`,
    validations: Array.from({ length: WORKLOAD_ROWS }, () => [
      models, tiers, null, null, null, null, null, models,
    ]), // prettier-ignore
    startMonth: { cell: `B${START_ROW}`, helpText: START_MONTH_HELP },
    frozenRows: HEADER_ROW,
    frozenColumns: 1,
    nameColumns: [1, LABEL],
    firstColumnWidth: 210,
    columnWidth: 110,
    wrapRange: `A${HEADER_ROW}:${cell(WIDTH, HEADER_ROW)}`,
    chart: {
      range: `${cell(LABEL, HEADER_ROW)}:${cell(MONTH_1 + MONTHS - 1, LAST)}`,
      title: 'Monthly cost by workload (USD)',
      row: TOTAL_ROW + 2,
      column: 1,
    },
  };
}
