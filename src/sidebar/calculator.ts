// The calculator's math: the very tokenCost that OPENAI_COST uses, on the prices getSidebarData
// sends, so the sidebar shows the number the inserted formula will compute.

import type { TierId } from '../pricing/catalog';
import { tokenCost } from '../pricing/cost';
import type { PricedTiers } from '../pricing/models';
import type { CalculatorModel } from './contract';

export interface CalculatorInput {
  model: CalculatorModel;
  tier: TierId;
  input: string;
  output: string;
  cached: string;
}

export type CalculatorResult = { cost: number; formula: string } | { error: string };

/** A token count typed in a field: blank is 0, anything else must be a whole number >= 0. */
export function readTokens(text: string, name: string): number {
  const trimmed = text.trim();
  if (trimmed === '') return 0;
  const n = Number(trimmed);
  if (!/^\d+(\.\d+)?(e\+?\d+)?$/i.test(trimmed) || !Number.isFinite(n)) {
    throw new Error(`${name} must be a number of tokens, 0 or more`);
  }
  return n;
}

/** =OPENAI_COST("model",in,out[,"tier"[,cached]]) with the optional arguments only when needed. */
export function costFormula(
  model: string,
  tier: TierId,
  input: number,
  output: number,
  cached: number,
): string {
  const args = [`"${model.replace(/"/g, '""')}"`, String(input), String(output)];
  if (tier !== 'standard' || cached > 0) args.push(`"${tier}"`);
  if (cached > 0) args.push(String(cached));
  return `=OPENAI_COST(${args.join(',')})`;
}

export function calculate({
  model,
  tier,
  input,
  output,
  cached,
}: CalculatorInput): CalculatorResult {
  try {
    const tokens = {
      input: readTokens(input, 'Input tokens'),
      output: readTokens(output, 'Output tokens'),
      cached: readTokens(cached, 'Cached input tokens'),
    };
    const priced: PricedTiers = {
      name: model.model,
      tiers: model.tiers,
      rates: {},
      longContextAbove: model.longContextAbove,
    };
    const cost = tokenCost(priced, tier, {
      input: tokens.input,
      output: tokens.output,
      cached: tokens.cached,
      cacheWrite: 0,
      requests: 1,
    });
    return {
      cost,
      formula: costFormula(model.model, tier, tokens.input, tokens.output, tokens.cached),
    };
  } catch (error) {
    return { error: (error as Error).message };
  }
}

/** USD with every significant digit up to micro-dollars: "$0.004250" → "$0.00425". */
export function formatCost(cost: number): string {
  const text = cost.toFixed(6).replace(/0{1,4}$/, '');
  const [whole, fraction] = text.split('.');
  return `$${whole.replace(/\B(?=(\d{3})+$)/g, ',')}.${fraction}`;
}
