// The tier rules, in one place: which price a token is billed at in standard, Batch, flex and
// priority, for cached input, cache writes and long-context requests.

import type { TierId, TokenPrices } from './catalog';
import { TIER_IDS } from './catalog';
import { PricingError } from './errors';
import { named } from './show';
import type { PricedTiers } from './models';
import type { TokenRates } from './rates';

export type { TokenRates } from './rates';

const TIER_NAMES: Record<TierId, string> = {
  standard: 'standard',
  batch: 'batch (Batch API)',
  flex: 'flex (flex processing)',
  priority: 'priority (priority processing)',
};

const TIER_LIST = '"standard", "batch", "flex" or "priority"';

/** "batch", " Batch ", blank or omitted (standard) → a tier id; anything else is an error. */
export function parseTier(value: unknown): TierId {
  if (value === undefined || value === null || value === '') return 'standard';
  if (typeof value === 'string') {
    const key = value.trim().toLowerCase();
    if (key === '') return 'standard';
    if ((TIER_IDS as readonly string[]).includes(key)) return key as TierId;
  }
  throw new PricingError(`unknown tier ${named(value)} (use ${TIER_LIST})`);
}

export function offeredTiers(priced: PricedTiers): TierId[] {
  return TIER_IDS.filter((tier) => priced.tiers[tier] !== undefined);
}

export function tierNotOfferedMessage(name: string, tier: TierId, offered: TierId[]): string {
  return `${name} is not offered in the ${TIER_NAMES[tier]} tier (offered in: ${offered.join(', ')})`;
}

/** The prices of a tier; an error listing the offered tiers if the model lacks it. */
export function tierPrices(priced: PricedTiers, tier: TierId): TokenPrices {
  const prices = priced.tiers[tier];
  if (!prices)
    throw new PricingError(tierNotOfferedMessage(priced.name, tier, offeredTiers(priced)));
  return prices;
}

/** USD → integer micro-dollars (the schema guarantees at most 6 decimals). */
export function toMicros(usd: number): number {
  return Math.round(usd * 1e6);
}

const micros = (price: number | null | undefined): number | null =>
  price === null || price === undefined ? null : toMicros(price);

/**
 * The billing rule: cached input tokens and cache writes are billed at the tier's cached-input and
 * cache-write prices, and where the tier has none, at its input rate. So in Batch, which has no
 * prompt-caching discount before the gpt-5 family (src/pricing/batch.ts), cached tokens bill at
 * the batch input rate; cache writes have no Batch price and bill at the batch input rate too.
 */
function billed(
  prices: Pick<TokenPrices, 'input' | 'cached_input' | 'output' | 'cache_write'>,
): Omit<TokenRates, 'longContext'> {
  return {
    input: micros(prices.input),
    cachedInput: micros(prices.cached_input ?? prices.input),
    cacheWrite: micros(prices.cache_write ?? prices.input),
    output: micros(prices.output),
  };
}

/** The per-token rates a model is billed at in a tier; an error if it is not offered there. */
export function billingRates(priced: PricedTiers, tier: TierId): TokenRates {
  const known = priced.rates[tier];
  if (known) return known;
  const prices = tierPrices(priced, tier);
  const modelHasLongContext = priced.tiers.standard?.long_context !== undefined;
  const rates: TokenRates = {
    ...billed(prices),
    longContext: prices.long_context
      ? billed(prices.long_context)
      : modelHasLongContext
        ? 'missing'
        : 'none',
  };
  priced.rates[tier] = rates;
  return rates;
}
