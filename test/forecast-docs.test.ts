// docs/forecast.md is merged into the README: its example rows must hold against the built bundle,
// read by the same rules as test/readme.test.ts (a spilled row compares as "a,b,c").
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import vm from 'node:vm';
import { loadBundle } from './support/bundle';

const markdown = readFileSync(resolve(__dirname, '../docs/forecast.md'), 'utf8');
const rows: { formula: string; expected: string; kind: 'Result' | 'Error message' }[] = [];
let kind: 'Result' | 'Error message' | null = null;
for (const line of markdown.split('\n')) {
  const cells = line.split('|').map((c) => c.trim());
  if (cells.length < 4) kind = null;
  else if (cells[1] === 'Formula')
    kind = cells[2] === 'Result' || cells[2] === 'Error message' ? cells[2] : null;
  else if (kind && /^`=.*`$/.test(cells[1]))
    rows.push({ formula: cells[1].slice(2, -1), expected: cells[2], kind });
}
const { context } = loadBundle();

test('docs/forecast.md has results and error messages for OPENAI_FORECAST', () => {
  expect(rows.filter((r) => r.kind === 'Result').length).toBeGreaterThanOrEqual(3);
  expect(rows.filter((r) => r.kind === 'Error message').length).toBeGreaterThanOrEqual(6);
});

test.each(rows.map((r) => [r.formula, r]))('%s', (_formula, row) => {
  const { formula, expected, kind } = row as (typeof rows)[number];
  const run = () => vm.runInContext(formula, context);
  if (kind === 'Error message') expect(run).toThrow(expected.replace(/^error: /, ''));
  else expect(String(run())).toBe(expected);
});
