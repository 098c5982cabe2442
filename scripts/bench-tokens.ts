// npm run bench, token part: script sizes, cold starts in FRESH node processes (V8's compilation
// cache would hide the parse cost of a script that one process loads twice), the first count
// (vocabulary decode + regex compile) and tokens/s.

import { execFileSync } from 'node:child_process';
import { readFileSync, readdirSync, statSync } from 'node:fs';
import { cpus, loadavg } from 'node:os';
import { resolve } from 'node:path';
import { performance } from 'node:perf_hooks';
import vm from 'node:vm';

const ROOT = resolve(__dirname, '..');
const DIST = resolve(ROOT, 'dist');
const CODE = resolve(DIST, 'Code.js');
const VOCAB = resolve(DIST, 'Vocab.js');
const PROCESSES = 21;

// Runs in a fresh process: reads the files (untimed), loads the `preload` ones (untimed), then
// times loading the others into the same fresh vm context (as Apps Script loads a project's
// files) plus one call, and prints the milliseconds.
const CHILD = `
const { readFileSync } = require('node:fs');
const vm = require('node:vm');
const read = (list) => JSON.parse(list || '[]').map((f) => readFileSync(f, 'utf8'));
const preload = read(process.env.BENCH_PRELOAD);
const files = read(process.env.BENCH_FILES);
const call = process.env.BENCH_CALL;
const cpu = () => { const u = process.cpuUsage(); return (u.user + u.system) / 1000; };
performance.now(); cpu(); // the first call of each initialises it: keep that out of the timing
const context = vm.createContext({});
for (const source of preload) vm.runInContext(source, context);
const start = performance.now();
const startCpu = cpu();
for (const source of files) vm.runInContext(source, context);
const loaded = performance.now();
const loadedCpu = cpu();
vm.runInContext(call, context);
const end = performance.now();
const endCpu = cpu();
process.stdout.write(JSON.stringify({
  total: end - start, load: loaded - start, call: end - loaded,
  totalCpu: endCpu - startCpu, loadCpu: loadedCpu - startCpu, callCpu: endCpu - loadedCpu,
}));
`;

/** milliseconds: wall clock, and CPU time of the process (steadier on a busy machine) */
interface Timing {
  total: number;
  load: number;
  call: number;
  totalCpu: number;
  loadCpu: number;
  callCpu: number;
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
}

interface Setup {
  preload?: string[];
  files: string[];
  call: string;
}

function runChild({ preload = [], files, call }: Setup): Timing {
  const out = execFileSync(process.execPath, ['-e', CHILD], {
    env: {
      ...process.env,
      BENCH_PRELOAD: JSON.stringify(preload),
      BENCH_FILES: JSON.stringify(files),
      BENCH_CALL: call,
    },
    encoding: 'utf8',
  });
  return JSON.parse(out) as Timing;
}

/**
 * Medians over PROCESSES fresh processes per setup; the setups take turns, so a burst of load on
 * the machine hits them alike.
 */
function freshProcesses(setups: Setup[]): Timing[] {
  const runs: Timing[][] = setups.map(() => []);
  for (let k = 0; k < PROCESSES; k++) {
    setups.forEach((setup, i) => runs[i].push(runChild(setup)));
  }
  return runs.map((timings) => {
    const keys = Object.keys(timings[0]) as (keyof Timing)[];
    return Object.fromEntries(keys.map((key) => [key, median(timings.map((r) => r[key]))])) as {
      [K in keyof Timing]: number;
    };
  });
}

/** Some megabytes of real text no test wrote for the tokenizer: TypeScript's lib files. */
function bigText(): string {
  const dir = resolve(ROOT, 'node_modules/typescript/lib');
  return readdirSync(dir)
    .filter((name) => /^lib\..*\.d\.ts$/.test(name))
    .sort()
    .map((name) => readFileSync(resolve(dir, name), 'utf8'))
    .join('\n');
}

export function tokenBenchLines(): string[] {
  const lines: string[] = [
    `machine load average ${loadavg()[0].toFixed(1)} on ${cpus().length} cores (fresh-process times: medians of ${PROCESSES} processes each)`,
  ];
  const kb = (path: string) => `${(statSync(path).size / 1024).toFixed(1)} KB`;
  for (const name of ['Code.js', 'Vocab.js', 'Sidebar.html']) {
    lines.push(`${`dist/${name} size`.padEnd(44)} ${kb(resolve(DIST, name))}`);
  }
  const cost = 'OPENAI_COST("gpt-4o", 1200, 300)';
  const firstCall = (encoding: string) => `OPENAI_TOKENS("Hello, world!", "${encoding}")`;
  const [without, withVocab, codeOnly, vocabAfterCode, o200k, cl100k] = freshProcesses([
    { files: [CODE], call: cost },
    { files: [CODE, VOCAB], call: cost },
    // Vocab.js alone, timed after Code.js loaded: its cost with less of the machine's noise
    { preload: [CODE], files: [], call: cost },
    { preload: [CODE], files: [VOCAB], call: cost },
    { files: [CODE, VOCAB], call: firstCall('o200k_base') },
    { files: [CODE, VOCAB], call: firstCall('cl100k_base') },
  ]);
  const ms = (t: number) => `${t.toFixed(2)} ms`;
  const plus = (t: number) => `${t >= 0 ? '+' : ''}${ms(t)}`;
  lines.push(
    `${'OPENAI_COST cold start, fresh processes'.padEnd(44)} ${ms(without.total)} without Vocab.js, ${ms(withVocab.total)} with it (${plus(withVocab.total - without.total)})`,
    `${'  the same in CPU time'.padEnd(44)} ${ms(without.totalCpu)} without Vocab.js, ${ms(withVocab.totalCpu)} with it (${plus(withVocab.totalCpu - without.totalCpu)})`,
    `${'  of which loading the files (CPU)'.padEnd(44)} ${ms(without.loadCpu)} without Vocab.js, ${ms(withVocab.loadCpu)} with it`,
    `${'  Vocab.js alone, after Code.js'.padEnd(44)} ${plus(vocabAfterCode.total - codeOnly.total)} wall, ${plus(vocabAfterCode.totalCpu - codeOnly.totalCpu)} CPU (loading it and one OPENAI_COST call, against the call alone)`,
  );
  for (const [encoding, first] of [
    ['o200k_base', o200k],
    ['cl100k_base', cl100k],
  ] as const) {
    lines.push(
      `${`first OPENAI_TOKENS count, ${encoding}`.padEnd(44)} ${ms(first.call)} (CPU ${ms(first.callCpu)})`,
    );
  }

  // throughput in this realm (no vm interceptor on globals, as in Apps Script)
  const global = globalThis as unknown as Record<string, (...a: unknown[]) => number>;
  if (typeof global.OPENAI_TOKENS !== 'function') {
    vm.runInThisContext(readFileSync(CODE, 'utf8'), { filename: 'Code.js' });
  }
  vm.runInThisContext(readFileSync(VOCAB, 'utf8'), { filename: 'Vocab.js' });
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
