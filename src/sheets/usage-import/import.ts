// importUsageExport(): the sidebar's "Import usage…". Reads the text (parse.ts; a bad text fails
// before any service call), finds the latest import of the other kind, and writes a new sheet laid
// out by layout.ts: the table in blocks of rows (one setValues each), then one writeBlock per
// formula block. Nothing existing is written to: every import is a sheet of its own.

import { spreadsheetSyntax, writeBlock } from '../block-writer';
import { insertNewSheet } from '../new-sheet';
import type { Cell } from './cells';
import type { ExportKind } from './columns';
import { importLayout, SHEET_NAMES, type Partner } from './layout';
import { parseExport } from './parse';

type Sheet = GoogleAppsScript.Spreadsheet.Sheet;
type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;

export interface ImportedExport {
  sheetName: string;
  kind: ExportKind;
  /** data rows written (the header not counted) */
  rows: number;
}

/**
 * Cells per setValues: a 100,000-row usage export (2.6 million cells) goes in 11 writes, each a
 * request of bounded size (Apps Script documents no per-call limit; this keeps every call far
 * from the 10-million-cell spreadsheet limit and lets one slow call not hold everything).
 */
export const CELLS_PER_WRITE = 250_000;

/**
 * Each imported table is a named range `OpenAIUsageImport_<time>` / `OpenAICostImport_<time>`:
 * it follows a renamed sheet, and the newest name (the time in base 36, fixed width) is the
 * latest import of its kind, whatever the sheets are called or where their tabs are.
 */
export const IMPORT_NAME_PREFIX: Record<ExportKind, string> = {
  usage: 'OpenAIUsageImport_',
  cost: 'OpenAICostImport_',
};

function importName(kind: ExportKind): string {
  const time = Date.now().toString(36).padStart(10, '0');
  const random = Math.floor(Math.random() * 36 ** 4)
    .toString(36)
    .padStart(4, '0');
  return `${IMPORT_NAME_PREFIX[kind]}${time}${random}`;
}

/** The newest import of `kind` whose sheet still exists, or null. */
function latestImport(spreadsheet: Spreadsheet, kind: ExportKind): Partner | null {
  const prefix = IMPORT_NAME_PREFIX[kind];
  // Apps Script always has named ranges; a stand-in host without them: no pairing
  if (typeof spreadsheet.getNamedRanges !== 'function') return null;
  const named = spreadsheet
    .getNamedRanges()
    .map((range) => ({ range, name: range.getName() }))
    .filter(({ name }) => name.startsWith(prefix))
    .sort((a, b) => (a.name < b.name ? 1 : -1));
  for (const { range } of named) {
    try {
      const table = range.getRange();
      return { sheetName: table.getSheet().getName(), lastColumn: table.getLastColumn() };
    } catch {
      // a named range whose sheet was deleted: the one before it
    }
  }
  return null;
}

function fitSheet(sheet: Sheet, rows: number, columns: number): void {
  const maxRows = sheet.getMaxRows();
  if (maxRows < rows) sheet.insertRowsAfter(maxRows, rows - maxRows);
  const maxColumns = sheet.getMaxColumns();
  if (maxColumns < columns) sheet.insertColumnsAfter(maxColumns, columns - maxColumns);
}

/** The table in blocks of whole rows, one setValues per block. */
function writeTable(sheet: Sheet, values: Cell[][], width: number): void {
  const rowsPerWrite = Math.max(1, Math.floor(CELLS_PER_WRITE / width));
  for (let start = 0; start < values.length; start += rowsPerWrite) {
    const block = values.slice(start, start + rowsPerWrite);
    sheet.getRange(start + 1, 1, block.length, width).setValues(block);
  }
}

const OTHER: Record<ExportKind, ExportKind> = { usage: 'cost', cost: 'usage' };

/** Sidebar: imports a usage or cost export (CSV or API JSON) into a new sheet; returns { sheetName, kind, rows }. */
export function importUsageExport(text: unknown): ImportedExport {
  const table = parseExport(text);
  const spreadsheet = SpreadsheetApp.getActiveSpreadsheet();
  const layout = importLayout(table, latestImport(spreadsheet, OTHER[table.kind]));
  const { sheet, sheetName } = insertNewSheet(SHEET_NAMES[table.kind]);
  const rows = layout.values.length;
  fitSheet(sheet, rows, layout.lastColumn);
  writeTable(sheet, layout.values, layout.width);
  sheet.getRange(1, 1, 1, layout.width).setFontWeight('bold');
  const syntax = spreadsheetSyntax(); // every block has formulas: ask the locale once
  for (const { row, column, block } of layout.blocks) {
    const target = sheet.getRange(row, column, block.values.length, block.values[0].length);
    writeBlock(target, block, syntax);
  }
  // after the blocks: their formats stop at their formula row, a spill's run to the last row
  const lastRow = sheet.getMaxRows();
  for (const { column, columns, fromRow, format } of layout.columnFormats) {
    sheet.getRange(fromRow, column, lastRow - fromRow + 1, columns).setNumberFormat(format);
  }
  for (const { column, columns, width } of layout.columnWidths) {
    sheet.setColumnWidths(column, columns, width);
  }
  sheet.setFrozenRows(1);
  if (typeof spreadsheet.setNamedRange === 'function')
    spreadsheet.setNamedRange(importName(table.kind), sheet.getRange(1, 1, rows, layout.width));
  return { sheetName, kind: table.kind, rows: table.rows.length };
}
