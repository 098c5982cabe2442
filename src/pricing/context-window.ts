// Aggregated rows: a usage row that sums many requests (a day of an export) can hold more input
// tokens than one request can. Priced as one request it would bill at long-context rates, or look
// like a request no model accepts; so a row above the model's context window must say how many
// requests it sums.

import { PricingError } from './errors';
import type { TokenModel } from './models';

/** The model's context window in tokens, or null when the catalog does not know it. */
export function contextWindowOf(model: TokenModel): number | null {
  // the field comes with the catalog data (branch i16-data); read defensively until every model has it
  const window = (model as { contextWindow?: number | null }).contextWindow;
  return typeof window === 'number' && window > 0 ? window : null;
}

/**
 * Throws when a row with no requests count has more input tokens than the model's context window:
 * it cannot be one request. `requestsName` is the argument or column that gives the count.
 */
export function checkOneRequest(model: TokenModel, input: number, requestsName: string): void {
  const window = contextWindowOf(model);
  if (window === null || !(input > window)) return;
  throw new PricingError(
    () =>
      `${input.toLocaleString('en-US')} input tokens do not fit in one ${model.name} request (context window ${window.toLocaleString('en-US')} tokens): the row sums several requests, so give their number (${requestsName})`,
  );
}
