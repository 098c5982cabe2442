// npm run bench, import part: importUsageExport on a 100,000-row dashboard usage export (19 MB of
// CSV). What the add-on itself does (read the CSV, type 2.6 million cells, lay them out) against a
// floor measured in the same run (split the text into lines and fields, nothing else), then the
// whole import in the playground: its service calls (setValues per block of rows) and its time,
// most of which is the in-memory spreadsheet storing cells, not the add-on.

import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { performance } from 'node:perf_hooks';
import { importLayout } from '../src/sheets/usage-import/layout';
import { parseExport } from '../src/sheets/usage-import/parse';
import { createPlayground } from './playground/memory-spreadsheet';

const FIXTURE = resolve(
  __dirname,
  '../test/fixtures/i15-import/completions_usage_2026-08-30_2026-09-02.csv',
);

/** the fixture's four data rows, repeated to `rows` rows under its header */
export function largeUsageExport(rows: number): string {
  const lines = readFileSync(FIXTURE, 'utf8').trim().split('\n');
  return [lines[0], ...Array.from({ length: rows }, (_, k) => lines[2 + (k % 4)])].join('\n');
}

const minOf = (rounds: number, run: () => void) => {
  let best = Infinity;
  for (let k = 0; k < rounds; k++) {
    const start = performance.now();
    run();
    best = Math.min(best, performance.now() - start);
  }
  return best;
};

export function importBenchLines(rows = 100_000, rounds = 3): string[] {
  const text = largeUsageExport(rows);
  const floor = minOf(rounds, () => text.split('\n').map((line) => line.split(',')));
  const parse = minOf(rounds, () => importLayout(parseExport(text), null));
  const playground = createPlayground();
  playground.book.log.reset();
  const start = performance.now();
  playground.run('importUsageExport', [text]);
  const whole = performance.now() - start;
  const calls = playground.book.log.calls;
  const label = (text: string) => text.padEnd(44);
  return [
    `${label(`import ${rows.toLocaleString('en-US')} usage rows (${(text.length / 1e6).toFixed(1)} MB)`)} min of ${rounds}:`,
    `${label('  floor: split lines and fields')} ${floor.toFixed(0)} ms`,
    `${label('  read, type and lay out the table')} ${parse.toFixed(0)} ms (${(parse / floor).toFixed(1)}× floor)`,
    `${label('  whole import in the playground')} ${whole.toFixed(0)} ms, ${calls.length} service calls, ${calls.filter((c) => c === 'Range.setValues').length} setValues`,
  ];
}
