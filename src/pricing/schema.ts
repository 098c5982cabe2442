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

function checkTokenPrices(c: Checker, value: Json, path: string): void {
  if (!c.object(value, path)) return;
  c.keys(value, path, ['input', 'cached_input', 'output'], ['derived']);
  c.nullablePrice(value.input, `${path}.input`);
  c.nullablePrice(value.cached_input, `${path}.cached_input`);
  c.nullablePrice(value.output, `${path}.output`);
  if ('derived' in value && typeof value.derived !== 'boolean')
    c.fail(`${path}.derived`, 'expected a boolean');
  if (value.input === null && value.output === null && value.cached_input === null) {
    c.fail(path, 'a tier with no price at all');
  }
}

function checkTokenRow(c: Checker, row: Record<string, Json>, path: string, tiers: Json[]): void {
  c.string(row.model, `${path}.model`);
  c.nullableString(row.snapshot, `${path}.snapshot`);
  if (!c.object(row.tiers, `${path}.tiers`)) return;
  const rowTiers = Object.keys(row.tiers);
  if (rowTiers.length === 0) c.fail(`${path}.tiers`, 'no tier');
  for (const tier of rowTiers) {
    if (!tiers.includes(tier)) c.fail(`${path}.tiers.${tier}`, `tier not offered by the section`);
    checkTokenPrices(c, row.tiers[tier], `${path}.tiers.${tier}`);
  }
  if ('perMinute' in row) c.price(row.perMinute, `${path}.perMinute`);
  if ('free' in row && row.free !== true) c.fail(`${path}.free`, 'expected true');
}

export function catalogProblems(catalog: Json): string[] {
  const c = new Checker();
  if (!c.object(catalog, 'catalog')) return c.problems;
  c.keys(catalog, 'catalog', ['schemaVersion', 'asOf', 'source', 'batch', 'sections']);
  if (catalog.schemaVersion !== 1) c.fail('catalog.schemaVersion', 'expected 1');
  if (typeof catalog.asOf !== 'string' || !/^\d{4}-\d\d-\d\d$/.test(catalog.asOf)) {
    c.fail('catalog.asOf', 'expected YYYY-MM-DD');
  }
  if (c.object(catalog.source, 'catalog.source')) {
    c.keys(catalog.source, 'catalog.source', ['title', 'url', 'file']);
    for (const key of ['title', 'url', 'file'])
      c.string(catalog.source[key], `catalog.source.${key}`);
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
          checkTokenRow(c, row, rowPath, tiers);
          break;
        case 'fine_tuning':
          checkTokenRow(c, row, rowPath, tiers);
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
