// Issue 16's price facts on the BUILT dist/Code.js in a bare vm context: Batch caching from the
// gpt-5 family on, the page's printed Batch prices, priority gaps, ids from real usage exports,
// shutdowns. Expected values are the sources' numbers (cited next to each), not the catalog's.
import { loadBundle, type Bundle } from '../support/bundle';
import { thrown } from '../support/reference';

let fns: Bundle;
beforeAll(() => {
  ({ fns } = loadBundle());
});

const cost = (...args: unknown[]) => fns.OPENAI_COST(...args) as number;
const price = (...args: unknown[]) => fns.OPENAI_PRICE(...args) as number;
const close = (value: number, expected: number) => expect(value).toBeCloseTo(expected, 12);

describe('Batch: a cached-input price from the gpt-5 family on (November 2025 page, Batch tab)', () => {
  test('gpt-5: 0.625 / cached 0.0625 / 5', () => {
    close(cost('gpt-5', 200000, 20000, 'batch', 160000), 0.135);
    expect(price('gpt-5', 'cached_input', 'batch')).toBe(0.0625);
    expect(price('gpt-5-mini', 'cached_input', 'batch')).toBe(0.0125);
    expect(price('gpt-5-nano', 'cached_input', 'batch')).toBe(0.0025);
    expect(price('gpt-5.1', 'cached_input', 'batch')).toBe(0.0625);
    // later models follow the family rule: gpt-5.4 cached 0.25 → 0.125, long context 0.5 → 0.25
    expect(price('gpt-5.4', 'cached_input', 'batch')).toBe(0.125);
    expect(price('gpt-5.4', 'long_context_cached_input', 'batch')).toBe(0.25);
  });

  test('gpt-4o, gpt-4.1, o-series: no caching discount in Batch (cached at the batch input rate)', () => {
    for (const [model, batchInput, batchOutput] of [
      ['gpt-4o', 1.25, 5],
      ['gpt-4.1', 1, 4],
      ['o3', 1, 4],
      ['o4-mini', 0.55, 2.2],
    ] as const) {
      close(cost(model, 1e6, 1e6, 'batch', 6e5), batchInput + batchOutput);
      expect(thrown(() => price(model, 'cached_input', 'batch')).message).toBe(
        `${model} has no cached input price in Batch: before the gpt-5 family prompt-caching discounts do not apply in the Batch API, so cached input tokens are billed at the batch input rate ($${batchInput} per 1M tokens)`,
      );
    }
    // a model with no cached price at all says so, not the Batch reason
    expect(thrown(() => price('gpt-5-pro', 'cached_input', 'batch')).message).toMatch(
      /^gpt-5-pro has no cached input price: the price list shows "-"/,
    );
  });

  test('Legacy Batch tab: gpt-3.5-turbo-1106 / -0613 / -0301 at their standard prices', () => {
    close(cost('gpt-3.5-turbo-1106', 1e6, 1e6, 'batch'), 1 + 2);
    close(cost('gpt-3.5-turbo-0613', 1e6, 1e6, 'batch'), 1.5 + 2);
    close(cost('gpt-3.5-0301', 1e6, 1e6, 'batch'), 1.5 + 2);
    close(cost('gpt-3.5-turbo-0125', 1e6, 1e6, 'batch'), 0.25 + 0.75); // 50% as derived
    close(cost('gpt-3.5-turbo-16k-0613', 1e6, 1e6, 'batch'), 1.5 + 2); // 50% of 3 / 4
  });

  test('Fine-tuning Batch tab: a cached price, not always half', () => {
    expect(price('ft:gpt-4.1-2025-04-14:acme::x', 'cached_input', 'batch')).toBe(0.5);
    expect(price('ft:gpt-4.1-2025-04-14:acme::x', 'input', 'batch')).toBe(1.5);
    expect(price('ft:o4-mini-2025-04-16 with data sharing', 'cached_input', 'batch')).toBe(0.25);
    expect(price('ft:gpt-4o-2024-08-06:acme::x', 'input', 'batch')).toBe(2.225);
    expect(price('ft:gpt-4o-2024-08-06:acme::x', 'output', 'batch')).toBe(12.5);
    expect(price('ft:babbage-002:acme::x', 'output', 'batch')).toBe(0.9);
    // 1M input of which 400k cached, 1M output: 600k x 1.50 + 400k x 0.50 + 1M x 6.00
    close(cost('ft:gpt-4.1-2025-04-14:acme::x', 1e6, 1e6, 'batch', 4e5), 0.9 + 0.2 + 6);
  });

  test('not in the Batch tabs: codex, -chat-latest and gpt-3.5-turbo-instruct', () => {
    for (const model of [
      'gpt-5.1-codex-mini',
      'gpt-5.3-codex',
      'gpt-5.3-chat-latest',
      'gpt-3.5-turbo-instruct',
    ]) {
      expect(thrown(() => cost(model, 1, 1, 'batch')).message).toMatch(
        new RegExp(
          `^${model.replace(/\./g, '\\.')} is not offered in the batch \\(Batch API\\) tier`,
        ),
      );
    }
  });
});

describe('priority prices (LiteLLM 2026-08-01; the November 2025 page prints the same)', () => {
  test('gpt-4.1-mini 0.70 / 0.175 / 2.80, gpt-4.1-nano 0.20 / 0.05 / 0.80, gpt-4o-mini 0.25 / 0.125 / 1.00', () => {
    for (const [model, input, cached, output] of [
      ['gpt-4.1-mini', 0.7, 0.175, 2.8],
      ['gpt-4.1-nano', 0.2, 0.05, 0.8],
      ['gpt-4o-mini', 0.25, 0.125, 1],
    ] as const) {
      expect([model, price(model, 'input', 'priority')]).toEqual([model, input]);
      expect([model, price(model, 'cached_input', 'priority')]).toEqual([model, cached]);
      expect([model, price(model, 'output', 'priority')]).toEqual([model, output]);
      // 1M input of which 400k cached, 1M output
      close(cost(model, 1e6, 1e6, 'priority', 4e5), 0.6 * input + 0.4 * cached + output);
    }
  });

  test('from 2025-09-23 (first listed by LiteLLM), not before', () => {
    close(cost('gpt-4o-mini', 1e6, 0, 'priority', 0, '2025-09-23'), 0.25);
    expect(thrown(() => cost('gpt-4o-mini', 1e6, 0, 'priority', 0, '2025-09-22')).message).toMatch(
      /^gpt-4o-mini is not offered in the priority \(priority processing\) tier/,
    );
  });
});
