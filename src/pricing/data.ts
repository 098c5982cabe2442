// The generated catalog, embedded in the bundle by esbuild (validated at build time).
import type { Catalog } from './catalog';
import catalogJson from '../../data/prices.json';

export const CATALOG = catalogJson as unknown as Catalog;

/** Where the prices come from, for a sheet's source line: the page snapshot, then genai-prices. */
export function sourcesSummary(): string {
  const page = CATALOG.sources.page;
  const genai = CATALOG.sources['genai-prices'];
  return `Sources: ${page.title} (${CATALOG.since}) and ${genai.title} ${genai.version}; prices as of ${CATALOG.asOf}`;
}

/**
 * The one rule for "offered on a day" (YYYY-MM-DD; null: today's current models): released by
 * then, not yet retired, and a day the price data covers.
 */
export function offeredOnDay(
  row: { released?: string; retired?: string },
  day: string | null,
): boolean {
  const on = day ?? CATALOG.asOf;
  return (
    (day === null || on >= CATALOG.since) &&
    (!row.released || row.released <= on) &&
    (!row.retired || on < row.retired)
  );
}
