// Flattens a catalog into "where → price" lines so that two catalogs can be compared price by price,
// for the importer's report and the CHANGELOG.

import type {
  Catalog,
  FineTuningRow,
  Price,
  PricePeriod,
  Section,
} from '../../src/pricing/catalog';

function rowLabel(section: Section, k: number): string {
  switch (section.kind) {
    case 'tokens':
    case 'fine_tuning': {
      const row = section.rows[k];
      return row.snapshot && row.snapshot !== row.model
        ? `${row.model} (${row.snapshot})`
        : row.model;
    }
    case 'tools': {
      const row = section.rows[k];
      return row.appliesTo ? `${row.name} [${row.appliesTo}]` : row.name;
    }
    case 'unit_prices':
      return section.rows[k].model;
    case 'image_generation': {
      const row = section.rows[k];
      return `${row.model} ${row.quality} ${row.size}`;
    }
  }
}

/** "section / model" → { "tier column" → price } */
export function flattenPrices(catalog: Catalog): Map<string, Map<string, Price>> {
  const out = new Map<string, Map<string, Price>>();
  for (const section of catalog.sections) {
    section.rows.forEach((_, k) => {
      const key = `${section.id} / ${rowLabel(section, k)}`;
      const prices = out.get(key) ?? new Map<string, Price>();
      out.set(key, prices);
      const row = section.rows[k];
      if ('periods' in row || 'tiers' in row) {
        // a v1 catalog (before dated prices) had one set of tiers: its period is the page's day
        const legacy = row as unknown as { tiers?: PricePeriod['tiers'] };
        const periods =
          'periods' in row ? row.periods : [{ from: catalog.asOf, tiers: legacy.tiers! }];
        for (const period of periods) {
          for (const [tier, p] of Object.entries(period.tiers)) {
            const columns = [
              ['input', p.input],
              ['cached input', p.cached_input],
              ['output', p.output],
              ['cache write', p.cache_write],
              ['long-context input', p.long_context?.input],
              ['long-context cached input', p.long_context?.cached_input],
              ['long-context output', p.long_context?.output],
              ['long-context cache write', p.long_context?.cache_write],
            ] as const;
            for (const [column, value] of columns) {
              if (value !== undefined) prices.set(`from ${period.from} ${tier} ${column}`, value);
            }
          }
        }
        if ('perMinute' in row && row.perMinute !== undefined)
          prices.set('per minute', row.perMinute);
        if ('training' in row) {
          const { training } = row as FineTuningRow;
          prices.set(`training per ${training.unit}`, training.price);
        }
      } else {
        prices.set('price', row.price);
      }
    });
  }
  return out;
}

const show = (p: Price | undefined): string =>
  p === null ? 'not offered' : p === undefined ? '(none)' : `$${p}`;

/** Human-readable lines: models added/removed, each price old → new. Empty when nothing changed. */
export function describeChanges(before: Catalog | null, after: Catalog): string[] {
  const lines: string[] = [];
  if (before && before.asOf !== after.asOf) lines.push(`as of: ${before.asOf} → ${after.asOf}`);
  const old = before ? flattenPrices(before) : new Map<string, Map<string, Price>>();
  const now = flattenPrices(after);
  for (const key of old.keys()) if (!now.has(key)) lines.push(`removed: ${key}`);
  for (const [key, prices] of now) {
    const previous = old.get(key);
    if (!previous) {
      lines.push(`added: ${key}`);
      continue;
    }
    for (const [column, price] of prices) {
      if (previous.get(column) !== price) {
        lines.push(`changed: ${key} ${column}: ${show(previous.get(column))} → ${show(price)}`);
      }
    }
    for (const column of previous.keys()) {
      if (!prices.has(column))
        lines.push(`changed: ${key} ${column}: ${show(previous.get(column))} → (none)`);
    }
  }
  return lines;
}
