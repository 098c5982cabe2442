// What Sheets does to the formulas of a spreadsheet when cells move (Range.insertCells): every
// reference to a moved cell follows it. A range follows corner by corner, so a range that the
// inserted cells fall inside grows, as in Sheets. Formulas are in the "," form (see CellData).

import { columnLetters, columnNumber, outsideText } from './formulas';

/** A cell's new place, or null when it does not move. */
export type Move = (row: number, column: number) => { row: number; column: number } | null;

// [sheet!]$A$1[:$B$2], not glued to a name before it nor a "(" after it
const REFERENCE =
  /(?<![\w.$])(?:(?:'((?:[^']|'')+)'|([A-Za-z_][\w.]*))!)?(\$?)([A-Za-z]{1,3})(\$?)(\d+)(?::(\$?)([A-Za-z]{1,3})(\$?)(\d+))?(?![\w(!])/g;

/**
 * The formula of a cell of sheet `own` after the cells of sheet `moved` moved by `move`: only
 * references to `moved`, outside text literals, change.
 */
export function shiftReferences(formula: string, own: string, moved: string, move: Move): string {
  return outsideText(formula, (code) =>
    code.replace(REFERENCE, (whole, quoted, bare, ...groups: string[]) => {
      const sheet = quoted !== undefined ? quoted.replace(/''/g, "'") : (bare ?? own);
      if (sheet !== moved) return whole;
      const [d1, c1, d2, r1, d3, c2, d4, r2] = groups;
      const corner = (dc: string, col: string, dr: string, row: string) => {
        const at = { row: Number(row), column: columnNumber(col) };
        const to = move(at.row, at.column) ?? at;
        return `${dc}${columnLetters(to.column)}${dr}${to.row}`;
      };
      const prefix = whole.slice(0, whole.length - whole.replace(/^.*!/, '').length);
      const start = corner(d1, c1, d2, r1);
      return `${prefix}${start}${c2 === undefined ? '' : `:${corner(d3, c2, d4, r2)}`}`;
    }),
  );
}
