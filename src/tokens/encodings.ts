// Which encoding (vocabulary + pre-tokenizer) a model uses. The rule goes by model family, as
// tiktoken's model table does, so a new snapshot of a family needs no change here; the model name
// itself must be one the price list knows (resolveTextModel), so a typo is an error, not a guess.

import { PricingError } from '../pricing/errors';
import { findTextModel, resolveTextModel } from '../pricing/models';
import { quote } from '../pricing/show';
import { nameKey, quoteList } from '../pricing/names';

export const ENCODINGS = ['o200k_base', 'cl100k_base'] as const;
export type EncodingName = (typeof ENCODINGS)[number];
export const DEFAULT_ENCODING: EncodingName = 'o200k_base';

const FAMILIES: [RegExp, EncodingName][] = [
  [
    /^(?:gpt-4o|gpt-4\.1|gpt-4\.5|gpt-5|gpt-6|o1|o3|o4|gpt-image|gpt-realtime|gpt-audio|codex|chatgpt-4o)(?:[-.]|$)/,
    'o200k_base',
  ],
  // davinci-002 and babbage-002 (the completion models that replaced GPT-3) use cl100k_base too
  [
    /^(?:gpt-4|gpt-3\.5|gpt-35|text-embedding-3|text-embedding-ada-002|davinci-002|babbage-002)(?:-|$)/,
    'cl100k_base',
  ],
];

const ENCODING_LIST = quoteList([...ENCODINGS]);

/** The encoding of a model family name (no "ft:"), or null when the family is not known. */
export function encodingOfFamily(model: string): EncodingName | null {
  const key = nameKey(model);
  for (const [family, encoding] of FAMILIES) if (family.test(key)) return encoding;
  return null;
}

/**
 * A model id of the price list (alias, snapshot or ft: id) or an encoding name → encoding; null
 * when the name is no text model of the price list (notTextModelMessage says why).
 */
export function findEncoding(typed: string): EncodingName | null {
  const key = nameKey(typed);
  if ((ENCODINGS as readonly string[]).includes(key)) return key as EncodingName;
  const model = findTextModel(typed);
  if (!model) return null;
  const encoding = encodingOfFamily(model.name.replace(/^ft:/, ''));
  if (!encoding) {
    throw new PricingError(
      `the tokenizer of ${model.name} is not published: give the encoding to count with, ${ENCODING_LIST}`,
    );
  }
  return encoding;
}

/** Why `typed` names no text model: unknown (with suggestions), or priced by other units. */
export function notTextModelMessage(typed: string): string {
  try {
    resolveTextModel(typed);
  } catch (error) {
    const message = (error as Error).message;
    if (/^(?:unknown model|no fine-tuning price)/.test(message)) {
      return `${message}; or give an encoding, ${ENCODING_LIST}`;
    }
  }
  return `${quote(typed.trim())} is not a text model: give a text model of the price list or an encoding, ${ENCODING_LIST}`;
}
