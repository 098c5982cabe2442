// Finding the token vocabularies at run time. dist/Vocab.js (a separate script file of the Apps
// Script project) defines one top-level function per encoding whose body is a block comment holding
// the data: the function is never called, so V8 only skims the comment when the project loads, and
// its text is read through Function.prototype.toString on the first count. Apps Script loads every
// file of a project into one global scope, in any order: look it up when first needed, never at load.

import { BytePairEncoder } from '../tokens/bpe';
import { type EncodingName, vocabularyFunctionName } from '../tokens/encodings';
import { PATTERNS } from '../tokens/patterns';
import { Vocabulary } from '../tokens/vocabulary';
import { PricingError } from '../pricing/errors';

const encoders: Partial<Record<EncodingName, BytePairEncoder>> = {};

/** The vocabulary text of an encoding, or null when Vocab.js is not in the project. */
export function vocabularyText(encoding: EncodingName): string | null {
  const holder = (globalThis as Record<string, unknown>)[vocabularyFunctionName(encoding)];
  if (typeof holder !== 'function') return null;
  const source = Function.prototype.toString.call(holder);
  const start = source.indexOf('/*');
  const end = source.lastIndexOf('*/');
  return start >= 0 && end > start ? source.slice(start + 2, end) : null;
}

export function encoderFor(encoding: EncodingName): BytePairEncoder {
  let encoder = encoders[encoding];
  if (!encoder) {
    const text = vocabularyText(encoding);
    if (text === null) {
      throw new PricingError(
        `the ${encoding} token vocabulary is not installed: add the file Vocab.js (made by npm run build) to this Apps Script project to count tokens`,
      );
    }
    encoder = encoders[encoding] = new BytePairEncoder(new Vocabulary(text), PATTERNS[encoding]);
  }
  return encoder;
}
