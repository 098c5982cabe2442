// The column fast path must agree with the general range engine on every row it accepts, and
// hand every row it cannot price to the general path (which words the error).
import fc from 'fast-check';
import { OPENAI_COST } from '../../src/sheets/functions/costs';
import { tokenCostColumns } from '../../src/sheets/functions/token-columns';
import { resolveTextModel } from '../../src/pricing/models';
import { parseTier } from '../../src/pricing/tiers';
import { dayReader } from '../../src/sheets/dates';

const MODELS = [
  'gpt-4o',
  'GPT-4.1-mini ',
  'o4-mini',
  'text-embedding-3-small',
  'o1-pro',
  'ft:gpt-4o-mini',
];
const TIERS = ['', 'standard', 'batch', 'flex', 'Batch'];

const cell = fc.oneof(
  fc.constant(''),
  fc.nat({ max: 5_000_000 }),
  fc.double({ min: 0, max: 1e6, noNaN: true }),
);
const row = fc.record({
  model: fc.constantFrom(...MODELS, ''),
  input: cell,
  output: cell,
  tier: fc.constantFrom(...TIERS),
  cachedShare: fc.double({ min: 0, max: 1, noNaN: true }),
});

function scalarCost(
  model: unknown,
  input: unknown,
  output: unknown,
  tier: unknown,
  cached: unknown,
) {
  try {
    return OPENAI_COST(model, input, output, tier, cached);
  } catch (error) {
    return `error: ${(error as Error).message}`;
  }
}

test('fast path and general path agree row by row', () => {
  fc.assert(
    fc.property(fc.array(row, { minLength: 2, maxLength: 40 }), (rows) => {
      const columns = rows.map((r) => {
        const input = r.input === '' ? '' : r.input;
        const cached = typeof input === 'number' ? Math.floor(input * r.cachedShare) : '';
        return [r.model, input, r.output, r.tier, cached];
      });
      const args = [0, 1, 2, 3, 4].map((k) => columns.map((c) => [c[k]]));
      const fast = tokenCostColumns(args, resolveTextModel, parseTier, dayReader());
      const expected = columns.map((c) =>
        c.every((v, k) => k === 3 || v === '') && c[3] === ''
          ? ''
          : scalarCost(...(c as [unknown, unknown, unknown, unknown, unknown])),
      );
      if (fast === undefined) {
        // given up: some row cannot be priced, and the general path must say so
        expect(() =>
          OPENAI_COST(...(args as [unknown, unknown, unknown, unknown, unknown])),
        ).toThrow(/^row \d+: /);
        expect(expected.some((e) => typeof e === 'string' && e.startsWith('error'))).toBe(true);
        return;
      }
      expect(fast.map((r) => r[0])).toEqual(expected);
    }),
    { numRuns: 300 },
  );
});

test('the fast path declines shapes it does not handle', () => {
  expect(
    tokenCostColumns(['gpt-4o', 1, 1, '', ''], resolveTextModel, parseTier, dayReader()),
  ).toBeUndefined();
  const block = [
    [1, 2],
    [3, 4],
  ];
  expect(
    tokenCostColumns(['gpt-4o', block, block, '', ''], resolveTextModel, parseTier, dayReader()),
  ).toBeUndefined();
  expect(
    tokenCostColumns(
      ['gpt-4o', [[1], [2]], [[1], [2], [3]], '', ''],
      resolveTextModel,
      parseTier,
      dayReader(),
    ),
  ).toBeUndefined();
  expect(
    tokenCostColumns(
      ['gpt-4o', [['1,000'], [2]], [[1], [2]], '', ''],
      resolveTextModel,
      parseTier,
      dayReader(),
    ),
  ).toBeUndefined();
});
