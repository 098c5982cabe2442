// Cost math. Pure functions of validated quantities (non-negative, finite) and catalog prices.

import type { TierId } from './catalog';
import { PricingError } from './errors';
import { quote } from './show';
import type { ImageModel, PerUnitModel, PricedTiers } from './models';
import { billingRates, toMicros, type TokenRates } from './tiers';
import type { FineTuningRow, ToolRow } from './catalog';

function notOffered(priced: PricedTiers, what: string, kind: string, tier: TierId): PricingError {
  const where = tier === 'standard' ? '' : ` in the ${tier} tier`;
  return new PricingError(
    `${priced.name} has no ${kind}${what} price${where} (not offered): ${kind}${what} tokens must be 0 or blank`,
  );
}

// Costs are summed in micro-dollars and divided once at the end: for whole token counts the sum is
// an exact integer, so the result is the double nearest the true decimal cost (0.00275, not
// 0.0027500000000000003).
export const MICROS_PER_MILLION_TOKENS = 1e12;

/** Token counts of one usage row. Cached and cache-write tokens are part of input tokens. */
export interface TokenUsage {
  input: number;
  output: number;
  cached: number;
  cacheWrite: number;
  /** how many requests the row sums, 1 or more (long-context pricing looks at the average request) */
  requests: number;
}

/** Relative distance from a whole number within which an average request IS that whole number. */
const WHOLE_TOKENS = 1e-12;

/**
 * The input tokens of a row's average request: input ÷ requests, except that a quotient within
 * rounding of a whole number of tokens is that number. A total built in floating point from the
 * same average (=272000*523.81, a SUM) divides back one step off, 272000.00000000006: not more
 * than 272,000. No real average comes within a millionth of a millionth of a whole token.
 */
export function averageInput(input: number, requests: number): number {
  if (requests === 1) return input;
  const average = input / requests;
  const whole = Math.round(average);
  return Math.abs(average - whole) <= whole * WHOLE_TOKENS ? whole : average;
}

/** Whether a row's average request is above the model's long-context threshold. */
export function isLongContext(priced: PricedTiers, input: number, requests: number): boolean {
  return averageInput(input, requests) > priced.longContextAbove;
}

/**
 * The rates a usage row is billed at: the long-context rates for the WHOLE row when its average
 * request has more input tokens than the threshold, else the tier's rates.
 */
export function ratesForUsage(
  priced: PricedTiers,
  tier: TierId,
  averageRequestInput: number,
): Omit<TokenRates, 'longContext'> {
  const rates = billingRates(priced, tier);
  if (rates.longContext === 'none' || !(averageRequestInput > priced.longContextAbove))
    return rates;
  if (rates.longContext === 'missing') {
    throw new PricingError(
      `${priced.name} has no long-context price in the ${tier} tier: a request with more than ${priced.longContextAbove.toLocaleString('en-US')} input tokens cannot be priced there`,
    );
  }
  return rates.longContext;
}

/** A row sums one request or more: fewer (0.5) would make its average request look longer. */
export function checkRequests(requests: number): number {
  if (!(requests >= 1)) {
    throw new PricingError(
      `requests is ${requests}: a row sums at least 1 request (blank means 1)`,
    );
  }
  return requests;
}

/** Throws when cached + cache-write tokens exceed input tokens. */
export function checkInputParts(usage: Omit<TokenUsage, 'requests'>, kind = ''): void {
  if (usage.cached + usage.cacheWrite > usage.input) {
    const parts =
      usage.cacheWrite > 0
        ? `cached (${usage.cached}) plus cache-write (${usage.cacheWrite}) ${kind}tokens exceed ${kind}input tokens (${usage.input})`
        : `cached ${kind}input tokens (${usage.cached}) exceed ${kind}input tokens (${usage.input})`;
    throw new PricingError(`${parts}: they are part of input tokens`);
  }
}

/**
 * Cost in USD of token usage. `kind` names the token family in messages ("", "audio ", "image ").
 */
export function tokenCost(priced: PricedTiers, tier: TierId, usage: TokenUsage, kind = ''): number {
  checkRequests(usage.requests);
  return tokenCostForAverage(priced, tier, usage, averageInput(usage.input, usage.requests), kind);
}

/**
 * tokenCost of token counts whose average request's input tokens are known, so long context is
 * decided from them directly: a forecast month (avg_input_tokens) of any number of requests.
 */
export function tokenCostForAverage(
  priced: PricedTiers,
  tier: TierId,
  usage: Omit<TokenUsage, 'requests'>,
  averageRequestInput: number,
  kind = '',
): number {
  checkInputParts(usage, kind);
  const rates = ratesForUsage(priced, tier, averageRequestInput);
  const total = tokenMicros(rates, usage.input, usage.output, usage.cached, usage.cacheWrite);
  if (total === total) return finiteCost(total / MICROS_PER_MILLION_TOKENS);
  // NaN: a rate the usage needs is not offered; say which
  if (usage.input > usage.cached + usage.cacheWrite && rates.input === null)
    throw notOffered(priced, 'input', kind, tier);
  if (usage.cached > 0 && rates.cachedInput === null)
    throw notOffered(priced, 'cached input', kind, tier);
  if (usage.cacheWrite > 0 && rates.cacheWrite === null)
    throw notOffered(priced, 'cache-write', kind, tier);
  throw notOffered(priced, 'output', kind, tier);
}

/**
 * Micro-dollars × 1M for token counts at `rates` (divide by 1e12 for USD); NaN when a rate the
 * counts need is not offered. Callers have checked cached + cacheWrite <= input.
 */
export function tokenMicros(
  rates: Omit<TokenRates, 'longContext'>,
  inputTokens: number,
  outputTokens: number,
  cachedInputTokens: number,
  cacheWriteTokens = 0,
): number {
  const uncached = inputTokens - cachedInputTokens - cacheWriteTokens;
  let total = 0;
  if (uncached > 0) total += rates.input === null ? NaN : uncached * rates.input;
  if (cachedInputTokens > 0) {
    total += rates.cachedInput === null ? NaN : cachedInputTokens * rates.cachedInput;
  }
  if (cacheWriteTokens > 0) {
    total += rates.cacheWrite === null ? NaN : cacheWriteTokens * rates.cacheWrite;
  }
  if (outputTokens > 0) total += rates.output === null ? NaN : outputTokens * rates.output;
  return total;
}

/** price × quantity / per, computed in whole micro-dollars: `per` = units the price covers. */
export function unitCost(priceUsd: number, quantity: number, per = 1): number {
  return finiteCost((toMicros(priceUsd) * quantity) / (per * 1e6));
}

/** A cost too large for a number (quantities near 1e308) is an error, never Infinity. */
export function finiteCost(usd: number): number {
  if (!Number.isFinite(usd)) {
    throw new PricingError(
      'the cost is too large to compute: check the quantities (they are near 1e308)',
    );
  }
  return usd;
}

export function perUnitCost(model: PerUnitModel, quantity: number): number {
  return unitCost(model.price, quantity);
}

/** TTS is priced per 1M characters. */
export function charactersCost(model: PerUnitModel, characters: number): number {
  return unitCost(model.price, characters, 1e6);
}

export function trainingCost(row: FineTuningRow, quantity: number): number {
  return unitCost(row.training.price, quantity, row.training.unit === 'hour' ? 1 : 1e6);
}

/** "1024 × 1536", "1024X1536" → "1024x1536" */
export function normalizeSize(size: string): string {
  return size
    .trim()
    .toLowerCase()
    .replace(/\s*[x×*]\s*/, 'x');
}

export function imagePrice(model: ImageModel, quality: string, size: string): number {
  const wantedQuality = quality.trim().toLowerCase();
  const wantedSize = normalizeSize(size);
  const qualities = [...new Set(model.rows.map((r) => r.quality))];
  const sizes = [...new Set(model.rows.map((r) => r.size))];
  if (!qualities.includes(wantedQuality)) {
    throw new PricingError(
      `${model.name} has no quality ${quote(quality.trim())} (use ${qualities.map((q) => `"${q}"`).join(', ')})`,
    );
  }
  const row = model.rows.find((r) => r.quality === wantedQuality && r.size === wantedSize);
  if (!row) {
    throw new PricingError(
      `${model.name} has no size ${quote(size.trim())} (use ${sizes.map((s) => `"${s}"`).join(', ')})`,
    );
  }
  return row.price;
}

export function toolCost(row: ToolRow, quantity: number): number {
  return unitCost(row.price, quantity, row.per);
}
