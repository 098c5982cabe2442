// npx tsx scripts/bench-edges.ts (after npm run build): issue 18's "must not hang" cases on the
// built bundle, printed as numbers beside a floor measured in the same run (a good 100,000-row
// column of OPENAI_PRICE) and the machine's load. Each figure is the best of a few rounds; each
// 50,000-character cell is a new string in each round, so no piece comes from the tokenizer's cache.

import { loadavg } from 'node:os';
import { basename, resolve } from 'node:path';
import { performance } from 'node:perf_hooks';
import { readFileSync } from 'node:fs';
import vm from 'node:vm';
import { vocabularyFilesIn } from './vocab-files';

const ROOT = resolve(__dirname, '..');
const ROWS = 100_000;
const ROUNDS = 3;

type Fn = (...args: unknown[]) => unknown;

const context = vm.createContext({});
for (const file of [resolve(ROOT, 'dist/Code.js'), ...vocabularyFilesIn(resolve(ROOT, 'dist'))]) {
  vm.runInContext(readFileSync(file, 'utf8'), context, { filename: basename(file) });
}
const fns = context as unknown as Record<string, Fn>;
const column = (cell: (r: number) => unknown) => Array.from({ length: ROWS }, (_, r) => [cell(r)]);

/** The best time of a few rounds, and whether the call threw (the bad cases must). */
function best(run: (round: number) => void): { ms: number; threw: boolean } {
  let least = Infinity;
  let threw = false;
  for (let round = 0; round < ROUNDS; round++) {
    const start = performance.now();
    try {
      run(round);
    } catch {
      threw = true; // the bad cases throw: their time is what counts
    }
    least = Math.min(least, performance.now() - start);
  }
  return { ms: least, threw };
}

const cases: [string, (round: number) => void][] = [
  [
    'floor: OPENAI_PRICE(100,000 × "gpt-4o", "output")',
    () =>
      fns.OPENAI_PRICE(
        column(() => 'gpt-4o'),
        'output',
      ),
  ],
  [
    'OPENAI_PRICE(100,000 rows, "outptu")',
    () =>
      fns.OPENAI_PRICE(
        column(() => 'gpt-4o'),
        'outptu',
      ),
  ],
  [
    'OPENAI_PRICE(100,000 × gpt-5-nano, "input", "priority")',
    () =>
      fns.OPENAI_PRICE(
        column(() => 'gpt-5-nano'),
        'input',
        'priority',
      ),
  ],
  [
    'OPENAI_TOOL_COST("web search", 100,000 rows, "gpt-5")',
    () =>
      fns.OPENAI_TOOL_COST(
        'web search',
        column((r) => r),
        'gpt-5',
      ),
  ],
  [
    'OPENAI_IMAGE_COST(…, 100,000 × "ultra", …)',
    () =>
      fns.OPENAI_IMAGE_COST(
        'gpt-image-1',
        column(() => 'ultra'),
        '1024x1024',
      ),
  ],
  ['OPENAI_TOKENS(100,000 × TRUE)', () => fns.OPENAI_TOKENS(column(() => true))],
  [
    'OPENAI_TOKENS(100,000 rows, 100,000 distinct unknown ids)',
    (round) =>
      fns.OPENAI_TOKENS(
        column(() => 'hi'),
        column((r) => `acme-${round}-${r}`),
      ),
  ],
  [
    'OPENAI_TOKENS(10,000 rows, 10,000 distinct unknown ids)',
    (round) =>
      fns.OPENAI_TOKENS(
        column(() => 'hi').slice(0, 10_000),
        column((r) => `acme-${round}-${r}`).slice(0, 10_000),
      ),
  ],
  [
    'OPENAI_TOKENS(one cell of 50,000 emoji)',
    (round) => fns.OPENAI_TOKENS(String.fromCodePoint(0x1f601 + round) + '😀'.repeat(49_999)),
  ],
  [
    'OPENAI_TOKENS(one cell of 50,000 CJK characters)',
    (round) => fns.OPENAI_TOKENS(String.fromCodePoint(0x4e01 + round) + '中'.repeat(49_999)),
  ],
  [
    'OPENAI_TOKENS(one cell of 50,000 lone surrogates)',
    (round) => fns.OPENAI_TOKENS('\udc00'.repeat(round + 1) + '\ud800'.repeat(49_999 - round)),
  ],
];

console.log(
  `load average ${loadavg()
    .map((n) => n.toFixed(1))
    .join(' ')}; best of ${ROUNDS} rounds`,
);
const floor = best(cases[0][1]);
for (const [name, run] of cases) {
  const { ms, threw } = name.startsWith('floor') ? floor : best(run);
  console.log(
    `${name.padEnd(62)} ${ms.toFixed(0).padStart(6)} ms  ${(ms / floor.ms).toFixed(1)}× floor${threw ? '  (an error, as a bad value should be)' : ''}`,
  );
}
