// Google stops a custom function after 30 s with its own message, which says neither which cells
// took the time nor what to do. Every loop over a range's rows stops a little earlier instead, with
// an error that names the rows it got through: "split the range (rows 1–41984 took too long)".
//
// How to use it in a custom function that loops over rows (src/sheets/ranges.ts mapCells is the
// model; OPENAI_TOKENS and the token-column fast path do the same):
//
//   const deadline = startDeadline();          // once, when the call starts
//   for (let r = 0; r < rows; r++) {
//     deadline.check(r);                       // before row r (0-based); throws past the limit
//     ...                                      // the row's work
//   }
//
// check() reads the clock only every `every` rows (1,024 by default: a cheap integer compare on
// the other rows) and more often when rows turn out slow (at least every MAX_GAP_MS once it has
// seen how long rows take), so a loop whose first rows may each take long (long texts to count)
// passes a smaller `every`. A call that loops over two ranges names them (`range` option, then
// startRange() before the second loop). Let the error it throws through: a plain Error, which
// Sheets shows. For a range with a header row, pass the row's index in the range (header = 0), so
// that the rows named count as the function's other messages count them ("usage_export row 17").

/** When range loops stop: 5 s before Google's 30 s, for the rows between checks and the result. */
export const RANGE_TIME_LIMIT_MS = 25_000;

/** How often check() reads the clock, in rows, unless the loop says otherwise. */
export const CHECK_EVERY_ROWS = 1024;

/** The most time between two clock reads once check() knows how long rows take. */
export const MAX_GAP_MS = 500;

/**
 * The clock the deadlines read, in milliseconds. Date.now is looked up on each read (not kept at
 * load), so a test that replaces Date (or Date.now) in the script's global scope controls it too.
 */
export const clock = { now: (): number => Date.now() };

/** "split the range (rows 1–N took too long)"; with a range name, "split the usage_export range …" */
export function deadlineError(rowsDone: number, range = ''): Error {
  return new Error(`split the ${range ? `${range} ` : ''}range (rows 1–${rowsDone} took too long)`);
}

export interface DeadlineOptions {
  /** rows between clock reads at first (default CHECK_EVERY_ROWS) */
  every?: number;
  /** the time limit (default RANGE_TIME_LIMIT_MS) */
  limitMs?: number;
  /** the range's argument name, for a call that loops over more than one range */
  range?: string;
}

/**
 * A class, not a closure per call: V8 optimises check() once for every call and inlines it into
 * the row loops (a new closure per call is a new call target, which deoptimises them).
 */
export class Deadline {
  private readonly end: number;
  private every: number;
  private next: number;
  private lastRead: number;
  private range: string;

  constructor(options: DeadlineOptions = {}) {
    this.every = Math.max(1, Math.floor(options.every ?? CHECK_EVERY_ROWS));
    this.next = this.every;
    this.lastRead = clock.now();
    this.end = this.lastRead + (options.limitMs ?? RANGE_TIME_LIMIT_MS);
    this.range = options.range ?? '';
  }

  /** The call goes on with another range (named in the message): its rows count from 0 again. */
  startRange(range: string): void {
    this.range = range;
    this.next = this.every;
  }

  /** Before row `row` (0-based): throws "split the range (rows 1–row took too long)" past the limit. */
  check(row: number): void {
    if (row >= this.next) this.read(row);
  }

  private read(row: number): void {
    const now = clock.now();
    if (now > this.end) throw deadlineError(row, this.range);
    // slow rows: read the clock more often, so that the limit is not overshot by a long gap
    const gap = now - this.lastRead;
    if (gap > MAX_GAP_MS) this.every = Math.max(1, Math.floor((this.every * MAX_GAP_MS) / gap));
    this.lastRead = now;
    this.next = row + this.every;
  }
}

/** A deadline RANGE_TIME_LIMIT_MS (or `limitMs`) from now, read every `every` rows. */
export function startDeadline(options: DeadlineOptions = {}): Deadline {
  return new Deadline(options);
}
