// The tier rules, in one place: which price a token is billed at in standard, Batch and flex.

import type { TierId, TokenPrices } from './catalog';
import { TIER_IDS } from './catalog';
import { PricingError } from './errors';
import type { TokenModel } from './models';

const TIER_NAMES: Record<TierId, string> = {
  standard: 'standard',
  batch: 'batch (Batch API)',
  flex: 'flex (flex processing)',
};

/** "batch", " Batch ", blank or omitted (standard) → a tier id; anything else is an error. */
export function parseTier(value: unknown): TierId {
  if (value === undefined || value === null || value === '') return 'standard';
  if (typeof value === 'string') {
    const key = value.trim().toLowerCase();
    if (key === '') return 'standard';
    if ((TIER_IDS as readonly string[]).includes(key)) return key as TierId;
  }
  throw new PricingError(
    `unknown tier ${JSON.stringify(typeof value === 'string' ? value : String(value))} (use "standard", "batch" or "flex")`,
  );
}

export function offeredTiers(model: TokenModel): TierId[] {
  return TIER_IDS.filter((tier) => model.tiers[tier] !== undefined);
}

export function tierNotOfferedMessage(name: string, tier: TierId, offered: TierId[]): string {
  return `${name} is not offered in the ${TIER_NAMES[tier]} tier (offered in: ${offered.join(', ')})`;
}

/** USD per single token, null where the page shows "-" (not offered). */
export interface TokenRates {
  input: number | null;
  cachedInput: number | null;
  output: number | null;
}

const perToken = (pricePerMillion: number | null): number | null =>
  pricePerMillion === null ? null : pricePerMillion / 1e6;

/**
 * The billing rule. Batch has no prompt-caching discount, so cached input tokens in a batch are
 * billed at the batch input rate. Outside Batch a model with no cached-input price bills cached
 * tokens at its input rate. Flex uses the page's flex table as printed.
 */
export function billingPrices(prices: TokenPrices, tier: TierId): TokenPrices {
  const cached = tier === 'batch' ? prices.input : (prices.cached_input ?? prices.input);
  return { input: prices.input, cached_input: cached, output: prices.output };
}

const ratesCache = new WeakMap<TokenModel, Partial<Record<TierId, TokenRates>>>();

/** The per-token rates a model is billed at in a tier; an error if it is not offered there. */
export function billingRates(model: TokenModel, tier: TierId): TokenRates {
  let byTier = ratesCache.get(model);
  if (!byTier) ratesCache.set(model, (byTier = {}));
  const known = byTier[tier];
  if (known) return known;
  const prices = model.tiers[tier];
  if (!prices) throw new PricingError(tierNotOfferedMessage(model.name, tier, offeredTiers(model)));
  const billed = billingPrices(prices, tier);
  const rates = {
    input: perToken(billed.input),
    cachedInput: perToken(billed.cached_input),
    output: perToken(billed.output),
  };
  byTier[tier] = rates;
  return rates;
}
