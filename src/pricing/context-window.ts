// Aggregated rows: a usage row that sums many requests (a day of an export) can hold more input
// tokens than one request can. Priced as one request it would bill at long-context rates, or look
// like a request no model accepts; so a row above the model's context window must say how many
// requests it sums.

import { PricingError } from './errors';
import type { TokenModel } from './models';
import { shownCount } from './show';

/**
 * The most input one request of the model can hold, or null when the catalog does not know it or it
 * does not bound a request: an embeddings or moderation request takes a list of inputs, each up
 * to the window (8,192 tokens for text-embedding-3), so one request can hold many windows.
 */
export function contextWindowOf(model: TokenModel): number | null {
  if (model.sectionId === 'embeddings' || model.sectionId === 'moderation') return null;
  return model.contextWindow;
}

/**
 * Throws when a row with no requests count has more input tokens than the model's context window:
 * it cannot be one request. `requestsName` is the argument or column that gives the count.
 */
export function checkOneRequest(model: TokenModel, input: number, requestsName: string): void {
  checkFitsOneRequest(model.name, contextWindowOf(model), input, requestsName);
}

/** checkOneRequest for a model known by its name and window (the sidebar's calculator). */
export function checkFitsOneRequest(
  name: string,
  window: number | null,
  input: number,
  requestsName: string,
): void {
  if (window === null || !(input > window)) return;
  throw new PricingError(() => oneRequestProblem(name, window, input, requestsName));
}

/** The message: how many input tokens, the window, and where to give the requests count. */
export function oneRequestProblem(
  name: string,
  window: number,
  input: number,
  requestsName: string,
): string {
  return `${shownCount(input)} input tokens do not fit in one ${name} request (context window ${shownCount(window)} tokens): the row sums several requests, so give their number (${requestsName})`;
}
