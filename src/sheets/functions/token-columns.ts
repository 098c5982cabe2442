// The fast path for the commonest big call: token costs over whole columns, e.g.
// =OPENAI_COST(A2:A, B2:B, C2:C, "batch", D2:D) on 100,000 rows. It reads the columns directly
// instead of going through the general range engine. It handles only clean rows (model text, plain
// non-negative numbers or blanks); at the first row it cannot price it gives up and the caller
// runs the general path, which produces the exact error messages. Both must agree on every clean
// row: test/sheets checks that.

import type { TierId } from '../../pricing/catalog';
import { MICROS_PER_MILLION_TOKENS, ratesForUsage, tokenMicros } from '../../pricing/cost';
import type { Day } from '../../pricing/dates';
import { pricesOn, type TokenModel } from '../../pricing/models';

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
  const cell = (k: number, r: number) => (columns[k] ? columns[k]![r][0] : args[k]);
  const out: unknown[][] = new Array(rows);
  try {
    for (let r = 0; r < rows; r++) {
      let blank = true;
      for (let k = 0; k < columns.length; k++) {
        if (columns[k] && columns[k]![r][0] !== '') {
          blank = false;
          break;
        }
      }
      if (blank) {
        out[r] = [''];
        continue;
      }
      const modelCell = cell(0, r);
      if (typeof modelCell !== 'string' || modelCell === '') return undefined;
      const inputTokens = tokens(cell(1, r), 0);
      const outputTokens = tokens(cell(2, r), 0);
      const cachedTokens = tokens(cell(4, r), 0);
      const requests = tokens(cell(6, r), 1);
      const cacheWriteTokens = tokens(cell(7, r), 0);
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
      const priced = pricesOn(resolve(modelCell), dayOf(cell(5, r)));
      const rates = ratesForUsage(priced, tierOf(cell(3, r)), inputTokens, requests);
      const micros = tokenMicros(rates, inputTokens, outputTokens, cachedTokens, cacheWriteTokens);
      // NaN: a needed price is not offered; Infinity: absurd quantities. The general path words both
      if (micros !== micros || micros === Infinity) return undefined;
      out[r] = [micros / MICROS_PER_MILLION_TOKENS];
    }
  } catch {
    return undefined; // unknown model, tier or date: the general path words the error
  }
  return out;
}
