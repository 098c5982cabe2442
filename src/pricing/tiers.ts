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
  const shown =
    typeof value === 'string'
      ? JSON.stringify(value)
      : Object.prototype.toString.call(value) === '[object Date]'
        ? 'a date'
        : String(value);
  throw new PricingError(`unknown tier ${shown} (use "standard", "batch" or "flex")`);
}

export function offeredTiers(model: TokenModel): TierId[] {
  return TIER_IDS.filter((tier) => model.tiers[tier] !== undefined);
}

export function tierNotOfferedMessage(name: string, tier: TierId, offered: TierId[]): string {
  return `${name} is not offered in the ${TIER_NAMES[tier]} tier (offered in: ${offered.join(', ')})`;
}

/**
 * Micro-dollars (USD × 1e6) per 1M tokens, null where the page shows "-" (not offered). Page prices
 * have at most 6 decimals, so these are integers and token × rate sums stay exact.
 */
export interface TokenRates {
  input: number | null;
  cachedInput: number | null;
  output: number | null;
}

/** USD → integer micro-dollars (the schema guarantees at most 6 decimals). */
export function toMicros(usd: number): number {
  return Math.round(usd * 1e6);
}

const micros = (price: number | null): number | null => (price === null ? null : toMicros(price));

/**
 * The billing rule. Batch has no prompt-caching discount, so cached input tokens in a batch are
 * billed at the batch input rate. Outside Batch a model with no cached-input price bills cached
 * tokens at its input rate. Flex uses the page's flex table as printed.
 */
export function billingPrices(prices: TokenPrices, tier: TierId): TokenPrices {
  const cached = tier === 'batch' ? prices.input : (prices.cached_input ?? prices.input);
  return { input: prices.input, cached_input: cached, output: prices.output };
}

/** The per-token rates a model is billed at in a tier; an error if it is not offered there. */
export function billingRates(model: TokenModel, tier: TierId): TokenRates {
  const byTier = model.rates;
  const known = byTier[tier];
  if (known) return known;
  const prices = model.tiers[tier];
  if (!prices) throw new PricingError(tierNotOfferedMessage(model.name, tier, offeredTiers(model)));
  const billed = billingPrices(prices, tier);
  const rates = {
    input: micros(billed.input),
    cachedInput: micros(billed.cached_input),
    output: micros(billed.output),
  };
  byTier[tier] = rates;
  return rates;
}
