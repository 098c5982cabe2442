// Where the token vocabularies live: their file and function names, in one place for the build
// (scripts/vocab.ts), the deploy script and the add-on (src/sheets/vocabulary.ts). No imports: the
// deploy script reads it without the rest of the project.

/**
 * An encoding's vocabulary is split into parts of under 1 MB, one file each (scripts/vocab.ts):
 * part `part` (1, 2, ...) is the top-level function of this name, whose body holds the data in a
 * block comment. The trailing "_" keeps it private in Apps Script (not in google.script.run).
 */
export function vocabularyFunctionName(encoding: string, part: number): string {
  return `sheetsOpenAIPricingVocab_${encoding}_${part}_`;
}

/** The dist/ file that holds part `part` of an encoding's vocabulary. */
export function vocabularyFileName(encoding: string, part: number): string {
  return `Vocab_${encoding}_${part}.js`;
}

/** What every vocabulary file name looks like (the deploy script leaves them out on request). */
export const VOCABULARY_FILE = /^Vocab_[a-z0-9_]+_\d+\.js$/;
