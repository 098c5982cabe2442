// Tests never rewrite files of the repository (a screenshot used to overwrite docs/forecast.png):
// the global setup fingerprints every tracked file, the global teardown compares, and a run that
// changed one fails, naming it. Screenshots and other outputs go to artifacts/ (not tracked).
import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';

const ROOT = resolve(__dirname, '../..');

/** Tracked file → a hash of its content now ("" if it is missing). */
export function fingerprintTrackedFiles(): Map<string, string> {
  const files = execFileSync('git', ['ls-files', '-z'], { cwd: ROOT, encoding: 'utf8' })
    .split('\0')
    .filter(Boolean);
  return new Map(
    files.map((file) => {
      const path = resolve(ROOT, file);
      const hash = existsSync(path)
        ? createHash('sha1').update(readFileSync(path)).digest('hex')
        : '';
      return [file, hash];
    }),
  );
}

/** The tracked files whose content differs between two fingerprints. */
export function changedFiles(before: Map<string, string>, after: Map<string, string>): string[] {
  return [...before].filter(([file, hash]) => after.get(file) !== hash).map(([file]) => file);
}
