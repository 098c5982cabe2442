// The bundle carries the catalog with short keys ("cached_input" appears 117 times) to keep
// dist/Code.js small; this expands it back on load. Page notes and the "derived" marks are
// maintainer information that no function reads, so the bundle leaves them out.

import type { Catalog } from './catalog';

export interface CompactCatalog {
  keys: string[];
  data: unknown;
}

const RUNTIME_UNUSED = new Set(['notes', 'derived']);

function shortKey(index: number): string {
  return `$${index.toString(36)}`; // an identifier: unquoted in the bundle
}

function mapKeys(value: unknown, rename: (key: string) => string | null): unknown {
  if (Array.isArray(value)) return value.map((item) => mapKeys(item, rename));
  if (value === null || typeof value !== 'object') return value;
  const out: Record<string, unknown> = {};
  for (const [key, item] of Object.entries(value)) {
    const renamed = rename(key);
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
  return { keys, data: mapKeys(catalog, (key) => index.get(key) ?? null) };
}

/** Load time: the catalog as src/ sees it. */
export function expandCatalog(compact: CompactCatalog): Catalog {
  const long = new Map(compact.keys.map((key, k) => [shortKey(k), key]));
  return mapKeys(compact.data, (key) => long.get(key) ?? key) as Catalog;
}
