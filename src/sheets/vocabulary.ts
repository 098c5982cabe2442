// Finding the token vocabularies at run time. The dist/Vocab_<encoding>_<part>.js files (separate
// script files of the Apps Script project, each under 1 MB) define one top-level function per part
// of an encoding's vocabulary: it returns [part, parts, tokens in the part] and its body is a block
// comment holding the data, so V8 only skims the comment when the project loads, and its text is
// read through Function.prototype.toString on the first count. Apps Script loads every file of a
// project into one global scope, in any order: look them up when first needed, never at load.

import { BytePairEncoder } from '../tokens/bpe';
import type { EncodingName } from '../tokens/encodings';
import { vocabularyFileName, vocabularyFunctionName } from '../tokens/vocabulary-files';
import { PATTERNS } from '../tokens/patterns';
import { Vocabulary } from '../tokens/vocabulary';
import { PricingError } from '../pricing/errors';

const encoders: Partial<Record<EncodingName, BytePairEncoder>> = {};

/** more than any encoding is split into (scripts/vocab.ts): how far to look for a first part */
const MAX_PARTS = 9;

interface Part {
  parts: number;
  tokens: number;
  text: string;
}

function readPart(encoding: EncodingName, part: number, scope: object): Part | null {
  const holder = (scope as Record<string, unknown>)[vocabularyFunctionName(encoding, part)];
  if (typeof holder !== 'function') return null;
  const [, parts, tokens] = (holder as () => number[])();
  const source = Function.prototype.toString.call(holder);
  const start = source.indexOf('/*');
  const end = source.lastIndexOf('*/');
  if (start < 0 || end <= start) return null;
  return { parts, tokens, text: source.slice(start + 2, end) };
}

/** An encoding's vocabulary: its text and token count, or null when no file of it is installed. */
export function vocabularyText(
  encoding: EncodingName,
  scope: object = globalThis,
): { text: string; tokens: number } | null {
  const read = new Map<number, Part | null>();
  const partAt = (k: number) => {
    if (!read.has(k)) read.set(k, readPart(encoding, k, scope));
    return read.get(k)!;
  };
  let any: Part | null = null;
  for (let k = 1; k <= MAX_PARTS && !any; k++) any = partAt(k);
  if (!any) return null;
  const parts: Part[] = [];
  const missing: string[] = [];
  for (let k = 1; k <= any.parts; k++) {
    const part = partAt(k);
    if (part && part.parts === any.parts) parts.push(part);
    else missing.push(vocabularyFileName(encoding, k));
  }
  if (missing.length > 0) {
    throw new PricingError(
      `the ${encoding} token vocabulary is incomplete (${missing.join(', ')} missing or from another build): add all its Vocab_${encoding}_*.js files made by npm run build to this Apps Script project`,
    );
  }
  return {
    text: parts.map((p) => p.text).join('\n'),
    tokens: parts.reduce((sum, p) => sum + p.tokens, 0),
  };
}

export function encoderFor(encoding: EncodingName): BytePairEncoder {
  let encoder = encoders[encoding];
  if (!encoder) {
    const found = vocabularyText(encoding);
    if (found === null) {
      throw new PricingError(
        `the ${encoding} token vocabulary is not installed: add the Vocab_${encoding}_*.js files (made by npm run build) to this Apps Script project to count tokens`,
      );
    }
    const vocabulary = new Vocabulary(found.text);
    if (vocabulary.size !== found.tokens) {
      throw new PricingError(
        `the ${encoding} token vocabulary is damaged (${vocabulary.size} tokens, not ${found.tokens}): add its Vocab_${encoding}_*.js files made by npm run build again`,
      );
    }
    encoder = encoders[encoding] = new BytePairEncoder(vocabulary, PATTERNS[encoding]);
  }
  return encoder;
}
