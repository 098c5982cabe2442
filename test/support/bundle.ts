// Loads the built dist/Code.js the way Apps Script does: one script in a fresh global scope that
// has only the globals we hand it (no require, process, setTimeout, fetch). Apps Script loads every
// file of a project into that one scope: `files` adds the dist/Vocab_*.js files (the token
// vocabularies).
import { readFileSync } from 'node:fs';
import { basename, resolve } from 'node:path';
import vm from 'node:vm';
import { vocabularyFilesIn } from '../../scripts/vocab-files';

export const CODE_PATH = resolve(__dirname, '../../dist/Code.js');
/** the token vocabularies of OPENAI_TOKENS: files of the project beside Code.js */
export const VOCAB_PATHS = vocabularyFilesIn(resolve(__dirname, '../../dist'));

export type Bundle = Record<string, (...args: unknown[]) => unknown>;

export function loadBundle(
  globals: Record<string, unknown> = {},
  files: string[] = [CODE_PATH],
): {
  context: vm.Context;
  fns: Bundle;
} {
  const context = vm.createContext({ ...globals });
  for (const file of files) {
    vm.runInContext(readFileSync(file, 'utf8'), context, { filename: basename(file) });
  }
  return { context, fns: context as unknown as Bundle };
}
