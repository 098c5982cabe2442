// The fast path for the commonest big call: token costs over whole columns, e.g.
// =OPENAI_COST(A2:A, B2:B, C2:C, "batch", D2:D) on 100,000 rows. It reads the columns directly
// instead of going through the general range engine. It handles only clean rows (model text, plain
// non-negative numbers or blanks); at the first row it cannot price it gives up and the caller
// runs the general path, which produces the exact error messages. Both must agree on every clean
// row: test/sheets checks that.

import type { TierId } from '../../pricing/catalog';
import type { TokenModel } from '../../pricing/models';
import { MICROS_PER_MILLION_TOKENS, tokenMicros } from '../../pricing/cost';
import { billingRates } from '../../pricing/tiers';

type Column = unknown[][] | null;

/** A one-column range (rows of one cell), else null; undefined if the argument rules this out. */
function column(value: unknown): Column | undefined {
  if (!Array.isArray(value)) return null;
  const first = value[0];
  return Array.isArray(first) && first.length === 1 ? (value as unknown[][]) : undefined;
}

const GIVE_UP = -1;

/** A plain token count: a non-negative number, or blank (0); GIVE_UP for anything else. */
function tokens(value: unknown): number {
  if (typeof value === 'number') return value >= 0 && value !== Infinity ? value : GIVE_UP;
  return value === '' || value === null || value === undefined ? 0 : GIVE_UP;
}

/**
 * Costs of [model, input, output, tier, cached] where every range is one column of one length;
 * undefined when the arguments are not that shape or any row needs the general path.
 */
export function tokenCostColumns(
  args: unknown[],
  resolve: (model: string) => TokenModel,
  tierOf: (value: unknown) => TierId,
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
  const [models, inputs, outputs, tiers, cacheds] = columns;
  const [model, input, output, tier, cached] = args;
  const out: unknown[][] = new Array(rows);
  try {
    for (let r = 0; r < rows; r++) {
      const modelCell = models ? models[r][0] : model;
      const inputCell = inputs ? inputs[r][0] : input;
      const outputCell = outputs ? outputs[r][0] : output;
      const tierCell = tiers ? tiers[r][0] : tier;
      const cachedCell = cacheds ? cacheds[r][0] : cached;
      if (
        (!models || modelCell === '') &&
        (!inputs || inputCell === '') &&
        (!outputs || outputCell === '') &&
        (!tiers || tierCell === '') &&
        (!cacheds || cachedCell === '')
      ) {
        out[r] = [''];
        continue;
      }
      if (typeof modelCell !== 'string' || modelCell === '') return undefined;
      const inputTokens = tokens(inputCell);
      const outputTokens = tokens(outputCell);
      const cachedTokens = tokens(cachedCell);
      if (inputTokens < 0 || outputTokens < 0 || cachedTokens < 0 || cachedTokens > inputTokens) {
        return undefined;
      }
      const rates = billingRates(resolve(modelCell), tierOf(tierCell));
      const micros = tokenMicros(rates, inputTokens, outputTokens, cachedTokens);
      // NaN: a needed price is not offered; Infinity: absurd quantities. The general path words both
      if (micros !== micros || micros === Infinity) return undefined;
      out[r] = [micros / MICROS_PER_MILLION_TOKENS];
    }
  } catch {
    return undefined; // unknown model or tier: the general path words the error
  }
  return out;
}
