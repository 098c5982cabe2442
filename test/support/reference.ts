// Independent references for tests: the catalog read straight from data/prices.json (not through
// src/pricing), decimal.js arithmetic, and helpers for errors thrown from another realm (vm).
import Decimal from 'decimal.js';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';

export const ROOT = resolve(__dirname, '../..');
export const CATALOG_PATH = resolve(ROOT, 'data/prices.json');
export const PAGE_PATH = resolve(ROOT, 'data/openai-pricing-page-2025-07.txt');
export const ANNOTATIONS_PATH = resolve(ROOT, 'data/catalog-annotations.json');

export type Prices = {
  input: number | null;
  cached_input: number | null;
  output: number | null;
  cache_write?: number | null;
  long_context?: Prices;
};

/** OpenAI: a request with "more than 272K" input tokens bills every token at long-context rates. */
export const LONG_CONTEXT_ABOVE = 272_000;

/** The day the page snapshot stands for: the oldest price data. */
export const PAGE_DAY = '2025-06-26';
/* eslint-disable @typescript-eslint/no-explicit-any */
export type AnyRow = any;
export type AnySection = { id: string; kind: string; tiers: string[]; rows: AnyRow[] } & Record<
  string,
  any
>;
/* eslint-enable @typescript-eslint/no-explicit-any */

/**
 * The catalog as JSON. Each dated row also gets `tiers`: its current prices (its last period), what
 * a call without a date is billed at.
 */
export function rawCatalog(): { asOf: string; sections: AnySection[] } & Record<string, unknown> {
  const catalog = JSON.parse(readFileSync(CATALOG_PATH, 'utf8'));
  for (const section of catalog.sections)
    for (const row of section.rows)
      if (row.periods) row.tiers = row.periods[row.periods.length - 1].tiers;
  return catalog;
}

export function sectionOf(id: string): AnySection {
  const found = rawCatalog().sections.find((s) => s.id === id);
  if (!found) throw new Error(`no section ${id}`);
  return found;
}

export function rowOf(sectionId: string, model: string): AnyRow {
  const found = sectionOf(sectionId).rows.find((r: AnyRow) => r.model === model);
  if (!found) throw new Error(`no row ${model} in ${sectionId}`);
  return found;
}

export const D = (value: number | string): Decimal => new Decimal(String(value));

/**
 * The billing rule, restated independently: cached and cache-write tokens are part of input tokens;
 * in every tier cached tokens are billed at the tier's cached-input price and cache writes at its
 * cache-write price, each falling back to the tier's input price where there is none (Batch before
 * the gpt-5 family has no cached price: cached tokens bill at the batch input price). A request (input / requests) above 272,000 input tokens bills every token at
 * the long-context prices where the tier has them. Prices are USD per 1M tokens.
 */
export function tokenCostRef(
  prices: Prices,
  tier: string,
  input: number,
  output: number,
  cached: number,
  cacheWrite = 0,
  requests = 1,
): Decimal {
  const rates =
    prices.long_context && D(input).div(requests).gt(LONG_CONTEXT_ABOVE)
      ? prices.long_context
      : prices;
  const cachedRate = rates.cached_input ?? rates.input;
  const writeRate = rates.cache_write ?? rates.input;
  let total = D(0);
  const uncached = D(input).minus(D(cached)).minus(D(cacheWrite));
  if (uncached.gt(0)) total = total.plus(uncached.times(D(need(rates.input))));
  if (cached > 0) total = total.plus(D(cached).times(D(need(cachedRate))));
  if (cacheWrite > 0) total = total.plus(D(cacheWrite).times(D(need(writeRate))));
  if (output > 0) total = total.plus(D(output).times(D(need(rates.output))));
  return total.div(1e6);
}

function need(price: number | null): number {
  if (price === null) throw new Error('reference: usage needs a price that is not offered');
  return price;
}

/** |actual - expected| <= 1e-12 relative (exact when the reference is 0). */
export function expectClose(actual: unknown, expected: Decimal | number): void {
  const ref = typeof expected === 'number' ? D(expected) : expected;
  expect(typeof actual).toBe('number');
  const value = actual as number;
  expect(Number.isFinite(value)).toBe(true);
  if (ref.isZero()) {
    expect(value).toBe(0);
    return;
  }
  const relative = D(value).minus(ref).abs().div(ref.abs());
  if (relative.gt(1e-12)) {
    throw new Error(`expected ${value} to be within 1e-12 of ${ref.toString()} (rel ${relative})`);
  }
}

/** The thrown value of `fn` (any realm), or a failure when it does not throw. */
export function thrown(fn: () => unknown): Error {
  try {
    fn();
  } catch (error) {
    return error as Error;
  }
  throw new Error('expected the call to throw');
}

/** An Error from any realm (vm contexts have their own Error constructor). */
export function isErrorObject(value: unknown): boolean {
  return Object.prototype.toString.call(value) === '[object Error]';
}

/** The Text tokens table's header today: the columns some current model has (cache writes, long context). */
export const TEXT_HEADER_NOW = [
  'Model',
  'Snapshot',
  'Input',
  'Cached input',
  'Output',
  'Cache write',
  'Long context input',
  'Long context cached input',
  'Long context output',
];
