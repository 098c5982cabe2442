// OPENAI_PRICE: one catalog price, by model, price kind, tier and day.

import type { TierId, TokenPrices } from './catalog';
import type { Day } from './dates';
import { PricingError } from './errors';
import { named, quote } from './show';
import { closestNames, quoteList } from './names';
import {
  pricesOn,
  resolveAudioModel,
  resolveCharactersModel,
  resolveImageTokensModel,
  resolveMinutesModel,
  resolveTextModel,
  resolveTrainingModel,
  domainsOf,
  type TokenModel,
} from './models';
import { tierPrices } from './tiers';

export const PRICE_KINDS = [
  'input',
  'cached_input',
  'cache_write',
  'output',
  'long_context_input',
  'long_context_cached_input',
  'long_context_output',
  'audio_input',
  'audio_cached_input',
  'audio_output',
  'image_input',
  'image_cached_input',
  'image_output',
  'training',
  'per_minute',
  'per_1m_characters',
] as const;
export type PriceKind = (typeof PRICE_KINDS)[number];

const KIND_SET: ReadonlySet<string> = new Set(PRICE_KINDS);

/** "Cached input", "cached-input", blank (input) → a price kind. */
export function parsePriceKind(value: unknown): PriceKind {
  if (value === undefined || value === null || value === '') return 'input';
  const key =
    typeof value === 'string'
      ? value
          .trim()
          .toLowerCase()
          .replace(/[\s-]+/g, '_')
      : null;
  if (key === '') return 'input';
  if (key !== null && KIND_SET.has(key)) return key as PriceKind;
  const near = key === null ? [] : closestNames(key, PRICE_KINDS);
  throw new PricingError(
    `unknown price ${named(value)} (${
      near.length > 0
        ? `did you mean ${quoteList(near)}?`
        : 'use "input", "cached_input", "output", "cache_write", "training", "per_minute", "per_1m_characters", or a long_context_, audio_ or image_ kind'
    })`,
  );
}

type Column = 'input' | 'cached_input' | 'output' | 'cache_write';

const LABEL: Record<Column, string> = {
  input: 'input',
  cached_input: 'cached input',
  output: 'output',
  cache_write: 'cache-write',
};

function tokenPrice(
  model: TokenModel,
  column: Column,
  tier: TierId,
  day: Day | null,
  kind: string,
  longContext = false,
): number {
  const priced = pricesOn(model, day);
  const tierSet: TokenPrices = tierPrices(priced, tier);
  const prices = longContext ? tierSet.long_context : tierSet;
  if (!prices) {
    throw new PricingError(
      `${model.name} has no long-context ${tier === 'standard' ? '' : `${tier} `}prices: ${
        tierSet.long_context === undefined && priced.tiers.standard?.long_context === undefined
          ? 'every request is billed at its standard rates'
          : 'not offered in this tier'
      }`,
    );
  }
  const price = prices[column];
  if (price === undefined && column === 'cache_write') {
    throw new PricingError(
      `${model.name} has no cache-write price: cache writes are billed at its input rate ($${prices.input} per 1M tokens)`,
    );
  }
  if (price === null || price === undefined) {
    const standard = longContext ? priced.tiers.standard?.long_context : priced.tiers.standard;
    const cachedOutsideBatch =
      standard?.cached_input !== null && standard?.cached_input !== undefined;
    if (
      tier === 'batch' &&
      column === 'cached_input' &&
      prices.input !== null &&
      cachedOutsideBatch
    ) {
      throw new PricingError(
        `${model.name} has no ${kind}cached input price in Batch: before the gpt-5 family prompt-caching discounts do not apply in the Batch API, so cached input tokens are billed at the batch input rate ($${prices.input} per 1M tokens)`,
      );
    }
    // gpt-image-1 has text input but image output: name the price kind that has it
    const other = kind
      ? undefined
      : kindWithPrice(model.name, [`image_${column}`, `audio_${column}`], tier, day);
    const text = other ? 'text ' : kind;
    const use = other
      ? `; for ${other.split('_')[0]} tokens use OPENAI_PRICE("${model.name}","${other}")`
      : '';
    throw new PricingError(
      `${model.name} has no ${longContext ? 'long-context ' : ''}${text}${LABEL[column]} price: the price list shows "-" (not offered)${use}`,
    );
  }
  return price;
}

function standardOnly(tier: TierId, what: string): void {
  if (tier !== 'standard') {
    throw new PricingError(`${what} has no ${tier} price: only standard prices are listed`);
  }
}

/** The first of `kinds` that prices `model`, to name it in a hint. */
function kindWithPrice(model: string, kinds: string[], tier: TierId, day: Day | null) {
  return kinds.find((k) => {
    try {
      return priceOf(model, k as PriceKind, tier, day) >= 0;
    } catch {
      return false;
    }
  });
}

/** One price as the catalog has it: USD per 1M tokens, per hour, per minute or per 1M characters. */
export function lookupPrice(
  model: string,
  kind: PriceKind,
  tier: TierId,
  day: Day | null = null,
): number {
  try {
    return priceOf(model, kind, tier, day);
  } catch (error) {
    // whisper-1 typed with the default kind ("has no text-token price"): name the kind it has
    const name = quote(model.trim());
    const right =
      domainsOf(model, 'images').length > 0 &&
      kindWithPrice(
        model,
        ['input', 'per_minute', 'per_1m_characters', 'audio_input', 'image_input', 'training'],
        tier,
        day,
      );
    if (!right || !(error as Error).message.startsWith(`${name} has no `)) throw error;
    throw new PricingError(
      `${name} has no ${kind.replace(/_/g, '-')} price; use OPENAI_PRICE(${name},"${right}")`,
    );
  }
}

function priceOf(model: string, kind: PriceKind, tier: TierId, day: Day | null = null): number {
  switch (kind) {
    case 'input':
    case 'cached_input':
    case 'output':
    case 'cache_write':
      return tokenPrice(resolveTextModel(model), kind, tier, day, '');
    case 'long_context_input':
    case 'long_context_cached_input':
    case 'long_context_output':
      return tokenPrice(resolveTextModel(model), kind.slice(13) as Column, tier, day, '', true);
    case 'audio_input':
    case 'audio_cached_input':
    case 'audio_output':
      return tokenPrice(resolveAudioModel(model), kind.slice(6) as Column, tier, day, 'audio ');
    case 'image_input':
    case 'image_cached_input':
    case 'image_output':
      return tokenPrice(
        resolveImageTokensModel(model),
        kind.slice(6) as Column,
        tier,
        day,
        'image ',
      );
    case 'training': {
      const row = resolveTrainingModel(model);
      standardOnly(tier, `fine-tuning training of ${row.model}`);
      return row.training.price;
    }
    case 'per_minute': {
      const found = resolveMinutesModel(model);
      standardOnly(tier, found.name);
      return found.price;
    }
    case 'per_1m_characters': {
      const found = resolveCharactersModel(model);
      standardOnly(tier, found.name);
      return found.price;
    }
  }
}
