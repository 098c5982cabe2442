// The forecast sheet as data: which cell holds what (values, live formulas, formats, notes,
// dropdowns, the chart). Pure, so tests read the layout directly; forecast-sheet.ts only writes it.
//
//   1  AI spend forecast
//   2  Prices as of | =OPENAI_PRICES_AS_OF() | source
//   3  Start month  | 2026-01-01
//   5  Assumptions
//   6  Workload | Model | Tier | Requests per day | ... | Monthly growth | Alternative model (A-I)
//   7-9  three example workloads (edited in place)
//  11  12-month projection (USD)
//  12  Workload | Jan 2026 ... Dec 2026 (B-M) | 12-month total (N) | Alternative model (O) |
//      its 12-month total (P) | Saving (Q)
//  13-15  =OPENAI_FORECAST(...) spilling 12 months, totals, the alternative model's cost, saving
//  16  Total | =SUM(...) per column
//  18  the stacked column chart

import type { TokenSection } from '../pricing/catalog';
import { CATALOG } from '../pricing/data';
import type { YearMonth } from '../pricing/forecast';

export const FORECAST_SHEET_NAME = 'AI spend forecast';

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
const LAST_INPUT_ROW = FIRST_INPUT_ROW + EXAMPLE_WORKLOADS.length - 1;
const TOTAL_ROW = FIRST_PROJECTION_ROW + EXAMPLE_WORKLOADS.length;
/** A, twelve months, their total, the alternative model, its total, the saving: A to Q */
const WIDTH = 17;
const ALTERNATIVE_COLUMN = 15; // O: the only projection column that holds text, not money
/** bold where they hold text: the title, the blocks' titles, the header rows and the totals */
const BOLD_ROWS = [1, 5, 6, 11, HEADER_ROW, TOTAL_ROW];
const MONTH_NAMES = 'Jan Feb Mar Apr May Jun Jul Aug Sep Oct Nov Dec'.split(' ');

/** 1 → "A", 17 → "Q" (the sheet is narrower than 27 columns). */
const columnLetter = (column: number) => String.fromCharCode(64 + column);

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

/** The whole sheet for a projection starting at `start`. */
export function forecastLayout(start: YearMonth): ForecastLayout {
  const grid = <T>(fill: T) =>
    Array.from({ length: TOTAL_ROW }, () => new Array<T>(WIDTH).fill(fill));
  const values = grid<CellValue>('');
  const numberFormats = grid('');
  const notes = grid('');
  const set = (row: number, column: number, value: CellValue, format = '') => {
    values[row - 1][column - 1] = value;
    if (format) numberFormats[row - 1][column - 1] = format;
  };
  const setRow = (row: number, cells: CellValue[]) => cells.forEach((v, k) => set(row, k + 1, v));

  set(1, 1, 'AI spend forecast');
  setRow(2, [
    'Prices as of',
    '=OPENAI_PRICES_AS_OF()',
    `Sources: ${CATALOG.sources.page.title} (${CATALOG.since}) and ${CATALOG.sources['genai-prices'].title} ${CATALOG.sources['genai-prices'].version}; prices as of ${CATALOG.asOf}`,
  ]);
  set(START_ROW, 1, 'Start month');
  // ISO text: Sheets (and the playground) read it as a date, and OPENAI_FORECAST takes either
  set(START_ROW, 2, `${start.year}-${String(start.month).padStart(2, '0')}-01`, 'mmmm yyyy');
  notes[START_ROW - 1][1] =
    'First month: calendar months with their real days. Blank: average months of 365.25/12 days. ' +
    'The month headers (row 12) are as inserted: retype them if you change this.';

  set(5, 1, 'Assumptions (edit in place)');
  INPUTS.forEach(([header, format, note], k) => {
    set(6, k + 1, header);
    EXAMPLE_WORKLOADS.forEach((workload, w) => {
      set(FIRST_INPUT_ROW + w, k + 1, workload[k], format);
      notes[FIRST_INPUT_ROW + w - 1][k] = note;
    });
  });

  set(11, 1, '12-month projection (USD)');
  const monthLabel = (m: number) => {
    const index = start.month - 1 + m;
    return `${MONTH_NAMES[index % 12]} ${start.year + Math.floor(index / 12)}`;
  };
  setRow(HEADER_ROW, [
    'Workload',
    ...MONTH_NAMES.map((_, m) => monthLabel(m)),
    '12-month total',
    'Alternative model',
    'Alternative 12-month total',
    'Saving with alternative',
  ]);

  EXAMPLE_WORKLOADS.forEach((_, w) => {
    const input = FIRST_INPUT_ROW + w;
    const row = FIRST_PROJECTION_ROW + w;
    // OPENAI_FORECAST(model, requests, input, output, tier, cached share, growth, months, start);
    // $B$3 is absolute: every row points at the one start cell
    const forecast = (model: string) =>
      `OPENAI_FORECAST(${model}${input},D${input},E${input},G${input},C${input},F${input},H${input},12,$B$${START_ROW})`;
    setRow(row, [
      `=A${input}`,
      `=${forecast('B')}`, // spills over C to M, left empty for it
      ...new Array<string>(11).fill(''),
      `=SUM(B${row}:M${row})`,
      `=I${input}`,
      `=SUM(${forecast('I')})`,
      `=N${row}-P${row}`,
    ]);
  });
  set(TOTAL_ROW, 1, 'Total');
  for (let c = 2; c <= WIDTH; c++) {
    if (c === ALTERNATIVE_COLUMN) continue;
    const col = columnLetter(c);
    set(TOTAL_ROW, c, `=SUM(${col}${FIRST_PROJECTION_ROW}:${col}${TOTAL_ROW - 1})`);
    // money, the spilled months included
    for (let r = FIRST_PROJECTION_ROW; r <= TOTAL_ROW; r++) numberFormats[r - 1][c - 1] = CURRENCY;
  }

  const models: DropDown = {
    values: textModelNames(),
    helpText: 'A text model of the price list (snapshots and ft: ids work too).',
  };
  const tiers: DropDown = {
    values: ['standard', 'batch', 'flex'],
    helpText: 'standard, batch or flex.',
  };

  return {
    range: `A1:Q${TOTAL_ROW}`,
    values,
    numberFormats,
    fontWeights: values.map((line, r) =>
      line.map((value) => (value !== '' && BOLD_ROWS.includes(r + 1) ? 'bold' : 'normal')),
    ),
    notes,
    // columns B to I: model, tier, four counts and shares, growth, alternative model
    validationRange: `B${FIRST_INPUT_ROW}:I${LAST_INPUT_ROW}`,
    validations: EXAMPLE_WORKLOADS.map(() => [models, tiers, null, null, null, null, null, models]),
    frozenRows: START_ROW,
    frozenColumns: 1,
    chart: {
      range: `A${HEADER_ROW}:M${TOTAL_ROW - 1}`,
      title: 'Monthly cost by workload (USD)',
      row: TOTAL_ROW + 2,
      column: 1,
    },
  };
}
