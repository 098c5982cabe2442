// Compares two catalogs price by price, for the importer's report and the CHANGELOG: models added
// and removed, every price that moved (on the day it moved), and the row facts beside the prices
// (release, retirement, context window).

import type {
  Catalog,
  FineTuningRow,
  Price,
  PricePeriod,
  Section,
  TokenRow,
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

type Value = Price | string;

/** A row as comparable facts: undated ones, and for token rows its periods' prices by tier column. */
interface RowFacts {
  facts: Map<string, Value>;
  periods: { from: string; prices: Map<string, Price> }[];
}

function periodPrices(tiers: PricePeriod['tiers']): Map<string, Price> {
  const prices = new Map<string, Price>();
  for (const [tier, p] of Object.entries(tiers)) {
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
    for (const [column, value] of columns)
      if (value !== undefined) prices.set(`${tier} ${column}`, value);
  }
  return prices;
}

/** "section / model" → its facts */
function flatten(catalog: Catalog): Map<string, RowFacts> {
  const out = new Map<string, RowFacts>();
  for (const section of catalog.sections) {
    section.rows.forEach((row, k) => {
      const key = `${section.id} / ${rowLabel(section, k)}`;
      const entry = out.get(key) ?? { facts: new Map<string, Value>(), periods: [] };
      out.set(key, entry);
      if ('periods' in row || 'tiers' in row) {
        // a v1 catalog (before dated prices) had one set of tiers: its period is the page's day
        const legacy = row as unknown as { tiers?: PricePeriod['tiers'] };
        const periods =
          'periods' in row ? row.periods : [{ from: catalog.asOf, tiers: legacy.tiers! }];
        for (const period of periods)
          entry.periods.push({ from: period.from, prices: periodPrices(period.tiers) });
        const token = row as TokenRow;
        if (token.released) entry.facts.set('released', token.released);
        if (token.retired) entry.facts.set('retired', token.retired);
        for (const [id, day] of Object.entries(token.retiredIds ?? {}))
          entry.facts.set(`retired ${id}`, day);
        if (token.contextWindow) entry.facts.set('context window', token.contextWindow);
        if (token.perMinute !== undefined) entry.facts.set('per minute', token.perMinute);
        if ('training' in row) {
          const { training } = row as FineTuningRow;
          entry.facts.set(`training per ${training.unit}`, training.price);
        }
      } else {
        entry.facts.set('price', row.price);
      }
    });
  }
  return out;
}

const show = (p: Price | undefined): string =>
  p === null ? 'not offered' : p === undefined ? '(none)' : `$${p}`;

/** Dates and context windows as they are; prices in dollars. */
const showFact = (name: string, v: Value | undefined): string =>
  typeof v === 'string' || (typeof v === 'number' && name === 'context window')
    ? String(v)
    : show(v);

/** The prices in force on `day` (empty before the first period). */
function inForce(periods: RowFacts['periods'], day: string): Map<string, Price> {
  let found = new Map<string, Price>();
  for (const p of periods) if (p.from <= day) found = p.prices;
  return found;
}

/**
 * "from DAY tier column: old → new" for every price that differs between the two rows on a day
 * one of them starts a period, reported on the first day of each difference.
 */
function priceChanges(key: string, old: RowFacts, now: RowFacts): string[] {
  const lines: string[] = [];
  const days = [...new Set([...old.periods, ...now.periods].map((p) => p.from))].sort();
  let before = { old: new Map<string, Price>(), now: new Map<string, Price>() };
  for (const day of days) {
    const at = { old: inForce(old.periods, day), now: inForce(now.periods, day) };
    for (const column of new Set([...at.old.keys(), ...at.now.keys()])) {
      const [a, b] = [at.old.get(column), at.now.get(column)];
      const moved = a !== before.old.get(column) || b !== before.now.get(column);
      if (a !== b && moved)
        lines.push(`changed: ${key} from ${day} ${column}: ${show(a)} → ${show(b)}`);
    }
    before = at;
  }
  return lines;
}

/** Human-readable lines: models added/removed, each price old → new. Empty when nothing changed. */
export function describeChanges(before: Catalog | null, after: Catalog): string[] {
  const lines: string[] = [];
  if (before && before.asOf !== after.asOf) lines.push(`as of: ${before.asOf} → ${after.asOf}`);
  const old = before ? flatten(before) : new Map<string, RowFacts>();
  const now = flatten(after);
  for (const key of old.keys()) if (!now.has(key)) lines.push(`removed: ${key}`);
  for (const [key, facts] of now) {
    const previous = old.get(key);
    if (!previous) {
      lines.push(`added: ${key}`);
      continue;
    }
    lines.push(...priceChanges(key, previous, facts));
    for (const name of new Set([...previous.facts.keys(), ...facts.facts.keys()])) {
      const [a, b] = [previous.facts.get(name), facts.facts.get(name)];
      if (a !== b)
        lines.push(`changed: ${key} ${name}: ${showFact(name, a)} → ${showFact(name, b)}`);
    }
  }
  return lines;
}
