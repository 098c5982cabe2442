// Cost math. Pure functions of validated quantities (non-negative, finite) and catalog prices.

import type { TierId } from './catalog';
import { PricingError } from './errors';
import type { ImageModel, PerUnitModel, TokenModel } from './models';
import { billingRates, toMicros, type TokenRates } from './tiers';
import type { FineTuningRow, ToolRow } from './catalog';

function notOffered(model: TokenModel, what: string, kind: string): PricingError {
  return new PricingError(
    `${model.name} has no ${kind}${what} price (the pricing page shows "-"): ${kind}${what} tokens must be 0 or blank`,
  );
}

// Costs are summed in micro-dollars and divided once at the end: for whole token counts the sum is
// an exact integer, so the result is the double nearest the true decimal cost (0.00275, not
// 0.0027500000000000003).
export const MICROS_PER_MILLION_TOKENS = 1e12;

/**
 * Cost in USD of token usage. `kind` names the token family in messages ("", "audio ", "image ").
 * Cached input tokens are part of input tokens (as OpenAI reports usage).
 */
export function tokenCost(
  model: TokenModel,
  tier: TierId,
  inputTokens: number,
  outputTokens: number,
  cachedInputTokens: number,
  kind = '',
): number {
  if (cachedInputTokens > inputTokens) {
    throw new PricingError(
      `cached ${kind}input tokens (${cachedInputTokens}) exceed ${kind}input tokens (${inputTokens}): cached tokens are part of input tokens`,
    );
  }
  const rates = billingRates(model, tier);
  const micros = tokenMicros(rates, inputTokens, outputTokens, cachedInputTokens);
  if (micros === micros) return finiteCost(micros / MICROS_PER_MILLION_TOKENS);
  // NaN: a rate the usage needs is not offered; say which
  if (inputTokens > cachedInputTokens && rates.input === null)
    throw notOffered(model, 'input', kind);
  if (cachedInputTokens > 0 && rates.cachedInput === null) {
    throw notOffered(model, 'cached input', kind);
  }
  throw notOffered(model, 'output', kind);
}

/**
 * Micro-dollars × 1M for token counts at `rates` (divide by 1e12 for USD); NaN when a rate the
 * counts need is not offered. Callers have checked cached <= input.
 */
export function tokenMicros(
  rates: TokenRates,
  inputTokens: number,
  outputTokens: number,
  cachedInputTokens: number,
): number {
  const uncached = inputTokens - cachedInputTokens;
  let micros = 0;
  if (uncached > 0) micros += rates.input === null ? NaN : uncached * rates.input;
  if (cachedInputTokens > 0) {
    micros += rates.cachedInput === null ? NaN : cachedInputTokens * rates.cachedInput;
  }
  if (outputTokens > 0) micros += rates.output === null ? NaN : outputTokens * rates.output;
  return micros;
}

/** price × quantity / per, computed in whole micro-dollars: `per` = units the price covers. */
export function unitCost(priceUsd: number, quantity: number, per = 1): number {
  return finiteCost((toMicros(priceUsd) * quantity) / (per * 1e6));
}

/** A cost too large for a number (quantities near 1e308) is an error, never Infinity. */
export function finiteCost(usd: number): number {
  if (usd === Infinity) {
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
      `${model.name} has no quality "${quality.trim()}" (use ${qualities.map((q) => `"${q}"`).join(', ')})`,
    );
  }
  const row = model.rows.find((r) => r.quality === wantedQuality && r.size === wantedSize);
  if (!row) {
    throw new PricingError(
      `${model.name} has no size "${size.trim()}" (use ${sizes.map((s) => `"${s}"`).join(', ')})`,
    );
  }
  return row.price;
}

export function toolCost(row: ToolRow, quantity: number): number {
  return unitCost(row.price, quantity, row.per);
}
