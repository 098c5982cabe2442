// Cost math. Pure functions of validated quantities (non-negative, finite) and catalog prices.

import type { TierId } from './catalog';
import { PricingError } from './errors';
import type { ImageModel, PerUnitModel, TokenModel } from './models';
import { billingRates } from './tiers';
import type { FineTuningRow, ToolRow } from './catalog';

function notOffered(model: TokenModel, what: string, kind: string): PricingError {
  return new PricingError(
    `${model.name} has no ${kind}${what} price (the pricing page shows "-"): ${kind}${what} tokens must be 0 or blank`,
  );
}

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
  const uncached = inputTokens - cachedInputTokens;
  let cost = 0;
  if (uncached > 0) {
    if (rates.input === null) throw notOffered(model, 'input', kind);
    cost += uncached * rates.input;
  }
  if (cachedInputTokens > 0) {
    if (rates.cachedInput === null) throw notOffered(model, 'cached input', kind);
    cost += cachedInputTokens * rates.cachedInput;
  }
  if (outputTokens > 0) {
    if (rates.output === null) throw notOffered(model, 'output', kind);
    cost += outputTokens * rates.output;
  }
  return cost;
}

export function perUnitCost(model: PerUnitModel, quantity: number): number {
  return model.price * quantity;
}

/** TTS is priced per 1M characters. */
export function charactersCost(model: PerUnitModel, characters: number): number {
  return (model.price / 1e6) * characters;
}

export function trainingCost(row: FineTuningRow, quantity: number): number {
  return row.training.unit === 'hour'
    ? row.training.price * quantity
    : (row.training.price / 1e6) * quantity;
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
  return (row.price / row.per) * quantity;
}
