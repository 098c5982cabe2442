// An in-memory SpreadsheetApp and HtmlService: the calls the add-on makes, on a workbook held in
// Node, so that the real dist/Code.js runs without a Google account (npm start, tests, bench).
// Every method call on a service object (SpreadsheetApp, a spreadsheet, sheet, range, builder, UI,
// HtmlService, ...) counts as one service call, as it would cost one round trip in Apps Script.
// Formula cells show computed values (./formulas.ts), array results spill as in Sheets, and every
// change recomputes them all (playground scale: a full recalculation is instant).

import { readFileSync } from 'node:fs';
import { basename, resolve } from 'node:path';
import vm from 'node:vm';
import {
  FormulaEngine,
  FormulaError,
  columnLetters,
  columnNumber,
  parseCell,
  serialToDate,
  type CustomFunction,
  type Scalar,
  type Value,
} from './formulas';
import { editText, formatValue, isDateFormat } from './number-format';
import { shiftReferences, type Move } from './references';
import {
  COMMA_SYNTAX,
  convertFormula,
  syntaxForLocale,
  type FormulaSyntax,
} from '../../src/sheets/formula-locale';
import { vocabularyFilesIn } from '../vocab-files';

export const DIST = resolve(__dirname, '../../dist');

// ---------------------------------------------------------------------------------------------
// call counting: service objects are handed out behind a Proxy that counts each method call

/** Every service call made, in order ("Range.setValues", ...). */
export class CallLog {
  readonly calls: string[] = [];
  get count(): number {
    return this.calls.length;
  }
  reset(): void {
    this.calls.length = 0;
  }
}

abstract class Service {
  constructor(readonly book: MemoryBook) {}
  abstract readonly serviceName: string;
}

const proxies = new WeakMap<object, object>();
const targets = new WeakMap<object, object>();

function unwrap(value: unknown): unknown {
  if (value && typeof value === 'object') {
    const target = targets.get(value);
    if (target) return target;
    if (Array.isArray(value)) return value.map(unwrap);
  }
  return value;
}

/** The counting face of a service object (one per object, so identity holds). */
function expose<T>(value: T): T {
  if (Array.isArray(value)) return value.map(expose) as T;
  if (!(value instanceof Service)) return value;
  const known = proxies.get(value);
  if (known) return known as T;
  const proxy = new Proxy(value, {
    get(target, prop) {
      const member = Reflect.get(target, prop, target) as unknown;
      if (typeof member !== 'function' || typeof prop === 'symbol') return member;
      return (...args: unknown[]) => {
        target.book.log.calls.push(`${target.serviceName}.${prop}`);
        return expose((member as (...a: unknown[]) => unknown).apply(target, args.map(unwrap)));
      };
    },
  });
  proxies.set(value, proxy);
  targets.set(proxy, value);
  return proxy as T;
}

// ---------------------------------------------------------------------------------------------
// cells and sheets

export interface CellData {
  value?: Scalar;
  /** in the "," form whatever the locale (Sheets keeps one form and shows it in the locale's) */
  formula?: string;
  /** the formula as written could not be read in the spreadsheet's locale (#ERROR!) */
  unparsable?: boolean;
  format?: string;
  weight?: string;
  note?: string;
  background?: string;
  align?: string;
  wrap?: boolean;
  validation?: MemoryDataValidation;
}

const key = (row: number, column: number) => `${row},${column}`;

export function a1Of(row: number, column: number, rows = 1, columns = 1): string {
  const start = `${columnLetters(column)}${row}`;
  return rows === 1 && columns === 1
    ? start
    : `${start}:${columnLetters(column + columns - 1)}${row + rows - 1}`;
}

/** "B3:D5" → row/column/size; "B3" is one cell. */
export function parseA1(a1: string): {
  row: number;
  column: number;
  rows: number;
  columns: number;
} {
  const [a, b = a] = a1.replace(/^.*!/, '').split(':');
  const start = parseCell(a);
  const end = parseCell(b);
  const row = Math.min(start.row, end.row);
  const column = Math.min(start.column, end.column);
  return {
    row,
    column,
    rows: Math.abs(end.row - start.row) + 1,
    columns: Math.abs(end.column - start.column) + 1,
  };
}

/**
 * What setValues (or typing) does with a value: "=..." is a formula, "'..." text, "12" a number,
 * "5%" 0.05 and "$1,200" 1200 (with the format Sheets then gives an unformatted cell), ...
 */
function parseInput(value: unknown, syntax: FormulaSyntax): CellData & { autoFormat?: string } {
  if (value === null || value === undefined || value === '') return {};
  if (typeof value === 'string') {
    if (value.startsWith('=') && value.length > 1) return readFormula(value, syntax);
    if (value.startsWith("'")) return { value: value.slice(1) };
    const trimmed = value.trim();
    if (/^[+-]?(\d+\.?\d*|\.\d+)(e[+-]?\d+)?$/i.test(trimmed)) return { value: Number(trimmed) };
    if (/^[+-]?(\d+\.?\d*|\.\d+)%$/.test(trimmed)) {
      return { value: parseFloat(trimmed) / 100, autoFormat: /\./.test(trimmed) ? '0.0%' : '0%' };
    }
    const grouped = /^([+-]?)(\$?)(\d{1,3}(?:,\d{3})+|\d+)(\.\d+)?$/.exec(trimmed);
    if (grouped && (grouped[2] || grouped[3].includes(','))) {
      const number = Number(`${grouped[1]}${grouped[3].replace(/,/g, '')}${grouped[4] ?? ''}`);
      return { value: number, autoFormat: grouped[2] ? '$#,##0.00' : '#,##0' };
    }
    const date = typedDate(trimmed);
    if (date) return { value: date };
    if (/^(true|false)$/i.test(trimmed)) return { value: /^true$/i.test(trimmed) };
    return { value };
  }
  if (typeof value === 'number' || typeof value === 'boolean') return { value };
  if (Object.prototype.toString.call(value) === '[object Date]') {
    return { value: new Date(+(value as Date)) };
  }
  return { value: String(value) };
}

const MONTHS = Array.from({ length: 12 }, (_, m) =>
  new Date(2000, m, 1).toLocaleString('en-US', { month: 'long' }).toLowerCase(),
);

/**
 * A date as Sheets in en_US reads typed text: "2027-01-15", "2027-01" (the 1st), "1/15/2027",
 * "1/2027", "January 2027", "Jan 15, 2027"; null for anything else or a day that does not exist.
 */
function typedDate(text: string): Date | null {
  let year: number;
  let month: number; // 1-12
  let day = 1;
  const lower = text.toLowerCase();
  const iso = /^(\d{4})-(\d{1,2})(?:-(\d{1,2}))?$/.exec(lower);
  const us = /^(\d{1,2})\/(?:(\d{1,2})\/)?(\d{4})$/.exec(lower);
  const named = /^([a-z]{3,9})\.?(?: (\d{1,2}),?)? (\d{4})$/.exec(lower);
  if (iso) [year, month, day] = [+iso[1], +iso[2], iso[3] ? +iso[3] : 1];
  else if (us) [month, day, year] = [+us[1], us[2] ? +us[2] : 1, +us[3]];
  else if (named) {
    const word = named[1] === 'sept' ? 'sep' : named[1];
    month = MONTHS.findIndex((name) => name === word || name.slice(0, 3) === word) + 1;
    [day, year] = [named[2] ? +named[2] : 1, +named[3]];
  } else return null;
  const date = new Date(year, month - 1, day);
  return month >= 1 && date.getMonth() === month - 1 && date.getDate() === day ? date : null;
}

/**
 * A formula as written (typed, setFormula, setValues) in the spreadsheet's syntax, kept in the ","
 * form; one Sheets cannot read in that syntax (a "," between arguments in de_DE) keeps its text and
 * shows #ERROR!, as in Sheets.
 */
function readFormula(text: string, syntax: FormulaSyntax): CellData {
  try {
    return { formula: `=${convertFormula(text.slice(1), syntax, COMMA_SYNTAX)}` };
  } catch {
    return { formula: text, unparsable: true };
  }
}

/** A kept formula as the spreadsheet shows it (getFormulas, the formula bar). */
export function shownFormula(cell: CellData, syntax: FormulaSyntax): string | undefined {
  if (cell.formula === undefined || cell.unparsable) return cell.formula;
  return `=${convertFormula(cell.formula.slice(1), COMMA_SYNTAX, syntax)}`;
}

/** the px a cell adds around its text (padding and border), as in the grid's CSS */
const CELL_PADDING = 14;

/**
 * The px width of `text` in the grid's font (13 px Arial, the size of Sheets' 10 pt default),
 * from Arial's advance widths by kind of character: narrow (i, l, .), round lower case, digits,
 * capitals, wide (m, w, M, W, —); bold about a tenth wider.
 */
export function textWidth(text: string, bold = false): number {
  let units = 0; // thousandths of the font size
  for (const ch of text) {
    if ("ijl.,:;'|!".includes(ch)) units += 240;
    else if ('ftrI()-[] '.includes(ch)) units += 300;
    else if ('mwMW—@%'.includes(ch)) units += 860;
    else if (/[A-Z]/.test(ch)) units += 700;
    else if (/[0-9$]/.test(ch)) units += 556;
    else units += 540;
  }
  // 5% to spare: the grid's fallback fonts (Liberation Sans, DejaVu Sans Condensed) run wider
  return (units * 13 * 1.05 * (bold ? 1.1 : 1)) / 1000;
}

export class SheetData {
  readonly cells = new Map<string, CellData>();
  maxRows = 1000;
  maxColumns = 26;
  frozenRows = 0;
  frozenColumns = 0;
  readonly columnWidths = new Map<number, number>();
  readonly charts: MemoryChart[] = [];
  selection = { row: 1, column: 1, rows: 1, columns: 1 };
  constructor(public name: string) {}

  cell(row: number, column: number): CellData {
    return this.cells.get(key(row, column)) ?? {};
  }
  update(row: number, column: number, change: Partial<CellData>): void {
    this.formulaList = null;
    const next = { ...this.cell(row, column), ...change };
    for (const k of Object.keys(next) as (keyof CellData)[]) {
      if (next[k] === undefined || next[k] === '') delete next[k];
    }
    if (Object.keys(next).length === 0) this.cells.delete(key(row, column));
    else this.cells.set(key(row, column), next);
  }
  /** a value or a formula of its own (not a spilled value) */
  hasContent(row: number, column: number): boolean {
    const cell = this.cell(row, column);
    return cell.formula !== undefined || (cell.value !== undefined && cell.value !== '');
  }
  private formulaList: { row: number; column: number; formula: string }[] | null = null;
  /** formula cells, top to bottom, left to right */
  formulaCells(): { row: number; column: number; formula: string }[] {
    if (this.formulaList) return this.formulaList;
    const out: { row: number; column: number; formula: string }[] = [];
    for (const [k, cell] of this.cells) {
      if (cell.formula === undefined) continue;
      const [row, column] = k.split(',').map(Number);
      out.push({ row, column, formula: cell.formula });
    }
    this.formulaList = out.sort((a, b) => a.row - b.row || a.column - b.column);
    return this.formulaList;
  }
  /** a value or formula entered as Sheets reads it (setValues, typing) in a locale's syntax */
  enter(row: number, column: number, input: unknown, syntax: FormulaSyntax = COMMA_SYNTAX): void {
    const { autoFormat, ...parsed } = parseInput(input, syntax);
    const format = autoFormat && !this.cell(row, column).format ? { format: autoFormat } : {};
    this.update(row, column, { value: undefined, formula: undefined, unparsable: undefined, ...parsed, ...format }); // prettier-ignore
  }
  /** a formula written with setFormula(s), in a locale's syntax ("" clears the cell) */
  enterFormula(row: number, column: number, text: string, syntax: FormulaSyntax): void {
    const formula =
      text === '' ? {} : readFormula(text.startsWith('=') ? text : `=${text}`, syntax);
    this.update(row, column, { value: undefined, formula: undefined, unparsable: undefined, ...formula }); // prettier-ignore
  }
  /** moves cells (Range.insertCells): each cell `move` places elsewhere goes there */
  moveCells(move: Move): void {
    const moved: [string, CellData][] = [];
    for (const [k, cell] of this.cells) {
      const [row, column] = k.split(',').map(Number);
      const to = move(row, column);
      if (!to) continue;
      if (to.row > this.maxRows || to.column > this.maxColumns) {
        throw new Error('The cells would be moved off the sheet: add rows or columns first.');
      }
      moved.push([key(to.row, to.column), cell]);
      this.cells.delete(k);
    }
    for (const [k, cell] of moved) this.cells.set(k, cell);
    this.formulaList = null;
  }
  lastRow(): number {
    let last = 0;
    for (const [k] of this.cells) if (this.hasContentAt(k)) last = Math.max(last, +k.split(',')[0]);
    return last;
  }
  lastColumn(): number {
    let last = 0;
    for (const [k] of this.cells) if (this.hasContentAt(k)) last = Math.max(last, +k.split(',')[1]);
    return last;
  }
  private hasContentAt(k: string): boolean {
    const [row, column] = k.split(',').map(Number);
    return this.hasContent(row, column);
  }
}

/** The workbook behind the services: sheets, selection, UI state, computed values. */
export class MemoryBook {
  readonly log = new CallLog();
  readonly sheets: SheetData[] = [new SheetData('Sheet1')];
  active: SheetData = this.sheets[0];
  functions: Record<string, CustomFunction> = {};
  readonly ui = {
    menus: [] as { title: string; items: { caption: string; functionName: string }[] }[],
    sidebar: null as { title: string; width: number; html: string } | null,
    dialog: null as { title: string; width: number; height: number; html: string } | null,
    alerts: [] as string[],
    toasts: [] as string[],
    /** the last entry a data validation refused (Sheets' "There was a problem" box), or null */
    rejected: null as string | null,
  };
  /** Spreadsheet.getSpreadsheetTimeZone(): the machine's, unless a test sets another */
  timeZone = Intl.DateTimeFormat().resolvedOptions().timeZone;
  /** the formula cells being calculated, innermost last: getActiveRange() in a custom function */
  readonly calculating: { sheet: SheetData; row: number; column: number }[] = [];
  /** Spreadsheet.setNamedRange: name → the cells it names */
  readonly namedRanges = new Map<
    string,
    { sheet: SheetData; row: number; column: number; rows: number; columns: number }
  >();
  /** HTML files by name (createHtmlOutputFromFile): dist/<name>.html by default */
  htmlFile: (name: string) => string = (name) =>
    readFileSync(resolve(DIST, `${name}.html`), 'utf8');

  // computed since the last change: formula results, where a spill is blocked, cell values
  private results = new Map<string, Value>();
  private blocked = new Map<string, string | null>();
  private values = new Map<string, Scalar | FormulaError>();
  /** by formula cell (SheetData.formulaCells() entries): its spill, null when it does not spill */
  private spills = new Map<object, Value[][] | null>();
  private evaluating = new Set<string>();
  private cyclesSeen = 0;
  private readonly engine = new FormulaEngine(
    {
      value: (sheet, row, column) => this.value(this.sheetNamed(sheet), row, column),
      size: (sheet) => {
        const data = this.sheetNamed(sheet);
        return { rows: data.maxRows, columns: data.maxColumns };
      },
    },
    () => this.functions,
  );

  sheetNamed(name: string): SheetData {
    const sheet = this.sheets.find((s) => s.name === name);
    if (!sheet) throw new FormulaError('#REF!', `Unresolved sheet name '${name}'.`);
    return sheet;
  }

  /** forget computed values after any change: the next read recalculates */
  changed(): void {
    this.results.clear();
    this.blocked.clear();
    this.values.clear();
    this.spills.clear();
  }

  /** Spreadsheet.getSpreadsheetLocale(): decides the formula syntax (formula-locale.ts) */
  locale = 'en_US';
  get syntax(): FormulaSyntax {
    return syntaxForLocale(this.locale);
  }

  /** Cells of `sheet` moved: every formula and named range that points at them follows them. */
  moved(sheet: SheetData, move: Move): void {
    sheet.moveCells(move);
    for (const other of this.sheets) {
      for (const [k, cell] of other.cells) {
        if (cell.formula === undefined || cell.unparsable) continue;
        const formula = shiftReferences(cell.formula, other.name, sheet.name, move);
        if (formula !== cell.formula) {
          const [row, column] = k.split(',').map(Number);
          other.update(row, column, { formula });
        }
      }
    }
    for (const named of this.namedRanges.values()) {
      if (named.sheet !== sheet) continue;
      const start = move(named.row, named.column);
      const end = move(named.row + named.rows - 1, named.column + named.columns - 1);
      const top = start ?? named;
      const bottom = end ?? { row: named.row + named.rows - 1, column: named.column + named.columns - 1 }; // prettier-ignore
      Object.assign(named, { ...top, rows: bottom.row - top.row + 1, columns: bottom.column - top.column + 1 }); // prettier-ignore
    }
    this.changed();
  }

  /**
   * What a user typing `text` into a cell does (Enter): a value, a formula or, if "", nothing.
   * A data validation that rejects input keeps the cell as it was and says why (ui.rejected).
   */
  type(sheet: SheetData, row: number, column: number, text: string): void {
    this.ui.rejected = null;
    const validation = sheet.cell(row, column).validation;
    if (validation && !validation.allowInvalid && text !== '') {
      const probe = new SheetData('probe');
      probe.enter(1, 1, text, this.syntax);
      if (!validation.accepts(probe.cell(1, 1).value)) {
        this.ui.rejected = validation.helpText || validation.describe();
        return;
      }
    }
    sheet.enter(row, column, text, this.syntax);
    this.changed();
  }

  /** The full result of the formula in a cell (a 2D array when it spills). */
  private result(sheet: SheetData, row: number, column: number): Value {
    const id = `${sheet.name}!${row},${column}`;
    const known = this.results.get(id);
    if (known !== undefined) return known;
    if (this.evaluating.has(id)) {
      this.cyclesSeen++;
      return new FormulaError('#REF!', 'Circular dependency detected.');
    }
    this.evaluating.add(id);
    try {
      const cyclesBefore = this.cyclesSeen;
      const cell = sheet.cell(row, column);
      this.calculating.push({ sheet, row, column });
      let value: Value;
      try {
        value = cell.unparsable
          ? new FormulaError('#ERROR!', 'Formula parse error.')
          : this.engine.evaluate(cell.formula!, sheet.name, row, column);
      } finally {
        this.calculating.pop();
      }
      // a cycle met while looking for spills (value() evaluates the formulas up and left of a
      // cell) is not the formula's own: keep such a result out of the cache, ask again later
      if (this.cyclesSeen === cyclesBefore) this.results.set(id, value);
      return value;
    } finally {
      this.evaluating.delete(id);
    }
  }

  /** the first cell with content where an array result would spill, null when it fits */
  private blockedAt(sheet: SheetData, row: number, column: number, rows: Value[][]) {
    const id = `${sheet.name}!${row},${column}`;
    if (!this.blocked.has(id)) {
      let at: string | null = null;
      for (let i = 0; i < rows.length && !at; i++) {
        for (let j = 0; j < rows[i].length && !at; j++) {
          if ((i > 0 || j > 0) && sheet.hasContent(row + i, column + j))
            at = a1Of(row + i, column + j);
        }
      }
      this.blocked.set(id, at);
    }
    return this.blocked.get(id)!;
  }

  /** What a cell holds (before number formats): its value, its formula's result or a spill. */
  value(sheet: SheetData, row: number, column: number): Scalar | FormulaError {
    const id = `${sheet.name}!${row},${column}`;
    let value = this.values.get(id);
    if (value === undefined) {
      const cyclesBefore = this.cyclesSeen;
      value = this.computed(sheet, row, column);
      // a number in a date-formatted cell is a date (getValues and custom functions get a Date)
      if (typeof value === 'number' && isDateFormat(sheet.cell(row, column).format)) {
        value = serialToDate(value);
      }
      // as in result(): a value read while a cycle was met (looking for spills) is asked again
      if (this.cyclesSeen === cyclesBefore) this.values.set(id, value);
    }
    return value;
  }

  private computed(sheet: SheetData, row: number, column: number): Scalar | FormulaError {
    const cell = sheet.cell(row, column);
    if (cell.formula !== undefined) {
      const result = this.result(sheet, row, column);
      if (!Array.isArray(result)) return result;
      const at = this.blockedAt(sheet, row, column, result);
      if (at) {
        return new FormulaError(
          '#REF!',
          `Array result was not expanded because it would overwrite data in ${at}.`,
        );
      }
      return (result[0]?.[0] ?? '') as Scalar;
    }
    if (cell.value !== undefined) return cell.value;
    for (const anchor of sheet.formulaCells()) {
      if (anchor.row > row) break;
      if (anchor.column > column) continue;
      let spill = this.spills.get(anchor);
      if (spill === undefined) {
        if (this.evaluating.has(`${sheet.name}!${anchor.row},${anchor.column}`)) continue;
        const result = this.result(sheet, anchor.row, anchor.column);
        spill = Array.isArray(result) ? result : null;
        this.spills.set(anchor, spill);
      }
      const spilled = spill?.[row - anchor.row]?.[column - anchor.column];
      if (spilled === undefined) continue;
      if (this.blockedAt(sheet, anchor.row, anchor.column, spill!)) continue;
      return spilled as Scalar;
    }
    return '';
  }

  display(sheet: SheetData, row: number, column: number): string {
    const value = this.value(sheet, row, column);
    if (value instanceof FormulaError) return value.error;
    return formatValue(value, sheet.cell(row, column).format);
  }

  /** A chart's data as the playground draws it, read from the cells now. */
  private chartSnapshot(sheet: SheetData, chart: MemoryChart): ChartSnapshot {
    const { type, ranges, options, position } = chart.settings;
    // Sheets reads the ranges side by side; the add-on gives one, the playground draws the first
    const r = parseA1(ranges[0]);
    let table = Array.from({ length: r.rows }, (_, i) =>
      Array.from({ length: r.columns }, (_, j) => ({
        value: this.value(sheet, r.row + i, r.column + j),
        display: this.display(sheet, r.row + i, r.column + j),
      })),
    );
    // rows are categories and columns series, unless transposed; headers name the series
    if (options.transpose) table = table[0].map((_, j) => table.map((line) => line[j]));
    const headers = typeof options.numHeaders === 'number' ? options.numHeaders : 1;
    const body = table.slice(headers);
    return {
      description: chart.describe(),
      type,
      title: typeof options.title === 'string' ? options.title : '',
      stacked: options.isStacked === true,
      row: position[0] ?? 1,
      column: position[1] ?? 1,
      categories: body.map((line) => line[0].display),
      // an empty series (a blank workload row: no name, no number) is not drawn, as in Sheets
      series: table[0]
        .slice(1)
        .map((head, k) => ({
          name: headers ? head.display : `Series ${k + 1}`,
          values: body.map((line) =>
            typeof line[k + 1].value === 'number' ? (line[k + 1].value as number) : null,
          ),
        }))
        .filter((s) => s.name !== '' || s.values.some((v) => v !== null)),
    };
  }

  /** The last row and column that show something, spilled results included. */
  usedExtent(sheet: SheetData): { rows: number; columns: number } {
    let rows = sheet.lastRow();
    let columns = sheet.lastColumn();
    // spills reach past the last cell with content (not their blank tail: A2:A spills 999 rows)
    for (const anchor of sheet.formulaCells()) {
      const result = this.result(sheet, anchor.row, anchor.column);
      if (Array.isArray(result)) {
        let used = result.length;
        while (used > 1 && result[used - 1].every((v) => v === '')) used--;
        rows = Math.max(rows, anchor.row + used - 1);
        columns = Math.max(columns, anchor.column + (result[0]?.length ?? 1) - 1);
      }
    }
    return { rows, columns };
  }

  /** The active sheet as the playground grid shows it. */
  snapshot(minRows = 30, minColumns = 10): BookSnapshot {
    const sheet = this.active;
    // a margin of empty rows and columns after the last cell shown, spilled or not: a live table
    // and the same table as values show the same grid
    const MARGIN_ROWS = 5;
    const MARGIN_COLUMNS = 3;
    const used = this.usedExtent(sheet);
    let rows = Math.max(minRows, used.rows + MARGIN_ROWS);
    let columns = Math.max(minColumns, used.columns + MARGIN_COLUMNS);
    // room under a chart (about 20 rows high)
    for (const chart of sheet.charts) rows = Math.max(rows, (chart.settings.position[0] ?? 1) + 21);
    // the selection and a margin around it: the grid never ends at the selected cell
    rows = Math.max(rows, sheet.selection.row + sheet.selection.rows - 1 + MARGIN_ROWS);
    columns = Math.max(columns, sheet.selection.column + sheet.selection.columns - 1 + MARGIN_COLUMNS); // prettier-ignore
    rows = Math.min(rows, sheet.maxRows);
    columns = Math.min(columns, sheet.maxColumns);
    const grid: CellSnapshot[][] = [];
    for (let r = 1; r <= rows; r++) {
      const line: CellSnapshot[] = [];
      for (let c = 1; c <= columns; c++) {
        const cell = sheet.cell(r, c);
        const value = this.value(sheet, r, c);
        const shown: CellSnapshot = { display: this.display(sheet, r, c) };
        const formula = shownFormula(cell, this.syntax);
        const input = formula ?? editText(cell.value, cell.format);
        if (input) shown.input = input;
        if (formula) shown.formula = formula;
        if (cell.weight === 'bold') shown.bold = true;
        if (typeof value === 'number' || value instanceof Date) shown.number = true;
        if (value instanceof FormulaError) shown.error = value.message || value.error;
        if (cell.note) shown.note = cell.note;
        if (cell.background) shown.background = cell.background;
        if (cell.align) shown.align = cell.align;
        if (cell.wrap) shown.wrap = true;
        if (cell.validation) shown.dropdown = true;
        line.push(shown);
      }
      grid.push(line);
    }
    return {
      sheets: this.sheets.map((s) => s.name),
      active: sheet.name,
      selection: a1Of(
        sheet.selection.row,
        sheet.selection.column,
        sheet.selection.rows,
        sheet.selection.columns,
      ),
      frozenRows: sheet.frozenRows,
      frozenColumns: sheet.frozenColumns,
      maxRows: sheet.maxRows,
      maxColumns: sheet.maxColumns,
      columnWidths: Array.from({ length: columns }, (_, k) => sheet.columnWidths.get(k + 1) ?? 100),
      grid,
      charts: sheet.charts.map((chart) => this.chartSnapshot(sheet, chart)),
      menus: this.ui.menus,
      dialog: this.ui.dialog,
      rejected: this.ui.rejected,
    };
  }
}

export interface CellSnapshot {
  display: string;
  /** what the cell's editor shows: the formula, or the value as typed */
  input?: string;
  formula?: string;
  bold?: boolean;
  number?: boolean;
  error?: string;
  note?: string;
  background?: string;
  align?: string;
  wrap?: boolean;
  dropdown?: boolean;
}

export interface ChartSnapshot {
  description: string;
  type: string;
  title: string;
  stacked: boolean;
  /** the cell of its top-left corner */
  row: number;
  column: number;
  categories: string[];
  series: { name: string; values: (number | null)[] }[];
}

export interface BookSnapshot {
  sheets: string[];
  active: string;
  selection: string;
  frozenRows: number;
  frozenColumns: number;
  /** the sheet's size (Sheet.getMaxRows / getMaxColumns): how far the selection can move */
  maxRows: number;
  maxColumns: number;
  columnWidths: number[];
  grid: CellSnapshot[][];
  charts: ChartSnapshot[];
  menus: MemoryBook['ui']['menus'];
  dialog: MemoryBook['ui']['dialog'];
  /** the help text of the data validation that refused the last entry */
  rejected: string | null;
}

// ---------------------------------------------------------------------------------------------
// the services

function checkSize(what: string, data: unknown[][], rows: number, columns: number): void {
  if (!Array.isArray(data) || data.length !== rows) {
    throw new Error(
      `The number of rows in the ${what} does not match the number of rows in the range. The data has ${Array.isArray(data) ? data.length : 0} but the range has ${rows}.`,
    );
  }
  for (const row of data) {
    if (!Array.isArray(row) || row.length !== columns) {
      throw new Error(
        `The number of columns in the ${what} does not match the number of columns in the range. The data has ${Array.isArray(row) ? row.length : 0} but the range has ${columns}.`,
      );
    }
  }
}

export class MemoryRange extends Service {
  readonly serviceName = 'Range';
  constructor(
    book: MemoryBook,
    readonly sheet: MemorySheet,
    readonly row: number,
    readonly column: number,
    readonly rows: number,
    readonly columns: number,
  ) {
    super(book);
    if (row < 1 || column < 1 || rows < 1 || columns < 1) {
      throw new Error('The starting row and column of the range must be at least 1.');
    }
    if (row + rows - 1 > sheet.data.maxRows || column + columns - 1 > sheet.data.maxColumns) {
      throw new Error('The coordinates of the range are outside the dimensions of the sheet.');
    }
  }
  private map<T>(read: (row: number, column: number) => T): T[][] {
    return Array.from({ length: this.rows }, (_, i) =>
      Array.from({ length: this.columns }, (_, j) => read(this.row + i, this.column + j)),
    );
  }
  private each(what: string, data: unknown[][], write: (r: number, c: number, v: unknown) => void) {
    checkSize(what, data, this.rows, this.columns);
    data.forEach((line, i) => line.forEach((v, j) => write(this.row + i, this.column + j, v)));
    this.book.changed();
    return this;
  }
  private all(value: unknown) {
    return this.map(() => value);
  }
  private get data(): SheetData {
    return this.sheet.data;
  }

  getSheet() {
    return this.sheet;
  }
  getRow() {
    return this.row;
  }
  getColumn() {
    return this.column;
  }
  getNumRows() {
    return this.rows;
  }
  getNumColumns() {
    return this.columns;
  }
  getLastRow() {
    return this.row + this.rows - 1;
  }
  getLastColumn() {
    return this.column + this.columns - 1;
  }
  getA1Notation() {
    return a1Of(this.row, this.column, this.rows, this.columns);
  }
  getCell(row: number, column: number) {
    return new MemoryRange(
      this.book,
      this.sheet,
      this.row + row - 1,
      this.column + column - 1,
      1,
      1,
    );
  }
  offset(rowOffset: number, columnOffset: number, rows = this.rows, columns = this.columns) {
    return new MemoryRange(
      this.book,
      this.sheet,
      this.row + rowOffset,
      this.column + columnOffset,
      rows,
      columns,
    );
  }
  activate() {
    this.book.active = this.data;
    this.data.selection = {
      row: this.row,
      column: this.column,
      rows: this.rows,
      columns: this.columns,
    };
    return this;
  }

  getValues(): unknown[][] {
    return this.map((r, c) => {
      const value = this.book.value(this.data, r, c);
      return value instanceof FormulaError ? value.error : value;
    });
  }
  getValue() {
    return this.getValues()[0][0];
  }
  getDisplayValues() {
    return this.map((r, c) => this.book.display(this.data, r, c));
  }
  getDisplayValue() {
    return this.getDisplayValues()[0][0];
  }
  getFormulas() {
    const { syntax } = this.book;
    return this.map((r, c) => shownFormula(this.data.cell(r, c), syntax) ?? '');
  }
  getFormula() {
    return this.getFormulas()[0][0];
  }
  isBlank() {
    return this.map((r, c) => this.data.hasContent(r, c)).every((row) => row.every((x) => !x));
  }
  setValues(values: unknown[][]) {
    const { syntax } = this.book;
    return this.each('data', values, (r, c, v) => this.data.enter(r, c, v, syntax));
  }
  setValue(value: unknown) {
    return this.setValues(this.all(value));
  }
  setFormulas(formulas: string[][]) {
    const { syntax } = this.book;
    return this.each('formulas', formulas, (r, c, f) =>
      this.data.enterFormula(r, c, String(f ?? ''), syntax),
    );
  }
  setFormula(formula: string) {
    return this.setFormulas(this.all(formula) as string[][]);
  }
  clearContent() {
    return this.setValues(this.all(''));
  }
  clear() {
    this.map((r, c) => this.data.update(r, c, { value: undefined, formula: undefined, unparsable: undefined, format: undefined, weight: undefined, note: undefined, background: undefined, align: undefined, validation: undefined })); // prettier-ignore
    this.book.changed();
    return this;
  }

  setNumberFormats(formats: string[][]) {
    return this.each('number formats', formats, (r, c, f) => this.data.update(r, c, { format: String(f ?? '') })); // prettier-ignore
  }
  setNumberFormat(format: string) {
    return this.setNumberFormats(this.all(format) as string[][]);
  }
  getNumberFormats() {
    return this.map((r, c) => this.data.cell(r, c).format ?? 'General');
  }
  getNumberFormat() {
    return this.getNumberFormats()[0][0];
  }
  setFontWeights(weights: (string | null)[][]) {
    return this.each('font weights', weights, (r, c, w) => this.data.update(r, c, { weight: w === 'bold' ? 'bold' : undefined })); // prettier-ignore
  }
  setFontWeight(weight: string | null) {
    return this.setFontWeights(this.all(weight) as string[][]);
  }
  getFontWeights() {
    return this.map((r, c) => this.data.cell(r, c).weight ?? 'normal');
  }
  getFontWeight() {
    return this.getFontWeights()[0][0];
  }
  setNotes(notes: (string | null)[][]) {
    return this.each('notes', notes, (r, c, n) => this.data.update(r, c, { note: n ? String(n) : undefined })); // prettier-ignore
  }
  setNote(note: string | null) {
    return this.setNotes(this.all(note) as string[][]);
  }
  getNotes() {
    return this.map((r, c) => this.data.cell(r, c).note ?? '');
  }
  getNote() {
    return this.getNotes()[0][0];
  }
  setBackgrounds(colors: (string | null)[][]) {
    return this.each('backgrounds', colors, (r, c, b) => this.data.update(r, c, { background: b ? String(b) : undefined })); // prettier-ignore
  }
  setBackground(color: string | null) {
    return this.setBackgrounds(this.all(color) as string[][]);
  }
  getBackgrounds() {
    return this.map((r, c) => this.data.cell(r, c).background ?? '#ffffff');
  }
  getBackground() {
    return this.getBackgrounds()[0][0];
  }
  setHorizontalAlignments(alignments: (string | null)[][]) {
    return this.each('alignments', alignments, (r, c, a) => this.data.update(r, c, { align: a ? String(a) : undefined })); // prettier-ignore
  }
  setHorizontalAlignment(alignment: string | null) {
    return this.setHorizontalAlignments(this.all(alignment) as string[][]);
  }
  getHorizontalAlignments() {
    return this.map((r, c) => this.data.cell(r, c).align ?? 'general');
  }
  setDataValidations(rules: (MemoryDataValidation | null)[][]) {
    return this.each('data validations', rules, (r, c, v) => this.data.update(r, c, { validation: (v as MemoryDataValidation | null) ?? undefined })); // prettier-ignore
  }
  setDataValidation(rule: MemoryDataValidation | null) {
    return this.setDataValidations(this.all(rule) as MemoryDataValidation[][]);
  }
  getDataValidations() {
    return this.map((r, c) => this.data.cell(r, c).validation ?? null);
  }
  getDataValidation() {
    return this.getDataValidations()[0][0];
  }
  /**
   * Inserts empty cells over this range; the cells below it (ROWS) or right of it (COLUMNS), in
   * its columns or rows only, move away, and the formulas pointing at them follow. As in Sheets,
   * the new cells keep the formats of the cells that were there.
   */
  insertCells(dimension: string) {
    const rows = dimension === 'ROWS';
    const { row: top, column: left } = this;
    const bottom = this.row + this.rows - 1;
    const right = this.column + this.columns - 1;
    const formats = this.map((r, c) => {
      const { format, weight, background, align } = this.data.cell(r, c);
      return { format, weight, background, align };
    });
    this.book.moved(this.data, (r, c) =>
      rows
        ? c >= left && c <= right && r >= top
          ? { row: r + this.rows, column: c }
          : null
        : r >= top && r <= bottom && c >= left
          ? { row: r, column: c + this.columns }
          : null,
    );
    formats.forEach((line, i) => line.forEach((f, j) => this.data.update(top + i, left + j, f)));
    this.book.changed();
    return this;
  }
  merge() {
    return this; // shown unmerged: the playground keeps the top-left value, as Sheets does
  }
  /** wrapped text breaks into lines at spaces and the row grows, as in Sheets */
  setWraps(wraps: boolean[][]) {
    return this.each('wraps', wraps, (r, c, w) => this.data.update(r, c, { wrap: w ? true : undefined })); // prettier-ignore
  }
  setWrap(wrap: boolean) {
    return this.setWraps(this.all(wrap) as boolean[][]);
  }
  getWraps() {
    return this.map((r, c) => this.data.cell(r, c).wrap === true);
  }
  setFontStyle() {
    return this;
  }
  setFontColor() {
    return this;
  }
}

export class MemorySheet extends Service {
  readonly serviceName = 'Sheet';
  constructor(
    book: MemoryBook,
    readonly data: SheetData,
  ) {
    super(book);
  }
  getName() {
    return this.data.name;
  }
  setName(name: string) {
    if (this.book.sheets.some((s) => s !== this.data && s.name === name)) {
      throw new Error(`A sheet with the name "${name}" already exists.`);
    }
    this.data.name = name;
    this.book.changed();
    return this;
  }
  getIndex() {
    return this.book.sheets.indexOf(this.data) + 1;
  }
  getSheetId() {
    return this.getIndex();
  }
  getParent() {
    return new MemorySpreadsheet(this.book);
  }
  getRange(rowOrA1: number | string, column?: number, rows = 1, columns = 1) {
    if (typeof rowOrA1 === 'string') {
      const r = parseA1(rowOrA1);
      return new MemoryRange(this.book, this, r.row, r.column, r.rows, r.columns);
    }
    return new MemoryRange(this.book, this, rowOrA1, column ?? 1, rows, columns);
  }
  getDataRange() {
    return this.getRange(
      1,
      1,
      Math.max(1, this.data.lastRow()),
      Math.max(1, this.data.lastColumn()),
    );
  }
  getLastRow() {
    return this.data.lastRow();
  }
  getLastColumn() {
    return this.data.lastColumn();
  }
  getMaxRows() {
    return this.data.maxRows;
  }
  getMaxColumns() {
    return this.data.maxColumns;
  }
  insertRowsAfter(_after: number, count: number) {
    this.data.maxRows += count; // the playground only appends rows at the end
    return this;
  }
  insertColumnsAfter(_after: number, count: number) {
    this.data.maxColumns += count;
    return this;
  }
  setFrozenRows(rows: number) {
    this.data.frozenRows = rows;
  }
  getFrozenRows() {
    return this.data.frozenRows;
  }
  setFrozenColumns(columns: number) {
    this.data.frozenColumns = columns;
  }
  getFrozenColumns() {
    return this.data.frozenColumns;
  }
  setColumnWidth(column: number, width: number) {
    this.data.columnWidths.set(column, width);
    return this;
  }
  setColumnWidths(start: number, count: number, width: number) {
    for (let c = start; c < start + count; c++) this.data.columnWidths.set(c, width);
    return this;
  }
  getColumnWidth(column: number) {
    return this.data.columnWidths.get(column) ?? 100;
  }
  /** widths that fit the widest text each column shows (spills included), as Sheets measures */
  autoResizeColumns(start: number, count: number) {
    const last = this.book.usedExtent(this.data).rows;
    for (let c = start; c < start + count; c++) {
      let widest = 0;
      for (let r = 1; r <= last; r++) {
        const text = this.book.display(this.data, r, c);
        if (text)
          widest = Math.max(widest, textWidth(text, this.data.cell(r, c).weight === 'bold'));
      }
      this.data.columnWidths.set(c, Math.max(40, Math.ceil(widest) + CELL_PADDING));
    }
    return this;
  }
  activate() {
    this.book.active = this.data;
    return this;
  }
  getActiveRange() {
    const s = this.data.selection;
    return new MemoryRange(this.book, this, s.row, s.column, s.rows, s.columns);
  }
  setActiveRange(range: MemoryRange) {
    return range.activate();
  }
  newChart() {
    return new MemoryChartBuilder(this.book, this);
  }
  insertChart(chart: MemoryChart) {
    this.data.charts.push(chart);
  }
  getCharts() {
    return [...this.data.charts];
  }
  removeChart(chart: MemoryChart) {
    const k = this.data.charts.indexOf(chart);
    if (k >= 0) this.data.charts.splice(k, 1);
  }
}

export class MemorySpreadsheet extends Service {
  readonly serviceName = 'Spreadsheet';
  private sheet(data: SheetData) {
    return new MemorySheet(this.book, data);
  }
  getName() {
    return 'Playground';
  }
  getId() {
    return 'playground';
  }
  getSpreadsheetTimeZone() {
    return this.book.timeZone;
  }
  setSpreadsheetTimeZone(timeZone: string) {
    this.book.timeZone = timeZone;
  }
  getSpreadsheetLocale() {
    return this.book.locale;
  }
  /** as in Sheets, formulas stay the same and show in the new locale's syntax */
  setSpreadsheetLocale(locale: string) {
    this.book.locale = locale;
    this.book.changed();
  }
  getSheets() {
    return this.book.sheets.map((s) => this.sheet(s));
  }
  /** Sheets' "Duplicate": "Copy of <name>" after it, active; named ranges are not copied */
  duplicateActiveSheet() {
    const source = this.book.active;
    const copy = new SheetData(`Copy of ${source.name}`);
    for (const [k, cell] of source.cells) copy.cells.set(k, { ...cell });
    Object.assign(copy, {
      maxRows: source.maxRows,
      maxColumns: source.maxColumns,
      frozenRows: source.frozenRows,
      frozenColumns: source.frozenColumns,
    });
    for (const [c, w] of source.columnWidths) copy.columnWidths.set(c, w);
    this.book.sheets.splice(this.book.sheets.indexOf(source) + 1, 0, copy);
    this.book.active = copy;
    this.book.changed();
    return this.sheet(copy);
  }
  /** removes a sheet; formulas that point at it show #REF! */
  deleteSheet(sheet: MemorySheet) {
    const k = this.book.sheets.indexOf(sheet.data);
    if (k < 0 || this.book.sheets.length === 1) throw new Error('This sheet cannot be deleted.');
    this.book.sheets.splice(k, 1);
    if (this.book.active === sheet.data) this.book.active = this.book.sheets[Math.max(0, k - 1)];
    this.book.changed();
  }
  getSheetByName(name: string) {
    const data = this.book.sheets.find((s) => s.name === name);
    return data ? this.sheet(data) : null;
  }
  insertSheet(name?: string) {
    let sheetName = name;
    if (sheetName === undefined) {
      let k = this.book.sheets.length + 1;
      while (this.book.sheets.some((s) => s.name === `Sheet${k}`)) k++;
      sheetName = `Sheet${k}`;
    }
    if (this.book.sheets.some((s) => s.name === sheetName)) {
      throw new Error(
        `A sheet with the name "${sheetName}" already exists. Please enter another name.`,
      );
    }
    const data = new SheetData(sheetName);
    this.book.sheets.push(data);
    this.book.active = data; // as in Sheets, the new sheet becomes the active sheet
    this.book.changed();
    return this.sheet(data);
  }
  /** in a custom function, as in Sheets: the sheet of the cell being calculated */
  getActiveSheet() {
    const cell = this.book.calculating.at(-1);
    return this.sheet(cell ? cell.sheet : this.book.active);
  }
  setActiveSheet(sheet: MemorySheet) {
    this.book.active = sheet.data;
    return sheet;
  }
  /** in a custom function, as in Sheets: the cell being calculated */
  getActiveRange() {
    const cell = this.book.calculating.at(-1);
    if (cell) {
      const sheet = new MemorySheet(this.book, cell.sheet);
      return new MemoryRange(this.book, sheet, cell.row, cell.column, 1, 1);
    }
    return this.getActiveSheet().getActiveRange();
  }
  setActiveRange(range: MemoryRange) {
    return range.activate();
  }
  getActiveCell() {
    return this.getActiveRange().getCell(1, 1);
  }
  getCurrentCell() {
    return this.getActiveCell();
  }
  getRange(a1: string) {
    const bang = a1.lastIndexOf('!');
    const sheet =
      bang < 0
        ? this.book.active
        : this.book.sheetNamed(
            a1
              .slice(0, bang)
              .replace(/^'(.*)'$/, '$1')
              .replace(/''/g, "'"),
          );
    return this.sheet(sheet).getRange(a1.slice(bang + 1));
  }
  /** As in Sheets: letters, digits and "_", not starting with a digit, not a cell reference. */
  setNamedRange(name: string, range: MemoryRange) {
    if (!/^[A-Za-z_][A-Za-z0-9_.]*$/.test(name) || /^[A-Za-z]{1,3}\d+$/.test(name)) {
      throw new Error(`Invalid named range name: ${name}`);
    }
    const { sheet, row, column, rows, columns } = range;
    this.book.namedRanges.set(name, { sheet: sheet.data, row, column, rows, columns });
  }
  getNamedRanges() {
    return [...this.book.namedRanges.keys()]
      .filter((name) => this.book.sheets.includes(this.book.namedRanges.get(name)!.sheet))
      .map((name) => new MemoryNamedRange(this.book, name));
  }
  getRangeByName(name: string) {
    return (
      this.getNamedRanges()
        .find((n) => n.getName() === name)
        ?.getRange() ?? null
    );
  }
  toast(message: string, title = '') {
    this.book.ui.toasts.push(title ? `${title}: ${message}` : message);
  }
}

export class MemoryNamedRange extends Service {
  readonly serviceName = 'NamedRange';
  constructor(
    book: MemoryBook,
    readonly name: string,
  ) {
    super(book);
  }
  getName() {
    return this.name;
  }
  getRange() {
    const { sheet, row, column, rows, columns } = this.book.namedRanges.get(this.name)!;
    return new MemoryRange(
      this.book,
      new MemorySheet(this.book, sheet),
      row,
      column,
      rows,
      columns,
    );
  }
  remove() {
    this.book.namedRanges.delete(this.name);
  }
}

export class MemoryDataValidation extends Service {
  readonly serviceName = 'DataValidation';
  constructor(
    book: MemoryBook,
    readonly criteria: { type: string; values: unknown[] },
    readonly allowInvalid: boolean,
    readonly helpText: string,
  ) {
    super(book);
  }
  getCriteriaType() {
    return this.criteria.type;
  }
  /** whether an entered value meets the criteria (a formula's result is not checked) */
  accepts(value: unknown): boolean {
    if (this.criteria.type === 'DATE_IS_VALID_DATE') {
      return Object.prototype.toString.call(value) === '[object Date]' || typeof value === 'number'; // prettier-ignore
    }
    if (this.criteria.type === 'VALUE_IN_LIST') {
      return (this.criteria.values[0] as unknown[]).some((v) => String(v) === String(value));
    }
    return true;
  }
  /** Sheets' own words when there is no help text */
  describe(): string {
    return this.criteria.type === 'DATE_IS_VALID_DATE'
      ? 'Input must be a valid date.'
      : 'Input must be an item on the specified list.';
  }
  getCriteriaValues() {
    return this.criteria.values;
  }
  getAllowInvalid() {
    return this.allowInvalid;
  }
  getHelpText() {
    return this.helpText;
  }
}

export class MemoryDataValidationBuilder extends Service {
  readonly serviceName = 'DataValidationBuilder';
  private criteria = { type: 'ANY', values: [] as unknown[] };
  private allowInvalid = true;
  private helpText = '';
  requireDate() {
    this.criteria = { type: 'DATE_IS_VALID_DATE', values: [] };
    return this;
  }
  requireValueInList(values: string[], showDropdown = true) {
    this.criteria = { type: 'VALUE_IN_LIST', values: [[...values], showDropdown] };
    return this;
  }
  setAllowInvalid(allow: boolean) {
    this.allowInvalid = allow;
    return this;
  }
  setHelpText(text: string) {
    this.helpText = text;
    return this;
  }
  build() {
    return new MemoryDataValidation(this.book, this.criteria, this.allowInvalid, this.helpText);
  }
}

export class MemoryChart extends Service {
  readonly serviceName = 'EmbeddedChart';
  constructor(
    book: MemoryBook,
    readonly settings: {
      type: string;
      ranges: string[];
      options: Record<string, unknown>;
      position: number[];
    },
  ) {
    super(book);
  }
  getRanges() {
    return this.settings.ranges;
  }
  getOptions() {
    return { get: (name: string) => this.settings.options[name] };
  }
  describe(): string {
    const title = this.settings.options.title ? `"${this.settings.options.title}" ` : '';
    const [row, column] = this.settings.position;
    return `${title}${this.settings.type} chart of ${this.settings.ranges.join(', ')} at ${row ? a1Of(row, column) : 'A1'}`;
  }
}

export class MemoryChartBuilder extends Service {
  readonly serviceName = 'EmbeddedChartBuilder';
  private type = 'line';
  private ranges: string[] = [];
  private options: Record<string, unknown> = {};
  private position: number[] = [];
  constructor(
    book: MemoryBook,
    readonly sheet: MemorySheet,
  ) {
    super(book);
  }
  asColumnChart() {
    this.type = 'column';
    return this;
  }
  asBarChart() {
    this.type = 'bar';
    return this;
  }
  asLineChart() {
    this.type = 'line';
    return this;
  }
  setChartType(type: string) {
    this.type = String(type).toLowerCase();
    return this;
  }
  addRange(range: MemoryRange) {
    this.ranges.push(range.getA1Notation());
    return this;
  }
  setStacked() {
    this.options.isStacked = true;
    return this;
  }
  setTitle(title: string) {
    this.options.title = title;
    return this;
  }
  setOption(name: string, value: unknown) {
    this.options[name] = value;
    return this;
  }
  setTransposeRowsAndColumns(transpose: boolean) {
    this.options.transpose = transpose;
    return this;
  }
  setNumHeaders(headers: number) {
    this.options.numHeaders = headers;
    return this;
  }
  setPosition(row: number, column: number, offsetX: number, offsetY: number) {
    this.position = [row, column, offsetX, offsetY];
    return this;
  }
  build() {
    return new MemoryChart(this.book, {
      type: this.type,
      ranges: [...this.ranges],
      options: { ...this.options },
      position: [...this.position],
    });
  }
}

export class MemoryMenu extends Service {
  readonly serviceName = 'Menu';
  private readonly items: { caption: string; functionName: string }[] = [];
  constructor(
    book: MemoryBook,
    readonly title: string,
  ) {
    super(book);
  }
  addItem(caption: string, functionName: string) {
    this.items.push({ caption, functionName });
    return this;
  }
  addSeparator() {
    return this;
  }
  addSubMenu(menu: MemoryMenu) {
    this.items.push(...menu.items);
    return this;
  }
  addToUi() {
    this.book.ui.menus = this.book.ui.menus.filter((m) => m.title !== this.title);
    this.book.ui.menus.push({ title: this.title, items: [...this.items] });
  }
}

export class MemoryUi extends Service {
  readonly serviceName = 'Ui';
  createAddonMenu() {
    return new MemoryMenu(this.book, 'Add-on');
  }
  createMenu(title: string) {
    return new MemoryMenu(this.book, title);
  }
  showSidebar(output: MemoryHtmlOutput) {
    this.book.ui.sidebar = { title: output.title, width: output.width, html: output.content };
  }
  showModalDialog(output: MemoryHtmlOutput, title: string) {
    this.book.ui.dialog = {
      title,
      width: output.width,
      height: output.height,
      html: output.content,
    };
  }
  showModelessDialog(output: MemoryHtmlOutput, title: string) {
    this.showModalDialog(output, title);
  }
  alert(message: string) {
    this.book.ui.alerts.push(message);
  }
}

export class MemoryHtmlOutput extends Service {
  readonly serviceName = 'HtmlOutput';
  title = '';
  width = 300;
  height = 400;
  constructor(
    book: MemoryBook,
    public content: string,
  ) {
    super(book);
  }
  setTitle(title: string) {
    this.title = title;
    return this;
  }
  getTitle() {
    return this.title;
  }
  setWidth(width: number) {
    this.width = width;
    return this;
  }
  getWidth() {
    return this.width;
  }
  setHeight(height: number) {
    this.height = height;
    return this;
  }
  getHeight() {
    return this.height;
  }
  getContent() {
    return this.content;
  }
  setContent(content: string) {
    this.content = content;
    return this;
  }
  append(content: string) {
    this.content += content;
    return this;
  }
}

export class MemoryHtmlService extends Service {
  readonly serviceName = 'HtmlService';
  createHtmlOutputFromFile(name: string) {
    return new MemoryHtmlOutput(this.book, this.book.htmlFile(name));
  }
  createHtmlOutput(html = '') {
    return new MemoryHtmlOutput(this.book, html);
  }
}

export class MemorySpreadsheetApp extends Service {
  readonly serviceName = 'SpreadsheetApp';
  readonly Dimension = { ROWS: 'ROWS', COLUMNS: 'COLUMNS' } as const;
  getActiveSpreadsheet() {
    return new MemorySpreadsheet(this.book);
  }
  getActive() {
    return this.getActiveSpreadsheet();
  }
  getActiveSheet() {
    return this.getActiveSpreadsheet().getActiveSheet();
  }
  getActiveRange() {
    return this.getActiveSpreadsheet().getActiveRange();
  }
  getCurrentCell() {
    return this.getActiveSpreadsheet().getCurrentCell();
  }
  getUi() {
    return new MemoryUi(this.book);
  }
  newDataValidation() {
    return new MemoryDataValidationBuilder(this.book);
  }
  flush() {}
}

// ---------------------------------------------------------------------------------------------
// the playground: dist/Code.js evaluated against the in-memory services

export interface Playground {
  book: MemoryBook;
  /** the globals handed to the bundle (counting proxies) */
  SpreadsheetApp: MemorySpreadsheetApp;
  HtmlService: MemoryHtmlService;
  /** the bundle's top-level functions */
  fns: Record<string, (...args: unknown[]) => unknown>;
  /** its custom functions, as the cells of a spreadsheet call them */
  functions: Record<string, CustomFunction>;
  /** a google.script.run call: JSON-safe arguments in, JSON-safe result out, errors thrown */
  run(name: string, args?: unknown[]): unknown;
}

/**
 * Apps Script's Utilities, as far as the add-on uses it: formatDate(date, timeZone, pattern) with
 * the pattern letters yyyy, MM, dd, HH, mm, ss (Java's SimpleDateFormat).
 */
function utilities() {
  return {
    formatDate(date: Date, timeZone: string, pattern: string): string {
      const parts = new Intl.DateTimeFormat('en-US', {
        timeZone,
        year: 'numeric',
        month: '2-digit',
        day: '2-digit',
        hour: '2-digit',
        minute: '2-digit',
        second: '2-digit',
        hourCycle: 'h23',
      }).formatToParts(date);
      const part = (type: string) => parts.find((p) => p.type === type)?.value ?? '';
      const fields: Record<string, string> = {
        yyyy: part('year'),
        MM: part('month'),
        dd: part('day'),
        HH: part('hour'),
        mm: part('minute'),
        ss: part('second'),
      };
      return pattern.replace(/yyyy|MM|dd|HH|mm|ss/g, (token) => fields[token]);
    },
  };
}

export const CODE_PATH = resolve(DIST, 'Code.js');
/** the token vocabularies of OPENAI_TOKENS: more files of the project, as in Apps Script */
let vocabulary: { name: string; text: string }[] | undefined;
const vocabularySources = () =>
  (vocabulary ??= vocabularyFilesIn(DIST).map((path) => ({
    name: basename(path),
    text: readFileSync(path, 'utf8'),
  })));

/**
 * Loads dist/Code.js (and the dist/Vocab_*.js files when built) in a fresh vm context whose only globals are the in-memory services, plus
 * `globals` (tests pass a Date stopped at a fixed day, so "next month" is known). With `existing`,
 * the bundle runs on that spreadsheet: another version of the add-on in the same document.
 */
export function createPlayground(
  code = readFileSync(CODE_PATH, 'utf8'),
  globals: Record<string, unknown> = {},
  existing?: MemoryBook,
): Playground {
  const book = existing ?? new MemoryBook();
  const SpreadsheetApp = expose(new MemorySpreadsheetApp(book));
  const HtmlService = expose(new MemoryHtmlService(book));
  const context = vm.createContext({ Utilities: utilities(), ...globals, SpreadsheetApp, HtmlService }); // prettier-ignore
  vm.runInContext(code, context, { filename: 'Code.js' });
  for (const { name, text } of vocabularySources()) {
    vm.runInContext(text, context, { filename: name });
  }
  const fns = context as unknown as Playground['fns'];
  // custom functions are the bundle's top-level OPENAI_* functions, as in Sheets
  const functions = new Proxy({} as Record<string, CustomFunction>, {
    get: (_, name) =>
      typeof name === 'string' && /^OPENAI_/.test(name) && typeof fns[name] === 'function'
        ? fns[name]
        : undefined,
  });
  // a second bundle on an existing book (the add-on updated) leaves the cells' functions to the
  // test, which decides when Sheets would call the new ones (test/support/argument-cache.ts)
  if (!existing) book.functions = functions;
  return {
    book,
    functions,
    SpreadsheetApp,
    HtmlService,
    fns,
    run(name, args = []) {
      const fn = fns[name];
      if (typeof fn !== 'function') {
        throw new Error(`Script function not found: ${name}`);
      }
      const result = fn(...(JSON.parse(JSON.stringify(args)) as unknown[]));
      book.changed();
      return result === undefined ? null : JSON.parse(JSON.stringify(result));
    },
  };
}

/** Service calls a fresh spreadsheet's "Insert all price tables" makes (npm run bench). */
export function countInsertAllCalls(): number {
  const playground = createPlayground();
  playground.book.log.reset();
  playground.run('insertAllPriceTables');
  return playground.book.log.count;
}

/** Service calls of "Insert forecast sheet", if the bundle has it (npm run bench). */
export function countForecastSheetCalls(): number | string {
  const playground = createPlayground();
  if (typeof playground.fns.insertForecastSheet !== 'function') return 'not in the bundle';
  playground.book.log.reset();
  playground.run('insertForecastSheet');
  return playground.book.log.count;
}

export { columnLetters, columnNumber };
