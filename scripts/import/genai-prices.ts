// Reads @pydantic/genai-prices (the primary source after the page snapshot) into plain price
// periods, and refuses data it does not understand rather than import it half-read.

import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import type { LongContextPrices, Price } from '../../src/pricing/catalog';

/** genai-prices' match logic, as its package types describe it. */
export type MatchLogic =
  | { and: MatchLogic[] }
  | { or: MatchLogic[] }
  | { equals: string }
  | { starts_with: string }
  | { ends_with: string }
  | { contains: string }
  | { regex: string };

interface TieredPrices {
  base: number;
  tiers: { start: number; price: number }[];
}

type RawPrices = Record<string, number | TieredPrices | undefined>;

export interface GenaiModel {
  id: string;
  match: MatchLogic;
  /** the most tokens one request can hold (input and output together) */
  context_window?: number;
  prices: RawPrices | { constraint?: { type: string; start_date?: string }; prices: RawPrices }[];
}

/** One token family's prices (USD per 1M tokens); undefined = the source has no such price. */
export interface FamilyPrices {
  input?: Price;
  cached_input?: Price;
  output?: Price;
  cache_write?: Price;
  long_context?: LongContextPrices;
}

export interface GenaiPeriod {
  /** YYYY-MM-DD, or null for the entry without a start date (from the model's release) */
  from: string | null;
  text: FamilyPrices;
  audio: FamilyPrices;
  image: FamilyPrices;
  /** USD per hour of audio */
  audioHours?: number;
}

export interface GenaiEntry {
  id: string;
  match: MatchLogic;
  periods: GenaiPeriod[];
  contextWindow?: number;
}

/** genai-prices key → [family, column]; keys not listed here are refused, not ignored. */
const KEYS: Record<string, [keyof Omit<GenaiPeriod, 'from' | 'audioHours'>, keyof FamilyPrices]> = {
  input_mtok: ['text', 'input'],
  cache_read_mtok: ['text', 'cached_input'],
  cache_write_mtok: ['text', 'cache_write'],
  output_mtok: ['text', 'output'],
  input_audio_mtok: ['audio', 'input'],
  cache_audio_read_mtok: ['audio', 'cached_input'],
  output_audio_mtok: ['audio', 'output'],
  input_image_mtok: ['image', 'input'],
  cache_image_read_mtok: ['image', 'cached_input'],
  output_image_mtok: ['image', 'output'],
};
/** priced elsewhere in the catalog (the page's tool table) */
const IGNORED = new Set(['web_searches_kcount', 'storage_searches_kcount', 'input_audio_hours']);
/** genai-prices encodes OpenAI's "more than 272K" both ways (its issue #711) */
export const LONG_CONTEXT_STARTS = [271999, 272000];

function fail(id: string, message: string): never {
  throw new Error(`genai-prices model "${id}": ${message}`);
}

function price(id: string, key: string, value: unknown): number {
  if (typeof value !== 'number' || !Number.isFinite(value) || value < 0)
    fail(id, `${key} is not a price: ${JSON.stringify(value)}`);
  return value;
}

function readPrices(id: string, from: string | null, raw: RawPrices, lcAbove: number): GenaiPeriod {
  const period: GenaiPeriod = { from, text: {}, audio: {}, image: {} };
  for (const [key, value] of Object.entries(raw)) {
    if (value === undefined || IGNORED.has(key)) continue;
    if (key === 'audio_hours') {
      period.audioHours = price(id, key, value);
      continue;
    }
    const target = KEYS[key];
    if (!target) fail(id, `unknown price key ${key}`);
    const [family, column] = target;
    if (typeof value === 'object' && value !== null) {
      const tiered = value as TieredPrices;
      if (tiered.tiers.length !== 1 || !LONG_CONTEXT_STARTS.includes(tiered.tiers[0].start)) {
        fail(
          id,
          `${key} has tiers ${JSON.stringify(tiered.tiers)}; expected one long-context tier`,
        );
      }
      if (lcAbove !== 272000) fail(id, `long-context threshold ${lcAbove} is not 272,000`);
      if (family !== 'text') fail(id, `${key}: long-context ${family} prices are not supported`);
      period[family][column as 'input'] = price(id, key, tiered.base);
      const lc = (period.text.long_context ??= { input: null, cached_input: null, output: null });
      lc[column as 'input'] = price(id, key, tiered.tiers[0].price);
    } else {
      period[family][column as 'input'] = price(id, key, value);
    }
  }
  return period;
}

/** Every OpenAI model of genai-prices with its periods, oldest first. */
export function readGenaiModels(models: GenaiModel[], lcAbove: number): GenaiEntry[] {
  if (!Array.isArray(models) || models.length < 20)
    throw new Error(
      `genai-prices: expected the OpenAI models, got ${JSON.stringify(models)?.slice(0, 80)}`,
    );
  return models.map((model) => {
    if (typeof model.id !== 'string' || !model.match)
      throw new Error(`genai-prices: a model without id or match`);
    const list = Array.isArray(model.prices) ? model.prices : [{ prices: model.prices }];
    const periods = list.map((entry, k) => {
      const start = entry.constraint?.start_date ?? null;
      if (
        entry.constraint &&
        (entry.constraint.type !== 'start_date' || !/^\d{4}-\d\d-\d\d$/.test(start ?? ''))
      ) {
        fail(model.id, `unsupported price constraint ${JSON.stringify(entry.constraint)}`);
      }
      if ((k === 0) !== (start === null))
        fail(model.id, 'only the first price entry may lack a start date');
      return readPrices(model.id, start, entry.prices, lcAbove);
    });
    const entry: GenaiEntry = { id: model.id, match: model.match, periods };
    if (model.context_window !== undefined) {
      const window = model.context_window;
      if (typeof window !== 'number' || !Number.isInteger(window) || window <= 0)
        fail(model.id, `context_window is not a positive whole number: ${JSON.stringify(window)}`);
      entry.contextWindow = window;
    }
    return entry;
  });
}

/** Whether genai-prices' match logic accepts a model id. */
export function matches(logic: MatchLogic, id: string): boolean {
  if ('or' in logic) return logic.or.some((l) => matches(l, id));
  if ('and' in logic) return logic.and.every((l) => matches(l, id));
  if ('equals' in logic) return id === logic.equals;
  if ('starts_with' in logic) return id.startsWith(logic.starts_with);
  if ('ends_with' in logic) return id.endsWith(logic.ends_with);
  if ('contains' in logic) return id.includes(logic.contains);
  return new RegExp(logic.regex).test(id);
}

/** The ids a match lists verbatim (equals), in order. */
export function listedIds(logic: MatchLogic): string[] {
  if ('or' in logic) return logic.or.flatMap(listedIds);
  if ('equals' in logic) return [logic.equals];
  return [];
}

/** Whether the match also takes `<id>-YYYY-MM-DD` snapshots (a regex or a starts_with "<id>-"). */
export function takesDatedSnapshots(logic: MatchLogic, id: string): boolean {
  return matches(logic, `${id}-2099-01-01`);
}

/**
 * The OpenAI models of a genai-prices data file in the repository's `prices/data.json` layout: an
 * array of providers, whose start-date constraints lack the `type` that the npm package's have
 * (`{ "start_date": "2025-06-10" }`). Returns them in the npm package's form; anything else is
 * refused.
 */
export function readGenaiDataFile(text: string): GenaiModel[] {
  let providers: unknown;
  try {
    providers = JSON.parse(text);
  } catch (error) {
    throw new Error(`genai-prices data file: not JSON (${(error as Error).message})`);
  }
  if (!Array.isArray(providers))
    throw new Error('genai-prices data file: expected the array of providers of prices/data.json');
  const openai = providers.find((p) => (p as { id?: unknown })?.id === 'openai') as
    { models?: unknown } | undefined;
  if (!openai || !Array.isArray(openai.models))
    throw new Error('genai-prices data file: no provider "openai" with models');
  return (openai.models as GenaiModel[]).map((model) => {
    if (!Array.isArray(model.prices)) return model;
    const prices = model.prices.map((entry) => {
      const constraint = entry.constraint as { type?: string; start_date?: string } | undefined;
      if (!constraint || 'type' in constraint) return entry;
      const keys = Object.keys(constraint);
      if (keys.length !== 1 || keys[0] !== 'start_date')
        fail(model.id, `unsupported price constraint ${JSON.stringify(constraint)}`);
      return { ...entry, constraint: { type: 'start_date', start_date: constraint.start_date } };
    });
    return { ...model, prices };
  });
}

/** Loads the installed package's OpenAI provider (a devDependency; never bundled). */
export function loadGenaiOpenAI(): { version: string; models: GenaiModel[] } {
  const entry = require.resolve('@pydantic/genai-prices');
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const mod = require(entry) as {
    findProvider: (o: { providerId: string }) => { models: GenaiModel[] } | undefined;
  };
  const provider = mod.findProvider({ providerId: 'openai' });
  if (!provider) throw new Error('genai-prices: no provider "openai"');
  const manifest = join(dirname(entry), '..', 'package.json');
  const version = (JSON.parse(readFileSync(manifest, 'utf8')) as { version: string }).version;
  return { version, models: provider.models };
}
