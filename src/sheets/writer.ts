// Writes price tables and calculator formulas into the spreadsheet. Thin on purpose: the layout is
// decided in price-layout.ts; here every line is a service call, batched one per kind per block.

import { checkAddonFormula } from './addon-formulas';
import { writeBlock, writeFormula } from './block-writer';
import { sheetRef } from './formula-text';
import { insertNewSheet } from './new-sheet';
import {
  ALL_SECTIONS,
  a1Range,
  chooseTables,
  priceBlock,
  readInsertRequest,
  type InsertRequest,
} from './price-layout';

type Range = GoogleAppsScript.Spreadsheet.Range;

export const PRICE_SHEET_NAME = 'OpenAI prices';

/** A cost the calculator inserts: dollars with every digit down to micro-dollars ($0.0075). */
export const DOLLARS = '$#,##0.00####';

export interface Inserted {
  sheetName: string;
  /** A1 range of everything written */
  range: string;
}

function isEmptyCell(value: unknown, formula: string): boolean {
  return formula === '' && (value === '' || value === null || value === undefined);
}

/** The A1 range that bounds the cells of `range` holding a value or a formula, or null. */
function occupiedPart(range: Range): string | null {
  const values = range.getValues();
  const formulas = range.getFormulas();
  let top = Infinity;
  let left = Infinity;
  let bottom = -1;
  let right = -1;
  values.forEach((row, r) =>
    row.forEach((value, c) => {
      if (isEmptyCell(value, formulas[r][c])) return;
      top = Math.min(top, r);
      bottom = Math.max(bottom, r);
      left = Math.min(left, c);
      right = Math.max(right, c);
    }),
  );
  if (bottom < 0) return null;
  const row = range.getRow() + top;
  const column = range.getColumn() + left;
  return a1Range(row, column, bottom - top + 1, right - left + 1);
}

/**
 * The block's range at the active cell, after checking that every target cell is empty; grows the
 * sheet when the block runs past its last row or column (cells beyond it are empty by definition).
 */
function rangeAtSelection(rows: number, columns: number): Range {
  const spreadsheet = SpreadsheetApp.getActiveSpreadsheet();
  const cell = spreadsheet.getActiveRange();
  if (!cell) throw new Error('select a cell first, or insert into a new sheet');
  const sheet = cell.getSheet();
  const row = cell.getRow();
  const column = cell.getColumn();
  const maxRows = sheet.getMaxRows();
  const maxColumns = sheet.getMaxColumns();
  const inside = sheet.getRange(
    row,
    column,
    Math.min(rows, maxRows - row + 1),
    Math.min(columns, maxColumns - column + 1),
  );
  const occupied = occupiedPart(inside);
  if (occupied) {
    throw new Error(
      `Nothing was inserted: ${sheetRef(sheet.getName())}!${occupied} is not empty and the tables need ${a1Range(row, column, rows, columns)}. Select an empty area or insert into a new sheet.`,
    );
  }
  if (row + rows - 1 > maxRows) sheet.insertRowsAfter(maxRows, row + rows - 1 - maxRows);
  if (column + columns - 1 > maxColumns) {
    sheet.insertColumnsAfter(maxColumns, column + columns - 1 - maxColumns);
  }
  return sheet.getRange(row, column, rows, columns);
}

function writeTables(request: InsertRequest): Inserted {
  // everything that can fail on the request fails here, before any service call
  const tables = chooseTables(request.sections, request.tier, request.date);
  const atA1 = priceBlock(tables, request.mode, request.date);
  const rows = atA1.values.length;
  const columns = atA1.values[0].length;
  if (request.destination === 'selection') {
    const target = rangeAtSelection(rows, columns);
    const origin = { row: target.getRow(), column: target.getColumn() };
    writeBlock(target, priceBlock(tables, request.mode, request.date, origin));
    // model names and titles readable: the block's columns fit their text (no cut-off names)
    target.getSheet().autoResizeColumns(origin.column, columns);
    return { sheetName: target.getSheet().getName(), range: target.getA1Notation() };
  }
  const { sheet, sheetName } = insertNewSheet(PRICE_SHEET_NAME);
  writeBlock(sheet.getRange(1, 1, rows, columns), atA1);
  sheet.setFrozenRows(atA1.headerRow);
  sheet.autoResizeColumns(1, columns);
  sheet.activate();
  return { sheetName, range: a1Range(1, 1, rows, columns) };
}

// The exported functions' JSDoc is copied into dist/Code.js: kept to one line (size budget).
// Contracts: docs/contracts.md.

/** Sidebar: inserts the requested price tables; returns { sheetName, range }. */
export function insertPriceTables(request: unknown): Inserted {
  return writeTables(readInsertRequest(request));
}

/** Menu: every price table, standard prices as values, into a new sheet. */
export function insertAllPriceTables(): Inserted {
  return writeTables({
    sections: ALL_SECTIONS,
    tier: 'standard',
    mode: 'values',
    destination: 'new-sheet',
    date: null,
  });
}

/** Sidebar calculator: puts an add-on formula into the current cell if it is empty. */
export function insertFormulaAtSelection(formula: unknown): Inserted {
  const text = checkAddonFormula(formula);
  const cell = SpreadsheetApp.getActiveSpreadsheet().getCurrentCell();
  if (!cell) throw new Error('select a cell first');
  const sheetName = cell.getSheet().getName();
  const range = cell.getA1Notation();
  if (!isEmptyCell(cell.getValue(), cell.getFormula())) {
    throw new Error(
      `Nothing was inserted: ${sheetRef(sheetName)}!${range} is not empty. Select an empty cell.`,
    );
  }
  // the sidebar sends the "," form; written in the spreadsheet locale's syntax
  writeFormula(cell, text).setNumberFormat(DOLLARS);
  return { sheetName, range };
}
