// The token vocabulary files of a built dist/ (see src/tokens/vocabulary-files.ts). Small on
// purpose: the deploy script runs with only this and that module beside it.

import { existsSync, readdirSync } from 'node:fs';
import { resolve } from 'node:path';
import { VOCABULARY_FILE } from '../src/tokens/vocabulary-files';

/** The vocabulary files in `dir` (dist/), as paths, in name order; none when not built. */
export function vocabularyFilesIn(dir: string): string[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir)
    .filter((name) => VOCABULARY_FILE.test(name))
    .sort()
    .map((name) => resolve(dir, name));
}
