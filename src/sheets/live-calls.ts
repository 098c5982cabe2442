// The add-on's live calls as "Refresh prices" finds them: by reading formulas back from the sheets
// (not named ranges, which a duplicated sheet does not get). A formula read back is in the
// spreadsheet locale's syntax; it is read in the "," form first (formula-locale.ts).

import { COMMA_SYNTAX, convertFormula, type FormulaSyntax } from './formula-locale';

/**
 * The functions whose last argument, past those the function reference gives them, is a refresh
 * cell: its position in the argument list (0-based).
 */
export const REFRESH_ARGUMENT: Record<string, number> = {
  OPENAI_PRICES_AS_OF: 0,
  OPENAI_PRICE_TABLE: 3,
  OPENAI_FORECAST: 9,
};

/** An argument as written: "text", a number or other expression (as text), a reference, or left out. */
export type CallArgument =
  { text: string } | { ref: { sheet: string | null; a1: string } } | { expression: string } | null;

export interface LiveCall {
  name: string;
  args: CallArgument[];
  /** the refresh cell argument, if the call has one that is a single cell */
  refresh: { sheet: string | null; a1: string } | null;
}

const CELL = /^(?:(?:'((?:[^']|'')+)'|([A-Za-z_][\w.]*))!)?(\$?[A-Za-z]{1,3}\$?\d+)$/;

function argument(text: string): CallArgument {
  const trimmed = text.trim();
  if (trimmed === '') return null;
  if (/^"(?:[^"]|"")*"$/.test(trimmed)) return { text: trimmed.slice(1, -1).replace(/""/g, '"') };
  const cell = CELL.exec(trimmed);
  if (cell) {
    const sheet = cell[1] !== undefined ? cell[1].replace(/''/g, "'") : (cell[2] ?? null);
    return { ref: { sheet, a1: cell[3].replace(/\$/g, '') } };
  }
  return { expression: trimmed };
}

/** The calls of REFRESH_ARGUMENT functions in a formula, with their arguments; [] if unreadable. */
export function liveCalls(formula: string, syntax: FormulaSyntax): LiveCall[] {
  let text: string;
  try {
    text = convertFormula(formula, syntax, COMMA_SYNTAX);
  } catch {
    return []; // Sheets could not read it either: it shows #ERROR!
  }
  const calls: LiveCall[] = [];
  const names = new RegExp(`(?<![\\w.])(${Object.keys(REFRESH_ARGUMENT).join('|')})\\s*\\(`, 'gi');
  // strings blanked to spaces of the same length: a name or "(" inside text is not a call
  const code = text.replace(/"(?:[^"]|"")*"|'(?:[^']|'')*'/g, (s) => s[0] + ' '.repeat(s.length - 2) + s[0]); // prettier-ignore
  for (let match = names.exec(code); match; match = names.exec(code)) {
    const args: string[] = [];
    let depth = 0;
    let start = match.index + match[0].length;
    let k = start;
    for (; k < code.length; k++) {
      const ch = code[k];
      if (ch === '(' || ch === '{') depth++;
      else if ((ch === ')' || ch === '}') && depth > 0) depth--;
      else if (ch === ')' || (ch === ',' && depth === 0)) {
        args.push(text.slice(start, k));
        start = k + 1;
        if (ch === ')') break;
      }
    }
    if (k >= code.length) continue; // unclosed: not a call Sheets could run
    const name = match[1].toUpperCase();
    const parsed = args.length === 1 && args[0].trim() === '' ? [] : args.map(argument);
    const at = parsed[REFRESH_ARGUMENT[name]];
    calls.push({ name, args: parsed, refresh: at && 'ref' in at ? at.ref : null });
  }
  return calls;
}

/** "D1" (or "$D$1") → { row: 1, column: 4 }. */
export function parseA1Cell(a1: string): { row: number; column: number } {
  const [, letters, digits] = /^\$?([A-Za-z]+)\$?(\d+)$/.exec(a1.trim())!;
  let column = 0;
  for (const ch of letters.toUpperCase()) column = column * 26 + ch.charCodeAt(0) - 64;
  return { row: Number(digits), column };
}
