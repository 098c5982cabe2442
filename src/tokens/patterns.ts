// The pre-tokenizer regexes of tiktoken's encodings, rewritten for JavaScript with tiktoken's (Rust)
// meaning kept: `\s` there is Unicode White_Space (U+0085 is white space, U+FEFF is not), which
// JavaScript's `\s` is not; and JavaScript before ES2025 has no `(?i:...)` group, so the
// contractions spell out their cases (Rust's case folding also lets `s` match U+017F, "ſ").

import type { EncodingName } from './encodings';

const SPACE = '\\p{White_Space}';
const NOT_SPACE = '\\P{White_Space}';
const CONTRACTION = "'(?:[sS\\u017f]|[tT]|[rR][eE]|[vV][eE]|[mM]|[lL][lL]|[dD])";
const UPPER = '[\\p{Lu}\\p{Lt}\\p{Lm}\\p{Lo}\\p{M}]';
const LOWER = '[\\p{Ll}\\p{Lm}\\p{Lo}\\p{M}]';
const NOT_LETTER_NUMBER_NEWLINE = '[^\\r\\n\\p{L}\\p{N}]';
const PUNCTUATION = `[^${SPACE}\\p{L}\\p{N}]+`;
const SPACES = `${SPACE}*[\\r\\n]+|${SPACE}+(?!${NOT_SPACE})|${SPACE}+`;

/** tiktoken's pat_str of each encoding, as a JavaScript pattern (flags "gu"). */
export const PATTERNS: Record<EncodingName, string> = {
  // (?i:'s|'t|'re|'ve|'m|'ll|'d)|[^\r\n\p{L}\p{N}]?\p{L}+|\p{N}{1,3}| ?[^\s\p{L}\p{N}]+[\r\n]*|\s*[\r\n]+|\s+(?!\S)|\s+
  cl100k_base: `${CONTRACTION}|${NOT_LETTER_NUMBER_NEWLINE}?\\p{L}+|\\p{N}{1,3}| ?${PUNCTUATION}[\\r\\n]*|${SPACES}`,
  // words split at case changes, contractions attached; punctuation keeps a trailing / or newline
  o200k_base: [
    `${NOT_LETTER_NUMBER_NEWLINE}?${UPPER}*${LOWER}+(?:${CONTRACTION})?`,
    `${NOT_LETTER_NUMBER_NEWLINE}?${UPPER}+${LOWER}*(?:${CONTRACTION})?`,
    `\\p{N}{1,3}`,
    ` ?${PUNCTUATION}[\\r\\n/]*`,
    SPACES,
  ].join('|'),
};
