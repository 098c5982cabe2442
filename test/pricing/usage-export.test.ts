// The pure parts of pricing a usage export: header names, days, batch and service tier, how the
// token columns add up, a row's cost against an independent decimal.js restatement, and the
// context-window rule for rows without a requests count.
import fc from 'fast-check';
import { DASHBOARD_USAGE_HEADER } from '../../src/pricing/export-columns';
import { checkOneRequest, contextWindowOf } from '../../src/pricing/context-window';
import { isoToDay } from '../../src/pricing/dates';
import { PricingError } from '../../src/pricing/errors';
import {
  exportTier,
  findColumns,
  headerKey,
  isoTimeDay,
  missingColumnsError,
  onlyTimeColumns,
  parseBatch,
  parseServiceTier,
  unixSecondsDay,
} from '../../src/pricing/export-columns';
import { resolveTextModel, type TokenModel } from '../../src/pricing/models';
import {
  AUDIO_UNCACHED_SINCE,
  audioIncludesCached,
  noTokens,
  USAGE_COST_COLUMNS,
  USAGE_TOKEN_COLUMNS,
  UsageRowPricer,
  type ExportTokens,
} from '../../src/pricing/usage-export';
import { usageRowRef } from '../support/exports';
import { expectClose, thrown } from '../support/reference';

const day = (iso: string) => isoToDay(iso)!;

function tokens(parts: Partial<ExportTokens>): ExportTokens {
  return { ...noTokens(), ...parts };
}

/** The row's cost in USD, or its reason. */
function price(
  model: string,
  iso: string | null,
  tier: Parameters<UsageRowPricer['micros']>[2],
  parts: Partial<ExportTokens>,
): number | string {
  const pricer = new UsageRowPricer();
  const micros = pricer.micros(model, iso ? day(iso) : null, tier, tokens(parts));
  if (micros === micros) return micros / 1e12;
  const problem = pricer.problem;
  if (typeof problem !== 'string') expect(problem).toBeInstanceOf(PricingError);
  return typeof problem === 'string' ? problem : problem.message;
}

describe('header names', () => {
  test('case, spaces and a BOM do not matter; the first of two same-named columns wins', () => {
    expect(headerKey('\uFEFFstart_time')).toBe('start_time');
    expect(headerKey('  Input Tokens ')).toBe('input_tokens');
    expect(headerKey(42)).toBe('');
    const found = findColumns(['\uFEFFSTART_TIME', 'x', 'Model', 'model', 'input_tokens'], [
      'start_time',
      'model',
      'input_tokens',
      'output_tokens',
    ] as const);
    expect(found).toEqual({ start_time: 0, model: 2, input_tokens: 4, output_tokens: -1 });
  });

  test('an export of a range with no usage has only the time columns', () => {
    expect(onlyTimeColumns(['start_time', 'end_time', 'start_time_iso', 'end_time_iso', ''])).toBe(
      true,
    );
    expect(onlyTimeColumns(['start_time', 'model'])).toBe(false);
    expect(onlyTimeColumns(['', ''])).toBe(false);
  });

  test('missing columns: the error names them and what the header has', () => {
    expect(missingColumnsError('usage_export', ['model'], ['day', 'tokens']).message).toBe(
      'usage_export has no model column: give the export with its header row (its first row has day, tokens)',
    );
    expect(missingColumnsError('cost_export', ['amount_value'], ['', '']).message).toMatch(
      /its first row is blank\)$/,
    );
  });
});

describe('days', () => {
  test('Unix seconds: the UTC day, a partial bucket inside its day', () => {
    expect(unixSecondsDay(1788134400, 'start_time')).toBe(day('2026-08-31'));
    expect(unixSecondsDay(1788134400 + 86399, 'start_time')).toBe(day('2026-08-31'));
    expect(unixSecondsDay(1788134400 + 86400, 'start_time')).toBe(day('2026-09-01'));
    expect(thrown(() => unixSecondsDay(1788134400000, 'start_time')).message).toBe(
      'start_time is the number 1788134400000: a Unix time in milliseconds? start_time is in seconds',
    );
    expect(thrown(() => unixSecondsDay(-1, 'start_time')).message).toMatch(/not a Unix time/);
  });

  test('ISO times: with or without +00:00, Z, other offsets moved to UTC', () => {
    expect(isoTimeDay('2026-08-31T00:00:00+00:00')).toBe(day('2026-08-31'));
    expect(isoTimeDay('2026-08-31T00:00:00')).toBe(day('2026-08-31'));
    expect(isoTimeDay(' 2026-08-31 ')).toBe(day('2026-08-31'));
    expect(isoTimeDay('2026-08-31T23:30:00.123Z')).toBe(day('2026-08-31'));
    expect(isoTimeDay('2026-08-31T20:00:00-07:00')).toBe(day('2026-09-01'));
    expect(isoTimeDay('2026-09-01T01:00:00+0200')).toBe(day('2026-08-31'));
    expect(isoTimeDay('2026-02-30T00:00:00')).toBeNull();
    expect(isoTimeDay('31/08/2026')).toBeNull();
  });

  test('agree with Date for any instant and offset', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1_700_000_000, max: 1_900_000_000 }),
        fc.integer({ min: -12 * 60, max: 14 * 60 }),
        (seconds, offsetMinutes) => {
          const local = new Date((seconds + offsetMinutes * 60) * 1000).toISOString().slice(0, 19);
          const sign = offsetMinutes < 0 ? '-' : '+';
          const abs = Math.abs(offsetMinutes);
          const offset = `${sign}${String(Math.floor(abs / 60)).padStart(2, '0')}:${String(abs % 60).padStart(2, '0')}`;
          expect(isoTimeDay(`${local}${offset}`)).toBe(Math.floor(seconds / 86400));
        },
      ),
    );
  });
});

describe('batch and service tier', () => {
  test('batch: booleans, True/False text, blank', () => {
    expect([true, 'True', ' TRUE '].map(parseBatch)).toEqual([true, true, true]);
    expect([false, 'False', 'FALSE', '', null].map(parseBatch)).toEqual([
      false,
      false,
      false,
      false,
      false,
    ]);
    expect(thrown(() => parseBatch('yes')).message).toBe(
      'batch is the text "yes", not TRUE or FALSE',
    );
    expect(thrown(() => parseBatch(1)).message).toBe('batch is the number 1, not TRUE or FALSE');
  });

  test('service_tier: default/auto/blank are standard; flex, priority; anything else named', () => {
    expect(['default', 'auto', '', ' Default ', undefined].map(parseServiceTier)).toEqual(
      Array(5).fill('standard'),
    );
    expect(parseServiceTier('flex')).toBe('flex');
    expect(parseServiceTier('PRIORITY')).toBe('priority');
    expect(thrown(() => parseServiceTier('scale')).message).toBe(
      'unknown service_tier "scale" (priced: default, auto, flex, priority)',
    );
    expect(thrown(() => parseServiceTier(true)).message).toBe(
      'service_tier is TRUE, not a tier name',
    );
  });

  test('a batch row is the batch tier; batch with flex or priority is an error', () => {
    expect(exportTier(true, 'standard')).toBe('batch');
    expect(exportTier(false, 'flex')).toBe('flex');
    expect(thrown(() => exportTier(true, 'priority')).message).toBe(
      'batch is TRUE but service_tier is "priority": a Batch API row has no priority price',
    );
  });
});

describe('how the token columns add up', () => {
  test("OpenAI's schema example adds up under the 2026 reading (audio excludes cached audio)", () => {
    // components.schemas.UsageCompletionsResult example: 5000 = 1800 + 200 + 3000 (uncached),
    // 3000 = 2500 text + 300 audio + 200 image, 1800 = 1500 + 100 + 200
    const t = tokens({
      input: 5000,
      cached: 1800,
      cacheWrite: 200,
      textInput: 2500,
      audioInput: 300,
      cachedAudio: 100,
      imageInput: 200,
      cachedImage: 200,
    });
    expect(audioIncludesCached(t, 3000, null)).toBe(false);
    expect(audioIncludesCached(t, 3000, day('2025-01-01'))).toBe(false); // the parts decide
  });

  test('a row whose parts add up only with cached audio inside the audio count: the old reading', () => {
    const t = tokens({
      input: 1000,
      cached: 300,
      textInput: 500,
      audioInput: 300,
      cachedAudio: 100,
    });
    expect(audioIncludesCached(t, 700, null)).toBe(true);
  });

  test('the day of the change and the token columns, as written in the module', () => {
    expect(AUDIO_UNCACHED_SINCE).toBe(day('2026-07-15'));
    // every token count of the dashboard's header that the cost reads, and nothing else
    expect([...USAGE_TOKEN_COLUMNS].sort()).toEqual(
      DASHBOARD_USAGE_HEADER.filter(
        (c) =>
          c.endsWith('_tokens') &&
          !['input_uncached_tokens', 'input_cached_text_tokens', 'output_text_tokens'].includes(c),
      ).sort(),
    );
    expect(USAGE_COST_COLUMNS).toEqual(expect.arrayContaining([...USAGE_TOKEN_COLUMNS, 'model']));
  });

  test('without a text column the day decides: before 2026-07-15 audio included cached audio', () => {
    const t = tokens({ input: 1000, cached: 300, audioInput: 300, cachedAudio: 100 });
    expect(audioIncludesCached(t, 700, day('2026-07-14'))).toBe(true);
    expect(audioIncludesCached(t, 700, day('2026-07-15'))).toBe(false);
    expect(audioIncludesCached(t, 700, null)).toBe(false);
    expect(audioIncludesCached({ ...t, cachedAudio: 0 }, 700, day('2026-07-14'))).toBe(false);
  });

  test('old-reading audio: cached audio is priced once, at the cached audio rate', () => {
    // gpt-realtime on 2026-07-01: audio input 300 of which 100 cached (inside the 300)
    const cost = price('gpt-realtime', '2026-07-01', 'standard', {
      input: 1000,
      cached: 300,
      audioInput: 300,
      cachedAudio: 100,
    });
    // text: 500 uncached x $4 + 200 cached x $0.4; audio: 200 x $32 + 100 cached x $0.4
    expectClose(cost, (500 * 4 + 200 * 0.4 + 200 * 32 + 100 * 0.4) / 1e6);
  });

  test('parts larger than their totals are not priced, naming the columns', () => {
    expect(price('gpt-4o', null, 'standard', { input: 100, cached: 80, cacheWrite: 30 })).toBe(
      'input_cached_tokens (80) plus input_cache_write_tokens (30) exceed input_tokens (100): they are part of it',
    );
    expect(
      price('gpt-realtime', null, 'standard', { input: 100, audioInput: 90, imageInput: 20 }),
    ).toBe(
      'input_audio_tokens plus input_image_tokens (110) exceed the uncached input tokens (100)',
    );
    expect(
      price('gpt-realtime', null, 'standard', { input: 100, cached: 10, cachedAudio: 20 }),
    ).toBe(
      'input_cached_audio_tokens plus input_cached_image_tokens (20) exceed input_cached_tokens (10)',
    );
    expect(price('gpt-realtime', null, 'standard', { output: 10, audioOutput: 11 })).toBe(
      'output_audio_tokens plus output_image_tokens (11) exceed output_tokens (10)',
    );
  });
});

describe("a row's cost", () => {
  const rows: [string, Record<string, unknown>, string][] = [
    [
      'text with cached tokens',
      {
        model: 'gpt-5-nano-2025-08-07',
        input_tokens: 31422,
        output_tokens: 1200,
        input_cached_tokens: 20000,
      },
      '2026-08-31',
    ],
    [
      'batch',
      {
        model: 'gpt-4o-mini',
        input_tokens: 1e6,
        output_tokens: 2e5,
        batch: true,
        num_model_requests: 9,
      },
      '2026-08-31',
    ],
    [
      'priority',
      {
        model: 'gpt-5',
        input_tokens: 5e4,
        output_tokens: 8e3,
        input_cached_tokens: 1e4,
        service_tier: 'priority',
      },
      '2026-08-31',
    ],
    [
      'flex',
      {
        model: 'gpt-5-2025-08-07',
        input_tokens: 6e5,
        output_tokens: 1e5,
        input_cached_tokens: 3e5,
        service_tier: 'flex',
        num_model_requests: 40,
      },
      '2026-08-31',
    ],
    [
      'cache writes',
      {
        model: 'gpt-5.6-terra',
        input_tokens: 9e4,
        output_tokens: 5e3,
        input_cached_tokens: 3e4,
        input_cache_write_tokens: 2e4,
      },
      '2026-08-31',
    ],
    [
      'long context per average request',
      { model: 'gpt-5.4', input_tokens: 3e6, output_tokens: 2e4, num_model_requests: 10 },
      '2026-09-01',
    ],
    [
      'the same day as short requests',
      { model: 'gpt-5.4', input_tokens: 3e6, output_tokens: 2e4, num_model_requests: 12 },
      '2026-09-01',
    ],
    [
      'audio and image breakdowns',
      {
        model: 'gpt-realtime',
        input_tokens: 1000,
        output_tokens: 200,
        input_cached_tokens: 400,
        input_audio_tokens: 200,
        input_cached_audio_tokens: 100,
        output_audio_tokens: 100,
        input_image_tokens: 100,
        input_cached_image_tokens: 100,
      },
      '2026-08-31',
    ],
    [
      'image tokens of an image model',
      {
        model: 'gpt-image-1',
        input_tokens: 5000,
        output_tokens: 4160,
        input_image_tokens: 4000,
        output_image_tokens: 4160,
      },
      '2026-08-31',
    ],
    [
      'vision input of a text model: its text input rate',
      {
        model: 'gpt-4.1',
        input_tokens: 3000,
        output_tokens: 100,
        input_image_tokens: 1500,
        input_cached_tokens: 500,
        input_cached_image_tokens: 200,
      },
      '2026-08-31',
    ],
  ];

  test.each(rows)('%s', (_, row, iso) => {
    const n = (v: unknown) => (v === undefined ? 0 : (v as number));
    const cost = price(
      String(row.model),
      iso,
      row.batch ? 'batch' : ((row.service_tier as 'flex' | 'priority') ?? 'standard'),
      {
        input: n(row.input_tokens),
        output: n(row.output_tokens),
        cached: n(row.input_cached_tokens),
        cacheWrite: n(row.input_cache_write_tokens),
        requests: row.num_model_requests === undefined ? NaN : n(row.num_model_requests),
        audioInput: n(row.input_audio_tokens),
        cachedAudio: n(row.input_cached_audio_tokens),
        audioOutput: n(row.output_audio_tokens),
        imageInput: n(row.input_image_tokens),
        cachedImage: n(row.input_cached_image_tokens),
        imageOutput: n(row.output_image_tokens),
      },
    );
    const ref = usageRowRef({ num_model_requests: '', ...row }, iso);
    expectClose(cost, ref);
  });

  test('10 requests of 300,000 input tokens are long context; 12 of 250,000 are not', () => {
    const long = price('gpt-5.4', '2026-09-01', 'standard', {
      input: 3e6,
      output: 2e4,
      requests: 10,
    });
    const short = price('gpt-5.4', '2026-09-01', 'standard', {
      input: 3e6,
      output: 2e4,
      requests: 12,
    });
    expect(long).toBe((3e6 * 5 + 2e4 * 22.5) / 1e6);
    expect(short).toBe((3e6 * 2.5 + 2e4 * 15) / 1e6);
  });

  test('rows that cannot be priced say why', () => {
    const reason = (
      model: string,
      iso: string | null,
      tier: 'standard' | 'batch' | 'priority',
      parts: Partial<ExportTokens>,
    ) => price(model, iso, tier, parts);
    expect(reason('gpt-5-nanoo', null, 'standard', { input: 1 })).toBe(
      'unknown model "gpt-5-nanoo" (did you mean "gpt-5-nano"?)',
    );
    expect(reason('gpt-6-sol', '2026-08-31', 'standard', { input: 1 })).toBe(
      'gpt-6-sol was released on 2026-09-23: it has no price on 2026-08-31',
    );
    expect(reason('gpt-4o', '2025-01-01', 'standard', { input: 1 })).toBe(
      'no prices before 2025-06-26 (the oldest price data); 2025-01-01 is earlier',
    );
    expect(reason('gpt-5-nano', null, 'priority', { input: 1 })).toBe(
      'gpt-5-nano is not offered in the priority (priority processing) tier (offered in: standard, batch, flex)',
    );
    expect(reason('gpt-4o-mini', null, 'standard', { input: 500, audioInput: 300 })).toBe(
      '"gpt-4o-mini" has no audio-token price: the row has 300 audio tokens',
    );
    expect(reason('gpt-4.1', null, 'standard', { output: 500, imageOutput: 100 })).toBe(
      '"gpt-4.1" has no output image-token price: the row has 100 output image tokens',
    );
    expect(reason('gpt-realtime', null, 'batch', { input: 500, audioInput: 300 })).toBe(
      'gpt-realtime is not offered in the batch (Batch API) tier (offered in: standard)',
    );
    expect(reason('text-embedding-3-large', null, 'standard', { input: 10, output: 5 })).toBe(
      "text-embedding-3-large has no output price (not offered) for the row's 5 output tokens",
    );
    expect(reason('gpt-4o', null, 'standard', { input: 10, requests: 0 })).toBe(
      'num_model_requests is 0; a row with tokens needs 1 or more',
    );
    expect(reason('gpt-5.4', null, 'standard', { input: 3e6, output: 2e4 })).toBe(
      '3,000,000 input tokens do not fit in one gpt-5.4 request (context window 1,050,000 tokens): the row sums several requests, so give their number (num_model_requests)',
    );
  });

  test('a row with a model and no tokens costs 0; an unknown model is still not priced', () => {
    expect(price('gpt-4o', null, 'standard', {})).toBe(0);
    expect(price('gpt-9', null, 'standard', {})).toMatch(/^unknown model "gpt-9"/);
  });

  test('whole token counts give the double nearest the exact cost', () => {
    fc.assert(
      fc.property(
        fc.nat(2_000_000),
        fc.nat(2_000_000),
        fc.double({ min: 0, max: 1, noNaN: true }),
        fc.integer({ min: 1, max: 100 }),
        (input, output, share, requests) => {
          const cached = Math.floor(input * share);
          const cost = price('gpt-5.5', '2026-08-31', 'standard', {
            input,
            output,
            cached,
            requests,
          });
          const ref = usageRowRef(
            {
              model: 'gpt-5.5',
              input_tokens: input,
              output_tokens: output,
              input_cached_tokens: cached,
              num_model_requests: requests,
            },
            '2026-08-31',
          );
          expect(cost).toBe(ref.toNumber());
        },
      ),
      { numRuns: 200 },
    );
  });
});

describe('context window: a row with no requests count must fit in one request', () => {
  const model = (window: number | null, sectionId = 'text'): TokenModel =>
    ({
      ...resolveTextModel('gpt-4o'),
      name: 'test-model',
      contextWindow: window,
      sectionId,
    }) as TokenModel;

  test('above the window is an error that asks for the count; at it, none', () => {
    expect(() => checkOneRequest(model(1000), 1000, 'requests')).not.toThrow();
    expect(thrown(() => checkOneRequest(model(1000), 1001, 'requests')).message).toBe(
      '1,001 input tokens do not fit in one test-model request (context window 1,000 tokens): the row sums several requests, so give their number (requests)',
    );
    expect(() => checkOneRequest(model(null), 1e12, 'requests')).not.toThrow();
    expect(thrown(() => checkOneRequest(model(8), 1e308, 'x')).message).toMatch(/^1e\+308 input/);
  });

  test('embeddings and moderation take a list of inputs per request: no bound', () => {
    expect(contextWindowOf(model(8192, 'embeddings'))).toBeNull();
    expect(contextWindowOf(model(32768, 'moderation'))).toBeNull();
    expect(contextWindowOf(model(8192))).toBe(8192);
    expect(contextWindowOf(resolveTextModel('text-embedding-3-small'))).toBeNull();
    expect(contextWindowOf(resolveTextModel('gpt-4o'))).toBe(
      resolveTextModel('gpt-4o').contextWindow,
    );
  });
});
