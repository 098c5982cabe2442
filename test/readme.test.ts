// The README's function reference is part of the product: every example row of a "Result" or
// "Error message" table is evaluated against the built dist/Code.js.
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import vm from 'node:vm';
import { CODE_PATH, loadBundle, VOCAB_PATH } from './support/bundle';
import { SPEC_FUNCTIONS } from './support/spec';

interface Example {
  formula: string;
  expected: string;
  kind: 'result' | 'error';
}

function examples(markdown: string): Example[] {
  const out: Example[] = [];
  let kind: Example['kind'] | null = null;
  for (const line of markdown.split('\n')) {
    const cells = line.split('|').map((c) => c.trim());
    if (cells.length < 4) {
      kind = null;
      continue;
    }
    if (cells[1] === 'Formula') {
      kind = cells[2] === 'Result' ? 'result' : cells[2] === 'Error message' ? 'error' : null;
      continue;
    }
    const formula = /^`(=.*)`$/.exec(cells[1]);
    if (kind && formula) out.push({ formula: formula[1], expected: cells[2], kind });
  }
  return out;
}

const readme = readFileSync(resolve(__dirname, '../README.md'), 'utf8');
const rows = examples(readme);
// the whole project, as deployed: Code.js and the token vocabularies of OPENAI_TOKENS
const { context } = loadBundle({}, [CODE_PATH, VOCAB_PATH]);
// the formulas use only literals, calls and arithmetic, which read the same in JavaScript
const evaluate = (formula: string) => vm.runInContext(formula.slice(1), context);

test('the README has examples for every function of the formula reference', () => {
  const names = new Set(rows.map((r) => /^=(\w+)/.exec(r.formula)![1]));
  // these spill tables (and the usage-export ones take a whole export): their examples are prose
  // and tables of cells
  const spilled = [
    'OPENAI_MODELS',
    'OPENAI_PRICE_TABLE',
    'OPENAI_COMPARE',
    'OPENAI_USAGE_COST',
    'OPENAI_RECONCILE',
  ];
  for (const name of SPEC_FUNCTIONS.filter((n) => !spilled.includes(n))) {
    expect(names).toContain(name);
  }
  expect(rows.filter((r) => r.kind === 'error').length).toBeGreaterThanOrEqual(10);
});

test.each(rows.map((r) => [r.formula, r]))('%s', (_formula, example) => {
  const { formula, expected, kind } = example as Example;
  if (kind === 'error') {
    expect(() => evaluate(formula)).toThrow(expected.replace(/^error: /, ''));
    return;
  }
  const value = evaluate(formula);
  if (/^-?[\d.]+$/.test(expected)) {
    expect(typeof value).toBe('number');
    expect(Math.abs((value as number) - Number(expected))).toBeLessThanOrEqual(
      Math.abs(Number(expected)) * 1e-12,
    );
  } else {
    expect(String(value)).toBe(expected);
  }
});
