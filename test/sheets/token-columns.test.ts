// The column fast path must agree with the general range engine on every row: the same costs, and
// for bad rows the same "row N: …; M more rows have errors" the general path gives.
import fc from 'fast-check';
import { OPENAI_COST } from '../../src/sheets/functions/costs';
import { tokenCostColumns } from '../../src/sheets/functions/token-columns';
import { findTextModel, resolveTextModel } from '../../src/pricing/models';
import { mapCells } from '../../src/sheets/ranges';
import { requiredText, quantity } from '../../src/sheets/cells';
import { pricesOn } from '../../src/pricing/models';
import { tokenCost } from '../../src/pricing/cost';
import { checkOneRequest } from '../../src/pricing/context-window';
import { parseTier } from '../../src/pricing/tiers';
import { dayReader } from '../../src/sheets/dates';

const MODELS = [
  'gpt-4o',
  'GPT-4.1-mini ',
  'o4-mini',
  'text-embedding-3-small',
  'o1-pro',
  'ft:gpt-4o-mini',
  'claude-3-opus',
];
const TIERS = ['', 'standard', 'batch', 'flex', 'Batch', 'priority', 'turbo'];

const cell = fc.oneof(
  { weight: 6, arbitrary: fc.oneof(fc.constant(''), fc.nat({ max: 5_000_000 })) },
  { weight: 3, arbitrary: fc.double({ min: 0, max: 1e6, noNaN: true }) },
  { weight: 1, arbitrary: fc.constantFrom(-1, '12', '1,000', true, 1e308) },
);

const DATES = [
  '',
  '2025-07-01',
  new Date(2026, 0, 15),
  new Date(2026, 0, 15),
  '2024-01-01',
  'soon',
];
const generalDay = dayReader();

/**
 * The general path's row function, as costs.ts builds it (model, input, output, tier, cached,
 * date; no requests column, so a row must fit in one request).
 */
function generalRow(cells: unknown[]): unknown {
  const model = resolveTextModel(requiredText(cells[0], 'model'));
  const input = quantity(cells[1], 'input_tokens');
  checkOneRequest(model, input, 'requests');
  return tokenCost(pricesOn(model, generalDay(cells[5])), parseTier(cells[3]), {
    input,
    output: quantity(cells[2], 'output_tokens'),
    cached: quantity(cells[4], 'cached_input_tokens'),
    requests: 1,
    cacheWrite: 0,
  });
}
const NAMES = ['model', 'input_tokens', 'output_tokens', 'tier', 'cached_input_tokens', 'date'];
const fastPath = (args: unknown[]) =>
  tokenCostColumns(args, {
    find: findTextModel,
    tierOf: parseTier,
    dayOf: dayReader(),
    computeRow: generalRow,
    oneRequestFits: true,
  });
const outcome = (run: () => unknown) => {
  try {
    return run();
  } catch (error) {
    return `error: ${(error as Error).message}`;
  }
};
const row = fc.record({
  model: fc.constantFrom(...MODELS, ''),
  input: cell,
  output: cell,
  tier: fc.constantFrom(...TIERS),
  // a new Date object on every row, as Sheets passes a date column
  date: fc.constantFrom(...DATES).map((d) => (d instanceof Date ? new Date(d) : d)),
  cachedShare: fc.double({ min: 0, max: 1, noNaN: true }),
});

test('fast path and general path agree row by row, bad rows included', () => {
  fc.assert(
    fc.property(fc.array(row, { minLength: 2, maxLength: 40 }), (rows) => {
      const columns = rows.map((r) => {
        const input = r.input;
        const cached = typeof input === 'number' ? Math.floor(input * r.cachedShare) : '';
        return [r.model, input, r.output, r.tier, cached, r.date];
      });
      const args = [0, 1, 2, 3, 4, 5].map((k) => columns.map((c) => [c[k]]));
      const fast = outcome(() => fastPath(args));
      expect(fast).toEqual(outcome(() => mapCells(NAMES, args, generalRow)));
      if (typeof fast !== 'string') {
        // and each row is what a scalar call gives
        const scalar = columns.map((c) =>
          c.every((v, k) => k === 3 || k === 5 || v === '')
            ? ''
            : outcome(() =>
                OPENAI_COST(...(c as [unknown, unknown, unknown, unknown, unknown, unknown])),
              ),
        );
        expect((fast as unknown[][]).map((r) => r[0])).toEqual(scalar);
      }
    }),
    { numRuns: 300 },
  );
});

test('the fast path declines shapes it does not handle', () => {
  expect(fastPath(['gpt-4o', 1, 1, '', ''])).toBeUndefined();
  const block = [
    [1, 2],
    [3, 4],
  ];
  expect(fastPath(['gpt-4o', block, block, '', ''])).toBeUndefined();
  expect(fastPath(['gpt-4o', [[1], [2]], [[1], [2], [3]], '', ''])).toBeUndefined();
});

test('a bad row is worded by the general path and the rest are counted', () => {
  expect(() => fastPath(['gpt-4o', [['1,000'], [2], [-1]], [[1], [2], [3]], '', ''])).toThrow(
    'row 1: input_tokens is the text "1,000", not a number (remove the thousands separators); 1 more row has an error',
  );
});

describe('the price cache: each (model, tier, day) is looked up once, however rows mix them', () => {
  /** The fast path with its model look-ups counted. */
  function countingLookUps(args: unknown[]) {
    const looked: string[] = [];
    const result = tokenCostColumns(args, {
      find: (name) => {
        looked.push(name);
        return findTextModel(name);
      },
      tierOf: parseTier,
      dayOf: dayReader(),
      computeRow: generalRow,
    });
    return { result: result as unknown[][], looked };
  }
  const ROWS = 12_000;
  const models = ['gpt-4o', 'gpt-4.1-mini', 'o4-mini'];
  const column = (value: (r: number) => unknown) =>
    Array.from({ length: ROWS }, (_, r) => [value(r)]);
  const model = column((r) => models[r % 3]);
  const input = column((r) => 1000 + r);

  test('tiers that change on every row', () => {
    const tier = column((r) => ['batch', 'standard', '', 'Batch', ' STANDARD'][r % 5]);
    const { result, looked } = countingLookUps([model, input, input, tier]);
    // 3 models × 2 tiers, however spelled: one look-up each, not one per row
    expect(looked.sort()).toEqual([...models, ...models].sort());
    expect(result.map((r) => r[0])).toEqual(
      model.map((m, r) => OPENAI_COST(m[0], input[r][0], input[r][0], tier[r][0])),
    );
  });

  test('a date column (a new Date object on every row) and tiers mixed', () => {
    const days = [new Date(2025, 6, 1), new Date(2026, 0, 15), ''];
    const date = column((r) => {
      const day = days[Math.floor(r / 7) % 3];
      return day instanceof Date ? new Date(day) : day;
    });
    const tier = column((r) => (r % 2 ? 'batch' : 'standard'));
    const { result, looked } = countingLookUps([model, input, input, tier, '', date]);
    // 3 models × 2 tiers × 3 days
    expect(looked).toHaveLength(18);
    expect(result.map((r) => r[0])).toEqual(
      model.map((m, r) => OPENAI_COST(m[0], input[r][0], input[r][0], tier[r][0], '', date[r][0])),
    );
  });

  test('one tier and one date: one look-up per model', () => {
    const { looked } = countingLookUps([model, input, input, 'batch', '', '2026-01-15']);
    expect(looked).toEqual(models);
  });
});
