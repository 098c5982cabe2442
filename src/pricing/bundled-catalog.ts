// The catalog as dist/Code.js carries it. Every execution of an Apps Script project loads every
// file, and most (menu, sidebar, token counts, one price look-up) never read most of the catalog:
// so the bundle holds it as JSON text, parsed on first use (JSON.parse is native and takes ~0.3 ms
// in a fresh process; an object literal of the same data costs ~2.4 ms to compile at every load,
// and rebuilding objects from a packed form in JavaScript ~4 ms). The few top-level facts that
// sheets cite without pricing anything (asOf, since) travel beside the text, so reading them parses
// nothing. The batch prices are the importer's (src/pricing/batch.ts, marked derived in
// data/prices.json): the bundle carries them as they are instead of deriving them again at every
// load, and the build checks that each derived tier is what the Batch rule gives.

import { deriveBatchPrices } from './batch';
import type { Catalog, PricePeriod } from './catalog';

export interface BundledCatalog {
  schemaVersion: Catalog['schemaVersion'];
  asOf: Catalog['asOf'];
  since: Catalog['since'];
  /** the whole catalog minus maintainer information, as JSON */
  json: string;
}

/** page notes, "derived" marks and a row's source ids: maintainer information no function reads */
function runtimeUnused(key: string, value: unknown): boolean {
  return key === 'notes' || key === 'derived' || (key === 'sources' && Array.isArray(value));
}

/** Every period of the token-priced rows (the ones with tiers). */
function periodsOf(catalog: Catalog): PricePeriod[] {
  return catalog.sections.flatMap((s) =>
    s.kind === 'tokens' || s.kind === 'fine_tuning' ? s.rows.flatMap((r) => r.periods) : [],
  );
}

/** A batch tier marked derived must be what the Batch rule gives, with or without caching. */
function checkDerivedBatch(catalog: Catalog): void {
  const same = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);
  for (const period of periodsOf(catalog)) {
    const { standard, batch } = period.tiers;
    if (!batch?.derived) continue;
    const byRule = [false, true].map((cached) =>
      deriveBatchPrices(standard!, catalog.batch.discount, cached),
    );
    if (!byRule.some((derived) => same(derived, batch))) {
      throw new Error(
        `a derived batch tier the Batch rule does not give: ${JSON.stringify(batch)}`,
      );
    }
  }
}

/** Build time (scripts/build.ts): the form the bundle carries. */
export function bundleCatalog(catalog: Catalog): BundledCatalog {
  checkDerivedBatch(catalog);
  const { schemaVersion, asOf, since } = catalog;
  const json = JSON.stringify(catalog, (key, value: unknown) =>
    runtimeUnused(key, value) ? undefined : value,
  );
  return { schemaVersion, asOf, since, json };
}

/** Whether `source` is the bundle's form (in src/ tests the import is the JSON itself). */
export function isBundled(source: Catalog | BundledCatalog): source is BundledCatalog {
  return typeof (source as Partial<BundledCatalog>).json === 'string';
}
