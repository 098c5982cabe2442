// The forecast sheet as data: which cell holds what (values, live formulas, formats, notes,
// dropdowns, the chart). Pure, so tests read the layout directly; forecast-sheet.ts only writes it.
//
//   1  AI spend forecast
//   2  Prices as of | =OPENAI_PRICES_AS_OF() | source
//   3  Start month  | 2026-01-01
//   5  Assumptions
//   6  Workload | Model | Tier | Requests per day | ... | Monthly growth | Alternative model
//   7-9  three example workloads (edited in place)
//  11  12-month projection (USD)
//  12  Workload | Jan 2026 ... Dec 2026 | 12-month total | Alternative model | ... | Saving
//  13-15  =OPENAI_FORECAST(...) spilling 12 months, totals, the alternative model's cost, saving
//  16  Total | =SUM(...) per month
//  18  the stacked column chart

import type { TokenSection } from '../pricing/catalog';
import { CATALOG } from '../pricing/data';
import type { YearMonth } from '../pricing/forecast';

export const FORECAST_SHEET_NAME = 'AI spend forecast';
export const FORECAST_MONTHS = 12;

export type CellValue = string | number;

export interface DropDown {
  values: string[];
  helpText: string;
}

export interface ForecastLayout {
  /** A1 range of the block below, from A1 */
  range: string;
  /** values; a string starting with "=" is a formula (Range.setValues sets it as one) */
  values: CellValue[][];
  numberFormats: string[][];
  fontWeights: ('bold' | 'normal')[][];
  notes: string[][];
  /** dropdowns over `validationRange`, null where a cell has none */
  validationRange: string;
  validations: (DropDown | null)[][];
  frozenRows: number;
  frozenColumns: number;
  chart: { range: string; title: string; row: number; column: number };
}

/** The assumption columns, A to I: header, number format of the input cells, their note. */
const INPUTS: [header: string, format: string, note: string][] = [
  ['Workload', '', 'A name for this workload.'],
  ['Model', '', 'Text model id: pick one or type any (dated snapshots and ft: ids work).'],
  ['Tier', '', 'standard, batch (Batch API: 50% off, no caching discount) or flex.'],
  ['Requests per day', '#,##0', 'Requests a day in the first month.'],
  ['Avg input tokens', '#,##0', 'Input tokens per request, cached ones included.'],
  ['Cached share', '0%', 'Share of input tokens served from the prompt cache, 0-100%.'],
  ['Avg output tokens', '#,##0', 'Output tokens per request, reasoning tokens included.'],
  [
    'Monthly growth',
    '0.0%',
    'Monthly change in requests, compounding (5%: x1.05 a month); -100% at least.',
  ],
  ['Alternative model', '', 'A model to compare: its 12-month cost and the saving are below.'],
];

/** Three example workloads, one value per column of INPUTS. */
export const EXAMPLE_WORKLOADS: CellValue[][] = [
  ['Support chatbot', 'gpt-4.1-mini', 'standard', 20000, 1500, 0.5, 300, 0.05, 'gpt-4.1-nano'],
  ['Nightly document summaries', 'gpt-4.1', 'batch', 2000, 8000, 0, 600, 0.03, 'gpt-4.1-mini'],
  ['Coding agent', 'o3', 'standard', 500, 12000, 0.6, 2500, 0.1, 'o4-mini'],
];

const CURRENCY = '$#,##0.00';
const START_ROW = 3;
const FIRST_INPUT_ROW = 7;
const HEADER_ROW = 12;
const FIRST_PROJECTION_ROW = 13;
const MONTH_NAMES = 'Jan Feb Mar Apr May Jun Jul Aug Sep Oct Nov Dec'.split(' ');

/** 1 → "A", 17 → "Q" (the sheet is narrower than 27 columns). */
export function columnLetter(column: number): string {
  return String.fromCharCode(64 + column);
}

/** Where each part sits, 1-based rows; tests and the writer share these. */
export const FORECAST_CELLS = {
  asOf: 'B2',
  startMonth: `B${START_ROW}`,
  inputs: `A${FIRST_INPUT_ROW}:I${FIRST_INPUT_ROW + EXAMPLE_WORKLOADS.length - 1}`,
  projectionHeaderRow: HEADER_ROW,
  firstProjectionRow: FIRST_PROJECTION_ROW,
  totalRow: FIRST_PROJECTION_ROW + EXAMPLE_WORKLOADS.length,
} as const;

/** The catalog's text models as the page lists them (the aliases): the model dropdown. */
export function textModelNames(): string[] {
  const text = CATALOG.sections.find((s) => s.id === 'text') as TokenSection;
  return text.rows.map((row) => row.model);
}

/** The month after `today`'s: a new forecast starts with the coming month. */
export function nextMonth(today: YearMonth): YearMonth {
  return today.month === 12
    ? { year: today.year + 1, month: 1 }
    : { year: today.year, month: today.month + 1 };
}

function monthLabel(start: YearMonth, m: number): string {
  const index = start.month - 1 + m;
  return `${MONTH_NAMES[index % 12]} ${start.year + Math.floor(index / 12)}`;
}

function grid<T>(rows: number, cols: number, fill: T): T[][] {
  return Array.from({ length: rows }, () => new Array<T>(cols).fill(fill));
}

/** The whole sheet for a projection starting at `start`. */
export function forecastLayout(start: YearMonth): ForecastLayout {
  const workloads = EXAMPLE_WORKLOADS.length;
  const lastInputRow = FIRST_INPUT_ROW + workloads - 1;
  const totalRow = FORECAST_CELLS.totalRow;
  const monthCol = (m: number) => columnLetter(2 + m); // B..M
  const totalCol = columnLetter(2 + FORECAST_MONTHS); // N
  const width = 2 + FORECAST_MONTHS + 3; // A, 12 months, total, alternative, its total, saving
  const [altTotalCol, savingCol] = [width - 1, width].map(columnLetter);

  const values = grid<CellValue>(totalRow, width, '');
  const formats = grid(totalRow, width, '');
  const weights = grid<'bold' | 'normal'>(totalRow, width, 'normal');
  const notes = grid(totalRow, width, '');
  const set = (a1Row: number, col: number, value: CellValue, format = '') => {
    values[a1Row - 1][col - 1] = value;
    if (format) formats[a1Row - 1][col - 1] = format;
  };
  const bold = (a1Row: number, fromCol = 1, toCol = width) => {
    for (let c = fromCol; c <= toCol; c++) weights[a1Row - 1][c - 1] = 'bold';
  };

  set(1, 1, 'AI spend forecast');
  bold(1, 1, 1);
  set(2, 1, 'Prices as of');
  set(2, 2, '=OPENAI_PRICES_AS_OF()');
  set(2, 3, `Source: ${CATALOG.source.title}, ${CATALOG.source.url} (snapshot of ${CATALOG.asOf})`);
  set(START_ROW, 1, 'Start month');
  const startText = `${start.year}-${String(start.month).padStart(2, '0')}-01`;
  set(START_ROW, 2, startText, 'mmmm yyyy');
  notes[START_ROW - 1][1] =
    'First month: calendar months with their real days. Blank: average months of 365.25/12 days. ' +
    'The month headers (row 12) are as inserted: retype them if you change this.';

  set(5, 1, 'Assumptions (edit in place)');
  bold(5, 1, 1);
  INPUTS.forEach(([header], k) => set(6, k + 1, header));
  bold(6, 1, INPUTS.length);
  EXAMPLE_WORKLOADS.forEach((workload, w) => {
    INPUTS.forEach(([, format, note], k) => {
      set(FIRST_INPUT_ROW + w, k + 1, workload[k], format);
      notes[FIRST_INPUT_ROW + w - 1][k] = note;
    });
  });

  set(11, 1, `${FORECAST_MONTHS}-month projection (USD)`);
  bold(11, 1, 1);
  set(HEADER_ROW, 1, 'Workload');
  for (let m = 0; m < FORECAST_MONTHS; m++) set(HEADER_ROW, 2 + m, monthLabel(start, m));
  set(HEADER_ROW, 2 + FORECAST_MONTHS, `${FORECAST_MONTHS}-month total`);
  set(HEADER_ROW, width - 2, 'Alternative model');
  set(HEADER_ROW, width - 1, `Alternative ${FORECAST_MONTHS}-month total`);
  set(HEADER_ROW, width, 'Saving with alternative');
  bold(HEADER_ROW);

  const start$ = `$B$${START_ROW}`; // absolute, so every row's formula points at the one start cell
  for (let w = 0; w < workloads; w++) {
    const input = FIRST_INPUT_ROW + w;
    const row = FIRST_PROJECTION_ROW + w;
    // OPENAI_FORECAST(model, requests, input, output, tier, cached share, growth, months, start)
    const args = (model: string) =>
      `${model}${input},D${input},E${input},G${input},C${input},F${input},H${input},${FORECAST_MONTHS},${start$}`;
    set(row, 1, `=A${input}`);
    set(row, 2, `=OPENAI_FORECAST(${args('B')})`, CURRENCY);
    for (let m = 1; m < FORECAST_MONTHS; m++) formats[row - 1][1 + m] = CURRENCY;
    set(row, 2 + FORECAST_MONTHS, `=SUM(B${row}:${monthCol(FORECAST_MONTHS - 1)}${row})`, CURRENCY);
    set(row, width - 2, `=I${input}`);
    set(row, width - 1, `=SUM(OPENAI_FORECAST(${args('I')}))`, CURRENCY);
    set(row, width, `=${totalCol}${row}-${altTotalCol}${row}`, CURRENCY);
  }
  set(totalRow, 1, 'Total');
  const lastRow = totalRow - 1;
  for (let c = 2; c <= width; c++) {
    if (c === width - 2) continue; // the alternative model's name
    const col = columnLetter(c);
    set(totalRow, c, `=SUM(${col}${FIRST_PROJECTION_ROW}:${col}${lastRow})`, CURRENCY);
  }
  bold(totalRow);

  const modelList: DropDown = {
    values: textModelNames(),
    helpText: 'A text model of the price list (snapshots and ft: ids work too).',
  };
  const tierList: DropDown = {
    values: ['standard', 'batch', 'flex'],
    helpText: 'standard, batch or flex.',
  };
  // columns B to I: model, tier, four counts and shares, growth, alternative model
  const validations = EXAMPLE_WORKLOADS.map(() => [
    ...[modelList, tierList, null, null, null, null, null],
    modelList,
  ]);

  return {
    range: `A1:${savingCol}${totalRow}`,
    values,
    numberFormats: formats,
    fontWeights: weights,
    notes,
    validationRange: `B${FIRST_INPUT_ROW}:I${lastInputRow}`,
    validations,
    frozenRows: START_ROW,
    frozenColumns: 1,
    chart: {
      range: `A${HEADER_ROW}:${monthCol(FORECAST_MONTHS - 1)}${lastRow}`,
      title: 'Monthly cost by workload (USD)',
      row: totalRow + 2,
      column: 1,
    },
  };
}
