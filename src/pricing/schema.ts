// Validates a catalog's shape and values. Run by the importer and the build, so a wrong type or a
// missing price fails loudly instead of shipping.

import type { Catalog } from './catalog';
import { SECTION_IDS, TIER_IDS } from './catalog';

type Json = unknown;

class Checker {
  readonly problems: string[] = [];
  fail(path: string, message: string): void {
    if (this.problems.length < 50) this.problems.push(`${path}: ${message}`);
  }
  string(value: Json, path: string): void {
    if (typeof value !== 'string' || value.trim() === '')
      this.fail(path, 'expected a non-empty string');
  }
  nullableString(value: Json, path: string): void {
    if (value !== null) this.string(value, path);
  }
  price(value: Json, path: string): void {
    if (typeof value !== 'number' || !Number.isFinite(value) || value < 0) {
      this.fail(path, `expected a non-negative price, got ${JSON.stringify(value)}`);
    } else if (Math.abs(value * 1e6 - Math.round(value * 1e6)) > 1e-6) {
      // costs are computed in whole micro-dollars (src/pricing/tiers.ts toMicros)
      this.fail(path, `expected at most 6 decimals, got ${value}`);
    }
  }
  nullablePrice(value: Json, path: string): void {
    if (value !== null) this.price(value, path);
  }
  object(value: Json, path: string): value is Record<string, Json> {
    if (typeof value !== 'object' || value === null || Array.isArray(value)) {
      this.fail(path, 'expected an object');
      return false;
    }
    return true;
  }
  array(value: Json, path: string, nonEmpty = true): value is Json[] {
    if (!Array.isArray(value) || (nonEmpty && value.length === 0)) {
      this.fail(path, nonEmpty ? 'expected a non-empty array' : 'expected an array');
      return false;
    }
    return true;
  }
  keys(
    value: Record<string, Json>,
    path: string,
    required: string[],
    optional: string[] = [],
  ): void {
    for (const key of required) if (!(key in value)) this.fail(`${path}.${key}`, 'missing');
    for (const key of Object.keys(value)) {
      if (!required.includes(key) && !optional.includes(key))
        this.fail(`${path}.${key}`, 'unexpected key');
    }
  }
}

const DAY = /^\d{4}-\d\d-\d\d$/;

function checkTokenPrices(c: Checker, value: Json, path: string, nested = false): void {
  if (!c.object(value, path)) return;
  const optional = nested ? ['cache_write'] : ['cache_write', 'long_context', 'derived'];
  c.keys(value, path, ['input', 'cached_input', 'output'], optional);
  for (const key of ['input', 'cached_input', 'output', 'cache_write'])
    if (key in value) c.nullablePrice(value[key], `${path}.${key}`);
  if ('derived' in value && typeof value.derived !== 'boolean')
    c.fail(`${path}.derived`, 'expected a boolean');
  if (value.input === null && value.output === null && value.cached_input === null) {
    c.fail(path, 'a tier with no price at all');
  }
  if ('long_context' in value)
    checkTokenPrices(c, value.long_context, `${path}.long_context`, true);
}

function day(c: Checker, value: Json, path: string): void {
  if (typeof value !== 'string' || !DAY.test(value)) c.fail(path, 'expected YYYY-MM-DD');
}

function checkTokenRow(
  c: Checker,
  row: Record<string, Json>,
  path: string,
  tiers: Json[],
  sources: Record<string, Json>,
): void {
  c.string(row.model, `${path}.model`);
  c.nullableString(row.snapshot, `${path}.snapshot`);
  if ('aliases' in row && c.array(row.aliases, `${path}.aliases`))
    row.aliases.forEach((a, k) => c.string(a, `${path}.aliases[${k}]`));
  if ('released' in row) day(c, row.released, `${path}.released`);
  if ('retired' in row) day(c, row.retired, `${path}.retired`);
  if ('retiredIds' in row && c.object(row.retiredIds, `${path}.retiredIds`)) {
    const ids = [row.snapshot, ...(Array.isArray(row.aliases) ? row.aliases : [])];
    for (const [id, retired] of Object.entries(row.retiredIds)) {
      if (!ids.includes(id))
        c.fail(`${path}.retiredIds.${id}`, 'not a snapshot or alias of the row');
      day(c, retired, `${path}.retiredIds.${id}`);
    }
  }
  if ('contextWindow' in row) {
    const window = row.contextWindow;
    if (typeof window !== 'number' || !Number.isInteger(window) || window <= 0)
      c.fail(`${path}.contextWindow`, 'expected a positive whole number');
  }
  if (c.array(row.sources, `${path}.sources`)) {
    for (const id of row.sources)
      if (typeof id !== 'string' || !(id in sources))
        c.fail(`${path}.sources`, `unknown source ${JSON.stringify(id)}`);
  }
  if (!c.array(row.periods, `${path}.periods`)) return;
  let previous = '';
  row.periods.forEach((period, p) => {
    const where = `${path}.periods[${p}]`;
    if (!c.object(period, where)) return;
    day(c, period.from, `${where}.from`);
    if (typeof period.from === 'string' && period.from <= previous)
      c.fail(`${where}.from`, 'periods out of order');
    previous = String(period.from);
    if (p === 0 && typeof row.released === 'string' && period.from !== row.released)
      c.fail(`${where}.from`, `the first period starts on release (${row.released})`);
    if (!c.object(period.tiers, `${where}.tiers`)) return;
    for (const tier of Object.keys(period.tiers)) {
      if (!tiers.includes(tier))
        c.fail(`${where}.tiers.${tier}`, `tier not offered by the section`);
      checkTokenPrices(c, period.tiers[tier], `${where}.tiers.${tier}`);
    }
  });
  if ('perMinute' in row) c.price(row.perMinute, `${path}.perMinute`);
  if ('free' in row && row.free !== true) c.fail(`${path}.free`, 'expected true');
}

export function catalogProblems(catalog: Json): string[] {
  const c = new Checker();
  if (!c.object(catalog, 'catalog')) return c.problems;
  c.keys(catalog, 'catalog', [
    'schemaVersion',
    'asOf',
    'since',
    'sources',
    'batch',
    'longContext',
    'sections',
  ]);
  if (catalog.schemaVersion !== 2) c.fail('catalog.schemaVersion', 'expected 2');
  day(c, catalog.asOf, 'catalog.asOf');
  day(c, catalog.since, 'catalog.since');
  const sources = c.object(catalog.sources, 'catalog.sources') ? catalog.sources : {};
  for (const [id, source] of Object.entries(sources)) {
    if (!c.object(source, `catalog.sources.${id}`)) continue;
    c.keys(source, `catalog.sources.${id}`, ['title', 'url'], ['file', 'version', 'date']);
    c.string(source.title, `catalog.sources.${id}.title`);
    c.string(source.url, `catalog.sources.${id}.url`);
  }
  if (c.object(catalog.longContext, 'catalog.longContext')) {
    const above = catalog.longContext.aboveInputTokens;
    if (typeof above !== 'number' || !Number.isInteger(above) || above <= 0)
      c.fail('catalog.longContext.aboveInputTokens', 'expected a positive whole number');
    c.string(catalog.longContext.note, 'catalog.longContext.note');
  }
  if (c.object(catalog.batch, 'catalog.batch')) {
    const discount = catalog.batch.discount;
    if (typeof discount !== 'number' || !(discount > 0 && discount <= 1)) {
      c.fail('catalog.batch.discount', 'expected a fraction in (0, 1]');
    }
    c.string(catalog.batch.note, 'catalog.batch.note');
  }
  if (!c.array(catalog.sections, 'catalog.sections')) return c.problems;
  const ids = catalog.sections.map((s) => (s as { id?: Json })?.id);
  if (ids.join() !== SECTION_IDS.join()) {
    c.fail(
      'catalog.sections',
      `expected sections ${SECTION_IDS.join(', ')}, got ${ids.join(', ')}`,
    );
  }
  catalog.sections.forEach((section, k) => {
    const path = `sections[${k}]`;
    if (!c.object(section, path)) return;
    c.string(section.title, `${path}.title`);
    c.string(section.unit, `${path}.unit`);
    c.array(section.notes, `${path}.notes`, false);
    if (c.array(section.tiers, `${path}.tiers`)) {
      for (const tier of section.tiers) {
        if (!TIER_IDS.includes(tier as never))
          c.fail(`${path}.tiers`, `unknown tier ${JSON.stringify(tier)}`);
      }
    }
    const tiers = Array.isArray(section.tiers) ? section.tiers : [];
    if (!c.array(section.rows, `${path}.rows`)) return;
    section.rows.forEach((row, r) => {
      const rowPath = `${path}.rows[${r}]`;
      if (!c.object(row, rowPath)) return;
      switch (section.kind) {
        case 'tokens':
          checkTokenRow(c, row, rowPath, tiers, sources);
          break;
        case 'fine_tuning':
          checkTokenRow(c, row, rowPath, tiers, sources);
          c.string(row.baseModel, `${rowPath}.baseModel`);
          c.nullableString(row.variant, `${rowPath}.variant`);
          if (c.object(row.training, `${rowPath}.training`)) {
            c.price(row.training.price, `${rowPath}.training.price`);
            if (row.training.unit !== 'hour' && row.training.unit !== '1M tokens') {
              c.fail(`${rowPath}.training.unit`, 'expected "hour" or "1M tokens"');
            }
          }
          break;
        case 'tools':
          for (const key of ['id', 'name', 'unit']) c.string(row[key], `${rowPath}.${key}`);
          c.price(row.price, `${rowPath}.price`);
          if (row.per !== 1 && row.per !== 1000) c.fail(`${rowPath}.per`, 'expected 1 or 1000');
          c.nullableString(row.freeAllowance, `${rowPath}.freeAllowance`);
          c.nullableString(row.appliesTo, `${rowPath}.appliesTo`);
          if (row.models !== null) c.array(row.models, `${rowPath}.models`);
          break;
        case 'unit_prices':
          for (const key of ['model', 'apiId', 'useCase', 'unit'])
            c.string(row[key], `${rowPath}.${key}`);
          c.price(row.price, `${rowPath}.price`);
          break;
        case 'image_generation':
          for (const key of ['model', 'apiId', 'quality', 'size'])
            c.string(row[key], `${rowPath}.${key}`);
          c.price(row.price, `${rowPath}.price`);
          break;
        default:
          c.fail(`${path}.kind`, `unknown kind ${JSON.stringify(section.kind)}`);
      }
    });
  });
  return c.problems;
}

/** Throws with every problem found; returns the catalog typed. */
export function validateCatalog(catalog: Json): Catalog {
  const problems = catalogProblems(catalog);
  if (problems.length > 0) throw new Error(`invalid price catalog:\n  ${problems.join('\n  ')}`);
  return catalog as Catalog;
}
