// Reading one cell the way a finance user expects: plain numbers (also typed as text), blanks as 0,
// and a clear error for anything else. Sheets passes blanks as "", dates as Date, 10% as 0.1.

import { PricingError } from '../pricing/errors';
import { isDate, named } from '../pricing/show';

const PLAIN_NUMBER = /^[+-]?(?:\d+\.?\d*|\.\d+)(?:e[+-]?\d+)?$/i;
/**
 * Text that reads two ways: one dot after one to three digits (not a lone 0), then exactly three
 * digits, is one thousand in German ("1.000") and one in English. "31422.0", "0.125", "1.5" and
 * "1000.000" read one way only.
 */
const AMBIGUOUS_DOT = /^[+-]?[1-9]\d{0,2}\.\d{3}$/;
/** Thousands separated by commas ("1,000", "2,500.5") or by several dots ("1.000.000"). */
const THOUSANDS = /^[+-]?[\d.]+(?:,\d{3})+(?:\.\d*)?$|^[+-]?\d{1,3}(?:\.\d{3}){2,}(?:,\d*)?$/;

/** The number a text cell plainly holds ("1200", " 1e6 "), else NaN. */
function numberText(text: string): number {
  const trimmed = text.trim();
  return PLAIN_NUMBER.test(trimmed) && !AMBIGUOUS_DOT.test(trimmed) ? Number(trimmed) : NaN;
}

export { isDate };

export function isBlank(value: unknown): boolean {
  return value === '' || value === null || value === undefined;
}

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
    const trimmed = value.trim();
    if (THOUSANDS.test(trimmed)) {
      return new PricingError(
        `${name} is the text ${named(value)}, not a number (remove the thousands separators)`,
      );
    }
    if (AMBIGUOUS_DOT.test(trimmed)) {
      const thousands = trimmed.replace('.', '');
      return new PricingError(
        `${name} is the text ${named(value)}: the dot may be a thousands separator (${Number(thousands)}) or a decimal point (${Number(trimmed)}); type the number without a thousands separator`,
      );
    }
    return new PricingError(`${name} is the text ${named(value)}, not a number`);
  }
  return new PricingError(`${name} is ${named(value)}, not a number`);
}

/** A non-negative finite quantity; blank counts as `blank` (0 by default). */
export function quantity(value: unknown, name: string, blank = 0): number {
  if (typeof value === 'number') {
    if (value >= 0 && value !== Infinity) return value;
    throw numberProblem(value, name);
  }
  if (isBlank(value)) return blank;
  if (typeof value === 'string') {
    if (value.trim() === '') return blank;
    const number = numberText(value);
    if (number === number) return quantity(number, name, blank);
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
  if (typeof value === 'string') {
    const number = numberText(value);
    if (number === number) return signedNumber(number, name, blank);
  }
  throw numberProblem(value, name);
}

/** A required name (model, tool, quality): text, not blank. */
export function requiredText(value: unknown, name: string): string {
  if (typeof value === 'string' && value.trim() !== '') return value;
  if (isBlank(value) || (typeof value === 'string' && value.trim() === '')) {
    throw new PricingError(`${name} is blank`);
  }
  if (typeof value === 'number') return String(value); // e.g. a size typed as a number
  throw new PricingError(`${name} must be text, got ${named(value)}`);
}

/** Optional text: blank → "". */
export function optionalText(value: unknown, name: string): string {
  if (isBlank(value)) return '';
  return requiredText(value, name);
}
