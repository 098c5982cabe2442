// The README's function reference is part of the product: every example row of a "Result",
// "Result (spills …)" or "Error message" table is evaluated against the built dist/Code.js.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import vm from 'node:vm';
import { createPlayground } from '../scripts/playground/memory-spreadsheet';
import { parseCsv } from '../src/sheets/usage-import/csv';
import { CODE_PATH, loadBundle, VOCAB_PATHS } from './support/bundle';
import { SPEC_FUNCTIONS } from './support/spec';

interface Example {
  formula: string;
  expected: string;
  kind: 'result' | 'spill' | 'error';
}

/** The kind of example table a header cell opens: "Result", "Result (spills …)", "Error message". */
function tableKind(header: string): Example['kind'] | null {
  if (header === 'Result') return 'result';
  if (header.startsWith('Result (spills')) return 'spill';
  return header === 'Error message' ? 'error' : null;
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
      kind = tableKind(cells[2]);
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
  // these take a whole export: their examples are tables of cells, computed by
  // test/sheets/usage-bundle.test.ts ("the README's examples compute as shown")
  const wholeExport = ['OPENAI_USAGE_COST', 'OPENAI_RECONCILE'];
  for (const name of SPEC_FUNCTIONS.filter((n) => !wholeExport.includes(n))) {
    expect(names).toContain(name);
  }
  expect(rows.filter((r) => r.kind === 'error').length).toBeGreaterThanOrEqual(10);
  expect(rows.filter((r) => r.kind === 'spill').length).toBeGreaterThanOrEqual(5);
});

/** A number cell within 1e-12 (relative) of the README's text, or a text cell equal to it. */
function expectCell(value: unknown, expected: string): void {
  if (/^-?[\d.]+$/.test(expected)) {
    expect(typeof value).toBe('number');
    expect(Math.abs((value as number) - Number(expected))).toBeLessThanOrEqual(
      Math.abs(Number(expected)) * 1e-12,
    );
  } else {
    expect(String(value)).toBe(expected);
  }
}

/**
 * A spilled result as the README writes it: rows separated by " / ", a row's cells by ", ", and a
 * last row "…" when only the first rows are shown.
 */
function expectSpill(value: unknown, expected: string): void {
  const lines = expected.split(' / ');
  const firstRowsOnly = lines[lines.length - 1] === '…';
  const shown = (firstRowsOnly ? lines.slice(0, -1) : lines).map((line) => line.split(', '));
  expect(Array.isArray(value)).toBe(true);
  const grid = value as unknown[][];
  if (firstRowsOnly) expect(grid.length).toBeGreaterThan(shown.length);
  else expect(grid.length).toBe(shown.length);
  shown.forEach((cells, r) => {
    expect(grid[r]).toHaveLength(cells.length);
    cells.forEach((cell, c) => expectCell(grid[r][c], cell));
  });
}

test.each(rows.map((r) => [r.formula, r]))('%s', (_formula, example) => {
  const { formula, expected, kind } = example as Example;
  if (kind === 'error') {
    expect(() => evaluate(formula)).toThrow(expected.replace(/^error: /, ''));
    return;
  }
  const value = evaluate(formula);
  if (kind === 'spill') expectSpill(value, expected);
  else expectCell(value, expected);
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

// ---------------------------------------------------------------------------------------------
// Links: every `](#anchor)` of README.md names a heading of it, and every relative link of the
// README and docs/*.md names a file that exists (and, with a #anchor, a heading of that file).

/** GitHub's anchor of a heading: lower case, punctuation dropped, spaces as hyphens. */
function slug(heading: string): string {
  return heading
    .toLowerCase()
    .replace(/[^\p{L}\p{M}\p{N}\p{Pc} -]/gu, '')
    .replace(/ /g, '-');
}

/** The anchors of a markdown file's headings (outside code blocks), numbered as GitHub does. */
function anchors(markdown: string): Set<string> {
  const seen = new Map<string, number>();
  const out = new Set<string>();
  let fenced = false;
  for (const line of markdown.split('\n')) {
    if (line.startsWith('```')) fenced = !fenced;
    const heading = !fenced && /^#{1,6} (.+)$/.exec(line);
    if (!heading) continue;
    const base = slug(heading[1].trim());
    const n = seen.get(base) ?? 0;
    seen.set(base, n + 1);
    out.add(n === 0 ? base : `${base}-${n}`);
  }
  return out;
}

describe('links resolve', () => {
  const root = resolve(__dirname, '..');
  const docs = readdirSync(resolve(root, 'docs'))
    .filter((name) => name.endsWith('.md'))
    .map((name) => `docs/${name}`);
  const links = (file: string) =>
    Array.from(readFileSync(resolve(root, file), 'utf8').matchAll(/\]\(([^)\s]+)\)/g)).map(
      (m) => m[1],
    );

  test.each(['README.md', ...docs])('%s', (file) => {
    const broken: string[] = [];
    for (const link of links(file)) {
      if (/^[a-z]+:/.test(link)) continue; // http(s) and mailto
      const [path, anchor] = link.split('#');
      const target = path === '' ? file : join(dirname(file), path);
      if (!existsSync(resolve(root, target))) {
        broken.push(`${link} (no file ${target})`);
        continue;
      }
      if (anchor !== undefined && !anchors(readFileSync(resolve(root, target), 'utf8')).has(anchor))
        broken.push(`${link} (no heading #${anchor} in ${target})`);
    }
    expect(broken).toEqual([]);
  });

  test('the README links to every docs/ page', () => {
    const linked = new Set(links('README.md').map((link) => link.split('#')[0]));
    expect(docs.filter((doc) => !linked.has(doc))).toEqual([]);
  });
});
