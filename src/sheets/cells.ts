// Reading one cell the way a finance user expects: plain numbers (also typed as text), blanks as 0,
// and a clear error for anything else. Sheets passes blanks as "", dates as Date, 10% as 0.1.

import { PricingError } from '../pricing/errors';

const PLAIN_NUMBER = /^[+-]?(?:\d+\.?\d*|\.\d+)(?:e[+-]?\d+)?$/i;

/** Date objects may come from another realm (Sheets, a test harness): no instanceof. */
export function isDate(value: unknown): value is Date {
  return Object.prototype.toString.call(value) === '[object Date]';
}

export function isBlank(value: unknown): boolean {
  return value === '' || value === null || value === undefined;
}

function describe(value: unknown): string {
  if (typeof value === 'string') return JSON.stringify(value);
  if (typeof value === 'boolean') return value ? 'TRUE' : 'FALSE';
  if (isDate(value)) return 'a date';
  return String(value);
}

function numberProblem(value: unknown, name: string): PricingError {
  if (typeof value === 'number') {
    if (Number.isNaN(value)) return new PricingError(`${name} is not a number (NaN)`);
    if (!Number.isFinite(value)) return new PricingError(`${name} is infinite (${value})`);
    return new PricingError(`${name} is negative (${value}); it must be 0 or more`);
  }
  if (typeof value === 'boolean')
    return new PricingError(`${name} is ${describe(value)}, not a number`);
  if (isDate(value)) return new PricingError(`${name} is a date, not a number`);
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
