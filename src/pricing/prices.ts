// OPENAI_PRICE: one catalog price, by model, price kind, tier and day.

import type { TierId, TokenPrices } from './catalog';
import type { Day } from './dates';
import { PricingError } from './errors';
import {
  pricesOn,
  resolveAudioModel,
  resolveCharactersModel,
  resolveImageTokensModel,
  resolveMinutesModel,
  resolveTextModel,
  resolveTrainingModel,
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
  const key = String(value)
    .trim()
    .toLowerCase()
    .replace(/[\s-]+/g, '_');
  if (key === '') return 'input';
  if (KIND_SET.has(key)) return key as PriceKind;
  const text = String(value);
  throw new PricingError(
    `unknown price ${JSON.stringify(text.length > 60 ? `${text.slice(0, 60)}…` : text)} (use ${PRICE_KINDS.map((k) => `"${k}"`).join(', ')})`,
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
    if (tier === 'batch' && column === 'cached_input' && prices.input !== null) {
      throw new PricingError(
        `${model.name} has no ${kind}cached input price in Batch: prompt-caching discounts do not apply in the Batch API, so cached input tokens are billed at the batch input rate ($${prices.input} per 1M tokens)`,
      );
    }
    throw new PricingError(
      `${model.name} has no ${longContext ? 'long-context ' : ''}${kind}${LABEL[column]} price: the price list shows "-" (not offered)`,
    );
  }
  return price;
}

function standardOnly(tier: TierId, what: string): void {
  if (tier !== 'standard') {
    throw new PricingError(`${what} has no ${tier} price: only standard prices are listed`);
  }
}

/** One price as the catalog has it: USD per 1M tokens, per hour, per minute or per 1M characters. */
export function lookupPrice(
  model: string,
  kind: PriceKind,
  tier: TierId,
  day: Day | null = null,
): number {
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
