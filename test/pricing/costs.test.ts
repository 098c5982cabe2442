// The pricing core, table by table and tier by tier, against a decimal.js reference computed here
// from the catalog's own numbers (relative error <= 1e-12).
import {
  charactersCost,
  imagePrice,
  perUnitCost,
  tokenCost,
  toolCost,
  trainingCost,
  unitCost,
} from '../../src/pricing/cost';
import {
  resolveAudioModel,
  resolveCharactersModel,
  resolveImageModel,
  resolveImageTokensModel,
  resolveMinutesModel,
  resolveTextModel,
  pricesOn,
  resolveTrainingModel,
  type TokenModel,
} from '../../src/pricing/models';
import type { TierId } from '../../src/pricing/catalog';
import { isoToDay } from '../../src/pricing/dates';
import { resolveTool } from '../../src/pricing/tools';
import { OPENAI_COST } from '../../src/sheets/functions/costs';
import {
  D,
  expectClose,
  LONG_CONTEXT_ABOVE,
  rowOf,
  sectionOf,
  thrown,
  tokenCostRef,
  type AnyRow,
  type Prices,
} from '../support/reference';

/** The cost math at current prices, one request, no cache writes (the pre-date signature). */
function costOf(
  model: TokenModel,
  tier: TierId,
  input: number,
  output: number,
  cached: number,
  kind = '',
): number {
  return costOn(null, model, tier, input, output, cached, kind);
}

/** The same on a day (YYYY-MM-DD; null: current prices). */
function costOn(
  day: string | null,
  model: TokenModel,
  tier: TierId,
  input: number,
  output: number,
  cached: number,
  kind = '',
): number {
  const priced = pricesOn(model, day === null ? null : isoToDay(day));
  return tokenCost(priced, tier, { input, output, cached, cacheWrite: 0, requests: 1 }, kind);
}

/** The period of a catalog row (as JSON) in force on a day. */
function periodOn(row: AnyRow, day: string): AnyRow {
  let found;
  for (const p of row.periods) if (p.from <= day) found = p;
  return found;
}

/** Whether a text model bills long requests at long-context rates on `day` (its standard tier). */
const TEXT_ROWS = sectionOf('text').rows as AnyRow[];
function hasLongContext(model: string, day: string): boolean {
  const row = TEXT_ROWS.find((r) => r.model === model);
  return row !== undefined && periodOn(row, day)?.tiers.standard?.long_context !== undefined;
}

const USAGES: [number, number, number][] = [
  // input, output, cached (cached is part of input)
  [1_000_000, 0, 0],
  [0, 1_000_000, 0],
  [1_000_000, 0, 1_000_000],
  [1_234_567, 89_012, 345_678],
  [1500.5, 200.25, 100.125],
  [3, 7, 1],
];

/**
 * Every usage a row can price in a tier on a day (null: current prices), each checked against the
 * reference. `longContext`: the model bills long requests at long-context rates (so a tier without
 * them cannot price a long request).
 */
function checkRow(
  resolve: (name: string) => TokenModel,
  name: string,
  prices: Prices,
  tier: string,
  kind = '',
  day: string | null = null,
  longContext = false,
): void {
  const model = resolve(name);
  const cost = (input: number, output: number, cached: number) =>
    costOn(day, model, tier as never, input, output, cached, kind);
  for (const [input, output, cached] of USAGES) {
    const long = input > LONG_CONTEXT_ABOVE;
    if (long && longContext && !prices.long_context) {
      expect(() => cost(input, output, cached)).toThrow(
        `has no long-context price in the ${tier} tier: a request with more than 272,000 input tokens cannot be priced there`,
      );
      continue;
    }
    const rates = long && prices.long_context ? prices.long_context : prices;
    const cachedRate = rates.cached_input ?? rates.input;
    const usable =
      (input - cached <= 0 || rates.input !== null) &&
      (cached === 0 || cachedRate !== null) &&
      (output === 0 || rates.output !== null);
    if (usable) {
      expectClose(cost(input, output, cached), tokenCostRef(prices, tier, input, output, cached));
    } else {
      expect(() => cost(input, output, cached)).toThrow(
        /price( in the \w+ tier)? \(not offered\): .*tokens must be 0 or blank/,
      );
    }
  }
  // nothing used costs nothing
  expect(cost(0, 0, 0)).toBe(0);
}

/** Names a row answers to: its model, snapshot and aliases. */
const namesOf = (row: AnyRow): string[] =>
  [row.model, row.snapshot, ...(row.aliases ?? [])].filter(Boolean);

/**
 * Every period of a row, every tier of the period, on the period's first day (and the last period
 * also at current prices), by every name of the row.
 */
function checkPeriods(
  resolve: (name: string) => TokenModel,
  row: AnyRow,
  kind: string,
  longContextOn: (day: string) => boolean,
  prefix = '',
): number {
  let checked = 0;
  row.periods.forEach((period: AnyRow, k: number) => {
    const days: (string | null)[] = [period.from];
    if (k === row.periods.length - 1) days.push(null);
    for (const day of days) {
      for (const [tier, prices] of Object.entries(period.tiers) as [string, Prices][]) {
        for (const name of namesOf(row)) {
          checkRow(
            resolve,
            `${prefix}${name}`,
            prices,
            tier,
            kind,
            day,
            longContextOn(period.from),
          );
          checked++;
        }
      }
    }
  });
  return checked;
}

describe('text tokens (every row, every tier it is offered in)', () => {
  for (const id of ['text', 'transcription_text', 'embeddings', 'moderation', 'other']) {
    test(`${id}: every period of every row, in every tier, by every name`, () => {
      let checked = 0;
      for (const row of sectionOf(id).rows as AnyRow[]) {
        checked += checkPeriods(resolveTextModel, row, '', (day) =>
          id === 'text' ? hasLongContext(row.model, day) : false,
        );
      }
      expect(checked).toBeGreaterThanOrEqual(sectionOf(id).rows.length);
    });
  }

  test('standard with cached: cached at the cached rate, the rest at the input rate', () => {
    // gpt-4.1: 2.00 input, 0.50 cached, 8.00 output
    const cost = costOf(resolveTextModel('gpt-4.1'), 'standard', 1000, 500, 400);
    expectClose(cost, D(600).times(2).plus(D(400).times(0.5)).plus(D(500).times(8)).div(1e6));
    expect(cost).toBe(0.0054);
  });

  test('a model without a cached price bills cached tokens at its input rate', () => {
    for (const name of ['o1-pro', 'gpt-4o-audio-preview']) {
      const { input, output } = rowOf('text', name).tiers.standard;
      const full = D(1000).times(input).plus(D(10).times(output)).div(1e6);
      expectClose(costOf(resolveTextModel(name), 'standard', 1000, 10, 600), full);
      expectClose(OPENAI_COST(name, 1000, 10, '', 600), full);
      expect(OPENAI_COST(name, 1000, 10, undefined, 600)).toBe(OPENAI_COST(name, 1000, 10));
    }
  });

  test('batch is 50% and cached tokens are billed at the batch input rate', () => {
    const standard = rowOf('text', 'gpt-4o').tiers.standard;
    const cost = costOf(resolveTextModel('gpt-4o'), 'batch', 1_000_000, 1_000_000, 400_000);
    expectClose(
      cost,
      D(1_000_000)
        .times(D(standard.input).div(2))
        .plus(D(1_000_000).times(D(standard.output).div(2)))
        .div(1e6),
    );
    expect(cost).toBe(6.25);
    expect(OPENAI_COST('gpt-4o', 1_000_000, 1_000_000, 'Batch', 400_000, '', 10)).toBe(6.25);
  });

  test('flex from the flex table, cached as printed (o4-mini 0.138)', () => {
    expect(costOf(resolveTextModel('o4-mini'), 'flex', 1_000_000, 0, 1_000_000)).toBe(0.138);
    expect(
      costOf(resolveTextModel('o4-mini-2025-04-16'), 'flex', 2_000_000, 1_000_000, 1_000_000),
    ).toBe(2.888);
    for (const row of sectionOf('flex').rows as AnyRow[]) {
      checkPeriods(resolveTextModel, row, '', (day) => hasLongContext(row.model, day));
    }
  });

  test('a flex period without flex prices: not offered in flex from that day', () => {
    // Sol's flex prices end with its 2026-08-21 price cut (no source gives the new ones)
    const sol = resolveTextModel('gpt-5.6-sol');
    expectClose(
      costOn('2026-08-20', sol, 'flex', 100_000, 0, 0),
      D(rowOf('flex', 'gpt-5.6-sol').periods[0].tiers.flex.input).times(100_000).div(1e6),
    );
    expect(() => costOn('2026-08-21', sol, 'flex', 100_000, 0, 0)).toThrow(
      'gpt-5.6-sol is not offered in the flex (flex processing) tier (offered in: standard, batch)',
    );
  });

  test('embeddings: input only; output tokens are an error', () => {
    expect(costOf(resolveTextModel('text-embedding-3-small'), 'standard', 1e6, 0, 0)).toBe(0.02);
    expect(costOf(resolveTextModel('text-embedding-3-large'), 'batch', 1e6, 0, 0)).toBe(0.065);
    expect(() => costOf(resolveTextModel('text-embedding-3-small'), 'standard', 10, 1, 0)).toThrow(
      'text-embedding-3-small has no output price (not offered): output tokens must be 0 or blank',
    );
  });

  test('moderation is free: 0', () => {
    for (const name of [
      'omni-moderation-latest',
      'omni-moderation-2024-09-26',
      'text-moderation-007',
    ]) {
      expect(costOf(resolveTextModel(name), 'standard', 5e6, 1e6, 1e6)).toBe(0);
    }
    expect(() => costOf(resolveTextModel('omni-moderation-latest'), 'batch', 1, 0, 0)).toThrow(
      /not offered in the batch \(Batch API\) tier \(offered in: standard\)/,
    );
  });

  test('legacy other rows', () => {
    expect(costOf(resolveTextModel('gpt-4-32k'), 'standard', 1e6, 1e6, 0)).toBe(180);
    // the page's Legacy Batch tab: gpt-3.5-turbo-1106 at its standard price, no instruct
    expect(costOf(resolveTextModel('gpt-3.5-turbo-1106'), 'batch', 1e6, 1e6, 0)).toBe(1 + 2);
    expect(costOf(resolveTextModel('gpt-3.5-turbo-0125'), 'batch', 1e6, 1e6, 0)).toBe(0.25 + 0.75);
    expect(() => costOf(resolveTextModel('gpt-3.5-turbo-instruct'), 'batch', 1, 1, 0)).toThrow(
      /offered in: standard\)/,
    );
    // a legacy model with cached tokens bills them at its input rate
    expect(costOf(resolveTextModel('gpt-4'), 'standard', 1e6, 0, 5e5)).toBe(30);
    expect(() => costOf(resolveTextModel('chatgpt-4o-latest'), 'batch', 1, 1, 0)).toThrow(
      /offered in: standard\)/,
    );
  });

  test('transcription text tokens', () => {
    expect(costOf(resolveTextModel('gpt-4o-transcribe'), 'standard', 1e6, 1e6, 0)).toBe(12.5);
    expect(() => costOf(resolveTextModel('gpt-4o-mini-tts'), 'standard', 1, 1, 0)).toThrow(
      /gpt-4o-mini-tts has no output price/,
    );
  });

  test('gpt-image-1 text tokens have no output price', () => {
    expect(costOf(resolveTextModel('gpt-image-1'), 'standard', 1e6, 0, 5e5)).toBe(2.5 + 0.625);
    expect(() => costOf(resolveTextModel('gpt-image-1'), 'standard', 1, 1, 0)).toThrow(
      /no output price/,
    );
  });

  test('cached > input is an error', () => {
    expect(() => costOf(resolveTextModel('gpt-4o'), 'standard', 10, 0, 11)).toThrow(
      'cached input tokens (11) exceed input tokens (10): they are part of input tokens',
    );
  });
});

describe('fine-tuned models (ft:)', () => {
  const ft = (name: string) => resolveTextModel(name);

  test('every fine-tuning row by its ft: id, standard and batch', () => {
    for (const row of sectionOf('fine_tuning').rows as AnyRow[]) {
      for (const tier of ['standard', 'batch']) {
        checkRow(ft, `ft:${row.model}`, row.tiers[tier], tier);
      }
      checkPeriods(ft, row, '', () => false, 'ft:');
    }
  });

  test('the usage-export form, the short form and the alias resolve to the fine-tuning row', () => {
    const row = rowOf('fine_tuning', 'gpt-4o-mini-2024-07-18');
    const expected = tokenCostRef(row.tiers.standard, 'standard', 1e6, 1e6, 5e5);
    for (const name of [
      'ft:gpt-4o-mini-2024-07-18:acme::abc123',
      'ft:gpt-4o-mini-2024-07-18:acme:custom-suffix:abc123',
      'ft:gpt-4o-mini',
      ' FT:GPT-4o-mini-2024-07-18 ',
      'ft:gpt-4o-mini:acme::abc123',
    ]) {
      expectClose(costOf(ft(name), 'standard', 1e6, 1e6, 5e5), expected);
    }
    expect(costOf(ft('ft:gpt-4o-2024-08-06:acme::x'), 'standard', 1e6, 0, 1e6)).toBe(1.875);
    expect(costOf(ft('ft:gpt-4.1'), 'standard', 1e6, 1e6, 0)).toBe(15);
  });

  test('the data-sharing row', () => {
    const row = rowOf('fine_tuning', 'o4-mini-2025-04-16 with data sharing');
    for (const name of [
      'ft:o4-mini-2025-04-16 with data sharing',
      'ft:o4-mini with data sharing',
    ]) {
      expectClose(
        costOf(ft(name), 'standard', 1e6, 1e6, 2.5e5),
        tokenCostRef(row.tiers.standard, 'standard', 1e6, 1e6, 2.5e5),
      );
    }
    expect(costOf(ft('ft:o4-mini'), 'standard', 1e6, 0, 0)).toBe(4);
    expect(costOf(ft('ft:o4-mini with data sharing'), 'standard', 1e6, 0, 0)).toBe(2);
  });

  test("batch for fine-tuned models: the page's Batch prices, a cached price included", () => {
    // gpt-4.1: 1.50 / cached 0.50 / 6.00 (not 50% of cached 0.75); gpt-4o: 2.225 / 0.90 / 12.50
    expect(costOf(ft('ft:gpt-4.1-2025-04-14:acme::x'), 'batch', 1e6, 1e6, 4e5)).toBe(0.9 + 0.2 + 6);
    expect(costOf(ft('ft:gpt-4o-2024-08-06:acme::x'), 'batch', 1e6, 1e6, 1e6)).toBe(0.9 + 12.5);
    // no cached price in Batch (or outside it): cached tokens at the batch input rate
    expect(costOf(ft('ft:gpt-3.5-turbo-0125:acme::x'), 'batch', 1e6, 0, 1e6)).toBe(1.5);
  });

  test('never falls back to the base model', () => {
    // fine-tuned davinci-002 is 12/12, the legacy base row is 2/2
    expect(costOf(ft('ft:davinci-002:acme::x'), 'standard', 1e6, 0, 0)).toBe(12);
    expect(costOf(resolveTextModel('davinci-002'), 'standard', 1e6, 0, 0)).toBe(2);
    for (const name of [
      'ft:gpt-4.5-preview',
      'ft:o3:acme::x',
      'ft:gpt-4o-mini-2099-01-01',
      'ft:',
    ]) {
      expect(thrown(() => ft(name)).message).toMatch(
        /^no fine-tuning price for "ft:[^"]*": the catalog lists fine-tuning for /,
      );
    }
    expect(thrown(() => ft('ft:gpt-4o-mini-2024-07-19')).message).toContain(
      'did you mean "ft:gpt-4o-mini" or "ft:gpt-4o-mini-2024-07-18"?',
    );
  });

  test('flex is not offered for fine-tuned models', () => {
    expect(() => costOf(ft('ft:o4-mini'), 'flex', 1, 0, 0)).toThrow(/offered in: standard, batch/);
  });
});

describe('audio tokens (both audio tables)', () => {
  test('every row', () => {
    for (const id of ['audio', 'transcription_audio']) {
      for (const row of sectionOf(id).rows as AnyRow[]) {
        checkPeriods(resolveAudioModel, row, 'audio ', () => false);
      }
    }
  });

  test('examples', () => {
    expect(costOf(resolveAudioModel('gpt-4o-realtime-preview'), 'standard', 1e6, 1e6, 1e6)).toBe(
      82.5,
    );
    expect(costOf(resolveAudioModel('gpt-4o-mini-tts'), 'standard', 0, 1e6, 0)).toBe(12);
    expect(() =>
      costOf(resolveAudioModel('gpt-4o-mini-tts'), 'standard', 1, 0, 0, 'audio '),
    ).toThrow(
      'gpt-4o-mini-tts has no audio input price (not offered): audio input tokens must be 0 or blank',
    );
    expect(() => costOf(resolveAudioModel('gpt-4o-audio-preview'), 'batch', 1, 0, 0)).toThrow(
      /offered in: standard/,
    );
  });
});

describe('image tokens', () => {
  test('gpt-image-1', () => {
    const row = rowOf('image_tokens', 'gpt-image-1');
    checkRow(resolveImageTokensModel, 'gpt-image-1', row.tiers.standard, 'standard', 'image ');
    expect(costOf(resolveImageTokensModel('GPT-IMAGE-1'), 'standard', 1e6, 1e6, 1e6)).toBe(42.5);
  });

  test('every row, every period', () => {
    for (const row of sectionOf('image_tokens').rows as AnyRow[]) {
      checkPeriods(resolveImageTokensModel, row, 'image ', () => false);
    }
  });
});

describe('image generation per image', () => {
  test('every quality × size row, by API id and display name, times the images', () => {
    const rows = sectionOf('image_generation').rows as AnyRow[];
    expect(rows).toHaveLength(18);
    for (const row of rows) {
      for (const name of [row.apiId, row.model, row.model.toUpperCase()]) {
        const model = resolveImageModel(name);
        expect(imagePrice(model, row.quality, row.size)).toBe(row.price);
        expect(
          imagePrice(model, ` ${row.quality.toUpperCase()} `, row.size.replace('x', ' × ')),
        ).toBe(row.price);
        expect(imagePrice(model, row.quality, row.size.replace('x', ' X '))).toBe(row.price);
      }
      for (const images of [1, 3, 250, 0.5]) {
        expectClose(unitCost(row.price, images), D(row.price).times(images));
      }
    }
    expect(imagePrice(resolveImageModel('DALL-E 3'), 'hd', '1024x1792')).toBe(0.12);
  });

  test('unknown quality or size is an error listing the choices', () => {
    const model = resolveImageModel('dall-e-2');
    expect(() => imagePrice(model, 'hd', '1024x1024')).toThrow(
      'dall-e-2 has no quality "hd" (use "standard")',
    );
    expect(() => imagePrice(model, 'standard', '1024x1536')).toThrow(
      'dall-e-2 has no size "1024x1536" (use "256x256", "512x512", "1024x1024")',
    );
  });
});

describe('per minute, per 1M characters, training', () => {
  test('minutes: whisper-1 and the per-minute rows', () => {
    const perMinute: [string, number][] = [
      ['whisper-1', rowOf('audio_models', 'Whisper').price],
      ['Whisper', 0.006],
      ...(sectionOf('transcription_text').rows as AnyRow[]).map((r): [string, number] => [
        r.model,
        r.perMinute,
      ]),
    ];
    for (const [name, price] of perMinute) {
      for (const minutes of [1, 60, 12.5, 100_000]) {
        expectClose(perUnitCost(resolveMinutesModel(name), minutes), D(price).times(minutes));
      }
    }
    expect(perUnitCost(resolveMinutesModel('gpt-4o-mini-tts'), 100)).toBe(1.5);
  });

  test('TTS per 1M characters', () => {
    for (const [name, price] of [
      ['tts-1', 15],
      ['TTS', 15],
      ['tts-1-hd', 30],
      ['TTS HD', 30],
      [' tts hd ', 30],
    ] as const) {
      for (const characters of [1e6, 1234, 0]) {
        expectClose(
          charactersCost(resolveCharactersModel(name), characters),
          D(price).times(characters).div(1e6),
        );
      }
    }
    expect(charactersCost(resolveCharactersModel('tts-1-hd'), 1e6)).toBe(30);
  });

  test('training: per 1M tokens and per hour', () => {
    for (const row of sectionOf('fine_tuning').rows as AnyRow[]) {
      for (const quantity of [1, 2.5, 3_000_000]) {
        const per = row.training.unit === 'hour' ? 1 : 1e6;
        expectClose(
          trainingCost(resolveTrainingModel(row.model), quantity),
          D(row.training.price).times(quantity).div(per),
        );
      }
    }
    expect(trainingCost(resolveTrainingModel('gpt-4.1'), 2e6)).toBe(50);
    expect(trainingCost(resolveTrainingModel('ft:gpt-4o-mini'), 1e6)).toBe(3);
    expect(trainingCost(resolveTrainingModel('o4-mini'), 2.5)).toBe(250);
    expect(trainingCost(resolveTrainingModel('o4-mini with data sharing'), 1)).toBe(100);
    expect(() => resolveTrainingModel('o3')).toThrow(
      '"o3" has no fine-tuning training price; use OPENAI_COST (text-token price)',
    );
    expect(() => resolveTrainingModel('gpt-4o-mini-2024-07-19')).toThrow(
      /^unknown model "gpt-4o-mini-2024-07-19" \(did you mean "gpt-4o-mini" or "gpt-4o-mini-2024-07-18"\?\)$/,
    );
  });
});

describe('built-in tools', () => {
  const cost = (tool: string, quantity: number, model = '') =>
    toolCost(resolveTool(tool, model), quantity);

  test('code interpreter, file search calls per 1k, file search storage', () => {
    expectClose(cost('code interpreter', 7), D(0.03).times(7));
    expectClose(cost('Code Interpreter', 1), 0.03);
    expectClose(cost('file search', 1234), D(2.5).times(1234).div(1000));
    expectClose(cost('file_search', 1000), 2.5);
    expectClose(cost('file search tool calls', 1), D(2.5).div(1000));
    expectClose(cost('file search storage', 30.5), D(0.1).times(30.5));
  });

  test('web search by model family', () => {
    const family25 = [
      'gpt-4o',
      'gpt-4o-mini',
      'gpt-4.1',
      'gpt-4.1-mini',
      'gpt-4.1-nano',
      'gpt-4o-2024-08-06',
      'GPT-4.1-2025-04-14',
      'gpt-4o-search-preview',
      'gpt-4o-mini-search-preview',
    ];
    const family10 = [
      'o3',
      'o4-mini',
      'o3-pro',
      'o3-deep-research',
      'o4-mini-deep-research',
      'o3-2025-04-16',
      'o4-mini-deep-research-2025-06-26',
    ];
    for (const model of family25)
      expectClose(cost('web search', 2500, model), D(25).times(2500).div(1000));
    for (const model of family10)
      expectClose(cost('web search', 2500, model), D(10).times(2500).div(1000));
  });

  test('web search for a model in neither family, or without a model, is an error', () => {
    for (const model of ['o1', 'gpt-3.5-turbo', 'gpt-4.5-preview', 'o1-pro']) {
      expect(() => cost('web search', 1, model)).toThrow(
        /^the pricing page has no Web Search price for /,
      );
    }
    expect(() => cost('web search', 1)).toThrow(
      /^Web Search needs a model: its price depends on the model family/,
    );
    expect(() => cost('web search', 1, 'gpt4o')).toThrow(/unknown model "gpt4o"/);
    expect(() => cost('image generation', 1)).toThrow(/^unknown tool "image generation"/);
  });
});
