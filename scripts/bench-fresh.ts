// Cold starts measured as Apps Script pays them: every execution (each custom-function cell, menu
// click, sidebar call) starts a fresh script engine that loads every file of the project. Each run
// is a new `node` process (one process that loads a script twice would reuse V8's compiled code and
// hide most of the cost) that reads the files (untimed), creates a bare vm context (untimed, the
// engine's own cost), then times compiling and running each file into that context, as Apps
// Script loads a project's files into one global scope, and then the calls.
//
// The setups take turns round after round, the empty script among them, so that a burst of load on
// the machine hits them alike; each setup's figure above the empty script is the median of its
// per-round differences (the paired runs a few milliseconds apart), beside the medians themselves.

import { execFileSync } from 'node:child_process';
import { cpus, loadavg } from 'node:os';

const CHILD = `
const { readFileSync } = require('node:fs');
const vm = require('node:vm');
const files = JSON.parse(process.env.BENCH_FILES).map((f) => [f, readFileSync(f, 'utf8')]);
const call = process.env.BENCH_CALL;
const cpu = () => { const u = process.cpuUsage(); return (u.user + u.system) / 1000; };
performance.now(); cpu(); // the first call of each initialises it: keep that out of the timing
const context = vm.createContext({});
const start = performance.now();
const startCpu = cpu();
let compile = 0;
for (const [filename, source] of files) {
  const before = performance.now();
  const script = new vm.Script(source, { filename });
  compile += performance.now() - before;
  script.runInContext(context);
}
const loaded = performance.now();
const loadedCpu = cpu();
if (call) vm.runInContext(call, context);
const end = performance.now();
const endCpu = cpu();
process.stdout.write(JSON.stringify({
  load: loaded - start, compile, call: end - loaded, total: end - start,
  loadCpu: loadedCpu - startCpu, totalCpu: endCpu - startCpu,
}));
`;

/** milliseconds, wall clock unless named Cpu (CPU time of the process: steadier on a busy machine) */
export interface Timing {
  /** compiling and running every file (the top-level code) */
  load: number;
  /** of which compiling */
  compile: number;
  /** the calls after loading */
  call: number;
  total: number;
  loadCpu: number;
  totalCpu: number;
}
export type Measure = keyof Timing;

export interface Setup {
  label: string;
  /** files loaded in this order into one fresh context */
  files: string[];
  /** JavaScript run after loading, e.g. 'OPENAI_COST("gpt-4o", 1200, 300)' */
  call?: string;
}

function runChild({ files, call = '' }: Setup): Timing {
  const out = execFileSync(process.execPath, ['-e', CHILD], {
    env: { ...process.env, BENCH_FILES: JSON.stringify(files), BENCH_CALL: call },
    encoding: 'utf8',
  });
  return JSON.parse(out) as Timing;
}

export function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
}

/** [first quartile, third quartile]: how far the runs spread */
export function quartiles(values: number[]): [number, number] {
  const sorted = [...values].sort((a, b) => a - b);
  const at = (q: number) =>
    sorted[Math.min(sorted.length - 1, Math.round(q * (sorted.length - 1)))];
  return [at(0.25), at(0.75)];
}

/** The runs of a set of setups, each one run per round, `baseline` (the empty script) first. */
export class FreshRuns {
  readonly runs: Timing[][];
  readonly loadBefore = loadavg()[0];
  readonly loadAfter: number;

  constructor(
    readonly setups: Setup[],
    readonly rounds: number,
  ) {
    this.runs = setups.map(() => []);
    for (let k = 0; k < rounds; k++) {
      setups.forEach((setup, i) => this.runs[i].push(runChild(setup)));
    }
    this.loadAfter = loadavg()[0];
  }

  private index(label: string): number {
    const i = this.setups.findIndex((s) => s.label === label);
    if (i < 0) throw new Error(`no setup ${label}`);
    return i;
  }

  /** The median of one measure of a setup's runs. */
  median(label: string, measure: Measure): number {
    return median(this.runs[this.index(label)].map((t) => t[measure]));
  }

  /** The per-round differences `label` minus `other` of a measure (paired runs). */
  differences(label: string, other: string, measure: Measure): number[] {
    const a = this.runs[this.index(label)];
    const b = this.runs[this.index(other)];
    return a.map((t, k) => t[measure] - b[k][measure]);
  }

  /** The median per-round difference `label` minus `other`. */
  above(label: string, other: string, measure: Measure): number {
    return median(this.differences(label, other, measure));
  }

  machine(): string {
    return `load average ${this.loadBefore.toFixed(1)} before, ${this.loadAfter.toFixed(1)} after, on ${cpus().length} cores; ${this.rounds} fresh processes per setup, interleaved`;
  }
}

export const ms = (t: number): string => `${t.toFixed(2)} ms`;
export const plus = (t: number): string => `${t >= 0 ? '+' : ''}${ms(t)}`;
