// The fast path for the commonest big call: token costs over whole columns, e.g.
// =OPENAI_COST(A2:A, B2:B, C2:C, "batch", D2:D) on 100,000 rows. It reads the columns directly
// instead of going through the general range engine. Clean rows (model text, plain non-negative
// numbers or blanks) it prices itself; rows it can tell are bad (an unknown model, a negative
// count) it counts without throwing, so a column of bad rows costs what a good one does; any other
// row goes to `computeRow`, the general path's row function, which also words the first error.
// Both must agree on every row: test/sheets checks that.

import type { TierId } from '../../pricing/catalog';
import { isLongContext, MICROS_PER_MILLION_TOKENS, tokenMicros } from '../../pricing/cost';
import type { Day } from '../../pricing/dates';
import { contextWindowOf } from '../../pricing/context-window';
import { pricesOn, type PricedTiers, type TokenModel } from '../../pricing/models';
import { billingRates, type TokenRates } from '../../pricing/tiers';
import { isBlank } from '../cells';
import { startDeadline } from '../deadline';
import { rangeError } from '../ranges';

type Column = unknown[][] | null;

/** A model's prices on a day and its rates in a tier. */
interface Priced {
  priced: PricedTiers;
  rates: TokenRates;
  /** the model's context window (Infinity: unknown), for rows with no requests count */
  window: number;
}

/** A one-column range (rows of one cell), else null; undefined if the argument rules this out. */
function column(value: unknown): Column | undefined {
  if (!Array.isArray(value)) return null;
  const first = value[0];
  return Array.isArray(first) && first.length === 1 ? (value as unknown[][]) : undefined;
}

const PRICED = 0;
const BAD = -1;
const GENERAL = -2;

/** A plain count: a non-negative finite number, or blank (`blank`); BAD or GENERAL otherwise. */
function tokens(value: unknown, blank: number): number {
  if (typeof value === 'number') return value >= 0 && value !== Infinity ? value : BAD;
  return isBlank(value) ? blank : GENERAL;
}

/** How one call looks up a (model, tier, day) triple: the general path's own readers. */
export interface Lookups {
  find: (model: string) => TokenModel | undefined;
  tierOf: (value: unknown) => TierId;
  dayOf: (value: unknown) => Day | null;
  /** the general path's row function: a cost, or a throw that words the row's error */
  computeRow: (cells: unknown[]) => unknown;
  /** rows with a blank requests cell must fit in the model's context window (OPENAI_COST) */
  oneRequestFits?: boolean;
}

/** The prices of the models met so far in one tier on one day (null day: current prices). */
interface TierDay {
  tier: TierId;
  day: Day | null;
  /** model name → its prices and rates; null: it cannot be priced in this tier on this day */
  models: Map<string, Priced | null>;
}

/** cache sizes: a usage export repeats a few models, tiers and days; a pathological column (a new
 * spelling or date on every row) must not grow them without bound */
const CACHE_LIMIT = 1000;

/** equal to no cell value (an omitted argument is undefined) */
const NOT_READ = {};

/** Map.set unless the map is full (a look-up then just is not remembered). */
function remember<K, V>(map: Map<K, V>, key: K, value: V): V {
  if (map.size < CACHE_LIMIT) map.set(key, value);
  return value;
}

/**
 * The pricing of one call's rows. A class, not closures made per call: V8 optimises its methods
 * once for every call (a closure is a new call target each time, which deoptimises the loop).
 *
 * Prices are cached per (model, tier, day), so a tier or date column that changes from row to row
 * looks each combination up once. The last row's date and tier cells are compared first: a column
 * of one tier and one date (the common case) costs one comparison per row; a tier changing row by
 * row costs one Map look-up of the tier cell as typed.
 */
class ColumnPricer {
  private lastDate: unknown = NOT_READ;
  private lastTier: unknown = NOT_READ;
  /** the tier cells (as typed) met on the last row's day; null: that date cell is bad */
  private tierCells: Map<unknown, TierDay | null> | null = null;
  /** the last row's tier and day; null: its tier or date cell is bad */
  private current: TierDay | null = null;
  private day: Day | null = null;
  /** day → the tier cells met on it, and day → tier → its prices: shared by spellings of a tier */
  private readonly tierCellsByDay = new Map<Day | null, Map<unknown, TierDay | null>>();
  private readonly tierDays = new Map<Day | null, Map<TierId, TierDay>>();
  firstError = '';
  /** the last priced row's cost: a field, so a double needs no new heap number per row */
  cost = 0;

  constructor(
    private readonly columns: Column[],
    private readonly args: unknown[],
    private readonly lookups: Lookups,
  ) {}

  private cell(k: number, r: number): unknown {
    const column = this.columns[k];
    return column ? column[r][0] : this.args[k];
  }

  /** The tier cells met on the date cell's day; null when the date is bad. */
  private tierCellsOn(dateCell: unknown): Map<unknown, TierDay | null> | null {
    let day: Day | null;
    try {
      day = this.lookups.dayOf(dateCell);
    } catch {
      return null; // the general path words it
    }
    this.day = day;
    return this.tierCellsByDay.get(day) ?? remember(this.tierCellsByDay, day, new Map());
  }

  /** The prices of the tier cell's tier on the current day; null when the tier is bad. */
  private tierDayOf(tierCell: unknown, tierCells: Map<unknown, TierDay | null>): TierDay | null {
    const known = tierCells.get(tierCell);
    if (known !== undefined) return known;
    let tier: TierId;
    try {
      tier = this.lookups.tierOf(tierCell);
    } catch {
      return remember(tierCells, tierCell, null); // the general path words it
    }
    const day = this.day;
    const tiers = this.tierDays.get(day) ?? remember(this.tierDays, day, new Map());
    const tierDay = tiers.get(tier) ?? remember(tiers, tier, { tier, day, models: new Map() });
    return remember(tierCells, tierCell, tierDay);
  }

  /** A model's prices and rates in a tier on a day. */
  private lookUp(name: string, { tier, day }: TierDay): Priced | null {
    const found = this.lookups.find(name);
    if (!found) return null;
    try {
      const priced = pricesOn(found, day);
      const rates = billingRates(priced, tier);
      return { priced, rates, window: contextWindowOf(found) ?? Infinity };
    } catch {
      return null; // the general path words it
    }
  }

  /** Prices row r into `cost` (PRICED); BAD for a row it can tell is bad, GENERAL for one the
   * general path decides. */
  price(r: number): number {
    const modelCell = this.cell(0, r);
    if (typeof modelCell !== 'string' || modelCell === '') return GENERAL;
    const inputTokens = tokens(this.cell(1, r), 0);
    const outputTokens = tokens(this.cell(2, r), 0);
    const cachedTokens = tokens(this.cell(4, r), 0);
    const requests = tokens(this.cell(6, r), 1);
    const cacheWriteTokens = tokens(this.cell(7, r), 0);
    // plain comparisons, no allocation (BAD and GENERAL are the only negatives)
    if (
      inputTokens < 0 ||
      outputTokens < 0 ||
      cachedTokens < 0 ||
      requests < 1 ||
      cacheWriteTokens < 0 ||
      cachedTokens + cacheWriteTokens > inputTokens
    ) {
      const general =
        inputTokens === GENERAL ||
        outputTokens === GENERAL ||
        cachedTokens === GENERAL ||
        requests === GENERAL ||
        cacheWriteTokens === GENERAL;
      return general ? GENERAL : BAD;
    }
    const tierCell = this.cell(3, r);
    const dateCell = this.cell(5, r);
    if (dateCell !== this.lastDate) {
      this.lastDate = dateCell;
      this.tierCells = this.tierCellsOn(dateCell);
      this.lastTier = NOT_READ;
    }
    if (tierCell !== this.lastTier) {
      this.lastTier = tierCell;
      const tierCells = this.tierCells;
      // the look-up inline: a tier changing row by row finds its spelling here on almost every row
      this.current =
        tierCells === null
          ? null
          : (tierCells.get(tierCell) ?? this.tierDayOf(tierCell, tierCells));
    }
    const current = this.current;
    if (current === null) return BAD;
    let found = current.models.get(modelCell);
    if (found === undefined)
      found = remember(current.models, modelCell, this.lookUp(modelCell, current));
    if (found === null) return BAD;
    const { priced, rates } = found;
    // more input than one request holds, and no requests count: the general path words it
    if (inputTokens > found.window && this.lookups.oneRequestFits && isBlank(this.cell(6, r)))
      return BAD;
    let billed: Omit<TokenRates, 'longContext'> = rates;
    const longContext = rates.longContext;
    if (longContext !== 'none' && isLongContext(priced, inputTokens, requests)) {
      if (longContext === 'missing') return BAD; // a long request in a tier without its prices
      billed = longContext;
    }
    const micros = tokenMicros(billed, inputTokens, outputTokens, cachedTokens, cacheWriteTokens);
    // NaN: a needed price is not offered; Infinity: too large. Both are errors
    if (micros !== micros || micros === Infinity) return BAD;
    this.cost = micros / MICROS_PER_MILLION_TOKENS;
    return PRICED;
  }

  /** The general path's answer for row r: its cost, or BAD (wording the error if `first`). */
  general(r: number, first: boolean): unknown {
    const cells = this.columns.map((_, k) => this.cell(k, r));
    try {
      return this.lookups.computeRow(cells);
    } catch (error) {
      if (first) this.firstError = `row ${r + 1}: ${(error as Error).message}`;
      return BAD;
    }
  }
}

/**
 * Costs of [model, input, output, tier, cached, date, requests, cache writes] where every range is
 * one column of one length; undefined when the arguments are not that shape. A bad row makes it
 * throw "row N: …; M more rows have errors", as the general path does.
 */
export function tokenCostColumns(args: unknown[], lookups: Lookups): unknown[][] | undefined {
  const columns: Column[] = [];
  let rows = -1;
  for (const arg of args) {
    const col = column(arg);
    if (col === undefined) return undefined;
    if (col) {
      if (rows >= 0 && col.length !== rows) return undefined;
      rows = col.length;
    }
    columns.push(col);
  }
  if (rows < 2) return undefined;
  const ranged = columns.filter((c): c is unknown[][] => c !== null);
  const pricer = new ColumnPricer(columns, args, lookups);
  const out: unknown[][] = new Array(rows);
  let errors = 0; // a local, not a field: the loop's optimised code needs no feedback for it
  const deadline = startDeadline();
  for (let r = 0; r < rows; r++) {
    deadline.check(r);
    let blank = true;
    for (let k = 0; k < ranged.length; k++) {
      if (!isBlank(ranged[k][r][0])) {
        blank = false;
        break;
      }
    }
    if (blank) {
      out[r] = [''];
      continue;
    }
    const status = pricer.price(r);
    if (status === PRICED) {
      out[r] = [pricer.cost];
      continue;
    }
    // the fast checks only tell that a row is bad: the general path words the first one
    const result = status === BAD && errors > 0 ? BAD : pricer.general(r, errors === 0);
    if (result === BAD) errors++;
    out[r] = [result];
  }
  if (errors > 0) throw rangeError(pricer.firstError, errors, 1);
  return out;
}
