// npm run bench, token part: the first count in a fresh process (vocabulary decode + regex
// compile; the load itself is in the cold-start part) and tokens/s.

import { readFileSync, readdirSync } from 'node:fs';
import { basename, resolve } from 'node:path';
import { performance } from 'node:perf_hooks';
import vm from 'node:vm';
import { FreshRuns, ms } from './bench-fresh';
import { vocabularyFilesIn } from './vocab-files';

const ROOT = resolve(__dirname, '..');
const DIST = resolve(ROOT, 'dist');
const CODE = resolve(DIST, 'Code.js');

/** Some megabytes of real text no test wrote for the tokenizer: TypeScript's lib files. */
function bigText(): string {
  const dir = resolve(ROOT, 'node_modules/typescript/lib');
  return readdirSync(dir)
    .filter((name) => /^lib\..*\.d\.ts$/.test(name))
    .sort()
    .map((name) => readFileSync(resolve(dir, name), 'utf8'))
    .join('\n');
}

export function tokenBenchLines(rounds: number): string[] {
  const vocab = vocabularyFilesIn(DIST);
  const lines: string[] = [];
  const firstCount = (encoding: string) => ({
    label: encoding,
    files: [CODE, ...vocab],
    call: `OPENAI_TOKENS("Hello, world!", "${encoding}")`,
  });
  const runs = new FreshRuns([firstCount('o200k_base'), firstCount('cl100k_base')], rounds);
  for (const encoding of ['o200k_base', 'cl100k_base']) {
    lines.push(
      `${`first OPENAI_TOKENS count, ${encoding}`.padEnd(44)} ${ms(runs.median(encoding, 'call'))} (fresh processes: ${runs.machine()})`,
    );
  }

  // throughput in this realm (no vm interceptor on globals, as in Apps Script)
  const global = globalThis as unknown as Record<string, (...a: unknown[]) => number>;
  if (typeof global.OPENAI_TOKENS !== 'function') {
    vm.runInThisContext(readFileSync(CODE, 'utf8'), { filename: 'Code.js' });
  }
  for (const path of vocab) {
    vm.runInThisContext(readFileSync(path, 'utf8'), { filename: basename(path) });
  }
  const count = global.OPENAI_TOKENS;
  const text = bigText();
  for (const encoding of ['o200k_base', 'cl100k_base']) {
    count('warm up', encoding);
    const start = performance.now();
    const tokens = count(text, encoding);
    const seconds = (performance.now() - start) / 1000;
    lines.push(
      `${`OPENAI_TOKENS throughput, ${encoding}`.padEnd(44)} ${(tokens / seconds / 1e6).toFixed(2)} M tokens/s (${(text.length / 1e6).toFixed(1)} M chars, ${tokens} tokens, first pass)`,
    );
  }
  return lines;
}
