// The few Sheets built-ins the forecast sheet's formulas use beyond what the playground evaluator
// knows today (IF, ISERROR, COUNT, EDATE), handed to it as extra functions for tests only. They
// follow Sheets: EDATE keeps the day, COUNT counts numbers. The evaluator returns the first error
// among a call's arguments before calling a function, so ISERROR only ever sees non-errors here and
// IF(ISERROR(x),x,...) yields x's error: what Sheets shows.
import type { Playground } from '../../scripts/playground/memory-spreadsheet';

const isDate = (v: unknown): v is Date => Object.prototype.toString.call(v) === '[object Date]';

const BUILTINS: Record<string, (...args: unknown[]) => unknown> = {
  IF: (condition, then = true, otherwise = false) => (condition ? then : otherwise),
  ISERROR: () => false,
  COUNT: (...args) =>
    args.flat(2).filter((v) => typeof v === 'number' && Number.isFinite(v)).length,
  EDATE: (start, months) => {
    if (!isDate(start)) return '';
    return new Date(start.getFullYear(), start.getMonth() + Number(months), start.getDate());
  },
};

/** Adds the built-ins to a playground's formula functions (the bundle's OPENAI_* stay as they are). */
export function withSheetBuiltins(playground: Playground): Playground {
  const custom = playground.book.functions;
  playground.book.functions = new Proxy({} as typeof custom, {
    get: (_, name) => (typeof name === 'string' && BUILTINS[name]) || custom[name as string],
  });
  playground.book.changed();
  return playground;
}

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
