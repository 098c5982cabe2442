// Token counts of text, with OpenAI's own tokenizers (o200k_base, cl100k_base): the vocabulary is
// read from the dist/Vocab_*.js files on the first count (see ../vocabulary.ts), so no other
// function pays for it.

import { PricingError } from '../../pricing/errors';
import { named } from '../../pricing/show';
import {
  DEFAULT_ENCODING,
  type EncodingName,
  findEncoding,
  notTextModelMessage,
} from '../../tokens/encodings';
import { isBlank, isDate, optionalText } from '../cells';
import { memoized } from '../memo';
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
  throw new PricingError(`text is ${named(value)}, not text`);
}

/** A cell can hold 50,000 characters (milliseconds to count): read the clock every few cells. */
const CELLS_PER_CHECK = 16;

/**
 * Model cells repeat (often one scalar): each spelling is resolved once per call, errors too. A
 * name that is no text model throws one error per call, worded lazily for the first such name:
 * over a range only the first bad row's message is read, and 100,000 different unknown ids must
 * not each pay for an Error (its stack trace) and a "did you mean" search.
 */
function encodingReader(): (cells: unknown[]) => EncodingName {
  let unknown: PricingError | null = null;
  return memoized(
    (cells) => {
      const typed = optionalText(cells[1], 'model');
      if (typed === '') return DEFAULT_ENCODING;
      const encoding = findEncoding(typed);
      if (encoding === null) throw (unknown ??= new PricingError(() => notTextModelMessage(typed)));
      return encoding;
    },
    [1],
  );
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
  // a column of TRUE or of dates repeats one error: make it once
  const otherText = memoized((cells) => cellText(cells[0]), [0]);
  return mapCells(
    ['text', 'model'],
    [text, model],
    (cells) => {
      const encoding = encodingOf(cells);
      const value = typeof cells[0] === 'string' ? cells[0] : otherText(cells);
      return value === '' ? '' : encoderFor(encoding).count(value);
    },
    CELLS_PER_CHECK,
  );
}

/** Server call of the sidebar's token counter: the tokens of a pasted text for a model. */
export function countTokens(text: string, model: string): { tokens: number; encoding: string } {
  const encoding = encodingReader()([text, model]);
  const value = cellText(text);
  if (value === '') throw new PricingError('there is nothing to count: paste a prompt first');
  return { tokens: encoderFor(encoding).count(value), encoding };
}
