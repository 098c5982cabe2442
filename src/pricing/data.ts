// The generated catalog. In dist/Code.js data/prices.json is JSON text parsed on first use
// (src/pricing/bundled-catalog.ts, embedded by scripts/build.ts); tests of src/ import the JSON.
import type { Catalog } from './catalog';
import { type BundledCatalog, isBundled } from './bundled-catalog';
import catalogJson from '../../data/prices.json';

/**
 * A catalog whose top-level facts (asOf, since) read without parsing and whose other properties
 * are getters into the catalog, parsed from the bundled text the first time one is read.
 */
export function lazyCatalog(source: Catalog | BundledCatalog): Catalog {
  let parsed: Catalog | null = isBundled(source) ? null : source;
  const full = (): Catalog => (parsed ??= JSON.parse((source as BundledCatalog).json) as Catalog);
  return {
    schemaVersion: source.schemaVersion,
    asOf: source.asOf,
    since: source.since,
    get sources() {
      return full().sources;
    },
    get batch() {
      return full().batch;
    },
    get longContext() {
      return full().longContext;
    },
    get sections() {
      return full().sections;
    },
  };
}

export const CATALOG: Catalog = lazyCatalog(catalogJson as unknown as Catalog | BundledCatalog);

/** Where the prices come from, for a sheet's source line: the page snapshot, then genai-prices. */
export function sourcesSummary(): string {
  const page = CATALOG.sources.page;
  const genai = CATALOG.sources['genai-prices'];
  return `Sources: ${page.title} (${CATALOG.since}) and ${genai.title} ${genai.version}; prices as of ${CATALOG.asOf}`;
}

/**
 * The one rule for "offered on a day" (YYYY-MM-DD; null: today's current models): released by
 * then, not yet retired, a day the price data covers, and, for a row with price periods, a price
 * in force that day (a flex row after its flex prices end has an empty period: not offered).
 */
export function offeredOnDay(
  row: { released?: string; retired?: string; periods?: { from: string; tiers: object }[] },
  day: string | null,
): boolean {
  const on = day ?? CATALOG.asOf;
  if (
    (day !== null && on < CATALOG.since) ||
    (row.released && row.released > on) ||
    (row.retired && on >= row.retired)
  ) {
    return false;
  }
  if (!row.periods) return true;
  let inForce: object | undefined;
  for (const p of row.periods) if (p.from <= on) inForce = p.tiers;
  return inForce !== undefined && Object.keys(inForce).length > 0;
}

/** Whether a row was retired by the day (null: by the data's date). */
export function retiredByDay(row: { retired?: string }, day: string | null): boolean {
  return !!row.retired && row.retired <= (day ?? CATALOG.asOf);
}
