// Sheets' array functions for the playground, on values as fast-formula-parser holds them (a blank
// is null, a date a serial number): ARRAYFORMULA's element-wise evaluation (broadcast), FILTER,
// SORT, UNIQUE, HSTACK, CHOOSECOLS, IFNA/IFERROR that keep blanks blank, and SUMIF/COUNTIF with
// Sheets' criteria (text case-insensitive with * ? ~ wildcards, "<5", "<>x", numbers), which also
// take an array as their range and, under ARRAYFORMULA, an array of criteria.

import FormulaParser from 'fast-formula-parser';

const { FormulaError } = FormulaParser;
type FormulaError = InstanceType<typeof FormulaError>;

export type Item = number | string | boolean | null | FormulaError;
export type Grid = Item[][];

const NA = (message: string) => new FormulaError('#N/A', message);
const VALUE = (message: string) => new FormulaError('#VALUE!', message);

/** A value as a grid: a scalar is 1 × 1. */
export function gridOf(value: unknown): Grid {
  if (Array.isArray(value)) {
    return value.map((row: unknown) => (Array.isArray(row) ? row : [row]) as Item[]);
  }
  return [[value === undefined ? null : (value as Item)]];
}

export const isGrid = (value: unknown): value is Grid =>
  Array.isArray(value) && !(value.length === 1 && Array.isArray(value[0]) && value[0].length === 1);

/**
 * Applies `op` cell by cell over grids and scalars, as ARRAYFORMULA does: the result has the
 * largest height and width; a dimension of 1 repeats, a cell past a smaller grid's end is #N/A.
 */
export function broadcast(values: unknown[], op: (items: Item[]) => unknown): Grid {
  const grids = values.map(gridOf);
  const rows = Math.max(...grids.map((g) => g.length));
  const columns = Math.max(...grids.map((g) => g[0]?.length ?? 0));
  const out: Grid = [];
  const items: Item[] = new Array(grids.length);
  for (let r = 0; r < rows; r++) {
    const line: Item[] = new Array(columns);
    for (let c = 0; c < columns; c++) {
      let missing = false;
      for (let k = 0; k < grids.length; k++) {
        const g = grids[k];
        const row = g.length === 1 ? g[0] : g[r];
        const item = row === undefined ? undefined : row.length === 1 ? row[0] : row[c];
        if (item === undefined) missing = true;
        items[k] = item ?? null;
      }
      line[c] = missing
        ? NA('Array arguments are of different size.')
        : (op(items.slice()) as Item);
    }
    out.push(line);
  }
  return out;
}

export const isError = (value: unknown): value is FormulaError => value instanceof FormulaError;

function firstError(grid: Grid): FormulaError | undefined {
  for (const row of grid) for (const item of row) if (isError(item)) return item;
  return undefined;
}

const truthy = (item: Item) =>
  item === true ||
  (typeof item === 'number' && item !== 0) ||
  (typeof item === 'string' && item.toUpperCase() === 'TRUE');

/** FILTER(range, condition1, [condition2, ...]): the rows (or columns) where every condition holds. */
export function filter(range: unknown, ...conditions: unknown[]): Grid | FormulaError {
  const data = gridOf(range);
  const tests = conditions.map(gridOf);
  for (const test of tests) {
    const error = firstError(test);
    if (error) return error;
  }
  const byRow = tests.every((t) => t.length === data.length && t[0].length === 1);
  const byColumn = !byRow && tests.every((t) => t.length === 1 && t[0].length === data[0].length);
  if (!byRow && !byColumn) {
    return VALUE(
      `FILTER has mismatched range sizes. Expected row count: ${data.length}. column count: 1.`,
    );
  }
  const keep = (k: number) => tests.every((t) => truthy(byRow ? t[k][0] : t[0][k]));
  const out = byRow
    ? data.filter((_, k) => keep(k))
    : data.map((row) => row.filter((_, k) => keep(k)));
  if (out.length === 0 || out[0].length === 0)
    return NA('No matches are found in FILTER evaluation.');
  return out;
}

/** Sheets' ascending order: numbers, then text (case-insensitive), then booleans; blanks last. */
function compare(a: Item, b: Item): number {
  const rank = (v: Item) =>
    v === null || v === '' ? 3 : typeof v === 'number' ? 0 : typeof v === 'string' ? 1 : 2;
  const ra = rank(a);
  const rb = rank(b);
  if (ra !== rb) return ra - rb;
  if (typeof a === 'string' && typeof b === 'string') {
    const la = a.toLowerCase();
    const lb = b.toLowerCase();
    return la < lb ? -1 : la > lb ? 1 : 0;
  }
  if (typeof a === 'number' && typeof b === 'number') return a - b;
  if (typeof a === 'boolean' && typeof b === 'boolean') return Number(a) - Number(b);
  return 0;
}

/** SORT(range, [sort_column, is_ascending], ...): stable; by the first column when no column is given. */
export function sort(range: unknown, ...spec: unknown[]): Grid | FormulaError {
  const data = gridOf(range);
  const error = firstError(data);
  if (error) return error;
  const keys: { column: number; ascending: boolean }[] = [];
  for (let k = 0; k < spec.length; k += 2) {
    const column = Number(spec[k]);
    if (!Number.isInteger(column) || column < 1 || column > data[0].length) {
      return VALUE(`SORT has a sort column out of range: ${String(spec[k])}.`);
    }
    keys.push({
      column: column - 1,
      ascending: spec[k + 1] === undefined || truthy(spec[k + 1] as Item),
    });
  }
  if (keys.length === 0) keys.push({ column: 0, ascending: true });
  return data
    .map((row, index) => ({ row, index }))
    .sort((x, y) => {
      for (const { column, ascending } of keys) {
        const a = x.row[column];
        const b = y.row[column];
        const blank = (v: Item) => v === null || v === '';
        // blanks stay last in either direction
        if (blank(a) !== blank(b)) return blank(a) ? 1 : -1;
        const order = compare(a, b);
        if (order !== 0) return ascending ? order : -order;
      }
      return x.index - y.index;
    })
    .map(({ row }) => row);
}

/** UNIQUE(range): the rows in first-seen order, each once (text compared as it is written). */
export function unique(range: unknown): Grid | FormulaError {
  const data = gridOf(range);
  const error = firstError(data);
  if (error) return error;
  const seen = new Set<string>();
  return data.filter((row) => {
    const key = JSON.stringify(row.map((v) => [typeof v, v === '' ? null : v]));
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

/** HSTACK(a, b, ...): side by side; a shorter part is padded with #N/A. */
export function hstack(...parts: unknown[]): Grid {
  const grids = parts.map(gridOf);
  const rows = Math.max(...grids.map((g) => g.length));
  return Array.from({ length: rows }, (_, r) =>
    grids.flatMap((g) => g[r] ?? new Array<Item>(g[0].length).fill(NA('HSTACK: no value here.'))),
  );
}

/** CHOOSECOLS(array, column1, ...): columns by number; negative numbers count from the end. */
export function chooseCols(array: unknown, ...columns: unknown[]): Grid | FormulaError {
  const data = gridOf(array);
  if (data.length === 1 && data[0].length === 1 && isError(data[0][0])) return data[0][0];
  const width = data[0].length;
  const picked: number[] = [];
  for (const column of columns) {
    const n = Number(column);
    const index = n > 0 ? n - 1 : width + n;
    if (!Number.isInteger(n) || n === 0 || index < 0 || index >= width) {
      return VALUE(`CHOOSECOLS: column ${String(column)} is out of range (1 to ${width}).`);
    }
    picked.push(index);
  }
  return data.map((row) => picked.map((k) => row[k]));
}

/** IFNA / IFERROR: the value, or the fallback for #N/A (any error); a blank stays blank. */
export function ifError(onlyNA: boolean, value: Item, fallback: Item): Item {
  if (isError(value) && (!onlyNA || value.error === '#N/A')) return fallback;
  return value;
}

// --- SUMIF / COUNTIF ---------------------------------------------------------------------------

const NUMERIC = /^[+-]?(?:\d+\.?\d*|\.\d+)(?:e[+-]?\d+)?$/i;

/** A criterion as a test of one cell, as Sheets reads "x", "<5", "<>", "a*", 3 or TRUE. */
export function criterionTest(criterion: Item): (item: Item) => boolean {
  if (criterion === null || criterion === '') return (item) => item === null || item === '';
  if (typeof criterion === 'number') {
    return (item) =>
      item === criterion ||
      (typeof item === 'string' && NUMERIC.test(item.trim()) && Number(item) === criterion);
  }
  if (typeof criterion === 'boolean') return (item) => item === criterion;
  if (isError(criterion)) return (item) => isError(item) && item.error === criterion.error;
  const match = /^(<=|>=|<>|<|>|=)?([\s\S]*)$/.exec(criterion)!;
  const operator = match[1] ?? '=';
  const operand = match[2];
  if (NUMERIC.test(operand.trim())) {
    const target = Number(operand);
    const compareNumber = (n: number) =>
      operator === '='
        ? n === target
        : operator === '<>'
          ? n !== target
          : operator === '<'
            ? n < target
            : operator === '>'
              ? n > target
              : operator === '<='
                ? n <= target
                : n >= target;
    return (item) => {
      if (typeof item === 'number') return compareNumber(item);
      return operator === '<>';
    };
  }
  if (operator === '=' || operator === '<>') {
    const equal = textMatcher(operand);
    return operator === '=' ? (item) => equal(item) : (item) => !equal(item);
  }
  const target = operand.toLowerCase();
  return (item) => {
    if (typeof item !== 'string') return false;
    const text = item.toLowerCase();
    return operator === '<'
      ? text < target
      : operator === '>'
        ? text > target
        : operator === '<='
          ? text <= target
          : text >= target;
  };
}

const hasWildcard = (text: string) => /[*?~]/.test(text);

/** Equality with text, case-insensitive, with * ? and ~ as Sheets reads them; "" matches blanks. */
function textMatcher(text: string): (item: Item) => boolean {
  if (text === '') return (item) => item === null || item === '';
  if (!hasWildcard(text)) {
    const lower = text.toLowerCase();
    return (item) => typeof item === 'string' && item.toLowerCase() === lower;
  }
  let source = '';
  for (let k = 0; k < text.length; k++) {
    const ch = text[k];
    if (ch === '~' && k + 1 < text.length) source += escape(text[++k]);
    else if (ch === '*') source += '[\\s\\S]*';
    else if (ch === '?') source += '[\\s\\S]';
    else source += escape(ch);
  }
  const pattern = new RegExp(`^${source}$`, 'i');
  return (item) => typeof item === 'string' && pattern.test(item);
}

const escape = (ch: string) => ch.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

const flat = (grid: Grid) => grid.flat();

/**
 * SUMIF (sum = true) or COUNTIF over `range` (a range's values or an array). `criteria` is one
 * criterion, or under ARRAYFORMULA a grid of them: the result then has its shape. Plain text
 * criteria are looked up in one pass over the range, not one pass per criterion.
 */
export function conditional(
  sum: boolean,
  range: unknown,
  criteria: unknown,
  sumRange?: unknown,
): Item | Grid {
  const cells = flat(gridOf(range));
  const addends = sumRange === undefined || sumRange === null ? cells : flat(gridOf(sumRange));
  const amount = (k: number) => {
    const v = addends[k];
    return typeof v === 'number' ? v : 0;
  };
  let index: Map<string, number> | null = null;
  const byText = (text: string) => {
    if (!index) {
      index = new Map();
      cells.forEach((cell, k) => {
        if (typeof cell !== 'string') return;
        const key = cell.toLowerCase();
        index!.set(key, (index!.get(key) ?? 0) + (sum ? amount(k) : 1));
      });
    }
    return index.get(text.toLowerCase()) ?? 0;
  };
  const one = (criterion: Item): Item => {
    if (isError(criterion)) return criterion;
    if (
      typeof criterion === 'string' &&
      criterion !== '' &&
      !hasWildcard(criterion) &&
      !/^[<>=]/.test(criterion) &&
      !NUMERIC.test(criterion.trim())
    ) {
      return byText(criterion);
    }
    const test = criterionTest(criterion);
    let total = 0;
    for (let k = 0; k < cells.length; k++) if (test(cells[k])) total += sum ? amount(k) : 1;
    return total;
  };
  if (!isGrid(criteria)) return one(gridOf(criteria)[0][0]);
  return gridOf(criteria).map((row) => row.map(one));
}

export { FormulaError };
