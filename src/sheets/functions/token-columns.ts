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
import { pricesOn, type PricedTiers, type TokenModel } from '../../pricing/models';
import { billingRates, type TokenRates } from '../../pricing/tiers';
import { isBlank } from '../cells';
import { rangeError } from '../ranges';

type Column = unknown[][] | null;

/** A one-column range (rows of one cell), else null; undefined if the argument rules this out. */
function column(value: unknown): Column | undefined {
  if (!Array.isArray(value)) return null;
  const first = value[0];
  return Array.isArray(first) && first.length === 1 ? (value as unknown[][]) : undefined;
}

const BAD = -1;
const GENERAL = -2;

/** A plain count: a non-negative finite number, or blank (`blank`); BAD or GENERAL otherwise. */
function tokens(value: unknown, blank: number): number {
  if (typeof value === 'number') return value >= 0 && value !== Infinity ? value : BAD;
  return isBlank(value) ? blank : GENERAL;
}

/**
 * Costs of [model, input, output, tier, cached, date, requests, cache writes] where every range is
 * one column of one length; undefined when the arguments are not that shape. A bad row makes it
 * throw "row N: …; M more rows have errors", as the general path does.
 */
export function tokenCostColumns(
  args: unknown[],
  find: (model: string) => TokenModel | undefined,
  tierOf: (value: unknown) => TierId,
  dayOf: (value: unknown) => Day | null,
  computeRow: (cells: unknown[]) => unknown,
): unknown[][] | undefined {
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
  const [models, inputs, outputs, tiers, cacheds, dates, requestCounts, cacheWrites] = columns;
  const [model, input, output, tier, cached, date, requestCount, cacheWrite] = args;
  const out: unknown[][] = new Array(rows);
  let errors = 0;
  let firstError = '';
  // a usage export repeats a few (model, tier, day) triples: look each one up once, also a triple
  // that cannot be priced (a tier or day the model lacks, a bad date)
  let lastModel: unknown = undefined;
  let lastTier: unknown = undefined;
  let lastDate: unknown = undefined;
  let priced: PricedTiers | null = null;
  let rates: TokenRates | null = null;

  /** The general path's answer for row r: its cost, or BAD (wording the first error). */
  const viaGeneral = (r: number): unknown => {
    const cells = columns.map((c, k) => (c ? c[r][0] : args[k]));
    try {
      return computeRow(cells);
    } catch (error) {
      if (errors === 0) firstError = `row ${r + 1}: ${(error as Error).message}`;
      return BAD;
    }
  };

  for (let r = 0; r < rows; r++) {
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
    let result: unknown = priceRow(r);
    // the fast checks only tell that a row is bad: the general path words the first one
    if (result === GENERAL || (result === BAD && errors === 0)) result = viaGeneral(r);
    if (result === BAD) errors++;
    out[r] = [result];
  }
  if (errors > 0) throw rangeError(firstError, errors, 1);
  return out;

  function priceRow(r: number): number {
    const modelCell = models ? models[r][0] : model;
    const tierCell = tiers ? tiers[r][0] : tier;
    const dateCell = dates ? dates[r][0] : date;
    if (typeof modelCell !== 'string' || modelCell.trim() === '') return GENERAL;
    const inputTokens = tokens(inputs ? inputs[r][0] : input, 0);
    const outputTokens = tokens(outputs ? outputs[r][0] : output, 0);
    const cachedTokens = tokens(cacheds ? cacheds[r][0] : cached, 0);
    const requests = tokens(requestCounts ? requestCounts[r][0] : requestCount, 1);
    const cacheWriteTokens = tokens(cacheWrites ? cacheWrites[r][0] : cacheWrite, 0);
    const counts = [inputTokens, outputTokens, cachedTokens, requests, cacheWriteTokens];
    if (counts.includes(GENERAL)) return GENERAL;
    if (counts.includes(BAD) || requests === 0 || cachedTokens + cacheWriteTokens > inputTokens) {
      return BAD;
    }
    if (modelCell !== lastModel || tierCell !== lastTier || dateCell !== lastDate) {
      lastModel = modelCell;
      lastTier = tierCell;
      lastDate = dateCell;
      rates = null; // stays null for a triple that cannot be priced: an unknown model, a bad day
      const found = find(modelCell);
      try {
        if (found)
          rates = billingRates((priced = pricesOn(found, dayOf(dateCell))), tierOf(tierCell));
      } catch {
        // the general path words it
      }
    }
    if (!rates) return BAD;
    let billed: Omit<TokenRates, 'longContext'> = rates;
    const longContext = rates.longContext;
    if (longContext !== 'none' && isLongContext(priced!, inputTokens, requests)) {
      if (longContext === 'missing') return BAD; // a long request in a tier without its prices
      billed = longContext;
    }
    const micros = tokenMicros(billed, inputTokens, outputTokens, cachedTokens, cacheWriteTokens);
    // NaN: a needed price is not offered; Infinity: too large. Both are errors
    if (micros !== micros || micros === Infinity) return BAD;
    return micros / MICROS_PER_MILLION_TOKENS;
  }
}
