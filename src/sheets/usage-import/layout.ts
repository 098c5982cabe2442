// Where an import puts things on its new sheet, as values and formula text (no service calls):
//
//   usage: A1  the table (dashboard layout, then extra columns)   | cost:  A1 the table
//          next column: =OPENAI_USAGE_COST(<table>) → cost_usd     |        (no cost column)
//          a blank column, then the summary by month and model    |        the summary by month and line item
//          a blank column, then the reconciliation, when a sheet of the other kind was imported
//
// Every formula reads open ranges (A2:A, not A2:A1001), so rows pasted under the table are priced,
// summed and reconciled too. The summary is ONE built-in formula (ARRAYFORMULA over SORT, UNIQUE,
// FILTER, HSTACK, SUMIF, COUNTIF, CHOOSECOLS): its keys and its sums come from the same expression,
// so the rows cannot slip out of line, and SUMIF runs once per key, not once per row of the sheet.

import type { SheetBlock } from '../block-writer';
import { call, formula, quote, ref, sheetRef } from '../formula-text';
import { columnName } from '../price-layout';
import { DOLLARS } from '../writer';
import type { Cell } from './cells';
import { COLUMNS, type ExportKind } from './columns';
import type { ImportTable } from './table';

export const SHEET_NAMES: Record<ExportKind, string> = {
  usage: 'OpenAI usage',
  cost: 'OpenAI costs',
};

/** The most recent import of the other kind: the sheet the reconciliation reads. */
export interface Partner {
  sheetName: string;
  /** its table's last column (1-based): the table is A1 to that column, open downwards */
  lastColumn: number;
}

export interface PlacedBlock {
  row: number;
  column: number;
  block: SheetBlock;
}

export interface ColumnFormat {
  column: number;
  columns: number;
  /** from this row down to the sheet's last row (spills have no fixed end) */
  fromRow: number;
  format: string;
}

export interface ImportLayout {
  /** the header and the rows as setValues takes them (text with a leading apostrophe) */
  values: Cell[][];
  /** the table's columns */
  width: number;
  blocks: PlacedBlock[];
  columnFormats: ColumnFormat[];
  /** the last column anything is written to */
  lastColumn: number;
  /** widths (px) that fit ISO times, model ids and line items; other columns keep Sheets' 100 */
  columnWidths: { column: number; columns: number; width: number }[];
}

export const SUMMARY_HEADERS: Record<ExportKind, string[]> = {
  usage: [
    'month',
    'model',
    'requests',
    'input_tokens',
    'output_tokens',
    'cost_usd',
    'rows_not_priced',
  ],
  cost: ['month', 'line_item', 'currency', 'amount'],
};

export const RECONCILE_WIDTH = 5; // day, computed_usd, billed_usd, difference_usd, status
const TOKENS = '#,##0';

/** Text Sheets keeps as text whatever it looks like ("2026-08-31", "TRUE", "0012"): 'text. */
const asText = (cell: Cell): Cell => (typeof cell === 'string' && cell !== '' ? `'${cell}` : cell);

/** "C2:C": a column from `row` down, open-ended. */
function openColumn(column: number, row = 2, sheet = ''): string {
  const letter = columnName(column);
  return `${sheet}${letter}${row}:${letter}`;
}

/** the 1-based column of a layout column */
const columnOf = (kind: ExportKind, name: string) => COLUMNS[kind].indexOf(name) + 1;

/** "a"&"|"&"b": text keys joined by "|" (& is an operator: the same in every locale) */
const joined = (parts: string[]) => parts.join(`&${quote('|')}&`);

function emptyBlock(rows: number, columns: number): SheetBlock {
  return {
    values: Array.from({ length: rows }, () => new Array<string | number>(columns).fill('')),
    numberFormats: Array.from({ length: rows }, () => new Array<string>(columns).fill('General')),
    fontWeights: Array.from({ length: rows }, () =>
      new Array<'bold' | 'normal'>(columns).fill('normal'),
    ),
    formulas: [],
    refreshCell: null,
  };
}

/**
 * The summary formula: keys (month from start_time_iso, then the key columns), sorted, and one
 * SUMIF per measure over the data rows whose keys match; for usage also the rows not priced.
 */
export function summaryFormula(kind: ExportKind, costColumn: number): string {
  const month = call('LEFT', [ref(openColumn(columnOf(kind, 'start_time_iso'))), 7]);
  const keyColumns = kind === 'usage' ? ['model'] : ['line_item', 'amount_currency'];
  const keyParts = [month, ...keyColumns.map((name) => openColumn(columnOf(kind, name)))];
  const present = kind === 'usage' ? columnOf(kind, 'model') : columnOf(kind, 'amount_value');
  const sortBy = keyParts.flatMap((_, k) => [k + 1, ref(call('TRUE', []))]);
  const keys = call('SORT', [
    ref(
      call('UNIQUE', [
        ref(
          call('FILTER', [
            ref(call('HSTACK', keyParts.map(ref))),
            ref(`${openColumn(present)}<>${quote('')}`),
          ]),
        ),
      ]),
    ),
    ...sortBy,
  ]);
  const dataKey = joined(keyParts);
  const summaryKey = joined(keyParts.map((_, k) => call('CHOOSECOLS', [ref(keys), k + 1])));
  const sumOf = (name: string) =>
    call('SUMIF', [ref(dataKey), ref(summaryKey), ref(openColumn(columnOf(kind, name)))]);
  const measures =
    kind === 'usage'
      ? [
          sumOf('num_model_requests'),
          sumOf('input_tokens'),
          sumOf('output_tokens'),
          call('SUMIF', [ref(dataKey), ref(summaryKey), ref(openColumn(costColumn))]),
          call('COUNTIF', [
            ref(joined([dataKey, call('LEFT', [ref(openColumn(costColumn)), 10])])),
            ref(`${summaryKey}&${quote('|not priced')}`),
          ]),
        ]
      : [sumOf('amount_value')];
  const table = call('HSTACK', [ref(keys), ...measures.map(ref)]);
  // no data row at all: FILTER's #N/A becomes an empty summary under its headers
  return formula(call('ARRAYFORMULA', [ref(call('IFNA', [ref(table), '']))]));
}

/** OPENAI_RECONCILE(usage table, cost table): the tables as open ranges from A1. */
export function reconcileFormula(usage: string, cost: string): string {
  return formula(call('OPENAI_RECONCILE', [ref(usage), ref(cost)]));
}

/** "A1:Z" of a table `lastColumn` wide, on `sheet` ('' for this sheet). */
export function tableRange(lastColumn: number, sheetName = ''): string {
  return `${sheetName ? `${sheetRef(sheetName)}!` : ''}A1:${columnName(lastColumn)}`;
}

export function importLayout(table: ImportTable, partner: Partner | null): ImportLayout {
  const { kind } = table;
  const width = table.header.length;
  const values: Cell[][] = [table.header.map(asText)];
  for (const row of table.rows) values.push(row.map(asText));
  const blocks: PlacedBlock[] = [];
  const columnFormats: ColumnFormat[] = [];
  const format = (column: number, columns: number, fromRow: number, numberFormat: string) =>
    columnFormats.push({ column, columns, fromRow, format: numberFormat });

  // the table's counts with thousands separators (the tokens of usage, the quantities of cost)
  if (kind === 'usage') {
    format(columnOf(kind, 'num_model_requests'), 1, 2, TOKENS);
    format(
      columnOf(kind, 'compute_units'),
      COLUMNS.usage.length - columnOf(kind, 'compute_units') + 1,
      2,
      TOKENS,
    );
  } else {
    format(columnOf(kind, 'quantity'), 1, 2, TOKENS);
  }

  let next = width + 1;
  let costColumn = 0;
  if (kind === 'usage') {
    costColumn = next;
    const cost = emptyBlock(1, 1);
    cost.fontWeights[0][0] = 'bold';
    cost.formulas.push({
      row: 1,
      column: 1,
      formulas: [[formula(call('OPENAI_USAGE_COST', [ref(tableRange(width))]))]],
    });
    blocks.push({ row: 1, column: costColumn, block: cost });
    format(costColumn, 1, 2, DOLLARS);
    next++;
  }

  // the summary: a title (and what the user should know), its headers, one formula under them
  const summaryColumn = next + 1;
  const headers = SUMMARY_HEADERS[kind];
  const summary = emptyBlock(3, headers.length);
  const title =
    kind === 'usage' ? 'Summary by month (UTC) and model' : 'Summary by month (UTC) and line item';
  summary.values[0][0] = [title, ...table.warnings].join(' — ');
  summary.values[1] = [...headers];
  summary.fontWeights[0].fill('bold');
  summary.fontWeights[1].fill('bold');
  summary.formulas.push({ row: 3, column: 1, formulas: [[summaryFormula(kind, costColumn)]] });
  blocks.push({ row: 1, column: summaryColumn, block: summary });
  if (kind === 'usage') {
    format(summaryColumn + 2, 3, 3, TOKENS);
    format(summaryColumn + 5, 1, 3, DOLLARS);
  } else {
    format(summaryColumn + 3, 1, 3, DOLLARS);
  }
  let lastColumn = summaryColumn + headers.length - 1;

  if (partner) {
    const column = lastColumn + 2;
    const here = tableRange(width);
    const there = tableRange(partner.lastColumn, partner.sheetName);
    const [usage, cost] = kind === 'usage' ? [here, there] : [there, here];
    const block = emptyBlock(2, RECONCILE_WIDTH);
    block.values[0][0] =
      kind === 'usage'
        ? `Reconciliation: computed here vs billed in ${sheetRef(partner.sheetName)} (per UTC day)`
        : `Reconciliation: computed from ${sheetRef(partner.sheetName)} vs billed here (per UTC day)`;
    block.fontWeights[0].fill('bold');
    block.fontWeights[1].fill('bold'); // the header OPENAI_RECONCILE spills
    block.formulas.push({ row: 2, column: 1, formulas: [[reconcileFormula(usage, cost)]] });
    blocks.push({ row: 1, column, block });
    format(column + 1, 3, 3, DOLLARS);
    lastColumn = column + RECONCILE_WIDTH - 1;
  }
  const name = columnOf(kind, kind === 'usage' ? 'model' : 'line_item');
  const columnWidths = [
    { column: columnOf(kind, 'start_time_iso'), columns: 2, width: 175 },
    { column: name, columns: 1, width: kind === 'usage' ? 170 : 230 },
    { column: summaryColumn + 1, columns: 1, width: kind === 'usage' ? 170 : 230 },
  ];
  if (costColumn) columnWidths.push({ column: costColumn, columns: 1, width: 130 });
  if (partner) {
    const day = lastColumn - RECONCILE_WIDTH + 1;
    columnWidths.push(
      { column: day + 1, columns: 3, width: 115 },
      { column: day + 4, columns: 1, width: 160 },
    );
  }
  return { values, width, blocks, columnFormats, lastColumn, columnWidths };
}
