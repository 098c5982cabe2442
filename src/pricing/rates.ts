// Billing rates in micro-dollars per 1M tokens: the form the cost math sums exactly. Its own
// module so that models.ts and tiers.ts both use it without importing each other.

/**
 * Micro-dollars (USD × 1e6) per 1M tokens, null where the catalog shows "-" (not offered).
 * Catalog prices have at most 6 decimals, so these are integers and token × rate sums stay exact.
 */
export interface TokenRates {
  input: number | null;
  cachedInput: number | null;
  cacheWrite: number | null;
  output: number | null;
  /**
   * the rates above the long-context threshold: 'none' when the model has no long-context
   * pricing (long requests bill at the rates above), 'missing' when the model has it but not in
   * this tier (a long request is an error)
   */
  longContext: Omit<TokenRates, 'longContext'> | 'none' | 'missing';
}
