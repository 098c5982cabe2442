// Token counts of text, with OpenAI's own tokenizers (o200k_base, cl100k_base): the vocabulary is
// read from the dist/Vocab_*.js files on the first count (see ../vocabulary.ts), so no other
// function pays for it.

import { PricingError } from '../../pricing/errors';
import { DEFAULT_ENCODING, type EncodingName, encodingFor } from '../../tokens/encodings';
import { isBlank, isDate, optionalText } from '../cells';
import { mapCells } from '../ranges';
import { encoderFor } from '../vocabulary';

/** The text of a cell to count: text as it is, a number as its plain digits; '' for a blank. */
function cellText(value: unknown): string {
  if (typeof value === 'string') return value;
  if (typeof value === 'number') {
    if (Number.isFinite(value)) return String(value);
    throw new PricingError(`text is ${value}, not text or a number`);
  }
  if (isBlank(value)) return '';
  if (typeof value === 'boolean') {
    throw new PricingError(
      `text is ${value ? 'TRUE' : 'FALSE'}, not text: OPENAI_TOKENS counts the tokens of text`,
    );
  }
  if (isDate(value)) {
    throw new PricingError(
      'text is a date, not text: to count a date as it is written, wrap it in TEXT(cell, "yyyy-mm-dd")',
    );
  }
  throw new PricingError(`text is ${String(value)}, not text`);
}

/** A cell can hold 50,000 characters (milliseconds to count): read the clock every few cells. */
const CELLS_PER_CHECK = 16;

/** Model cells repeat (often one scalar): resolve each spelling once per call. */
function encodingReader(): (value: unknown) => EncodingName {
  const seen = new Map<string, EncodingName>();
  return (value) => {
    const typed = optionalText(value, 'model');
    if (typed === '') return DEFAULT_ENCODING;
    let encoding = seen.get(typed);
    if (encoding === undefined) {
      encoding = encodingFor(typed);
      seen.set(typed, encoding);
    }
    return encoding;
  };
}

/**
 * Number of tokens of each cell's text, counted exactly with OpenAI's tokenizer (o200k_base for
 * gpt-4o, gpt-4.1, o-series and later; cl100k_base for gpt-4, gpt-3.5 and embeddings). Counts the
 * text as sent, not the few tokens of chat message framing. The first count of a recalculation
 * loads the vocabulary (tens of milliseconds).
 *
 * @param {string|Array<Array<string>>} text Text to count (a number counts as its digits); or a range of cells.
 * @param {string|Array<Array<string>>} [model] Model id, e.g. "gpt-4o" or "gpt-4"; or an encoding, "o200k_base" (default) or "cl100k_base".
 * @return {number|Array<Array<number>>} Tokens of each text; a range in gives a range out, blank cells stay blank.
 * @customfunction
 */
export function OPENAI_TOKENS(text: unknown, model?: unknown): unknown {
  const encodingOf = encodingReader();
  return mapCells(
    ['text', 'model'],
    [text, model],
    (cells) => {
      const encoding = encodingOf(cells[1]);
      const value = cellText(cells[0]);
      return value === '' ? '' : encoderFor(encoding).count(value);
    },
    CELLS_PER_CHECK,
  );
}

/** Server call of the sidebar's token counter: the tokens of a pasted text for a model. */
export function countTokens(text: string, model: string): { tokens: number; encoding: string } {
  const encoding = encodingReader()(model);
  return { tokens: encoderFor(encoding).count(cellText(text)), encoding };
}
