// Issue 16's price facts on the BUILT dist/Code.js in a bare vm context: Batch caching from the
// gpt-5 family on, the page's printed Batch prices, priority gaps, ids from real usage exports,
// shutdowns. Expected values are the sources' numbers (cited next to each), not the catalog's.
import { loadBundle, type Bundle } from '../support/bundle';
import { thrown } from '../support/reference';

let fns: Bundle;
beforeAll(() => {
  ({ fns } = loadBundle());
});

/** OPENAI_COST; a row of 1M tokens sums requests (aggregated rows need a count): 100 unless given */
const cost = (...args: unknown[]) => {
  const full = [...args, ...new Array<unknown>(Math.max(0, 7 - args.length)).fill('')];
  if (full[6] === '') full[6] = 100;
  return fns.OPENAI_COST(...full) as number;
};
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

describe('ids from real usage exports', () => {
  test('gpt-4o-2024-11-20: 2.50 / 1.25 / 10 (genai-prices, LiteLLM), batch 50%, no priority', () => {
    close(cost('gpt-4o-2024-11-20', 1e6, 1e6, '', 5e5), 1.25 + 0.625 + 10);
    close(cost('gpt-4o-2024-11-20', 1e6, 1e6, 'batch'), 1.25 + 5);
    expect(thrown(() => cost('gpt-4o-2024-11-20', 1, 1, 'priority')).message).toMatch(
      /^gpt-4o-2024-11-20 is not offered in the priority .*\(offered in: standard, batch\)$/,
    );
    close(cost('gpt-4o-2024-11-20', 1e6, 0, '', 0, '2025-07-01'), 2.5); // offered on the page day
  });

  test('gpt-4o-2024-05-13: 5 / - / 15, batch 2.50 / 7.50, priority 8.75 / 26.25; shut down 2026-10-23', () => {
    close(cost('gpt-4o-2024-05-13', 1e6, 1e6), 20);
    close(cost('gpt-4o-2024-05-13', 1e6, 1e6, 'batch'), 10);
    close(cost('gpt-4o-2024-05-13', 1e6, 1e6, 'priority'), 35);
    expect(thrown(() => price('gpt-4o-2024-05-13', 'cached_input')).message).toMatch(/not offered/);
    expect(thrown(() => cost('gpt-4o-2024-05-13', 1, 1, '', 0, '2026-10-23')).message).toMatch(
      /^gpt-4o-2024-05-13 was retired on 2026-10-23/,
    );
    // retiring a snapshot of its own never retires the alias
    close(cost('gpt-4o', 1e6, 0, '', 0, '2026-10-23'), 2.5);
  });

  test('gpt-5-search-api (and its 2025-10-14 snapshot): 1.25 / 0.125 / 10, standard only', () => {
    for (const id of ['gpt-5-search-api', 'gpt-5-search-api-2025-10-14'])
      close(cost(id, 1e6, 1e6, '', 1e6), 0.125 + 10);
    expect(thrown(() => cost('gpt-5-search-api', 1, 1, 'batch')).message).toMatch(
      /offered in: standard\)$/,
    );
    expect(thrown(() => cost('gpt-5-search-api', 1, 1, '', 0, '2025-10-13')).message).toBe(
      'gpt-5-search-api was released on 2025-10-14: it has no price on 2025-10-13',
    );
  });

  test('dated snapshots and alias ids price as their model', () => {
    const same = (id: string, as: string, ...args: unknown[]) =>
      expect([id, cost(id, ...args)]).toEqual([id, cost(as, ...args)]);
    same('gpt-4o-mini-tts-2025-03-20', 'gpt-4o-mini-tts', 1e6, 0);
    same('gpt-4o-mini-tts-2025-12-15', 'gpt-4o-mini-tts', 1e6, 0);
    same('gpt-4o-mini-transcribe-2025-03-20', 'gpt-4o-mini-transcribe', 1e6, 1e6);
    same('gpt-4o-mini-transcribe-2025-12-15', 'gpt-4o-mini-transcribe', 1e6, 1e6);
    same('gpt-4o-audio-preview-2024-12-17', 'gpt-4o-audio-preview', 1e6, 1e6);
    same('gpt-4o-realtime-preview-2024-12-17', 'gpt-4o-realtime-preview', 1e6, 1e6, '', 5e5);
    same('gpt-3.5-turbo-instruct-0914', 'gpt-3.5-turbo-instruct', 1e6, 1e6);
    close(cost('gpt-4-turbo-preview', 1e6, 1e6), 10 + 30); // gpt-4-0125-preview's id
    close(fns.OPENAI_AUDIO_COST('gpt-4o-audio-preview-2024-12-17', 1e6, 1e6) as number, 40 + 80);
  });

  test('chatgpt-image-latest stays unknown (one source, see the decisions)', () => {
    expect(thrown(() => cost('chatgpt-image-latest', 1, 1)).message).toMatch(
      /^unknown model "chatgpt-image-latest"/,
    );
  });
});

describe('shutdowns: on and after the day, none; before it, the prices; alias and snapshot apart', () => {
  test.each([
    ['o1-mini', '2025-10-27'],
    ['codex-mini-latest', '2026-01-16'],
    ['chatgpt-4o-latest', '2026-02-17'],
    ['computer-use-preview', '2026-07-23'],
    ['computer-use-preview-2025-03-11', '2026-07-23'],
    ['o3-deep-research', '2026-07-23'],
    ['o4-mini-deep-research-2025-06-26', '2026-07-23'],
    ['gpt-5.1-codex-mini', '2026-07-23'],
    ['gpt-5.3-chat-latest', '2026-08-10'],
    ['gpt-3.5-turbo-instruct', '2026-09-28'],
    ['gpt-3.5-turbo-instruct-0914', '2026-09-28'],
    ['gpt-3.5-turbo', '2026-10-23'],
    ['gpt-4', '2026-10-23'],
    ['gpt-4-turbo-2024-04-09', '2026-10-23'],
    ['o1', '2026-10-23'],
    ['o1-pro-2025-03-19', '2026-10-23'],
    ['o3-mini', '2026-10-23'],
    ['o4-mini', '2026-10-23'],
    ['gpt-4.1-nano', '2026-10-23'],
    ['gpt-image-1', '2026-10-23'],
    ['gpt-image-1.5-2025-12-16', '2026-12-01'],
    ['gpt-image-1-mini', '2026-12-01'],
    ['gpt-5', '2026-12-11'],
    ['gpt-5-2025-08-07', '2026-12-11'],
    ['gpt-5-nano', '2026-12-11'],
    ['o3-pro-2025-06-10', '2026-12-11'],
  ])('%s: %s', (id, day) => {
    const before = new Date(Date.parse(`${day}T00:00:00Z`) - 86_400_000).toISOString().slice(0, 10);
    expect(typeof cost(id, 1000, 0, '', 0, before)).toBe('number');
    expect(thrown(() => cost(id, 1000, 0, '', 0, day)).message).toMatch(
      new RegExp(`was retired on ${day}: it has no price on ${day}`),
    );
    expect(typeof cost(id, 1000, 0)).toBe('number'); // blank date: its last prices
  });

  test.each([
    ['gpt-4o-mini-search-preview-2025-03-11', 'gpt-4o-mini-search-preview', '2026-07-23'],
    ['gpt-4o-search-preview-2025-03-11', 'gpt-4o-search-preview', '2026-07-23'],
    ['gpt-4o-mini-audio-preview-2024-12-17', 'gpt-4o-mini-audio-preview', '2026-07-23'],
    ['gpt-4o-mini-realtime-preview-2024-12-17', 'gpt-4o-mini-realtime-preview', '2026-07-23'],
    ['gpt-4o-audio-preview-2024-12-17', 'gpt-4o-audio-preview', '2026-07-23'],
    ['gpt-4o-mini-tts-2025-03-20', 'gpt-4o-mini-tts', '2026-07-23'],
    ['gpt-realtime-mini-2025-10-06', 'gpt-realtime-mini', '2026-07-23'],
    ['gpt-audio-mini-2025-10-06', 'gpt-audio-mini', '2026-07-23'],
    ['gpt-5-chat-latest', 'gpt-5', '2026-07-23'],
    ['gpt-5.1-codex-max', 'gpt-5.1', '2026-07-23'],
    ['gpt-5.2-codex', 'gpt-5.2', '2026-07-23'],
    ['gpt-5.2-chat-latest', 'gpt-5.2', '2026-08-10'],
  ])('%s stops on %s, %s goes on', (id, model, day) => {
    expect(thrown(() => cost(id, 1000, 0, '', 0, day)).message).toMatch(
      new RegExp(`^${id.replace(/\./g, '\\.')} was retired on ${day}`),
    );
    close(cost(model, 1000, 0, '', 0, day), cost(id, 1000, 0, '', 0, '2026-07-01'));
  });

  test("today's tables list the models offered on the as-of day; retired ones move to the retired table", () => {
    const names = (table: unknown) => (table as unknown[][]).slice(1).map((row) => row[0]);
    const text = names(fns.OPENAI_PRICE_TABLE('text'));
    // shut down later than the data's day: still listed
    for (const model of ['gpt-5', 'o3', 'o4-mini', 'gpt-4.1-nano', 'gpt-4o-2024-05-13'])
      expect([model, text.includes(model)]).toEqual([model, true]);
    // shut down by then: not in today's table, in the retired one
    const retired = names(fns.OPENAI_PRICE_TABLE('retired'));
    for (const model of [
      'o1-mini',
      'codex-mini-latest',
      'computer-use-preview',
      'gpt-5.3-chat-latest',
    ]) {
      expect([model, text.includes(model), retired.includes(model)]).toEqual([model, false, true]);
    }
    expect(names(fns.OPENAI_PRICE_TABLE('other'))).not.toContain('chatgpt-4o-latest');
  });
});

describe('a long request in priority or flex without a long-context price is an error', () => {
  test('gpt-5.4 priority and flex have no long-context prices; gpt-5.6-terra flex has them', () => {
    for (const tier of ['priority', 'flex'])
      expect(thrown(() => cost('gpt-5.4', 300000, 1, tier, '', '', 1)).message).toMatch(
        new RegExp(`no long-context price in the ${tier} tier`),
      );
    close(cost('gpt-5.4', 272000, 0, 'priority', '', '', 1), (272000 * 5) / 1e6); // not above 272,000
    // terra flex since 2026-07-30: long context 2 / 0.2 / 9 (LiteLLM)
    close(cost('gpt-5.6-terra', 300000, 1e6, 'flex', '', '', 1), (300000 * 2 + 1e6 * 9) / 1e6);
  });
});

test('OPENAI_MODELS gives a snapshot or alias id its own shutdown, and its model goes on', () => {
  const all = fns.OPENAI_MODELS() as unknown[][];
  const status = (id: string) => all.find((row) => row[0] === id && row[1] === 'text')?.[3];
  expect(status('gpt-4o-mini-search-preview-2025-03-11')).toBe('retired 2026-07-23');
  expect(status('gpt-4o-mini-search-preview')).toBe('current');
  expect(status('gpt-5-chat-latest')).toBe('retired 2026-07-23');
  expect(status('gpt-5')).toBe('retires 2026-12-11');
  expect(status('gpt-4o-2024-05-13')).toBe('retires 2026-10-23');
  expect(status('gpt-4o')).toBe('current');
});
