// The playground's formulas: parsing and Sheets' built-ins come from fast-formula-parser (MIT);
// this module connects it to the in-memory spreadsheet the way Sheets behaves:
// - open ranges (A2:A, A2:C) end at the sheet's last row; whole columns (A:A) are cut there too;
// - custom functions (the bundle's OPENAI_*) get ranges as 2D arrays, blanks as "", dates as Date,
//   and are not called when an argument holds an error (the cell shows that error);
// - SUM, MAX and the other aggregates show the first error of a range instead of skipping it;
// - a 2D array result spills (see MemoryBook in memory-spreadsheet.ts);
// - a blank cell is what Sheets makes of it: equal to "", 0 and FALSE in comparisons, FALSE as an
//   IF condition, 0 or "" as a function argument (the library compares it as 0 and rejects it).
// Dates are serial numbers inside formulas, as in Sheets; a number that came from a date cell or
// a date function (DATE, EDATE, ...) is handed out as a Date again, which stands in for Sheets'
// format inference (=EDATE(B3, 1) shows a date).

import FormulaParser, { type CellRef, type RangeRef, type RawArgument } from 'fast-formula-parser';
import {
  broadcast,
  chooseCols,
  conditional,
  filter,
  hstack,
  ifError,
  isError,
  isGrid,
  sort,
  unique,
  type Item,
} from './array-functions';

export type Scalar = string | number | boolean | Date;

/** A cell error as Sheets shows it (#ERROR!, #REF!, ...); `message` is its tooltip. */
export const FormulaError = FormulaParser.FormulaError;
export type FormulaError = InstanceType<typeof FormulaParser.FormulaError>;

export type Value = Scalar | FormulaError | Value[][];

/** Where formulas read cells: the computed value of each (spills included), "" when empty. */
export interface CellReader {
  value(sheet: string, row: number, column: number): Scalar | FormulaError;
  /** the sheet's last row and column (Sheet.getMaxRows / getMaxColumns) */
  size(sheet: string): { rows: number; columns: number };
}

export type CustomFunction = (...args: unknown[]) => unknown;

/** 1 ← "A", 27 ← "AA" */
export function columnNumber(letters: string): number {
  let n = 0;
  for (const ch of letters.toUpperCase()) n = n * 26 + ch.charCodeAt(0) - 64;
  return n;
}

/** 1 → "A", 27 → "AA" */
export function columnLetters(column: number): string {
  let name = '';
  for (let n = column; n > 0; n = Math.floor((n - 1) / 26)) {
    name = String.fromCharCode(65 + ((n - 1) % 26)) + name;
  }
  return name;
}

/** "B3" → { row: 3, column: 2 } ($ ignored) */
export function parseCell(a1: string): { row: number; column: number } {
  const match = /^\$?([A-Za-z]+)\$?(\d+)$/.exec(a1.trim());
  if (!match) throw new Error(`not a cell reference: ${a1}`);
  return { row: Number(match[2]), column: columnNumber(match[1]) };
}

// ---------------------------------------------------------------------------------------------
// dates: Sheets' serial numbers count days from 1899-12-30 in the spreadsheet's time zone

const EPOCH = Date.UTC(1899, 11, 30);
const DAY = 86_400_000;

export function dateToSerial(date: Date): number {
  const local = Date.UTC(
    date.getFullYear(),
    date.getMonth(),
    date.getDate(),
    date.getHours(),
    date.getMinutes(),
    date.getSeconds(),
    date.getMilliseconds(),
  );
  return (local - EPOCH) / DAY;
}

export function serialToDate(serial: number): Date {
  const utc = new Date(Math.round(EPOCH + serial * DAY));
  return new Date(
    utc.getUTCFullYear(),
    utc.getUTCMonth(),
    utc.getUTCDate(),
    utc.getUTCHours(),
    utc.getUTCMinutes(),
    utc.getUTCSeconds(),
  );
}

const isDate = (value: unknown): value is Date =>
  Object.prototype.toString.call(value) === '[object Date]';

const DATE_FUNCTIONS = new Set(['DATE', 'EDATE', 'EOMONTH', 'TODAY', 'DATEVALUE', 'WORKDAY']);

/** Functions that look at errors instead of passing them on. */
const ERROR_AWARE = new Set(
  'IFERROR IFNA ISERROR ISERR ISNA ERROR.TYPE COUNT COUNTA COUNTBLANK IF IFS CHOOSE ISBLANK ISNUMBER ISTEXT ISLOGICAL ISNONTEXT ISREF ISFORMULA N TYPE ROWS COLUMNS ROW COLUMN INDEX'.split(
    ' ',
  ),
);

const COMPARISONS = new Set(['=', '<>', '<', '>', '<=', '>=']);

/** A value where a function takes one: a range's or an array's top-left cell. */
const single = (value: unknown): unknown =>
  Array.isArray(value) ? (Array.isArray(value[0]) ? value[0][0] : value[0]) : value;

/** IFNA / IFERROR: cell by cell over an array (Sheets spills them), a blank stays blank. */
function ifErrorOf(onlyNA: boolean, value: unknown, fallback: unknown): unknown {
  const otherwise = single(fallback ?? '') as Item;
  if (isGrid(value)) return broadcast([value], ([item]) => ifError(onlyNA, item, otherwise));
  return ifError(onlyNA, (single(value) ?? null) as Item, otherwise);
}

/**
 * Built-ins the playground implements itself (Sheets' array functions, and SUMIF/COUNTIF with an
 * array as their range): they get their arguments read (ranges as 2D arrays, omitted ones
 * undefined) and whether they are under ARRAYFORMULA.
 */
const ARRAY_FUNCTIONS: Record<string, (values: unknown[], arrayMode: boolean) => unknown> = {
  ARRAYFORMULA: ([value]) => value ?? '',
  FILTER: ([range, ...conditions]) => filter(range, ...conditions),
  SORT: ([range, ...spec]) => sort(range, ...spec.map(single)),
  UNIQUE: ([range]) => unique(range),
  HSTACK: (parts) => hstack(...parts),
  CHOOSECOLS: ([array, ...columns]) => chooseCols(array, ...columns.map(single)),
  IFNA: ([value, fallback]) => ifErrorOf(true, value, fallback),
  IFERROR: ([value, fallback]) => ifErrorOf(false, value, fallback),
  SUMIF: ([range, criteria, sumRange], arrayMode) =>
    conditional(true, range, arrayMode ? criteria : single(criteria), sumRange),
  COUNTIF: ([range, criteria], arrayMode) =>
    conditional(false, range, arrayMode ? criteria : single(criteria)),
};

/** The library's operator helpers (grammar/utils.js): an operand as it is read, before coercion. */
interface Operand {
  val: unknown;
  isArray: boolean;
}
interface LibraryUtils {
  _applyInfix(left: Operand, infix: string, right: Operand): unknown;
  _applyPrefix(prefixes: string[], value: unknown, isArray: boolean): unknown;
  _applyPostfix(value: unknown, isArray: boolean, postfix: string): unknown;
}

/** The grammar's token consumer (chevrotain), hooked to see where ARRAYFORMULA( opens. */
interface Grammar {
  consumeInternal(
    tokenType: unknown,
    index: number,
    options: unknown,
  ): { image: string; tokenType: { name: string } };
}

/**
 * Functions whose arguments Sheets evaluates as arrays: ARRAYFORMULA, and FILTER's conditions
 * (=FILTER(A2:A, B2:B<>"") needs no ARRAYFORMULA).
 */
const ARRAY_CONTEXT = new Set(['ARRAYFORMULA', 'FILTER']);

/**
 * Under ARRAYFORMULA a function is applied to each cell of an array argument, except the
 * arguments listed here, which take a whole range (SUMIF's range and sum range, VLOOKUP's table);
 * 'all': the function takes arrays as they are (SUM, INDEX, SUMIFS: not expanded, as in Sheets).
 */
const ARRAY_PARAMETERS: Record<string, 'all' | number[]> = Object.fromEntries([
  ...'SUM SUMPRODUCT SUMSQ PRODUCT COUNT COUNTA COUNTBLANK AVERAGE AVERAGEA MIN MINA MAX MAXA MEDIAN AND OR XOR CONCATENATE CONCAT TEXTJOIN TRANSPOSE ROWS COLUMNS MMULT INDEX SUMIFS COUNTIFS AVERAGEIFS MAXIFS MINIFS LARGE SMALL STDEV STDEVA STDEVP VAR VARP ROW COLUMN'
    .split(' ')
    .map((name) => [name, 'all']),
  ['VLOOKUP', [1]],
  ['HLOOKUP', [1]],
  ['MATCH', [1]],
  ['AVERAGEIF', [0, 2]],
]);

const isRef = (arg: RawArgument): arg is { ref: CellRef | RangeRef } =>
  typeof arg === 'object' && arg !== null && 'ref' in arg;
const isRange = (ref: CellRef | RangeRef): ref is RangeRef => 'from' in ref;

function firstError(value: unknown): FormulaError | undefined {
  if (value instanceof FormulaError) return value;
  if (Array.isArray(value)) {
    for (const item of value) {
      const inner = firstError(item);
      if (inner) return inner;
    }
  }
  return undefined;
}

/** `rewrite` applied to the parts of a formula outside its text literals ("..."). */
export function outsideText(formula: string, rewrite: (code: string) => string): string {
  return formula
    .split(/("(?:[^"]|"")*")/)
    .map((part, k) => (k % 2 ? part : rewrite(part)))
    .join('');
}

/** "A2:A" → "A2:A1048576", "B5:D" likewise: outside text literals only. */
export function closeOpenRanges(formula: string): string {
  return outsideText(formula, (code) =>
    code.replace(
      /(\$?[A-Za-z]{1,3}\$?\d+):(\$?[A-Za-z]{1,3})(?![\w$(!.])/g,
      (_, start: string, end: string) => `${start}:${end}${FormulaParser.MAX_ROW}`,
    ),
  );
}

/**
 * "3e5" → "300000", "1.5E-3" → "0.0015": number literals in scientific notation, which Sheets reads
 * and the library does not; outside text literals only.
 */
export function expandExponents(formula: string): string {
  return outsideText(formula, (code) =>
    code.replace(/(?<![\w$.:!])(\d+(?:\.\d*)?|\.\d+)[eE]([+-]?\d+)(?![\w(])/g, (literal) => {
      const plain = String(Number(literal));
      return /e/i.test(plain) ? `(${plain.replace(/e\+?/i, '*10^(')}))` : plain;
    }),
  );
}

const { FormulaHelpers } = FormulaParser;
const { NUMBER, NUMBER_NO_BOOLEAN, STRING, BOOLEAN } = FormulaHelpers.Types;

/** A function argument read from a blank cell: the library hands it on as { value: null }. */
const isBlankArgument = (param: unknown): boolean =>
  typeof param === 'object' &&
  param !== null &&
  !Array.isArray(param) &&
  'value' in param &&
  (param as { value: unknown }).value === null;

/** What a blank cell is as an argument of each type, in Sheets: =EDATE(B3,0) with B3 blank is 0. */
const BLANK_AS = new Map<number, unknown>([
  [NUMBER, 0],
  [NUMBER_NO_BOOLEAN, 0],
  [STRING, ''],
  [BOOLEAN, false],
]);

// The library's built-ins read their arguments through this one helper (a module singleton,
// used by the playground alone): wrapped once so a blank cell becomes the value Sheets uses
// instead of the library's "Unknown type" crash.
const libraryAccept = FormulaHelpers.accept.bind(FormulaHelpers);
FormulaHelpers.accept = (param, type, ...rest) =>
  type != null && BLANK_AS.has(type) && isBlankArgument(param)
    ? BLANK_AS.get(type)
    : libraryAccept(param, type, ...rest);

/** Sheets' comparison of a blank with a value: the blank is that type's empty value. */
function blankFor(other: unknown): unknown {
  if (typeof other === 'string') return '';
  if (typeof other === 'boolean') return false;
  return 0;
}

/**
 * ROUND as Sheets computes it, on the 15 significant digits a cell shows: ROUND(2.345, 2) is 2.35
 * (the library's ROUND gives 2.34, as 2.345 * 100 is 234.49999999999997 in binary).
 */
function round(number: unknown, places: unknown): number {
  const n = FormulaHelpers.accept(number, NUMBER) as number;
  const digits = Math.trunc(FormulaHelpers.accept(places, NUMBER, 0) as number);
  const scale = 10 ** Math.abs(digits);
  const scaled = digits >= 0 ? Math.abs(n) * scale : Math.abs(n) / scale;
  const rounded = Math.round(Number(scaled.toPrecision(15)));
  return Math.sign(n) * (digits >= 0 ? rounded / scale : rounded * scale);
}

/** EDATE as Sheets computes it: Jan 31 plus one month is Feb 28 (the library's gives Mar 3). */
function edate(start: unknown, months: unknown): number {
  const date = new Date(EPOCH + Math.floor(FormulaHelpers.accept(start, NUMBER) as number) * DAY);
  const month = date.getUTCMonth() + Math.trunc(FormulaHelpers.accept(months, NUMBER) as number);
  const year = date.getUTCFullYear();
  const lastDay = new Date(Date.UTC(year, month + 1, 0)).getUTCDate();
  return (Date.UTC(year, month, Math.min(date.getUTCDate(), lastDay)) - EPOCH) / DAY;
}

/**
 * IF as Sheets decides it: a blank condition is FALSE (the library treats a reference as TRUE),
 * text is #VALUE!, an error is that error. The chosen branch is returned as is (a reference
 * stays one, so =IF(x, A1:A3) spills).
 */
function sheetsIf(
  context: SheetsParser,
  condition: unknown,
  ifTrue: unknown = true,
  ifFalse: unknown = false,
): unknown {
  // a blank cell of an array under ARRAYFORMULA comes as null: FALSE, as a blank condition is
  let test = condition === null ? false : context.retrieveRef(condition);
  if (Array.isArray(test)) test = test[0]?.[0];
  if (test instanceof FormulaError) return test;
  if (test === null || test === undefined || test === '') test = false;
  if (typeof test === 'string') {
    const upper = test.toUpperCase();
    if (upper !== 'TRUE' && upper !== 'FALSE') {
      return new FormulaError('#VALUE!', `IF expects a boolean; '${test}' is text.`);
    }
    test = upper === 'TRUE';
  }
  const chosen = test ? ifTrue : ifFalse;
  return chosen === null ? 0 : chosen; // an omitted branch, =IF(TRUE,,1), is 0 in Sheets
}

/** One formula's evaluation: the library's parser plus the Sheets behaviour above. */
class SheetsParser extends FormulaParser {
  /** serial numbers that came from a date cell or a date function, in this evaluation */
  readonly dateSerials = new Set<number>();

  constructor(
    private readonly cells: CellReader,
    private readonly custom: (name: string) => CustomFunction | undefined,
  ) {
    super({
      onCell: (ref) => this.forLibrary(this.read(ref.sheet, ref.row, ref.col)),
      onRange: (ref) => this.range(ref).map((row) => row.map((v) => this.forLibrary(v))),
      functions: { ROUND: round, EDATE: edate },
      functionsNeedContext: { IF: sheetsIf },
    });
    // comparisons with a blank: =B3="" is TRUE when B3 is blank (the library reads blank as 0)
    const utils = (this as unknown as { utils: LibraryUtils }).utils;
    const applyInfix = utils._applyInfix.bind(utils);
    utils._applyInfix = (left, infix, right) => {
      // under ARRAYFORMULA an operator applies cell by cell: =ARRAYFORMULA(A2:A&"-"&B2:B)
      if (this.arrayDepth > 0 && (Array.isArray(left.val) || Array.isArray(right.val))) {
        return broadcast([left.val, right.val], ([a, b]) =>
          utils._applyInfix({ val: a, isArray: false }, infix, { val: b, isArray: false }),
        );
      }
      if (COMPARISONS.has(infix) && !left.isArray && !right.isArray) {
        if (left.val === null && right.val !== null) left = { ...left, val: blankFor(right.val) };
        else if (right.val === null && left.val !== null)
          right = { ...right, val: blankFor(left.val) };
      }
      return applyInfix(left, infix, right);
    };
    const applyPrefix = utils._applyPrefix.bind(utils);
    utils._applyPrefix = (prefixes, value, isArray) =>
      this.arrayDepth > 0 && Array.isArray(value)
        ? broadcast([value], ([v]) => applyPrefix(prefixes, v, false))
        : applyPrefix(prefixes, value, isArray);
    const applyPostfix = utils._applyPostfix.bind(utils);
    utils._applyPostfix = (value, isArray, postfix) =>
      this.arrayDepth > 0 && Array.isArray(value)
        ? broadcast([value], ([v]) => applyPostfix(v, false, postfix))
        : applyPostfix(value, isArray, postfix);
    // the arguments of ARRAYFORMULA( are read in array mode: the grammar evaluates them as it
    // parses, so the mode opens when the function's name is consumed and closes at its call
    const grammar = (this as unknown as { parser: Grammar }).parser;
    const consume = grammar.consumeInternal;
    grammar.consumeInternal = (tokenType, index, options) => {
      const token = consume.call(grammar, tokenType, index, options);
      if (
        token?.tokenType?.name === 'Function' &&
        ARRAY_CONTEXT.has(token.image.slice(0, -1).toUpperCase())
      ) {
        this.arrayDepth++;
      }
      return token;
    };
  }

  /** how many ARRAYFORMULA( (or FILTER() calls are open where the parser is */
  arrayDepth = 0;

  private sheetOf(ref: { sheet?: string }): string {
    return ref.sheet ?? this.position!.sheet;
  }

  private read(sheet: string | undefined, row: number, column: number) {
    return this.cells.value(sheet ?? this.position!.sheet, row, column);
  }

  /** a range's values, cut at the sheet's last row and column */
  private range(ref: RangeRef): (Scalar | FormulaError)[][] {
    const sheet = this.sheetOf(ref);
    const size = this.cells.size(sheet);
    const rows: (Scalar | FormulaError)[][] = [];
    const lastRow = Math.min(ref.to.row, size.rows);
    const lastColumn = Math.min(ref.to.col, size.columns);
    for (let r = ref.from.row; r <= lastRow; r++) {
      const row: (Scalar | FormulaError)[] = [];
      for (let c = ref.from.col; c <= lastColumn; c++) row.push(this.read(sheet, r, c));
      rows.push(row);
    }
    return rows;
  }

  /** a cell value as the library takes it: dates as serials, blanks as null */
  private forLibrary(value: Scalar | FormulaError): unknown {
    if (value === '') return null;
    if (isDate(value)) {
      const serial = dateToSerial(value);
      this.dateSerials.add(serial);
      return serial;
    }
    return value;
  }

  /** a library value as a cell holds it: dates back to Date, null to "" */
  fromLibrary(value: unknown): Value {
    if (value === null || value === undefined) return '';
    if (Array.isArray(value)) {
      return value.map((row: unknown) =>
        (Array.isArray(row) ? row : [row]).map((v) => this.fromLibrary(v) as Scalar),
      );
    }
    if (typeof value === 'number') {
      if (!Number.isFinite(value)) return new FormulaError('#NUM!', 'The result is not a number.');
      return this.dateSerials.has(value) ? serialToDate(value) : value;
    }
    if (typeof value === 'string' || typeof value === 'boolean' || value instanceof FormulaError) {
      return value;
    }
    if (isDate(value)) return new Date(+value);
    return String(value);
  }

  /** a formula's result: =K7 shows K7's error, as in Sheets (the library makes it #VALUE!) */
  override checkFormulaResult(result: unknown, allowReturnArray?: boolean): unknown {
    if (allowReturnArray && isRef(result)) {
      const value = this.retrieveRef(result);
      return value === null ? null : super.checkFormulaResult(value, allowReturnArray); // null: blank
    }
    return super.checkFormulaResult(result, allowReturnArray);
  }

  override _callFunction(name: string, args: RawArgument[]): unknown {
    const upper = name.toUpperCase();
    const arrayMode = this.arrayDepth > 0;
    if (ARRAY_CONTEXT.has(upper) && arrayMode) this.arrayDepth--;
    const custom = this.custom(upper);
    if (custom) return this.callCustom(upper, custom, args);
    const native = ARRAY_FUNCTIONS[upper];
    if (native) {
      const result = native(
        args.map((arg) => (arg === null || arg === undefined ? undefined : this.retrieveRef(arg))),
        arrayMode,
      );
      return result === null ? '' : result; // a blank result is an empty cell, not #NULL!
    }
    if (arrayMode) {
      const lifted = this.lift(upper, args);
      if (lifted) return lifted;
    }
    return this.callBuiltIn(name, upper, args);
  }

  /**
   * A built-in applied to each cell of its array arguments (under ARRAYFORMULA): undefined when
   * no argument that takes one value is an array.
   */
  private lift(upper: string, args: RawArgument[]): unknown[][] | undefined {
    const whole = ARRAY_PARAMETERS[upper];
    if (whole === 'all') return undefined;
    const positions: number[] = [];
    const values: unknown[] = [];
    args.forEach((arg, k) => {
      if (arg === null || arg === undefined || whole?.includes(k)) return;
      const value = this.retrieveRef(arg);
      if (!isGrid(value)) return;
      positions.push(k);
      values.push(value);
    });
    if (positions.length === 0) return undefined;
    const errorAware = ERROR_AWARE.has(upper);
    return broadcast(values, (items) => {
      if (!errorAware) {
        const error = items.find(isError);
        if (error) return error;
      }
      const scalar = args.slice();
      positions.forEach((k, i) => (scalar[k] = items[i]));
      const result = this.callBuiltIn(upper, upper, scalar);
      return Array.isArray(result) ? (result[0]?.[0] ?? null) : result;
    });
  }

  private callBuiltIn(name: string, upper: string, args: RawArgument[]): unknown {
    if (!ERROR_AWARE.has(upper)) {
      for (const arg of args) {
        const error =
          isRef(arg) && isRange(arg.ref) ? firstError(this.retrieveRef(arg)) : undefined;
        if (error) return error;
      }
    }
    let result: unknown;
    try {
      result = super._callFunction(name, args);
    } catch (error) {
      if (error instanceof FormulaError && /is not implemented/.test(error.message)) {
        return new FormulaError('#NAME?', `Unknown function: '${name}'.`);
      }
      throw error;
    }
    if (DATE_FUNCTIONS.has(upper) && typeof result === 'number') this.dateSerials.add(result);
    return result;
  }

  /** a custom function as Sheets calls it: plain values, ranges as 2D arrays */
  private callCustom(name: string, fn: CustomFunction, args: RawArgument[]): unknown {
    const values = args.map((arg): unknown => {
      if (arg === null || arg === undefined) return '';
      if (isRef(arg)) {
        if (!isRange(arg.ref)) return this.read(arg.ref.sheet, arg.ref.row, arg.ref.col);
        const rows = this.range(arg.ref);
        return rows.length === 1 && rows[0].length === 1 ? rows[0][0] : rows;
      }
      return this.fromLibrary(arg);
    });
    const error = firstError(values);
    if (error) return error;
    let result: unknown;
    try {
      result = fn(...values);
    } catch (e) {
      return new FormulaError('#ERROR!', (e as Error).message ?? String(e));
    }
    // a blank result ("" or nothing) shows blank, and reads as blank in other formulas
    if (result === undefined || result === null || result === '') return '';
    if (Array.isArray(result)) {
      // a 1D array is one row per item, as Sheets reads it
      return result.map((row: unknown) =>
        (Array.isArray(row) ? row : [row]).map((v) => this.forLibrary(v as Scalar)),
      );
    }
    return this.forLibrary(result as Scalar);
  }
}

/** Evaluates formulas against a CellReader and a set of custom functions. */
export class FormulaEngine {
  /** one parser per nesting level: a formula that reads a formula cell evaluates it meanwhile */
  private readonly parsers: SheetsParser[] = [];
  private depth = 0;

  constructor(
    private readonly cells: CellReader,
    private readonly functions: () => Record<string, CustomFunction> = () => ({}),
  ) {}

  /** The value of a formula typed in a cell: a scalar, an error, or a 2D array that spills. */
  evaluate(formula: string, sheet: string, row = 1, column = 1): Value {
    const parser = (this.parsers[this.depth] ??= new SheetsParser(this.cells, (name) => {
      const fn = this.functions()[name];
      return typeof fn === 'function' ? fn : undefined;
    }));
    parser.dateSerials.clear();
    parser.arrayDepth = 0; // a formula that failed to parse may have left it open
    this.depth++;
    try {
      const text = expandExponents(closeOpenRanges(formula.replace(/^\s*=/, '')));
      return parser.fromLibrary(parser.parse(text, { sheet, row, col: column }, true));
    } catch (error) {
      if (error instanceof FormulaError) {
        // the library wraps what it throws: a syntax error (with its location), or a cell's error
        const { details } = error;
        if (details instanceof FormulaError) return details;
        if (details && typeof details === 'object' && 'errorLocation' in details) {
          return new FormulaError('#ERROR!', 'Formula parse error.');
        }
        return error;
      }
      return new FormulaError('#ERROR!', (error as Error).message);
    } finally {
      this.depth--;
    }
  }
}
