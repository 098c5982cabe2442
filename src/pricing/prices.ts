// OPENAI_PRICE: one catalog price, by model, price kind and tier.

import type { TierId, TokenColumn, TokenPrices } from './catalog';
import { PricingError } from './errors';
import {
  resolveAudioModel,
  resolveCharactersModel,
  resolveImageTokensModel,
  resolveMinutesModel,
  resolveTextModel,
  resolveTrainingModel,
  type TokenModel,
} from './models';
import { offeredTiers, tierNotOfferedMessage } from './tiers';

export const PRICE_KINDS = [
  'input',
  'cached_input',
  'output',
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

/** "Cached input", "cached-input", blank (input) → a price kind. */
export function parsePriceKind(value: unknown): PriceKind {
  if (value === undefined || value === null || value === '') return 'input';
  const key = String(value)
    .trim()
    .toLowerCase()
    .replace(/[\s-]+/g, '_');
  if (key === '') return 'input';
  if ((PRICE_KINDS as readonly string[]).includes(key)) return key as PriceKind;
  throw new PricingError(
    `unknown price ${JSON.stringify(String(value))} (use ${PRICE_KINDS.map((k) => `"${k}"`).join(', ')})`,
  );
}

const LABEL: Record<TokenColumn, string> = {
  input: 'input',
  cached_input: 'cached input',
  output: 'output',
};

function tokenPrice(model: TokenModel, column: TokenColumn, tier: TierId, kind: string): number {
  const prices: TokenPrices | undefined = model.tiers[tier];
  if (!prices) throw new PricingError(tierNotOfferedMessage(model.name, tier, offeredTiers(model)));
  const price = prices[column];
  if (price === null) {
    if (tier === 'batch' && column === 'cached_input' && prices.input !== null) {
      throw new PricingError(
        `${model.name} has no ${kind}cached input price in Batch: prompt-caching discounts do not apply in the Batch API, so cached input tokens are billed at the batch input rate ($${prices.input} per 1M tokens)`,
      );
    }
    throw new PricingError(
      `${model.name} has no ${kind}${LABEL[column]} price: the pricing page shows "-" (not offered)`,
    );
  }
  return price;
}

function standardOnly(tier: TierId, what: string): void {
  if (tier !== 'standard') {
    throw new PricingError(
      `${what} has no ${tier} price: only standard prices are on the pricing page`,
    );
  }
}

/** One price as the page prints it: USD per 1M tokens, per hour, per minute or per 1M characters. */
export function lookupPrice(model: string, kind: PriceKind, tier: TierId): number {
  switch (kind) {
    case 'input':
    case 'cached_input':
    case 'output':
      return tokenPrice(resolveTextModel(model), kind, tier, '');
    case 'audio_input':
    case 'audio_cached_input':
    case 'audio_output':
      return tokenPrice(resolveAudioModel(model), kind.slice(6) as TokenColumn, tier, 'audio ');
    case 'image_input':
    case 'image_cached_input':
    case 'image_output':
      return tokenPrice(
        resolveImageTokensModel(model),
        kind.slice(6) as TokenColumn,
        tier,
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
