// The Batch rule, in one place: the importer writes batch prices with it (marked derived), and the
// build checks that the derived prices the bundle carries are what it gives.

import type { TokenPrices } from './catalog';

function round(value: number): number {
  return Number(value.toPrecision(12)); // strip binary noise from x 0.5
}

const scaled = (price: number | null, discount: number) =>
  price === null ? null : round(price * discount);

/**
 * Batch = discount x standard input and output (long context too). Cached input: discount x the
 * standard cached price where Batch has a caching discount (the gpt-5 family and later), else
 * none, so cached tokens bill at the batch input rate. Cache writes have no Batch price (they bill
 * at the batch input rate).
 */
export function deriveBatchPrices(
  standard: TokenPrices,
  discount: number,
  cachingDiscount: boolean,
): TokenPrices {
  const cached = (prices: { cached_input: number | null }) =>
    cachingDiscount ? scaled(prices.cached_input, discount) : null;
  const batch: TokenPrices = {
    input: scaled(standard.input, discount),
    cached_input: cached(standard),
    output: scaled(standard.output, discount),
    derived: true,
  };
  const lc = standard.long_context;
  if (lc) {
    batch.long_context = {
      input: scaled(lc.input, discount),
      cached_input: cached(lc),
      output: scaled(lc.output, discount),
    };
  }
  return batch;
}
