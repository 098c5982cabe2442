// The bundle carries the catalog with short keys ("cached_input" appears 117 times), each tier's
// prices as a short array and derived batch prices as a marker, to keep dist/Code.js small; this
// expands it back on load. Page notes, row sources and the "derived" marks are maintainer
// information that no function reads, so the bundle leaves them out.

import { deriveBatchPrices } from './batch';
import type { Catalog, LongContextPrices, PricePeriod, TierId, TokenPrices } from './catalog';

export interface CompactCatalog {
  keys: string[];
  data: unknown;
}

const RUNTIME_UNUSED = new Set(['notes', 'derived']);

/** a row's `sources` (ids) is maintainer information too; the catalog's `sources` map is used */
const unused = (key: string, value: unknown) =>
  RUNTIME_UNUSED.has(key) || (key === 'sources' && Array.isArray(value));

/**
 * A derived batch tier travels as a marker and is derived again on load (src/pricing/batch.ts):
 * 1 without, 2 with Batch's caching discount.
 */
const DERIVED_BATCH = 1;
const DERIVED_BATCH_CACHED = 2;

const isDerived = (value: unknown) =>
  typeof value === 'object' && value !== null && (value as { derived?: boolean }).derived === true;

/** A tier's prices as [input, cached_input, output, cache_write, long_context]; ABSENT = no key. */
type PackedPrices = (number | null | PackedPrices)[];
const ABSENT = -1; // prices are never negative

function pack(prices: TokenPrices | LongContextPrices): PackedPrices {
  const lc = 'long_context' in prices && prices.long_context ? pack(prices.long_context) : null;
  const packed: PackedPrices = [
    prices.input,
    prices.cached_input,
    prices.output,
    prices.cache_write === undefined ? ABSENT : prices.cache_write,
  ];
  if (lc) packed.push(lc);
  while (packed[packed.length - 1] === ABSENT) packed.pop();
  return packed;
}

function unpack(packed: PackedPrices): TokenPrices {
  const [input, cached_input, output, cacheWrite, lc] = packed as [
    number | null,
    number | null,
    number | null,
    number | null | undefined,
    PackedPrices | undefined,
  ];
  const prices: TokenPrices = { input, cached_input, output };
  if (cacheWrite !== undefined && cacheWrite !== ABSENT) prices.cache_write = cacheWrite;
  if (lc) prices.long_context = unpack(lc);
  return prices;
}

function shortKey(index: number): string {
  return `$${index.toString(36)}`; // an identifier: unquoted in the bundle
}

function mapKeys(value: unknown, rename: (key: string, item: unknown) => string | null): unknown {
  if (Array.isArray(value)) return value.map((item) => mapKeys(item, rename));
  if (value === null || typeof value !== 'object') return value;
  const out: Record<string, unknown> = {};
  for (const [key, item] of Object.entries(value)) {
    const renamed = rename(key, item);
    if (renamed !== null) out[renamed] = mapKeys(item, rename);
  }
  return out;
}

/** Build time: every key becomes "$" + its index in `keys` (base 36), most frequent first. */
export function compactCatalog(catalog: Catalog): CompactCatalog {
  const counts = new Map<string, number>();
  mapKeys(catalog, (key) => {
    counts.set(key, (counts.get(key) ?? 0) + 1);
    return key;
  });
  const keys = [...counts.keys()]
    .filter((key) => !RUNTIME_UNUSED.has(key))
    .sort((a, b) => counts.get(b)! - counts.get(a)! || (a < b ? -1 : 1));
  const index = new Map(keys.map((key, k) => [key, shortKey(k)]));
  return {
    keys,
    data: mapKeys(withBatchMarkers(catalog), (key, item) =>
      unused(key, item) ? null : (index.get(key) ?? null),
    ),
  };
}

function periodsOf(catalog: Catalog): PricePeriod[] {
  return catalog.sections.flatMap((s) =>
    s.kind === 'tokens' || s.kind === 'fine_tuning' ? s.rows.flatMap((r) => r.periods) : [],
  );
}

/** The marker that derives `batch` again, or an error: a derived tier the rule does not give. */
function batchMarker(period: PricePeriod, discount: number): number {
  const { standard, batch } = period.tiers;
  for (const marker of [DERIVED_BATCH, DERIVED_BATCH_CACHED]) {
    const again = deriveBatchPrices(standard!, discount, marker === DERIVED_BATCH_CACHED);
    if (JSON.stringify(again) === JSON.stringify(batch)) return marker;
  }
  throw new Error(`a derived batch tier the Batch rule does not give: ${JSON.stringify(batch)}`);
}

function withBatchMarkers(catalog: Catalog): Catalog {
  const copy = structuredClone(catalog);
  for (const period of periodsOf(copy)) {
    const tiers = period.tiers as Record<string, unknown>;
    const marker = isDerived(period.tiers.batch) && batchMarker(period, catalog.batch.discount);
    for (const [tier, prices] of Object.entries(period.tiers))
      tiers[tier] = tier === 'batch' && marker ? marker : pack(prices);
  }
  return copy;
}

/** Load time: the catalog as src/ sees it. */
export function expandCatalog(compact: CompactCatalog): Catalog {
  const long = new Map(compact.keys.map((key, k) => [shortKey(k), key]));
  const catalog = mapKeys(compact.data, (key) => long.get(key) ?? key) as Catalog;
  for (const period of periodsOf(catalog)) {
    const tiers = period.tiers as Record<TierId, unknown>;
    for (const [tier, packed] of Object.entries(tiers)) {
      if (Array.isArray(packed)) tiers[tier as TierId] = unpack(packed as PackedPrices);
    }
    if (tiers.batch === DERIVED_BATCH || tiers.batch === DERIVED_BATCH_CACHED) {
      const cached = tiers.batch === DERIVED_BATCH_CACHED;
      period.tiers.batch = deriveBatchPrices(
        period.tiers.standard!,
        catalog.batch.discount,
        cached,
      );
    }
  }
  return catalog;
}
