// Every formula the add-on writes is built here, in the one form Apps Script's Range.setFormula(s)
// takes whatever the spreadsheet's locale: English function names, "," between arguments, "." in
// numbers. Sheets stores that form and shows it in the locale's own syntax (";" and "0,5" in
// de_DE, fr_FR, pt_BR). To stay clear of the decimal separator altogether, no formula here holds a
// fractional number: fractions live in cells (README "Formulas in any locale").

export type FormulaArg = string | number | { ref: string } | null;

/** A cell or range reference, written as is: `ref('$B$3')`, `ref('B7:B16')`. */
export const ref = (a1: string): { ref: string } => ({ ref: a1 });

/** "text" with its quotes doubled, so no catalog text can become formula code. */
export function quote(text: string): string {
  return `"${text.replace(/"/g, '""')}"`;
}

/** A whole number as a formula literal; fractions and non-finite numbers are refused. */
export function integer(value: number): string {
  if (!Number.isSafeInteger(value)) {
    throw new Error(`formula literal ${value} is not a whole number (keep fractions in cells)`);
  }
  return String(value);
}

function arg(value: FormulaArg): string {
  if (value === null) return ''; // a left-out argument: f(a,,c)
  if (typeof value === 'number') return integer(value);
  if (typeof value === 'string') return quote(value);
  return value.ref;
}

/** `NAME(arg,arg,...)` without the leading "="; trailing left-out arguments are dropped. */
export function call(name: string, args: FormulaArg[]): string {
  const kept = [...args];
  while (kept.length > 0 && kept[kept.length - 1] === null) kept.pop();
  return `${name}(${kept.map(arg).join(',')})`;
}

/** A formula cell's text: "=" + expression. */
export const formula = (expression: string): string => `=${expression}`;

/** A1 sheet name as a formula or a message needs it: 'It''s "Q3"!' quoted, Sheet1 bare. */
export function sheetRef(name: string): string {
  return /^[A-Za-z_][A-Za-z0-9_]*$/.test(name) && !/^[A-Za-z]{1,3}\d+$/.test(name)
    ? name
    : `'${name.replace(/'/g, "''")}'`;
}
