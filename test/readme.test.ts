// The README's function reference is part of the product: every example row of a "Result" or
// "Error message" table is evaluated against the built dist/Code.js.
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import vm from 'node:vm';
import { createPlayground } from '../scripts/playground/memory-spreadsheet';
import { parseCsv } from '../src/sheets/usage-import/csv';
import { CODE_PATH, loadBundle, VOCAB_PATHS } from './support/bundle';
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
const { context } = loadBundle({}, [CODE_PATH, ...VOCAB_PATHS]);
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

// ---------------------------------------------------------------------------------------------
// The usage-export recipe (Budgeting recipes): its cell/formula lines, typed into the playground
// beside a usage export brought in as File → Import does (text as typed: "4.0" a number, "False"
// a boolean), with a cost export in the sheet 'OpenAI costs'. Every cell is checked against the
// add-on's functions called directly.

/** the "A1  =FORMULA" lines of the code block after the recipe's title */
function recipe(markdown: string): { cell: string; formula: string }[] {
  const from = markdown.indexOf('**A usage export, priced as billed.**');
  const block = /```\n([\s\S]*?)```/.exec(markdown.slice(from))![1];
  return block
    .trim()
    .split('\n')
    .map((line) => /^([A-Z]+\d+) {2}(=.*)$/.exec(line)!)
    .map(([, cell, formula]) => ({ cell, formula }));
}

describe('the usage-export recipe runs verbatim', () => {
  const lines = recipe(readme);
  const fixtures = resolve(__dirname, 'fixtures/i15-import');
  const playground = createPlayground();
  const spreadsheet = playground.SpreadsheetApp.getActiveSpreadsheet();
  for (const [name, file] of [
    ['OpenAI usage', 'completions_usage_2026-08-30_2026-09-02.csv'],
    ['OpenAI costs', 'cost_2026-08-30_2026-09-02.csv'],
  ]) {
    const rows = parseCsv(readFileSync(resolve(fixtures, file), 'utf8'));
    spreadsheet.insertSheet(name).getRange(1, 1, rows.length, rows[0].length).setValues(rows);
  }
  const usage = spreadsheet.getSheetByName('OpenAI usage')!;
  usage.insertColumnsAfter(26, 10); // "add a few columns to its right first"
  for (const { cell, formula } of lines) usage.getRange(cell).setFormula(formula);
  const values = (a1: string) => usage.getRange(a1).getValues();
  const table = values('A1:Z1000');
  const costs = playground.fns.OPENAI_USAGE_COST(table) as unknown[][];
  const numbers = (column: unknown[][]) =>
    column.flat().filter((v): v is number => typeof v === 'number');

  test('the block has the four formulas the text explains', () => {
    expect(lines.map((l) => l.cell)).toEqual(['AA1', 'AC1', 'AC2', 'AC4']);
  });

  test('AA1 spills what OPENAI_USAGE_COST gives for the export, row by row', () => {
    expect(values('AA1:AA1000')).toEqual(costs);
    expect(costs[0][0]).toBe('cost_usd: 1 rows not priced');
    expect(numbers(costs)).toHaveLength(3);
  });

  test('AC1 is the total, AC2 the cost of August 2026 (UTC days)', () => {
    const total = numbers(costs.slice(1)).reduce((a, b) => a + b, 0);
    expect(values('AC1')[0][0]).toBeCloseTo(total, 12);
    const august = costs.slice(1).filter((_, k) => String(table[k + 1][2]).startsWith('2026-08'));
    expect(values('AC2')[0][0]).toBeCloseTo(
      numbers(august).reduce((a, b) => a + b, 0),
      12,
    );
    expect(values('AC2')[0][0]).not.toBe(0);
  });

  test("AC4 spills OPENAI_RECONCILE of the export and 'OpenAI costs'", () => {
    const bill = spreadsheet.getRange("'OpenAI costs'!A1:P1000").getValues();
    const expected = playground.fns.OPENAI_RECONCILE(table, bill) as unknown[][];
    expect(values(`AC4:AG${3 + expected.length}`)).toEqual(expected);
    expect(expected[expected.length - 1][0]).toBe('total');
  });
});
