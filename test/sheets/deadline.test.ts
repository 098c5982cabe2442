// Range loops stop at 25 s with "split the range (rows 1–N took too long)" instead of running into
// Google's 30 s limit. The clock is a fake driven by the rows themselves: every row the loop reads
// from a range adds its cost to the time, so the rows the message names can be checked against
// the rows that were really read when the limit passed.
import {
  CHECK_EVERY_ROWS,
  clock,
  Deadline,
  MAX_GAP_MS,
  RANGE_TIME_LIMIT_MS,
  startDeadline,
} from '../../src/sheets/deadline';
import { OPENAI_COST } from '../../src/sheets/functions/costs';
import { OPENAI_FORECAST } from '../../src/sheets/functions/forecast';
import { OPENAI_TOKENS } from '../../src/sheets/functions/tokens';
import { OPENAI_RECONCILE, OPENAI_USAGE_COST } from '../../src/sheets/functions/usage';
import { costExport, usageExport } from '../../scripts/bench-usage';
import { mapCells } from '../../src/sheets/ranges';
import vm from 'node:vm';
import { loadBundle } from '../support/bundle';

let now = 0;
let reads = 0;
const realNow = clock.now;
beforeEach(() => {
  now = 1_000_000;
  reads = 0;
  clock.now = () => {
    reads++;
    return now;
  };
});
afterAll(() => {
  clock.now = realNow;
});

/**
 * `rows` as a range whose every first read of a row costs `msPerRow` of fake time; `read()` is how
 * many rows were read.
 */
function slowRange(rows: unknown[][], msPerRow: number) {
  const seen = new Set<number>();
  const range = new Proxy(rows, {
    get(target, key, receiver) {
      if (typeof key === 'string' && /^\d+$/.test(key) && !seen.has(Number(key))) {
        seen.add(Number(key));
        now += msPerRow;
      }
      return Reflect.get(target, key, receiver);
    },
  });
  return { range, read: () => seen.size };
}

/** A one-column slowRange of `rows` cells. */
function slowColumn(rows: number, msPerRow: number, value: (r: number) => unknown) {
  const { range, read } = slowRange(
    Array.from({ length: rows }, (_, r) => [value(r)]),
    msPerRow,
  );
  return { column: range, read };
}

function thrown(fn: () => unknown): string {
  try {
    fn();
  } catch (error) {
    return (error as Error).message;
  }
  throw new Error('no error');
}

/** The rows named by the message must be the rows read, and the limit passed at the last of them. */
function expectStoppedAt(message: string, rowsRead: number, msPerRow: number): void {
  expect(message).toBe(`split the range (rows 1–${rowsRead} took too long)`);
  expect(rowsRead * msPerRow).toBeGreaterThan(RANGE_TIME_LIMIT_MS);
  // not long after it: the clock is read at least every MAX_GAP_MS once rows are known to be slow
  expect(rowsRead * msPerRow).toBeLessThanOrEqual(RANGE_TIME_LIMIT_MS + MAX_GAP_MS + msPerRow);
}

describe('Deadline', () => {
  test('reads the clock every CHECK_EVERY_ROWS rows, not on every row', () => {
    const deadline = startDeadline();
    expect(reads).toBe(1); // when it starts
    for (let r = 0; r < 10 * CHECK_EVERY_ROWS; r++) deadline.check(r);
    expect(reads).toBe(1 + 9);
  });

  test('throws at the first read past the limit, naming the rows done', () => {
    const deadline = new Deadline({ every: 100 });
    for (let r = 0; r <= 300; r++) deadline.check(r); // reads at rows 100, 200 and 300
    now += RANGE_TIME_LIMIT_MS + 1;
    for (let r = 301; r < 400; r++) deadline.check(r); // no read until row 400
    expect(thrown(() => deadline.check(400))).toBe('split the range (rows 1–400 took too long)');
  });

  test('slow rows make it read the clock more often', () => {
    const deadline = new Deadline({ every: 1000 });
    for (let r = 0; r < 1000; r++) deadline.check(r);
    now += 10_000; // 1,000 rows took 10 s: 10 ms a row
    deadline.check(1000);
    const before = reads;
    for (let r = 1001; r <= 1100; r++) deadline.check(r);
    expect(reads - before).toBe(2); // every 50 rows (500 ms) from now on
  });

  test('just under the limit nothing is thrown', () => {
    const deadline = startDeadline();
    now += RANGE_TIME_LIMIT_MS;
    expect(() => deadline.check(CHECK_EVERY_ROWS)).not.toThrow();
  });
});

describe('every range loop stops at the limit and names the rows it read', () => {
  test('mapCells (the general range engine), one column', () => {
    const { column, read } = slowColumn(10_000, 10, (r) => r);
    const message = thrown(() => mapCells(['n'], [column], (cells) => cells[0]));
    expectStoppedAt(message, read(), 10);
  });

  test('mapCells with several columns: still rows, not cells', () => {
    const rows = Array.from({ length: 20_000 }, (_, r) => [r, r + 1, r + 2, r + 3]);
    const { range, read } = slowRange(rows, 2);
    const message = thrown(() => mapCells(['n'], [range], (cells) => cells[0]));
    expectStoppedAt(message, read(), 2);
  });

  test('a bad row before the limit does not hide it: the deadline error wins', () => {
    const { column, read } = slowColumn(10_000, 10, (r) => (r === 5 ? 'gpt-9' : 'gpt-4o'));
    const message = thrown(() =>
      mapCells(['model'], [column], (cells) => {
        if (cells[0] !== 'gpt-4o') throw new Error('unknown model');
        return 1;
      }),
    );
    expectStoppedAt(message, read(), 10);
  });

  test('OPENAI_COST over columns (the fast path)', () => {
    const rows = 100_000;
    const { column: model, read } = slowColumn(rows, 0.3, () => 'gpt-4o');
    const input = Array.from({ length: rows }, () => [1000]);
    const output = Array.from({ length: rows }, () => [100]);
    const message = thrown(() => OPENAI_COST(model, input, output, 'batch'));
    expectStoppedAt(message, read(), 0.3);
  });

  test('OPENAI_COST over columns with a tier column that changes every row', () => {
    const rows = 100_000;
    const { column: tier, read } = slowColumn(rows, 0.3, (r) => (r % 2 ? 'batch' : 'standard'));
    const model = Array.from({ length: rows }, () => ['gpt-4o']);
    const input = Array.from({ length: rows }, () => [1000]);
    const message = thrown(() => OPENAI_COST(model, input, input, tier));
    expectStoppedAt(message, read(), 0.3);
  });

  test('OPENAI_COST over a two-column range (the general path)', () => {
    const rows = Array.from({ length: 100_000 }, () => ['gpt-4o', 'gpt-4o-mini']);
    const { range, read } = slowRange(rows, 1);
    const message = thrown(() => OPENAI_COST(range, 1000, 100));
    expectStoppedAt(message, read(), 1);
  });

  test('OPENAI_FORECAST (mapRows)', () => {
    const { column, read } = slowColumn(10_000, 10, () => 'gpt-4o');
    const message = thrown(() => OPENAI_FORECAST(column, 100, 1000, 100));
    expectStoppedAt(message, read(), 10);
  });

  test('OPENAI_TOKENS reads the clock every 16 cells from the start (a cell can take long)', () => {
    // without the vocabulary every cell is an error: the loop runs all the same
    const { column, read } = slowColumn(1000, 500, () => 'some text');
    const message = thrown(() => OPENAI_TOKENS(column));
    // with the default 1,024 rows between reads it would run for 512 s before the first one
    expectStoppedAt(message, read(), 500);
  });

  test('OPENAI_USAGE_COST: rows of the export, its header row 1', () => {
    const { range, read } = slowRange(usageExport(20_000).grid, 2);
    const message = thrown(() => OPENAI_USAGE_COST(range));
    // the header and the data rows read before the limit passed
    expectStoppedAt(message, read(), 2);
  });

  test('OPENAI_RECONCILE names the range it stopped in', () => {
    const usage = usageExport(20_000).grid;
    const slowUsage = slowRange(usage, 2);
    expect(thrown(() => OPENAI_RECONCILE(slowUsage.range, costExport(100, 30)))).toBe(
      `split the usage_export range (rows 1–${slowUsage.read()} took too long)`,
    );
    // the usage rows in no time, then slow cost rows: the cost rows are named, counted from 1
    const slowCosts = slowRange(costExport(20_000, 365), 2);
    const message = thrown(() => OPENAI_RECONCILE(usage, slowCosts.range));
    expect(message).toBe(`split the cost_export range (rows 1–${slowCosts.read()} took too long)`);
    expect(slowCosts.read() * 2).toBeGreaterThan(RANGE_TIME_LIMIT_MS);
  });

  test('a range that finishes in time gives its results', () => {
    const { column } = slowColumn(2000, 10, () => 'gpt-4o'); // 20 s
    expect(OPENAI_COST(column, 100000, 0)).toEqual(Array.from({ length: 2000 }, () => [0.25]));
  });
});

describe('in the built add-on (dist/Code.js in a bare vm context)', () => {
  test('the clock is the script scope’s Date.now, read at call time', () => {
    const { context } = loadBundle();
    const rows = 5000;
    context.model = Array.from({ length: rows }, () => ['gpt-4o']);
    context.input = Array.from({ length: rows }, () => [1000]);
    // 10 s more at every read: past 25 s at the third read
    vm.runInContext('let t = 0; Date.now = () => (t += 10000);', context);
    expect(thrown(() => vm.runInContext('OPENAI_COST(model, input, 100)', context))).toMatch(
      /^split the range \(rows 1–(\d+) took too long\)$/,
    );
    // a clock that stands still: the whole range is priced
    vm.runInContext('Date.now = () => 0;', context);
    expect(vm.runInContext('OPENAI_COST(model, input, 100).length', context)).toBe(rows);
  });
});
