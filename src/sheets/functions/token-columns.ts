// The fast path for the commonest big call: token costs over whole columns, e.g.
// =OPENAI_COST(A2:A, B2:B, C2:C, "batch", D2:D) on 100,000 rows. It reads the columns directly
// instead of going through the general range engine. It handles only clean rows (model text, plain
// non-negative numbers or blanks); at the first row it cannot price it gives up and the caller
// runs the general path, which produces the exact error messages. Both must agree on every clean
// row: test/sheets checks that.

import type { TierId } from '../../pricing/catalog';
import { isLongContext, MICROS_PER_MILLION_TOKENS, tokenMicros } from '../../pricing/cost';
import type { Day } from '../../pricing/dates';
import { pricesOn, type PricedTiers, type TokenModel } from '../../pricing/models';
import { billingRates, type TokenRates } from '../../pricing/tiers';

type Column = unknown[][] | null;

/** A one-column range (rows of one cell), else null; undefined if the argument rules this out. */
function column(value: unknown): Column | undefined {
  if (!Array.isArray(value)) return null;
  const first = value[0];
  return Array.isArray(first) && first.length === 1 ? (value as unknown[][]) : undefined;
}

const GIVE_UP = -1;

/** A plain count: a non-negative number, or blank (`blank`); GIVE_UP for anything else. */
function tokens(value: unknown, blank: number): number {
  if (typeof value === 'number') return value >= 0 && value !== Infinity ? value : GIVE_UP;
  return value === '' || value === null || value === undefined ? blank : GIVE_UP;
}

/**
 * Costs of [model, input, output, tier, cached, date, requests, cache writes] where every range is
 * one column of one length; undefined when the arguments are not that shape or any row needs the
 * general path.
 */
export function tokenCostColumns(
  args: unknown[],
  resolve: (model: string) => TokenModel,
  tierOf: (value: unknown) => TierId,
  dayOf: (value: unknown) => Day | null,
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
  // a usage export repeats a few (model, tier, day) triples: look each one up once
  let lastModel: unknown = undefined;
  let lastTier: unknown = undefined;
  let lastDate: unknown = undefined;
  let priced: PricedTiers | null = null;
  let rates: TokenRates | null = null;
  try {
    for (let r = 0; r < rows; r++) {
      let blank = true;
      for (let k = 0; k < ranged.length; k++) {
        if (ranged[k][r][0] !== '') {
          blank = false;
          break;
        }
      }
      if (blank) {
        out[r] = [''];
        continue;
      }
      const modelCell = models ? models[r][0] : model;
      const tierCell = tiers ? tiers[r][0] : tier;
      const dateCell = dates ? dates[r][0] : date;
      if (typeof modelCell !== 'string' || modelCell === '') return undefined;
      const inputTokens = tokens(inputs ? inputs[r][0] : input, 0);
      const outputTokens = tokens(outputs ? outputs[r][0] : output, 0);
      const cachedTokens = tokens(cacheds ? cacheds[r][0] : cached, 0);
      const requests = tokens(requestCounts ? requestCounts[r][0] : requestCount, 1);
      const cacheWriteTokens = tokens(cacheWrites ? cacheWrites[r][0] : cacheWrite, 0);
      if (
        inputTokens < 0 ||
        outputTokens < 0 ||
        cachedTokens < 0 ||
        cacheWriteTokens < 0 ||
        !(requests > 0) ||
        cachedTokens + cacheWriteTokens > inputTokens
      ) {
        return undefined;
      }
      if (modelCell !== lastModel || tierCell !== lastTier || dateCell !== lastDate) {
        priced = pricesOn(resolve(modelCell), dayOf(dateCell));
        rates = billingRates(priced, tierOf(tierCell));
        lastModel = modelCell;
        lastTier = tierCell;
        lastDate = dateCell;
      }
      let billed: Omit<TokenRates, 'longContext'> = rates!;
      const longContext = rates!.longContext;
      if (longContext !== 'none' && isLongContext(priced!, inputTokens, requests)) {
        if (longContext === 'missing') return undefined; // the general path words the error
        billed = longContext;
      }
      const micros = tokenMicros(billed, inputTokens, outputTokens, cachedTokens, cacheWriteTokens);
      // NaN: a needed price is not offered; Infinity: absurd quantities. The general path words both
      if (micros !== micros || micros === Infinity) return undefined;
      out[r] = [micros / MICROS_PER_MILLION_TOKENS];
    }
  } catch {
    return undefined; // unknown model, tier or date: the general path words the error
  }
  return out;
}
