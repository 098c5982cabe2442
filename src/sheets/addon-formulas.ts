// Which formulas the sidebar may put into a cell: calls of the add-on's own functions with literal
// arguments only. A test keeps ADDON_FUNCTIONS in step with the OPENAI_ exports of index.ts.

import { quote } from '../pricing/show';

export const ADDON_FUNCTIONS = [
  'OPENAI_COST',
  'OPENAI_AUDIO_COST',
  'OPENAI_IMAGE_TOKENS_COST',
  'OPENAI_IMAGE_COST',
  'OPENAI_MINUTES_COST',
  'OPENAI_TTS_COST',
  'OPENAI_TRAINING_COST',
  'OPENAI_TOOL_COST',
  'OPENAI_PRICE',
  'OPENAI_MODELS',
  'OPENAI_PRICE_TABLE',
  'OPENAI_COMPARE',
  'OPENAI_PRICES_AS_OF',
  'OPENAI_FORECAST',
  'OPENAI_TOKENS',
  'OPENAI_USAGE_COST',
  'OPENAI_RECONCILE',
];

/**
 * The function name if `text` is `=NAME(literal, ...)` with text ("" escapes a quote) or number
 * literals, or left-out arguments; else null. One pass over the text, no backtracking: linear time
 * whatever the input (a regular expression with nested optional parts was exponential).
 */
function addonCall(text: string): string | null {
  let k = 0;
  // one character class per test, by character code (no regular expression per character)
  const code = () => text.charCodeAt(k); // NaN past the end: every test below is then false
  const digit = () => code() >= 48 && code() <= 57;
  const at = (chars: string) => k < text.length && chars.includes(text[k]);
  const spaces = () => {
    while (k < text.length && text[k].trim() === '') k++;
  };
  if (text[k++] !== '=') return null;
  const nameStart = k;
  while ((code() >= 65 && code() <= 90) || code() === 95) k++; // A-Z, _
  const name = text.slice(nameStart, k);
  if (name === '' || text[k++] !== '(') return null;
  for (;;) {
    spaces();
    if (text[k] === '"') {
      for (k++; k < text.length; k++) {
        if (text[k] !== '"') continue;
        if (text[k + 1] === '"') k++;
        else break;
      }
      if (text[k++] !== '"') return null; // unterminated text
    } else if (digit() || at('-.')) {
      if (text[k] === '-') k++;
      const digits = k;
      while (digit()) k++;
      if (text[k] === '.') k++;
      while (digit()) k++;
      if (k === digits || (k === digits + 1 && text[digits] === '.')) return null;
      if (at('eE')) {
        k++;
        if (at('+-')) k++;
        const exponent = k;
        while (digit()) k++;
        if (k === exponent) return null;
      }
    }
    spaces();
    if (text[k] === ',') {
      k++;
      continue;
    }
    return text[k] === ')' && k === text.length - 1 ? name : null;
  }
}

/** The formula, trimmed, if it calls one of the add-on's functions with literals; else an error. */
export function checkAddonFormula(formula: unknown): string {
  const text = typeof formula === 'string' ? formula.trim() : '';
  const name = addonCall(text);
  if (!name || !ADDON_FUNCTIONS.includes(name)) {
    const text =
      typeof formula === 'string' ? formula : (JSON.stringify(formula) ?? String(formula));
    throw new Error(
      `${quote(text)} is not a formula of this add-on (an OPENAI_ function with literal arguments)`,
    );
  }
  return text;
}
