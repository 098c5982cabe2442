// "Refresh prices": Sheets recalculates a custom function only when one of its arguments changes,
// and keeps a result for the same arguments even after the add-on's code (and prices) change. So
// every live formula the add-on writes takes a refresh cell of its block as its last argument, and
// this menu action writes a new time into every refresh cell: each live table, forecast and as-of
// cell then recalculates once, with the add-on's current prices.
//
// Refresh cells are found by reading the formulas of every sheet (live-calls.ts), so a duplicated
// sheet's tables (whose formulas point at the copy's own cells) refresh too; named ranges, which
// the add-on used before, do not follow a duplicated sheet. Before the new time is written, each
// live price block is sized for the current catalog (live-resize.ts): a catalog update that adds
// models would otherwise spill a table into the next one's title.

import { CATALOG } from '../pricing/data';
import { spreadsheetSyntax } from './block-writer';
import type { FormulaSyntax } from './formula-locale';
import { shown } from '../pricing/show';
import { sheetRef } from './formula-text';
import { a1Range } from './price-layout';
import { liveCalls, parseA1Cell, type LiveCall } from './live-calls';
import { resizeLiveBlock, type TableAnchor } from './live-resize';

type Sheet = GoogleAppsScript.Spreadsheet.Sheet;

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
  /** the live tables whose rows or columns changed, as 'Sheet'!A3 (the table's formula) */
  resized: string[];
  /** blocks that could not be refreshed, with the reason */
  failed: string[];
}

/** A refresh cell and the live calls that point at it. */
interface Block {
  sheet: Sheet;
  /** the sheet's name (asked once: each getName() is a service call) */
  name: string;
  row: number;
  column: number;
  /** OPENAI_PRICE_TABLE calls of the sheet that point at it */
  tables: TableAnchor[];
}

/** Every refresh cell the sheets' formulas point at, with the price tables that use it. */
function findBlocks(sheets: Sheet[], syntax: FormulaSyntax): Block[] {
  const named = sheets.map((sheet) => ({ sheet, name: sheet.getName() }));
  const byName = new Map(named.map((s) => [s.name, s]));
  const blocks = new Map<string, Block>();
  for (const own of named) {
    const formulas = own.sheet.getDataRange().getFormulas();
    formulas.forEach((line, r) =>
      line.forEach((formula, c) => {
        if (!/OPENAI_/i.test(formula)) return;
        for (const call of liveCalls(formula, syntax)) addCall(call, own, r + 1, c + 1);
      }),
    );
  }
  function addCall(call: LiveCall, own: (typeof named)[number], row: number, column: number) {
    if (!call.refresh) return;
    const target = call.refresh.sheet === null ? own : byName.get(call.refresh.sheet);
    if (!target) return; // a sheet that no longer exists: Sheets shows #REF! there
    const cell = parseA1Cell(call.refresh.a1);
    const key = `${target.name}!${call.refresh.a1}`;
    let block = blocks.get(key);
    if (!block) blocks.set(key, (block = { ...target, ...cell, tables: [] }));
    const [id, tier, date] = call.args;
    if (call.name === 'OPENAI_PRICE_TABLE' && target === own && id && 'text' in id) {
      block.tables.push({
        row,
        column,
        id: id.text,
        tier: tier && 'text' in tier ? tier.text : '',
        date: date && 'text' in date ? date.text : null,
      });
    }
  }
  return [...blocks.values()];
}

/** Menu: sizes every live table for the current prices, then recalculates every live block. */
export function refreshPrices(): Refreshed {
  const spreadsheet = SpreadsheetApp.getActiveSpreadsheet();
  const syntax = spreadsheetSyntax();
  const result: Refreshed = { asOf: CATALOG.asOf, cells: [], resized: [], failed: [] };
  for (const block of findBlocks(spreadsheet.getSheets(), syntax)) {
    // one block's failure (a table the catalog no longer has) does not stop the others
    const where = `${sheetRef(block.name)}!`;
    const cellName = where + a1Range(block.row, block.column, 1, 1);
    try {
      // resize first: the tables recalculate after the new time, into the room made for them
      const resized = resizeLiveBlock(block.sheet, block, block.tables);
      result.resized.push(...resized.map((a1) => where + a1));
    } catch (error) {
      result.failed.push(`the tables of ${cellName}: ${(error as Error).message}`);
    }
    try {
      const cell = block.sheet.getRange(block.row, block.column);
      const previous = cell.getValue();
      // a refresh cell holds the time of the last insert or refresh: never overwrite anything else
      if (previous !== '' && Object.prototype.toString.call(previous) !== '[object Date]') {
        throw new Error(`it holds ${shown(previous)}, not the time of a refresh`);
      }
      cell.setValue(nextStamp(previous));
      result.cells.push(cellName);
    } catch (error) {
      result.failed.push(`${cellName}: ${(error as Error).message}`);
    }
  }
  const { cells, failed } = result;
  const blocks = `${cells.length} live block${cells.length === 1 ? '' : 's'} recalculating`;
  const message = cells.length
    ? `Prices as of ${CATALOG.asOf}: ${blocks}.`
    : `Prices as of ${CATALOG.asOf}. No live tables or forecasts to refresh: insert them from the sidebar.`;
  const problems = failed.length ? ` Not refreshed: ${failed.join('; ')}.` : '';
  spreadsheet.toast(message + problems, 'OpenAI Pricing');
  return result;
}
