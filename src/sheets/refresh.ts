// "Refresh prices": Sheets recalculates a custom function only when one of its arguments changes,
// and keeps a result for the same arguments even after the add-on's code (and prices) change. So
// every live formula the add-on writes takes a refresh cell of its block as its last argument, and
// this menu action writes a new time into every refresh cell: each live table, forecast and as-of
// cell then recalculates once, with the add-on's current prices. Refresh cells are found through
// named ranges ("OpenAIPricesRefresh_..."), which follow the cell when rows or columns move.

import { CATALOG } from '../pricing/data';
import { sheetRef } from './formula-text';

type Range = GoogleAppsScript.Spreadsheet.Range;

export const REFRESH_NAME_PREFIX = 'OpenAIPricesRefresh_';

/** Registers `cell` as a refresh cell under a new name. */
export function registerRefreshCell(cell: Range): void {
  const name = `${REFRESH_NAME_PREFIX}${Date.now().toString(36)}${Math.floor(Math.random() * 1e9).toString(36)}`;
  SpreadsheetApp.getActiveSpreadsheet().setNamedRange(name, cell);
}

/** A time after `previous` (so the cell's value always changes, even within one millisecond). */
function nextStamp(previous: unknown): Date {
  const now = new Date();
  const before =
    Object.prototype.toString.call(previous) === '[object Date]'
      ? (previous as Date).getTime()
      : NaN;
  return before >= now.getTime() ? new Date(before + 1) : now;
}

export interface Refreshed {
  asOf: string;
  /** the refresh cells rewritten, as 'Sheet'!D1 */
  cells: string[];
}

/** Menu: recalculates every live table, forecast and as-of cell with the add-on's current prices. */
export function refreshPrices(): Refreshed {
  const spreadsheet = SpreadsheetApp.getActiveSpreadsheet();
  const cells: string[] = [];
  for (const named of spreadsheet.getNamedRanges()) {
    if (!named.getName().startsWith(REFRESH_NAME_PREFIX)) continue;
    const cell = named.getRange();
    cell.setValue(nextStamp(cell.getValue()));
    cells.push(`${sheetRef(cell.getSheet().getName())}!${cell.getA1Notation()}`);
  }
  const message = cells.length
    ? `Prices as of ${CATALOG.asOf}: ${cells.length} live block${cells.length === 1 ? '' : 's'} recalculating.`
    : `Prices as of ${CATALOG.asOf}. No live tables or forecasts to refresh: insert them from the sidebar.`;
  spreadsheet.toast(message, 'OpenAI Pricing');
  return { asOf: CATALOG.asOf, cells };
}
