// A range call's error names the bad row within its range ("row 2: ...", ranges.ts). In a sheet
// laid out by rows, such as the forecast sheet (workloads in rows 7-16), the user looks for the
// sheet's row: "row 2" there is row 8. A custom function may read the cell it runs in
// (SpreadsheetApp.getActiveRange() is that cell while it calculates) and so its own formula: when
// the formula's first argument is a range of as many rows as the call got, the message names the
// sheet's row. This is read only when there is an error to word; anywhere else (a script caller,
// a formula whose first argument is not a plain range) the message keeps the range's row.

import { spreadsheetSyntax } from './block-writer';
import { liveCalls } from './live-calls';

const RANGE =
  /^(?:(?:'(?:[^']|'')+'|[A-Za-z_][\w.]*)!)?\$?[A-Za-z]{1,3}\$?(\d+):\$?[A-Za-z]{1,3}\$?(\d+)$/;

/** The sheet row of the first row of `name`'s first argument in the calling cell, or null. */
function firstSheetRow(name: string, rows: number): number | null {
  if (typeof SpreadsheetApp === 'undefined') return null;
  try {
    const cell = SpreadsheetApp.getActiveRange();
    if (!cell || cell.getNumRows() !== 1 || cell.getNumColumns() !== 1) return null;
    const calls = liveCalls(cell.getFormula(), spreadsheetSyntax()).filter((c) => c.name === name);
    const first = calls.length === 1 ? calls[0].args[0] : null;
    const range = first && 'expression' in first ? RANGE.exec(first.expression) : null;
    if (!range) return null;
    const [top, bottom] = [Number(range[1]), Number(range[2])];
    return bottom - top + 1 === rows ? top : null;
  } catch {
    return null; // no spreadsheet to ask (a script caller): the range's own rows
  }
}

/**
 * Runs a range call of `name` whose first argument has `rows` rows; an error that names a row
 * of the range names the sheet's row instead where the calling cell says which it is.
 */
export function withSheetRows<T>(name: string, rows: number, run: () => T): T {
  try {
    return run();
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    const row = /^row (\d+)/.exec(message);
    const top = row && rows > 1 ? firstSheetRow(name, rows) : null;
    if (top === null || top === 1) throw error;
    throw new Error(`row ${top + Number(row![1]) - 1}${message.slice(row![0].length)}`);
  }
}
