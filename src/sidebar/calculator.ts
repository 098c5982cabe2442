// The calculator's math: the very tokenCost that OPENAI_COST uses, on the prices getSidebarData
// sends, so the sidebar shows the number the inserted formula will compute.

import type { TierId } from '../pricing/catalog';
import { checkFitsOneRequest } from '../pricing/context-window';
import { tokenCost } from '../pricing/cost';
import type { PricedTiers } from '../pricing/models';
import type { CalculatorModel } from './contract';

export interface CalculatorInput {
  model: CalculatorModel;
  tier: TierId;
  input: string;
  output: string;
  cached: string;
  /** how many requests the tokens sum; blank: one request (which must fit the context window) */
  requests?: string;
  /** fields whose text the browser could not read as a number (validity.badInput) */
  unreadable?: ('input' | 'output' | 'cached' | 'requests')[];
}

export type CalculatorResult = { cost: number; formula: string } | { error: string };

/**
 * A token count typed in a field: blank is 0, anything else must be a plain number >= 0. Never a
 * silent 0: "1,000" or "12abc" is an error on that field (so is a number input's badInput, which
 * the caller passes as `unreadable`).
 */
export function readTokens(text: string, name: string, unreadable = false): number {
  const trimmed = text.trim();
  if (unreadable) throw new Error(`${name}: what is typed is not a number (digits only)`);
  if (trimmed === '') return 0;
  const n = Number(trimmed);
  if (!/^\d+(\.\d+)?(e\+?\d+)?$/i.test(trimmed) || !Number.isFinite(n)) {
    const shown = JSON.stringify(trimmed.length > 20 ? `${trimmed.slice(0, 20)}…` : trimmed);
    if (/^\d{1,3}([,.' ]\d{3})+$/.test(trimmed)) {
      throw new Error(`${name}: ${shown} is not a number (remove the thousands separators)`);
    }
    throw new Error(`${name}: ${shown} is not a number of tokens, 0 or more`);
  }
  return n;
}

/**
 * =OPENAI_COST("model",in,out[,"tier"[,cached[,"",requests]]]) with the optional arguments only
 * when needed (`requests` null: one request, the argument left out).
 */
export function costFormula(
  model: string,
  tier: TierId,
  input: number,
  output: number,
  cached: number,
  requests: number | null = null,
): string {
  const args = [`"${model.replace(/"/g, '""')}"`, String(input), String(output)];
  if (tier !== 'standard' || cached > 0 || requests !== null) args.push(`"${tier}"`);
  if (cached > 0 || requests !== null) args.push(String(cached));
  if (requests !== null) args.push('""', String(requests)); // no date: current prices
  return `=OPENAI_COST(${args.join(',')})`;
}

export function calculate({
  model,
  tier,
  input,
  output,
  cached,
  requests = '',
  unreadable = [],
}: CalculatorInput): CalculatorResult {
  try {
    const tokens = {
      input: readTokens(input, 'Input tokens', unreadable.includes('input')),
      output: readTokens(output, 'Output tokens', unreadable.includes('output')),
      cached: readTokens(cached, 'Cached input tokens', unreadable.includes('cached')),
    };
    const priced: PricedTiers = {
      name: model.model,
      tiers: model.tiers,
      rates: {},
      longContextAbove: model.longContextAbove,
    };
    const blankRequests = requests.trim() === '' && !unreadable.includes('requests');
    const requestCount = blankRequests
      ? null
      : readTokens(requests, 'Requests', unreadable.includes('requests'));
    if (requestCount !== null && !(requestCount >= 1))
      throw new Error(`Requests: ${requestCount} is fewer than one request (blank means 1)`);
    // without a requests count the tokens are one request, which must fit, as OPENAI_COST checks
    if (requestCount === null)
      checkFitsOneRequest(model.model, model.contextWindow, tokens.input, 'requests');
    const cost = tokenCost(priced, tier, {
      input: tokens.input,
      output: tokens.output,
      cached: tokens.cached,
      cacheWrite: 0,
      requests: requestCount ?? 1,
    });
    return {
      cost,
      formula: costFormula(
        model.model,
        tier,
        tokens.input,
        tokens.output,
        tokens.cached,
        requestCount,
      ),
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
