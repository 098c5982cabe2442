// Sizes a live price block (price-layout.ts) for the current catalog before "Refresh prices"
// recalculates it. Each table is one OPENAI_PRICE_TABLE cell whose result spills below and right;
// the tables sit one blank row apart. When an update adds models, a table needs more rows than it
// has before the next table's title: it would spill into it (#REF!). So, per table:
//   - its room: the rows from its formula to the blank row above the next title; for the last
//     table, its model rows, which carry a mark (the model name's plain-text format);
//   - more rows needed: empty cells are inserted under it, shifting down only the block's columns
//     (what is left or right of the block stays where it is); for the last table, only if the
//     rows below the block (and one more, to keep a gap) are not empty already;
//   - fewer rows: nothing is deleted (the spill shrinks by itself), the rows left over are
//     formatted as blank rows;
// wider tables likewise get columns inserted at the block's right edge if cells there are taken.
// Then the whole block's number formats and bold titles and headers are written again (new rows
// get their price formats). Nothing outside the block changes but for the cells shifted away from
// it; nothing inside it is overwritten but formats.

import type { TierId } from '../pricing/catalog';
import { isoToDay } from '../pricing/dates';
import { buildPriceTable, type PriceTable } from '../pricing/tables';
import {
  a1Range,
  blockWidth,
  GENERAL,
  LIVE_AS_OF_FORMATS,
  tableFormats,
  MODEL_ROW_FORMAT,
  type FontWeight,
} from './price-layout';

type Sheet = GoogleAppsScript.Spreadsheet.Sheet;

/** An OPENAI_PRICE_TABLE cell of a block, with its arguments as written. */
export interface TableAnchor {
  row: number;
  column: number;
  id: string;
  tier: string;
  date: string | null;
}

const isBlank = (value: unknown, formula: string) =>
  formula === '' && (value === '' || value === null || value === undefined);

/** Whether the cells of a range hold nothing: no value, no formula, no spilled result. */
function empty(sheet: Sheet, row: number, column: number, rows: number, columns: number): boolean {
  const range = sheet.getRange(row, column, rows, columns);
  const formulas = range.getFormulas();
  return range.getValues().every((line, r) => line.every((v, c) => isBlank(v, formulas[r][c])));
}

/** The table a block's formula shows with the current catalog (an error if it has gone). */
function currentTable(anchor: TableAnchor): PriceTable {
  const day = anchor.date === null ? null : isoToDay(anchor.date);
  return buildPriceTable(anchor.id, (anchor.tier || undefined) as TierId | undefined, day);
}

/**
 * Sizes the live price block whose refresh cell is `refresh` (its as-of row: label, date,
 * "Refreshed", refresh cell) and returns the A1 of each table formula that was given more room.
 */
export function resizeLiveBlock(
  sheet: Sheet,
  refresh: { row: number; column: number },
  anchors: TableAnchor[],
): string[] {
  const left = refresh.column - 3;
  const tops = anchors
    .filter((a) => a.column === left && a.row > refresh.row + 1)
    .sort((a, b) => a.row - b.row);
  if (left < 1 || tops.length === 0) return [];
  const tables = tops.map(currentTable);
  const width = blockWidth(tables, 'formulas');
  const heights = tables.map((t) => t.rows.length + 1); // the header, then a row per model
  const last = tops.length - 1;
  const maxRows = sheet.getMaxRows();
  const maxColumns = sheet.getMaxColumns();

  // the block's width now: its first title row is bold across it
  const titleWeights = sheet
    .getRange(tops[0].row - 1, left, 1, Math.min(width + 26, maxColumns - left + 1))
    .getFontWeights()[0];
  const boldRun = titleWeights.findIndex((w) => w !== 'bold');
  const oldWidth = Math.max(1, boldRun < 0 ? titleWeights.length : boldRun);

  // each table's room; the last table's: its header and the model rows below it (their names
  // carry the plain-text format of a live table's model rows)
  const lastTop = tops[last].row;
  const scan = Math.min(maxRows - lastTop, heights[last] + 500);
  const below = scan > 0 ? sheet.getRange(lastTop + 1, left, scan, 1).getNumberFormats() : [];
  let marked = below.findIndex(([format]) => format !== MODEL_ROW_FORMAT);
  if (marked < 0) marked = below.length;
  // a block written before the mark: its spilled model names, down to the first blank
  if (marked === 0 && scan > 0) {
    const names = sheet.getRange(lastTop + 1, left, scan, 1).getValues();
    marked = names.findIndex(([name]) => name === '' || name === null);
    if (marked < 0) marked = names.length;
  }
  const room = tops.map((a, k) => (k < last ? tops[k + 1].row - a.row - 2 : 1 + marked));
  const blockEnd = lastTop + room[last] - 1;

  // wider: columns at the right edge, inserted only where cells there are taken
  if (width > oldWidth) {
    const rows = blockEnd - refresh.row + 1;
    const extra = width - oldWidth;
    if (left + width - 1 > maxColumns) sheet.insertColumnsAfter(maxColumns, left + width - 1 - maxColumns); // prettier-ignore
    const edge = left + oldWidth;
    if (!empty(sheet, refresh.row, edge, rows, extra)) {
      const lastColumn = sheet.getLastColumn();
      if (lastColumn + extra > sheet.getMaxColumns()) sheet.insertColumnsAfter(sheet.getMaxColumns(), extra); // prettier-ignore
      sheet.getRange(refresh.row, edge, rows, extra).insertCells(SpreadsheetApp.Dimension.COLUMNS);
    }
  }

  // taller: rows under each table, from the last up (so the rows above keep their numbers)
  const grow = tables.map((_, k) => Math.max(0, heights[k] - room[k]));
  const total = grow.reduce((sum, n) => sum + n, 0);
  const lastRow = Math.max(sheet.getLastRow(), blockEnd);
  if (lastRow + total > sheet.getMaxRows()) {
    sheet.insertRowsAfter(sheet.getMaxRows(), lastRow + total - sheet.getMaxRows());
  }
  for (let k = last; k >= 0; k--) {
    if (grow[k] === 0) continue;
    const at = tops[k].row + room[k];
    // under the block: rows that are free already (and a free row after them, so that what
    // follows the block stays apart from it) need no insert
    if (k === last && empty(sheet, at, left, Math.min(grow[k] + 1, maxRows - at + 1), width)) continue; // prettier-ignore
    sheet.getRange(at, left, grow[k], width).insertCells(SpreadsheetApp.Dimension.ROWS);
  }

  // the formats of the block as it now stands: shifted tables, leftover rows blank
  const shift = (k: number) => grow.slice(0, k).reduce((sum, n) => sum + n, 0);
  const rows = tops[last].row + shift(last) + Math.max(heights[last], room[last]) - refresh.row;
  const columns = Math.max(width, oldWidth);
  const numberFormats = Array.from({ length: rows }, () => new Array<string>(columns).fill(GENERAL)); // prettier-ignore
  const fontWeights = Array.from({ length: rows }, () => new Array<FontWeight>(columns).fill('normal')); // prettier-ignore
  LIVE_AS_OF_FORMATS.forEach((format, c) => format && (numberFormats[0][c] = format));
  tables.forEach((table, k) => {
    const title = tops[k].row + shift(k) - 1 - refresh.row; // 0-based in the block
    const formats = tableFormats(table, width);
    formats.numberFormats.forEach((line, r) => numberFormats[title + r].splice(0, width, ...line));
    formats.fontWeights.forEach((line, r) => fontWeights[title + r].splice(0, width, ...line));
  });
  sheet
    .getRange(refresh.row, left, rows, columns)
    .setNumberFormats(numberFormats)
    .setFontWeights(fontWeights);

  // the tables that got more room (a shrink leaves blank rows, which a later growth reuses)
  return tops.flatMap((a, k) =>
    grow[k] > 0 || width > oldWidth ? [a1Range(a.row + shift(k), a.column, 1, 1)] : [],
  );
}
