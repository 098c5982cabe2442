// The sidebar calculator computes what the inserted =OPENAI_COST(...) formula computes.
import fc from 'fast-check';
import type { TierId } from '../../src/pricing/catalog';
import { calculate, costFormula, formatCost, readTokens } from '../../src/sidebar/calculator';
import { errorMessage, MULTI_ACCOUNT_HINT } from '../../src/sidebar/server';
import type { SidebarData } from '../../src/sidebar/contract';
import { createPlayground } from '../../scripts/playground/memory-spreadsheet';

const playground = createPlayground();
const data = playground.run('getSidebarData') as SidebarData;

test('cost equals OPENAI_COST of the built bundle, and so does the formula in a cell', () => {
  const sheet = playground.SpreadsheetApp.getActiveSpreadsheet().getActiveSheet();
  fc.assert(
    fc.property(
      fc.constantFrom(...data.textModels),
      fc.nat(5_000_000),
      fc.nat(2_000_000),
      fc.nat(100),
      fc.option(fc.integer({ min: 1, max: 500 })),
      (model, input, output, cachedPercent, requests) => {
        const cached = Math.floor((input * cachedPercent) / 100);
        for (const tier of Object.keys(model.tiers) as TierId[]) {
          const result = calculate({
            model,
            tier,
            input: String(input),
            output: String(output),
            cached: cached ? String(cached) : '',
            requests: requests === null ? '' : String(requests),
          });
          let expected: unknown;
          try {
            expected = playground.fns.OPENAI_COST(
              model.model,
              input,
              output,
              tier,
              cached,
              '',
              requests ?? '',
            );
          } catch (error) {
            expect(result).toEqual({ error: (error as Error).message });
            continue;
          }
          if ('error' in result) throw new Error(result.error);
          expect(result.cost).toBe(expected);
          sheet.getRange('A1').setFormula(result.formula);
          expect(sheet.getRange('A1').getValue()).toBe(expected);
        }
      },
    ),
    { numRuns: 60 },
  );
});

test('formula text and input checks', () => {
  expect(costFormula('gpt-4o', 'standard', 1000, 500, 0)).toBe('=OPENAI_COST("gpt-4o",1000,500)');
  expect(costFormula('gpt-4o', 'batch', 1000, 500, 0)).toBe(
    '=OPENAI_COST("gpt-4o",1000,500,"batch")',
  );
  expect(costFormula('gpt-4o', 'standard', 1000, 500, 200)).toBe(
    '=OPENAI_COST("gpt-4o",1000,500,"standard",200)',
  );
  expect(costFormula('gpt-4o', 'standard', 1000000, 500, 0, 10)).toBe(
    '=OPENAI_COST("gpt-4o",1000000,500,"standard",0,"",10)',
  );
  expect(readTokens(' ', 'x')).toBe(0);
  expect(() => readTokens('-5', 'Input tokens')).toThrow(
    'Input tokens: "-5" is not a number of tokens, 0 or more',
  );
  expect(() => readTokens('1,000', 'Input tokens')).toThrow(
    'Input tokens: "1,000" is not a number (remove the thousands separators)',
  );
  expect(() => readTokens('12abc', 'Output tokens')).toThrow('"12abc" is not a number of tokens');
  // what a number input reports as badInput (its value is "" then) is never read as 0
  expect(() => readTokens('', 'Input tokens', true)).toThrow(/not a number/);
  expect(formatCost(0.00425)).toBe('$0.00425');
  expect(formatCost(12.5)).toBe('$12.50');
  expect(formatCost(1234.000001)).toBe('$1,234.000001');
  const model = data.textModels.find((m) => m.model === 'gpt-4o')!;
  expect(calculate({ model, tier: 'standard', input: '10', output: '1', cached: '20' })).toEqual({
    error: expect.stringMatching(/cached input tokens \(20\) exceed input tokens \(10\)/),
  });
  // more input than one gpt-4o request holds: the Requests field says how many it sums
  const big = { model, tier: 'standard' as TierId, input: '1000000', output: '0', cached: '' };
  expect(calculate(big)).toEqual({
    error: expect.stringMatching(/do not fit in one gpt-4o request .*\(requests\)$/),
  });
  expect(calculate({ ...big, requests: '10' })).toEqual({
    cost: 2.5,
    formula: '=OPENAI_COST("gpt-4o",1000000,0,"standard",0,"",10)',
  });
  expect(calculate({ ...big, requests: '0.5' })).toEqual({
    error: 'Requests: 0.5 is fewer than one request (blank means 1)',
  });
});

test('a PERMISSION_DENIED from google.script.run says to use one signed-in account', () => {
  const raw = "We're sorry, a server error occurred: PERMISSION_DENIED";
  expect(errorMessage(new Error(raw))).toBe(`${MULTI_ACCOUNT_HINT} (${raw})`);
  expect(MULTI_ACCOUNT_HINT).toMatch(/signed into one Google account/);
  expect(errorMessage(new Error('select a cell first'))).toBe('select a cell first');
});
