// Columns repeat a handful of values (a tier, a batch flag, a day): parse each distinct value once.

import { PricingError } from '../pricing/errors';

/**
 * `parse` with its answers remembered, a PricingError too (rethrown for each repeat), by `key` of
 * the value (a date cell is a new object each time: its time is the key).
 */
export function remembering<T>(
  parse: (value: unknown) => T,
  key: (value: unknown) => unknown = (value) => value,
): (value: unknown) => T {
  const seen = new Map<unknown, T | PricingError>();
  return (value) => {
    const k = key(value);
    let found = seen.get(k);
    if (found === undefined) {
      try {
        found = parse(value);
      } catch (error) {
        if (!(error instanceof PricingError)) throw error;
        found = error;
      }
      if (seen.size < 10000) seen.set(k, found);
    }
    if (found instanceof PricingError) throw found;
    return found;
  };
}
