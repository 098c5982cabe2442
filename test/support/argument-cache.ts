// Sheets keeps a custom function's result while its arguments stay the same: the playground
// recalculates every formula after each change, so tests that need Sheets' caching wrap it here.
import type { Playground } from '../../scripts/playground/memory-spreadsheet';

const isDate = (v: unknown): v is Date => Object.prototype.toString.call(v) === '[object Date]';

/**
 * Sheets keeps a custom function's result while its arguments stay the same (even across an
 * update of the add-on): this wraps the playground's custom functions in that cache, and lets a
 * test swap in another build of them (new prices) behind it.
 */
export function withArgumentCache(playground: Playground) {
  let current = playground.book.functions;
  const cache = new Map<string, unknown>();
  const key = (name: string, args: unknown[]) =>
    `${name}${JSON.stringify(args, (_, v: unknown) => (isDate(v) ? `date:${v.getTime()}` : v))}`;
  playground.book.functions = new Proxy({} as typeof current, {
    get: (_, name) => {
      if (typeof name !== 'string') return undefined;
      const fn = current[name];
      if (!fn || !name.startsWith('OPENAI_')) return fn;
      return (...args: unknown[]) => {
        const k = key(name, args);
        if (!cache.has(k)) cache.set(k, current[name](...args));
        return cache.get(k);
      };
    },
  });
  return {
    /** the add-on is updated: later cache misses run these functions */
    swap(functions: typeof current) {
      current = functions;
      playground.book.changed();
    },
  };
}
