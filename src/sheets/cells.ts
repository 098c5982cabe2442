// Reading one cell the way a finance user expects: plain numbers (also typed as text), blanks as 0,
// and a clear error for anything else. Sheets passes blanks as "", dates as Date, 10% as 0.1.

import { PricingError } from '../pricing/errors';
import { isDate, quote, shown } from '../pricing/show';

const PLAIN_NUMBER = /^[+-]?(?:\d+\.?\d*|\.\d+)(?:e[+-]?\d+)?$/i;

export { isDate };

export function isBlank(value: unknown): boolean {
  return value === '' || value === null || value === undefined;
}

/** TRUE, "text" (quoted, cut), the date 2026-07-30 */
const describe = (value: unknown) =>
  typeof value === 'string' ? quote(value) : shown(value).replace(/^the number /, '');

/** A column of "1,000" repeats one error: make it once (an Error costs its stack trace). */
const problems = new Map<string, PricingError>();

function numberProblem(value: unknown, name: string): PricingError {
  const key = `${name}\u0000${typeof value}${String(value)}`;
  let problem = problems.get(key);
  if (!problem) {
    problem = describeProblem(value, name);
    if (problems.size < 10000) problems.set(key, problem);
  }
  return problem;
}

function describeProblem(value: unknown, name: string): PricingError {
  if (typeof value === 'number') {
    if (Number.isNaN(value)) return new PricingError(`${name} is not a number (NaN)`);
    if (!Number.isFinite(value))
      return new PricingError(`${name} is ${value}: the numbers are too large to compute`);
    return new PricingError(`${name} is negative (${value}); it must be 0 or more`);
  }
  if (typeof value === 'string') {
    if (/^\s*[+-]?[\d.]+(,\d{3})+(\.\d*)?\s*$/.test(value)) {
      return new PricingError(
        `${name} is the text ${describe(value)}, not a number (remove the thousands separators)`,
      );
    }
    return new PricingError(`${name} is the text ${describe(value)}, not a number`);
  }
  return new PricingError(`${name} is ${describe(value)}, not a number`);
}

/** A non-negative finite quantity; blank counts as `blank` (0 by default). */
export function quantity(value: unknown, name: string, blank = 0): number {
  if (typeof value === 'number') {
    if (value >= 0 && value !== Infinity) return value;
    throw numberProblem(value, name);
  }
  if (isBlank(value)) return blank;
  if (typeof value === 'string') {
    const trimmed = value.trim();
    if (trimmed === '') return blank;
    if (PLAIN_NUMBER.test(trimmed)) return quantity(Number(trimmed), name, blank);
  }
  throw numberProblem(value, name);
}

/** A number that may be negative (growth rates), finite. */
export function signedNumber(value: unknown, name: string, blank = 0): number {
  if (typeof value === 'number') {
    if (Number.isFinite(value)) return value;
    throw numberProblem(value, name);
  }
  if (isBlank(value)) return blank;
  if (typeof value === 'string' && PLAIN_NUMBER.test(value.trim()))
    return signedNumber(Number(value.trim()), name, blank);
  throw numberProblem(value, name);
}

/** A required name (model, tool, quality): text, not blank. */
export function requiredText(value: unknown, name: string): string {
  if (typeof value === 'string' && value.trim() !== '') return value;
  if (isBlank(value) || (typeof value === 'string' && value.trim() === '')) {
    throw new PricingError(`${name} is blank`);
  }
  if (typeof value === 'number') return String(value); // e.g. a size typed as a number
  throw new PricingError(`${name} must be text, got ${describe(value)}`);
}

/** Optional text: blank → "". */
export function optionalText(value: unknown, name: string): string {
  if (isBlank(value)) return '';
  return requiredText(value, name);
}
