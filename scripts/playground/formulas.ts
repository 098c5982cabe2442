// A small Sheets formula evaluator for the playground: numbers, "text", TRUE/FALSE, cell references
// (B3, $B$3, Sheet!B3, 'My sheet'!B3:D5), + - * / ^ & and comparisons, parentheses, SUM, and calls
// of any function handed in (the bundle's OPENAI_*). Ranges are passed as 2D arrays like Sheets
// does; an array result spills into the cells right and below (see SpillGrid in memory-spreadsheet).

export type Scalar = string | number | boolean | Date;

/** A cell error as Sheets shows it (#ERROR!, #REF!, ...), with the message of its tooltip. */
export class FormulaError {
  constructor(
    readonly code: string,
    readonly message: string,
  ) {}
  toString(): string {
    return this.code;
  }
}

export type Value = Scalar | FormulaError | Value[][];

/** Where the evaluator reads cells: the computed value of each (spills included), "" when empty. */
export interface CellReader {
  value(sheet: string | null, row: number, column: number): Scalar | FormulaError;
}

export type CustomFunction = (...args: unknown[]) => unknown;

type Node =
  | { kind: 'literal'; value: Scalar }
  | {
      kind: 'ref';
      sheet: string | null;
      row: number;
      column: number;
      row2: number;
      column2: number;
    }
  | { kind: 'call'; name: string; args: (Node | null)[] }
  | { kind: 'unary'; op: string; operand: Node }
  | { kind: 'binary'; op: string; left: Node; right: Node };

const TOKEN =
  /\s*(?:("(?:[^"]|"")*")|((?:'(?:[^']|'')+'|[A-Za-z_][\w.]*)!)?(\$?[A-Za-z]{1,3}\$?\d+(?::\$?[A-Za-z]{1,3}\$?\d+)?)(?![\w(])|(\d+\.?\d*(?:[eE][+-]?\d+)?|\.\d+)|([A-Za-z_][\w.]*)|(<>|<=|>=|[-+*/^&=<>(),]))/y;

interface Token {
  type: 'string' | 'ref' | 'number' | 'name' | 'op';
  text: string;
  sheet?: string | null;
}

/** 1 ← "A", 27 ← "AA" */
export function columnNumber(letters: string): number {
  let n = 0;
  for (const ch of letters.toUpperCase()) n = n * 26 + ch.charCodeAt(0) - 64;
  return n;
}

/** "B3" → { row: 3, column: 2 } ($ ignored) */
export function parseCell(a1: string): { row: number; column: number } {
  const match = /^\$?([A-Za-z]+)\$?(\d+)$/.exec(a1.trim());
  if (!match) throw new Error(`not a cell reference: ${a1}`);
  return { row: Number(match[2]), column: columnNumber(match[1]) };
}

function tokenize(text: string): Token[] {
  const tokens: Token[] = [];
  TOKEN.lastIndex = 0;
  while (TOKEN.lastIndex < text.length) {
    if (/^\s*$/.test(text.slice(TOKEN.lastIndex))) break;
    const at = TOKEN.lastIndex;
    const m = TOKEN.exec(text);
    if (!m) throw new FormulaError('#ERROR!', `cannot parse the formula at "${text.slice(at)}"`);
    if (m[1] !== undefined)
      tokens.push({ type: 'string', text: m[1].slice(1, -1).replace(/""/g, '"') });
    else if (m[3] !== undefined) {
      const sheet = m[2]
        ? m[2]
            .slice(0, -1)
            .replace(/^'(.*)'$/, '$1')
            .replace(/''/g, "'")
        : null;
      tokens.push({ type: 'ref', text: m[3], sheet });
    } else if (m[4] !== undefined) tokens.push({ type: 'number', text: m[4] });
    else if (m[5] !== undefined) tokens.push({ type: 'name', text: m[5] });
    else tokens.push({ type: 'op', text: m[6] });
  }
  return tokens;
}

const BINARY: Record<string, number> = {
  '=': 1, '<>': 1, '<': 1, '>': 1, '<=': 1, '>=': 1,
  '&': 2, '+': 3, '-': 3, '*': 4, '/': 4, '^': 5,
}; // prettier-ignore

/** Parses a formula (with or without the leading "="). */
export function parseFormula(formula: string): Node {
  const tokens = tokenize(formula.replace(/^=/, ''));
  let k = 0;
  const peek = () => tokens[k];
  const expect = (text: string) => {
    if (peek()?.text !== text || peek()?.type !== 'op') {
      throw new FormulaError('#ERROR!', `expected "${text}" in ${formula}`);
    }
    k++;
  };
  const primary = (): Node => {
    const token = tokens[k++];
    if (!token) throw new FormulaError('#ERROR!', `the formula ${formula} ends too early`);
    if (token.type === 'number') return { kind: 'literal', value: Number(token.text) };
    if (token.type === 'string') return { kind: 'literal', value: token.text };
    if (token.type === 'ref') {
      const [a, b = a] = token.text.split(':');
      const start = parseCell(a);
      const end = parseCell(b);
      return {
        kind: 'ref',
        sheet: token.sheet ?? null,
        row: Math.min(start.row, end.row),
        column: Math.min(start.column, end.column),
        row2: Math.max(start.row, end.row),
        column2: Math.max(start.column, end.column),
      };
    }
    if (token.type === 'name') {
      const name = token.text.toUpperCase();
      if (peek()?.text !== '(') {
        if (name === 'TRUE' || name === 'FALSE') return { kind: 'literal', value: name === 'TRUE' };
        throw new FormulaError('#NAME?', `unknown name ${token.text}`);
      }
      k++;
      const args: (Node | null)[] = [];
      if (peek()?.text === ')') {
        k++;
        return { kind: 'call', name, args };
      }
      for (;;) {
        const next = peek();
        args.push(next?.type === 'op' && (next.text === ',' || next.text === ')') ? null : expr(0));
        if (peek()?.text === ',') k++;
        else break;
      }
      expect(')');
      return { kind: 'call', name, args };
    }
    if (token.text === '(') {
      const inner = expr(0);
      expect(')');
      return inner;
    }
    if (token.text === '-' || token.text === '+') {
      // as in Sheets, a sign binds tighter than ^ (-2^2 = 4)
      return { kind: 'unary', op: token.text, operand: expr(6) };
    }
    throw new FormulaError('#ERROR!', `unexpected "${token.text}" in ${formula}`);
  };
  const expr = (minPrecedence: number): Node => {
    let left = primary();
    for (;;) {
      const token = peek();
      const precedence = token?.type === 'op' ? BINARY[token.text] : undefined;
      if (precedence === undefined || precedence < minPrecedence) return left;
      k++;
      // ^ is right-associative; the others left
      const right = expr(token.text === '^' ? precedence : precedence + 1);
      left = { kind: 'binary', op: token.text, left, right };
    }
  };
  const tree = expr(0);
  if (k < tokens.length)
    throw new FormulaError('#ERROR!', `unexpected "${tokens[k].text}" in ${formula}`);
  return tree;
}

function firstError(values: unknown[]): FormulaError | undefined {
  for (const v of values) {
    if (v instanceof FormulaError) return v;
    if (Array.isArray(v)) {
      const inner = firstError(v);
      if (inner) return inner;
    }
  }
  return undefined;
}

function scalar(value: Value): Scalar | FormulaError {
  return Array.isArray(value) ? scalar(value[0]?.[0] ?? '') : value;
}

function toNumber(value: Scalar | FormulaError): number | FormulaError {
  if (value instanceof FormulaError) return value;
  if (typeof value === 'number') return value;
  if (typeof value === 'boolean') return value ? 1 : 0;
  if (value === '') return 0;
  if (value instanceof Date) return value.getTime() / 86_400_000 + 25_569; // Sheets serial date
  const n = Number(value);
  if (value.trim() !== '' && Number.isFinite(n)) return n;
  return new FormulaError('#VALUE!', `"${value}" is text, not a number`);
}

/** A function's result as a cell value: 2D arrays stay arrays (they spill), errors become #ERROR!. */
export function fromResult(result: unknown): Value {
  if (result === undefined || result === null) return '';
  if (Array.isArray(result)) {
    const rows = result.map((row) => (Array.isArray(row) ? row : [row]));
    return rows.map((row) => row.map((cell) => scalar(fromResult(cell) as Value)));
  }
  if (typeof result === 'number') {
    return Number.isFinite(result) ? result : new FormulaError('#NUM!', `${result}`);
  }
  if (typeof result === 'string' || typeof result === 'boolean' || result instanceof Date) {
    return result;
  }
  if (Object.prototype.toString.call(result) === '[object Date]') return new Date(+result);
  return String(result);
}

/** Evaluates parsed formulas against a CellReader and a set of custom functions. */
export class FormulaEvaluator {
  constructor(
    private readonly cells: CellReader,
    private readonly functions: Record<string, CustomFunction> = {},
  ) {}

  /** The value of a formula typed in `sheet`: a scalar, an error, or a 2D array that spills. */
  evaluate(formula: string, sheet: string): Value {
    try {
      return this.node(parseFormula(formula), sheet);
    } catch (error) {
      if (error instanceof FormulaError) return error;
      return new FormulaError('#ERROR!', (error as Error).message);
    }
  }

  private node(node: Node, sheet: string): Value {
    switch (node.kind) {
      case 'literal':
        return node.value;
      case 'ref': {
        const on = node.sheet ?? sheet;
        const rows: (Scalar | FormulaError)[][] = [];
        for (let r = node.row; r <= node.row2; r++) {
          const row: (Scalar | FormulaError)[] = [];
          for (let c = node.column; c <= node.column2; c++) row.push(this.cells.value(on, r, c));
          rows.push(row);
        }
        return rows.length === 1 && rows[0].length === 1 ? rows[0][0] : rows;
      }
      case 'unary': {
        const n = toNumber(scalar(this.node(node.operand, sheet)));
        if (n instanceof FormulaError) return n;
        return node.op === '-' ? -n : n;
      }
      case 'binary':
        return this.binary(node.op, this.node(node.left, sheet), this.node(node.right, sheet));
      case 'call':
        return this.call(node.name, node.args, sheet);
    }
  }

  private binary(op: string, leftValue: Value, rightValue: Value): Value {
    const left = scalar(leftValue);
    const right = scalar(rightValue);
    const error = firstError([left, right]);
    if (error) return error;
    if (op === '&') return `${left}${right}`;
    if (['=', '<>', '<', '>', '<=', '>='].includes(op)) {
      const a = typeof left === 'string' ? left.toLowerCase() : left;
      const b = typeof right === 'string' ? right.toLowerCase() : right;
      const results: Record<string, boolean> = {
        '=': a === b,
        '<>': a !== b,
        '<': a < b,
        '>': a > b,
        '<=': a <= b,
        '>=': a >= b,
      };
      return results[op];
    }
    const a = toNumber(left as Scalar);
    const b = toNumber(right as Scalar);
    if (a instanceof FormulaError) return a;
    if (b instanceof FormulaError) return b;
    switch (op) {
      case '+':
        return a + b;
      case '-':
        return a - b;
      case '*':
        return a * b;
      case '/':
        return b === 0 ? new FormulaError('#DIV/0!', 'division by zero') : a / b;
      default:
        return a ** b;
    }
  }

  private call(name: string, argNodes: (Node | null)[], sheet: string): Value {
    const args = argNodes.map((arg) => (arg ? this.node(arg, sheet) : ''));
    const error = firstError(args);
    if (error) return error;
    if (name === 'SUM') {
      let total = 0;
      for (const arg of args) {
        if (Array.isArray(arg)) {
          // in a range, SUM skips text and blanks
          for (const v of arg.flat(2)) if (typeof v === 'number') total += v;
        } else {
          const n = toNumber(arg as Scalar);
          if (n instanceof FormulaError) return n;
          total += n;
        }
      }
      return total;
    }
    const fn = this.functions[name];
    if (!fn) return new FormulaError('#NAME?', `Unknown function: '${name}'`);
    try {
      return fromResult(fn(...args));
    } catch (e) {
      return new FormulaError('#ERROR!', (e as Error).message);
    }
  }
}
