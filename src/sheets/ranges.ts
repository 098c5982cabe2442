// Range awareness for every custom function: each argument is a value or a 2D range; ranges of the
// same shape pair up cell by cell, single values repeat, blank rows stay blank, and errors name the
// first bad cell by its row within the range plus how many more rows are bad.

import { PricingError } from '../pricing/errors';
import { CHECK_EVERY_ROWS, startDeadline } from './deadline';

export type Grid = unknown[][];

/** A 1x1 range is a single value (Sheets passes a single cell that way too). */
function unwrap(value: unknown): unknown {
  if (
    Array.isArray(value) &&
    value.length === 1 &&
    Array.isArray(value[0]) &&
    value[0].length === 1
  ) {
    return value[0][0];
  }
  return value;
}

function isRange(value: unknown): value is Grid {
  return Array.isArray(value);
}

function describeShape(grid: Grid): string {
  const rows = grid.length;
  const cols = Array.isArray(grid[0]) ? grid[0].length : 0;
  return `${rows} row${rows === 1 ? '' : 's'} × ${cols} column${cols === 1 ? '' : 's'}`;
}

export interface Shape {
  rows: number;
  cols: number;
  /** per argument: its grid if it is a range, else null */
  ranges: (Grid | null)[];
  values: unknown[];
}

/** Checks that all ranges have one shape; the result has that shape. */
export function shapeOf(names: string[], rawValues: unknown[]): Shape {
  const values = rawValues.map(unwrap);
  let rows = 0;
  let cols = 0;
  let first = -1;
  let firstGrid: Grid = [];
  const ranges = values.map((value, k) => {
    if (!isRange(value)) return null;
    // Sheets passes rows of cells; a flat list (from a script caller) is one row
    const grid = value.length > 0 && !Array.isArray(value[0]) ? [value] : (value as Grid);
    const r = grid.length;
    const c = r > 0 ? grid[0].length : 0;
    if (first < 0) {
      first = k;
      firstGrid = grid;
      rows = r;
      cols = c;
    } else if (r !== rows || c !== cols) {
      throw new PricingError(
        `${names[first]} is ${describeShape(firstGrid)} but ${names[k]} is ${describeShape(grid)}: ranges must have the same shape`,
      );
    }
    return grid;
  });
  return { rows, cols, ranges, values };
}

/** "row 3: …; 41 more rows have errors": the first bad cell's message and how many more. */
export function rangeError(first: string, errors: number, cols: number): Error {
  const unit = cols > 1 ? 'cell' : 'row';
  const more =
    errors > 1
      ? `; ${errors - 1} more ${unit}${errors - 1 === 1 ? ' has an error' : 's have errors'}`
      : '';
  return new Error(`${first}${more}`);
}

export type CellFunction = (cells: unknown[]) => unknown;

function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

function isBlankCell(value: unknown): boolean {
  return value === '' || value === null || value === undefined;
}

/**
 * Calls `compute` once per cell position with that position's arguments (a reused buffer) and
 * returns a scalar, or a grid of the ranges' shape. `compute` throws to report a bad cell. Past
 * the range time limit (./deadline.ts) it throws "split the range (rows 1–N took too long)"; the
 * clock is read every `cellsPerCheck` cells (fewer for a `compute` that can take long per cell).
 */
export function mapCells(
  names: string[],
  args: unknown[],
  compute: CellFunction,
  cellsPerCheck = CHECK_EVERY_ROWS,
): unknown {
  let shape: Shape;
  try {
    shape = shapeOf(names, args);
  } catch (error) {
    throw new Error(messageOf(error)); // Sheets shows a plain Error's message
  }
  const { rows, cols, ranges, values } = shape;
  const cells = values.slice();
  if (ranges.every((r) => r === null)) {
    // a plain call: blank only when every given argument is blank
    if (values.every(isBlankCell)) return '';
    try {
      return compute(cells);
    } catch (error) {
      throw new Error(messageOf(error));
    }
  }
  const rangeIndexes: number[] = [];
  ranges.forEach((r, k) => r && rangeIndexes.push(k));
  const rangeGrids = rangeIndexes.map((k) => ranges[k]!);
  const count = rangeIndexes.length;
  const out: unknown[][] = new Array(rows);
  let firstError = '';
  let errors = 0;
  const deadline = startDeadline({ every: Math.floor(cellsPerCheck / Math.max(cols, 1)) });
  for (let r = 0; r < rows; r++) {
    deadline.check(r);
    const line: unknown[] | null = cols === 1 ? null : new Array(cols);
    for (let c = 0; c < cols; c++) {
      let blank = true;
      for (let i = 0; i < count; i++) {
        const value = rangeGrids[i][r][c];
        cells[rangeIndexes[i]] = value;
        if (blank && value !== '' && value !== null && value !== undefined) blank = false;
      }
      let result: unknown = '';
      if (!blank) {
        try {
          result = compute(cells);
        } catch (error) {
          // only the first error is worded (a lazy PricingError message is never built for the rest)
          if (errors === 0) {
            firstError = `row ${r + 1}${cols > 1 ? `, column ${c + 1}` : ''}: ${messageOf(error)}`;
          }
          errors++;
        }
      }
      if (line) line[c] = result;
      // two literals on purpose: V8 tracks element kinds per allocation site, so number rows stay
      // unboxed double arrays even after a blank ("") row was allocated
      else out[r] = typeof result === 'number' ? [result] : [result];
    }
    if (line) out[r] = line;
  }
  if (errors > 0) throw rangeError(firstError, errors, cols);
  return out;
}

export type RowFunction = (cells: unknown[]) => unknown[];

/**
 * mapCells for functions that give a row per cell position (OPENAI_FORECAST): one column of n
 * argument rows gives n result rows, a plain call one row. Blank rows become a row of "", and
 * rows are padded with "" to one width, because Sheets needs a rectangular result.
 */
export function mapRows(names: string[], args: unknown[], compute: RowFunction): unknown {
  const { cols, ranges } = shapeOf(names, args);
  if (cols > 1) {
    const k = ranges.findIndex((r) => r !== null);
    throw new Error(
      `${names[k]} is ${describeShape(ranges[k]!)}: give one item per row (a single column)`,
    );
  }
  const mapped = mapCells(names, args, compute);
  if (ranges.every((r) => r === null)) return mapped === '' ? '' : [mapped];
  const rows = (mapped as unknown[][]).map((cell) => cell[0]);
  let width = 1;
  for (const row of rows) if (Array.isArray(row) && row.length > width) width = row.length;
  return rows.map((row) => {
    const line = Array.isArray(row) ? row : [];
    while (line.length < width) line.push('');
    return line;
  });
}
