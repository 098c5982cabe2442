// The part of fast-formula-parser (MIT, no types of its own) that formulas.ts uses.
declare module 'fast-formula-parser' {
  export interface CellRef {
    sheet?: string;
    row: number;
    col: number;
  }
  export interface RangeRef {
    sheet?: string;
    from: { row: number; col: number };
    to: { row: number; col: number };
  }
  /** A function argument before its references are read: a reference, a value or null (omitted). */
  export type RawArgument = { ref: CellRef | RangeRef } | unknown;

  export class FormulaError extends Error {
    constructor(error: string, msg?: string, details?: unknown);
    /** the code: "#DIV/0!", "#VALUE!", ... */
    readonly error: string;
    readonly details?: unknown;
  }

  interface Config {
    functions?: Record<string, (...args: unknown[]) => unknown>;
    /** functions called with the parser first; IF's arguments arrive unread (references) */
    functionsNeedContext?: Record<string, (context: never, ...args: unknown[]) => unknown>;
    onCell?: (ref: CellRef) => unknown;
    onRange?: (ref: RangeRef) => unknown[][];
  }

  class FormulaParser {
    constructor(config?: Config);
    static FormulaError: typeof FormulaError;
    /** argument checks of the built-ins: accept(arg, Types.NUMBER, default) */
    static FormulaHelpers: {
      accept(param: unknown, type?: number | null, ...rest: unknown[]): unknown;
      Types: { NUMBER: number; NUMBER_NO_BOOLEAN: number; STRING: number; BOOLEAN: number };
    };
    static MAX_ROW: number;
    static MAX_COLUMN: number;
    position: { sheet: string; row: number; col: number } | undefined;
    parse(
      formula: string,
      position: { sheet: string; row: number; col: number },
      allowReturnArray?: boolean,
    ): unknown;
    /** a formula's final value: reads a reference, rejects what a cell cannot hold */
    checkFormulaResult(result: unknown, allowReturnArray?: boolean): unknown;
    /** calls one function; `args` are raw (references not yet read) */
    _callFunction(name: string, args: RawArgument[]): unknown;
    /** the value of a raw argument: reads a reference, passes a value through */
    retrieveRef(arg: unknown): unknown;
  }
  export default FormulaParser;
}
