// npm run bench: speed and size of the built add-on, printed as numbers (not a test).
// Throughput runs the bundle in this realm (vm.runInThisContext): a vm sandbox adds an interceptor
// to every global lookup that Apps Script does not have. Cold start runs in fresh processes
// (./bench-cold.ts). The method, and how to read the figures, is in docs/speed.md.

import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { resolve } from 'node:path';
import { performance } from 'node:perf_hooks';
import vm from 'node:vm';
import { coldStartLines } from './bench-cold';
import { tokenBenchLines } from './bench-tokens';
import { importBenchLines } from './bench-import';
import { usageBenchLines } from './bench-usage';

const ROOT = resolve(__dirname, '..');
const DIST = resolve(ROOT, 'dist');
const CODE = resolve(DIST, 'Code.js');
const ROWS = 100_000;
const ROUNDS = 15;
/** fresh processes per cold-start setup (at least 15) */
const PROCESSES = 21;
const TIER_ROUNDS = 25;
/** the mixed-tier range must stay within this factor of one tier */
const MIXED_TIER_TARGET = 1.3;

type Fn = (...args: unknown[]) => unknown;

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
}

const collectGarbage = (globalThis as { gc?: () => void }).gc;

type Clock = () => number;
const wallClock: Clock = () => performance.now();
/** CPU time of this process in ms: steadier than wall time on a machine shared with other jobs */
const cpuClock: Clock = () => {
  const { user, system } = process.cpuUsage();
  return (user + system) / 1000;
};

function timeRounds(rounds: number, run: () => void, clock = wallClock): number[] {
  const times: number[] = [];
  for (let k = 0; k < rounds; k++) {
    // each round starts from a clean heap, like a fresh custom-function execution
    collectGarbage?.();
    const start = clock();
    run();
    times.push(clock() - start);
  }
  return times;
}

/** A usage export as Sheets passes it: columns of 1-cell rows, a few models, some blanks. */
function usageColumns(rows: number) {
  const models = ['gpt-4o', 'gpt-4.1-mini', 'o4-mini', 'gpt-4o-mini', 'text-embedding-3-small'];
  const model: unknown[][] = [];
  const input: unknown[][] = [];
  const output: unknown[][] = [];
  const cached: unknown[][] = [];
  for (let r = 0; r < rows; r++) {
    const name = models[r % models.length];
    const inputTokens = 500 + ((r * 7919) % 20_000);
    model.push([name]);
    input.push([inputTokens]);
    output.push([name.startsWith('text-embedding') ? '' : 100 + ((r * 104_729) % 4000)]);
    cached.push([r % 3 === 0 ? Math.floor(inputTokens / 2) : '']);
  }
  return { model, input, output, cached };
}

/** Min time of each run over interleaved rounds, so that load on the machine hits them alike. */
function interleavedMins(rounds: number, runs: (() => void)[]): number[] {
  return interleaved(rounds, runs).map((times) => Math.min(...times));
}

/** Each run's times over interleaved rounds. */
function interleaved(rounds: number, runs: (() => void)[], clock = wallClock): number[][] {
  const times: number[][] = runs.map(() => []);
  for (let k = 0; k < rounds; k++) {
    runs.forEach((run, j) => times[j].push(timeRounds(1, run, clock)[0]));
  }
  return times;
}

/** Model columns where every row is bad: one unknown id, distinct ids, distinct dated ids. */
function badModelColumns(rows: number): [string, unknown[][]][] {
  const column = (name: (r: number) => string) => Array.from({ length: rows }, (_, r) => [name(r)]);
  const pad = (n: number) => String(n).padStart(2, '0');
  return [
    ['every row "claude-3-opus"', column(() => 'claude-3-opus')],
    ['distinct ids "claude-<r>"', column((r) => `claude-${r}`)],
    [
      'distinct dated ids',
      column((r) => `gpt-9o-${2024 + (r % 50)}-${pad(1 + (r % 12))}-${pad(1 + (r % 28))}`),
    ],
  ];
}

function floorLoop(columns: ReturnType<typeof usageColumns>): unknown[][] {
  // the least any implementation must do: read each row's cells and allocate the output row
  const out: unknown[][] = new Array(ROWS);
  for (let r = 0; r < ROWS; r++) {
    const a = columns.model[r][0];
    const b = columns.input[r][0] as number;
    const c = columns.output[r][0];
    const d = columns.cached[r][0];
    out[r] = [a === '' ? '' : b + (c === '' ? 0 : (c as number)) + (d === '' ? 0 : (d as number))];
  }
  return out;
}

/** Tier columns for the same rows: one tier on every row, and the tier changing row by row. */
function tierColumns(rows: number): { one: unknown[][]; mixed: unknown[][] } {
  const spellings = ['batch', 'standard', '', 'Batch'];
  return {
    one: Array.from({ length: rows }, () => ['batch']),
    mixed: Array.from({ length: rows }, (_, r) => [spellings[(r * 7919) % 4]]),
  };
}

function optionalServiceCalls(): string[] {
  // the playground's in-memory SpreadsheetApp counts service calls (see scripts/playground)
  const module = resolve(ROOT, 'scripts/playground/memory-spreadsheet.ts');
  if (!existsSync(module)) return [];
  const lines: string[] = [];
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const playground = require(module) as Record<string, unknown>;
  for (const [name, label] of [
    ['countInsertAllCalls', '"Insert all price tables" service calls'],
    ['countForecastSheetCalls', '"Insert forecast sheet" service calls'],
  ]) {
    const count = playground[name];
    if (typeof count === 'function') lines.push(`${label.padEnd(44)} ${count()}`);
  }
  return lines;
}

async function main(): Promise<void> {
  if (!existsSync(CODE)) throw new Error('dist/Code.js is missing: run npm run build');
  const code = readFileSync(CODE, 'utf8');
  vm.runInThisContext(code, { filename: 'Code.js' });
  const global = globalThis as unknown as Record<string, Fn>;
  const columns = usageColumns(ROWS);
  const call = () =>
    global.OPENAI_COST(columns.model, columns.input, columns.output, 'batch', columns.cached);
  const check = call() as unknown[][];
  if (check.length !== ROWS || typeof check[0][0] !== 'number')
    throw new Error('unexpected result');
  for (let k = 0; k < 3; k++) call(); // warm up, as a busy sheet would be

  const rangeMs = median(timeRounds(ROUNDS, call));
  const floorMs = median(timeRounds(ROUNDS, () => floorLoop(columns)));
  const scalarCalls = 10_000;
  const scalarMs = median(
    timeRounds(ROUNDS, () => {
      for (let k = 0; k < scalarCalls; k++) global.OPENAI_COST('gpt-4o', 1200, 300, 'batch', 600);
    }),
  );
  const tiers = tierColumns(ROWS);
  const tierCall = (tier: unknown[][]) => () =>
    global.OPENAI_COST(columns.model, columns.input, columns.output, tier, columns.cached);
  for (let k = 0; k < 3; k++) tierCall(tiers.mixed)();
  // medians, not minimums: a ratio of two minimums swings with one lucky round
  const tierRuns = [tierCall(tiers.one), tierCall(tiers.mixed)];
  const [oneTierMs, mixedTierMs] = interleaved(TIER_ROUNDS, tierRuns).map(median);
  const [oneTierCpu, mixedTierCpu] = interleaved(TIER_ROUNDS, tierRuns, cpuClock).map(median);
  const bad = badModelColumns(ROWS);
  const errorCall = (model: unknown[][]) => () => {
    try {
      global.OPENAI_COST(model, columns.input, columns.output, 'batch', columns.cached);
    } catch {
      return; // the answer is the error: "row 1: unknown model …; 99999 more rows have errors"
    }
    throw new Error('a range of unknown models returned a result');
  };
  const errorMs = interleavedMins(ROUNDS, [
    call,
    () => floorLoop(columns),
    ...bad.map(([, model]) => errorCall(model)),
  ]);
  const ns = (ms: number) => (ms * 1e6) / ROWS;

  console.log(
    `sheets-openai-pricing benchmark (node ${process.version}, medians of ${ROUNDS} rounds)`,
  );
  console.log(
    `${'OPENAI_COST over a 100,000-row range'.padEnd(44)} ${ns(rangeMs).toFixed(1)} ns/row (${rangeMs.toFixed(1)} ms per call)`,
  );
  console.log(
    `${'  floor: read 4 columns + allocate rows'.padEnd(44)} ${ns(floorMs).toFixed(1)} ns/row`,
  );
  console.log(`${'  above the floor'.padEnd(44)} ${(ns(rangeMs) - ns(floorMs)).toFixed(1)} ns/row`);
  console.log(
    `${'OPENAI_COST single scalar call'.padEnd(44)} ${((scalarMs * 1e6) / scalarCalls).toFixed(0)} ns/call`,
  );
  const files = readdirSync(DIST).map(
    (name) => `${name} ${(statSync(resolve(DIST, name)).size / 1024).toFixed(1)} KB`,
  );
  console.log(`${'dist/ files (each at most 1 MB)'.padEnd(44)} ${files.join(', ')}`);
  console.log(
    `${'100,000 rows, tier column: one tier'.padEnd(44)} ${oneTierMs.toFixed(1)} ms, CPU ${oneTierCpu.toFixed(1)} ms (medians of ${TIER_ROUNDS} interleaved rounds)`,
  );
  const ratio = mixedTierMs / oneTierMs;
  const cpuRatio = mixedTierCpu / oneTierCpu;
  console.log(
    `${'  tier changing row by row'.padEnd(44)} ${mixedTierMs.toFixed(1)} ms (${ratio.toFixed(2)}× one tier), CPU ${mixedTierCpu.toFixed(1)} ms (${cpuRatio.toFixed(2)}×); target ≤ ${MIXED_TIER_TARGET}×: ${Math.max(ratio, cpuRatio) <= MIXED_TIER_TARGET ? 'met' : 'MISSED'}`,
  );
  console.log(
    `${'100,000 rows, good vs every row bad'.padEnd(44)} min of ${ROUNDS} interleaved rounds:`,
  );
  const [goodMs, floorMinMs, ...badMs] = errorMs;
  console.log(`${'  good rows (the range above)'.padEnd(44)} ${goodMs.toFixed(1)} ms`);
  console.log(`${'  floor loop'.padEnd(44)} ${floorMinMs.toFixed(1)} ms`);
  bad.forEach(([label], k) => {
    console.log(
      `${`  error path: ${label}`.padEnd(44)} ${badMs[k].toFixed(1)} ms (${(badMs[k] / goodMs).toFixed(2)}× good)`,
    );
  });
  for (const line of usageBenchLines(ROWS, ROUNDS)) console.log(line);
  for (const line of importBenchLines()) console.log(line);
  for (const line of optionalServiceCalls()) console.log(line);
  for (const line of tokenBenchLines(PROCESSES)) console.log(line);
  for (const line of await coldStartLines(PROCESSES)) console.log(line);
}

main().catch((error: Error) => {
  console.error(error.stack ?? error.message);
  process.exit(1);
});
