// Columns repeat a handful of values (a tier, a batch flag, a day): parse each distinct value once.

import { PricingError } from '../pricing/errors';

/** `parse` with its answers remembered, a PricingError too (rethrown for each repeat). */
export function remembering<T>(parse: (value: unknown) => T): (value: unknown) => T {
  const seen = new Map<unknown, T | PricingError>();
  return (value) => {
    let found = seen.get(value);
    if (found === undefined) {
      try {
        found = parse(value);
      } catch (error) {
        if (!(error instanceof PricingError)) throw error;
        found = error;
      }
      if (seen.size < 1000) seen.set(value, found);
    }
    if (found instanceof PricingError) throw found;
    return found;
  };
}
