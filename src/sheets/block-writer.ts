// Writes a laid-out block (price tables, the forecast sheet) at a range: one call per kind of
// content over the whole block, then one setFormulas per formula region (Apps Script's documented
// way to write formulas, see formula-text.ts), then the refresh cell's name.

import type { FormulaRegion } from './price-layout';
import { registerRefreshCell } from './refresh';

type Range = GoogleAppsScript.Spreadsheet.Range;

export interface SheetBlock {
  /** plain values; "" where a formula, its spill or nothing goes */
  values: (string | number)[][];
  numberFormats: string[][];
  fontWeights: ('bold' | 'normal')[][];
  formulas: FormulaRegion[];
  /** the block's refresh cell (1-based), written with the current time and registered */
  refreshCell: { row: number; column: number } | null;
  notes?: string[][];
  backgrounds?: (string | null)[][];
}

export function writeBlock(target: Range, block: SheetBlock): void {
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
  for (const region of block.formulas) {
    target
      .offset(region.row - 1, region.column - 1, region.formulas.length, region.formulas[0].length)
      .setFormulas(region.formulas);
  }
  if (refreshCell)
    registerRefreshCell(target.offset(refreshCell.row - 1, refreshCell.column - 1, 1, 1));
}
