// The one way the add-on writes formulas: a laid-out block (price tables, the forecast sheet, a
// usage sheet) or a single cell. Formulas are built in the add-on's "," form (formula-text.ts) and
// converted here to the spreadsheet locale's syntax (formula-locale.ts: ";" where the decimal mark
// is a comma), then written with setFormula(s), Apps Script's documented way to write formulas.
// A block: one call per kind of content over the whole block, then one setFormulas per formula
// region, then the refresh cell's time.

import type { FormulaRegion } from './price-layout';
import {
  COMMA_SYNTAX,
  localizeFormula,
  syntaxForLocale,
  type FormulaSyntax,
} from './formula-locale';

type Range = GoogleAppsScript.Spreadsheet.Range;

export interface SheetBlock {
  /** plain values; "" where a formula, its spill or nothing goes */
  values: (string | number)[][];
  numberFormats: string[][];
  fontWeights: ('bold' | 'normal')[][];
  formulas: FormulaRegion[];
  /** the block's refresh cell (1-based), written with the current time */
  refreshCell: { row: number; column: number } | null;
  notes?: string[][];
  backgrounds?: (string | null)[][];
}

/** The active spreadsheet's formula syntax: two service calls, so asked once per write. */
export function spreadsheetSyntax(): FormulaSyntax {
  const spreadsheet = SpreadsheetApp.getActiveSpreadsheet();
  // Apps Script always has it; a stand-in host without locales gets the "," form
  if (typeof spreadsheet.getSpreadsheetLocale !== 'function') return COMMA_SYNTAX;
  return syntaxForLocale(spreadsheet.getSpreadsheetLocale());
}

/** Formulas in the spreadsheet's syntax; "" (a cell left alone) stays "". */
function localized(formulas: string[][], syntax: FormulaSyntax): string[][] {
  return formulas.map((line) => line.map((f) => (f === '' ? '' : localizeFormula(f, syntax))));
}

/**
 * Writes formula regions at `target` (each region's row/column is 1-based within it), in the
 * spreadsheet's syntax: the locale is asked only if there is a formula to write and the caller
 * (writing several blocks) did not ask it already.
 */
export function writeFormulas(
  target: Range,
  regions: FormulaRegion[],
  syntax?: FormulaSyntax,
): void {
  if (regions.length === 0) return;
  syntax ??= spreadsheetSyntax();
  for (const region of regions) {
    target
      .offset(region.row - 1, region.column - 1, region.formulas.length, region.formulas[0].length)
      .setFormulas(localized(region.formulas, syntax));
  }
}

/** Writes one formula (the add-on's "," form) into `cell`, in the spreadsheet's syntax. */
export function writeFormula(cell: Range, formula: string): Range {
  return cell.setFormula(localizeFormula(formula, spreadsheetSyntax()));
}

export function writeBlock(target: Range, block: SheetBlock, syntax?: FormulaSyntax): void {
  const { refreshCell } = block;
  const values: (string | number | Date)[][] = refreshCell
    ? block.values.map((line, r) =>
        line.map((v, c) =>
          r + 1 === refreshCell.row && c + 1 === refreshCell.column ? new Date() : v,
        ),
      )
    : block.values;
  target.setValues(values).setNumberFormats(block.numberFormats).setFontWeights(block.fontWeights);
  if (block.notes) target.setNotes(block.notes);
  if (block.backgrounds) target.setBackgrounds(block.backgrounds);
  writeFormulas(target, block.formulas, syntax);
}
