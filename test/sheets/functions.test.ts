// Every custom function of the BUILT bundle, called the way Sheets calls it: scalars, 2D ranges,
// "" for blanks, Date objects, undefined for omitted arguments.
import vm from 'node:vm';
import { loadBundle, type Bundle } from '../support/bundle';
import {
  D,
  expectClose,
  isErrorObject,
  rawCatalog,
  rowOf,
  sectionOf,
  thrown,
  type AnyRow,
  TEXT_HEADER_NOW,
} from '../support/reference';

let fns: Bundle;
let context: vm.Context;
beforeAll(() => {
  ({ fns, context } = loadBundle());
});

/** The message of the Error the call throws (an Error of the bundle's realm). */
function errorMessage(call: () => unknown): string {
  const error = thrown(call);
  expect(isErrorObject(error)).toBe(true);
  expect(typeof error.message).toBe('string');
  expect(error.message.length).toBeGreaterThan(0);
  return error.message;
}

const col = (...values: unknown[]) => values.map((v) => [v]);
/** arrays of the vm realm compare by value */
const plain = (value: unknown) => JSON.parse(JSON.stringify(value));

describe('OPENAI_COST shapes', () => {
  test('scalars', () => {
    // 1M input tokens are more than one gpt-4o request holds: such a row says how many it sums
    expect(fns.OPENAI_COST('gpt-4o', 1_000_000, 1_000_000, '', '', '', 10)).toBe(12.5);
    expect(fns.OPENAI_COST('gpt-4o', 100_000, 100_000)).toBe(1.25);
    expect(fns.OPENAI_COST('gpt-4.1', 1000, 500, 'standard', 400)).toBe(0.0054);
    expect(fns.OPENAI_COST('gpt-4o', 1_000_000, 1_000_000, 'batch', 400_000, '', 10)).toBe(6.25);
    expect(fns.OPENAI_COST('o4-mini', 1_000_000, 0, 'flex', 1_000_000, '', 10)).toBe(0.138);
    expect(
      fns.OPENAI_COST('ft:gpt-4o-mini-2024-07-18:acme::abc123', 1e6, 1e6, '', '', '', 10),
    ).toBe(1.5);
    expect(fns.OPENAI_COST('omni-moderation-latest', 1e6, 0)).toBe(0);
    expect(fns.OPENAI_COST('text-embedding-3-small', 1e6, '')).toBe(0.02);
  });

  test('a 1x1 range is a scalar', () => {
    expect(fns.OPENAI_COST([['gpt-4o']], [[1e5]], [[0]])).toBe(0.25);
  });

  test('a column in, a column out', () => {
    const out = fns.OPENAI_COST(
      col('gpt-4o', 'o3', 'gpt-4.1-nano'),
      col(1e6, 2e6, 1e6),
      col(0, 1e6, 1e6),
      '',
      '',
      '',
      10,
    );
    expect(plain(out)).toEqual([[2.5], [12], [0.5]]);
  });

  test('a row in, a row out', () => {
    const out = fns.OPENAI_COST(
      [['gpt-4o', 'o3', 'gpt-4.1-nano']],
      [[1e6, 2e6, 1e6]],
      [[0, 1e6, 1e6]],
      '',
      '',
      '',
      10,
    );
    expect(plain(out)).toEqual([[2.5, 12, 0.5]]);
  });

  test('a 2D block', () => {
    const out = fns.OPENAI_COST(
      [
        ['gpt-4o', 'o3'],
        ['o1', ''],
      ],
      [
        [1e6, 2e6],
        [1e6, ''],
      ],
      5e5,
      '',
      '',
      '',
      10,
    );
    expect(plain(out)).toEqual([
      [7.5, 8],
      [45, ''],
    ]);
  });

  test('blank rows stay blank; an open-ended column with trailing blanks', () => {
    const models = col('gpt-4o', '', 'o3', '', '', '', '');
    const input = col(1e6, '', 1e6, '', '', '', '');
    const output = col(0, '', 0, '', '', '', '');
    expect(plain(fns.OPENAI_COST(models, input, output, '', '', '', 10))).toEqual([
      [2.5],
      [''],
      [2],
      [''],
      [''],
      [''],
      [''],
    ]);
    // and with the general path (a text number forces it)
    const input2 = col('1000000', '', 1e6, '', '', '', '');
    expect(plain(fns.OPENAI_COST(models, input2, output, '', '', '', 10))).toEqual([
      [2.5],
      [''],
      [2],
      [''],
      [''],
      [''],
      [''],
    ]);
    // blank token counts next to a filled model count as 0
    expect(
      plain(fns.OPENAI_COST(col('gpt-4o', 'o3'), col('', 1e6), col(1e6, ''), '', '', '', 10)),
    ).toEqual([[10], [2]]);
    expect(fns.OPENAI_COST('', '', '')).toBe('');
  });

  test('mixed tiers in a column', () => {
    const out = fns.OPENAI_COST(
      col('gpt-4o', 'gpt-4o', 'o3', 'o4-mini', 'gpt-4o'),
      1e6,
      1e6,
      col('standard', 'Batch', 'flex', 'FLEX', ''),
      col(0, 5e5, 0, 1e6, 5e5),
      '',
      10,
    );
    expect(plain(out)).toEqual([[12.5], [6.25], [5], [0.138 + 2.2], [11.875]]);
  });

  test('a scalar broadcast against a column', () => {
    const out = fns.OPENAI_COST('o3', col(1e6, 2e6, ''), 0, '', '', '', 10);
    expect(plain(out)).toEqual([[2], [4], ['']]);
    const out2 = fns.OPENAI_COST(col('o3', 'gpt-4o'), 1e6, 1e6, 'batch', '', '', 10);
    expect(plain(out2)).toEqual([[5], [6.25]]);
  });

  test('mismatched shapes: the error names both shapes', () => {
    expect(errorMessage(() => fns.OPENAI_COST('gpt-4o', col(1, 2), col(1, 2, 3)))).toBe(
      'input_tokens is 2 rows × 1 column but output_tokens is 3 rows × 1 column: ranges must have the same shape',
    );
    expect(errorMessage(() => fns.OPENAI_COST(col('gpt-4o', 'o3'), [[1, 2]], 0))).toMatch(
      /^model is 2 rows × 1 column but input_tokens is 1 row × 2 columns/,
    );
  });

  test('plain numbers typed as text are accepted', () => {
    expect(fns.OPENAI_COST('gpt-4o', '1200', ' 1e6 ')).toBe(fns.OPENAI_COST('gpt-4o', 1200, 1e6));
    expect(fns.OPENAI_COST('gpt-4o', '100000', '0', 'standard', '50000')).toBe(0.1875);
    expect(fns.OPENAI_COST('gpt-4o', '1000000', '0', 'standard', '500000', '', '10')).toBe(1.875);
  });

  test('omitted optional arguments behave as defaults', () => {
    expect(fns.OPENAI_COST('gpt-4o', 1e5, 1e5, undefined, undefined)).toBe(1.25);
    expect(fns.OPENAI_COST('gpt-4o', 1e5, 1e5)).toBe(1.25);
    expect(fns.OPENAI_COST('gpt-4o', 1e5, 1e5, '', '')).toBe(1.25);
    expect(fns.OPENAI_IMAGE_COST('gpt-image-1', 'high', '1024x1536')).toBe(0.25);
    expect(fns.OPENAI_IMAGE_COST('gpt-image-1', 'high', '1024x1536', undefined)).toBe(0.25);
    expect(fns.OPENAI_TOOL_COST('code interpreter', 10, undefined)).toBe(0.3);
    expect(fns.OPENAI_PRICE('gpt-4o', undefined, undefined)).toBe(2.5);
  });
});

describe('bad cells: the message names the row and counts the others', () => {
  const innerDate = () => vm.runInContext('new Date(2025, 0, 1)', context);
  const BAD_TOKENS: [string, () => unknown, RegExp][] = [
    ['text', () => 'abc', /input_tokens is the text "abc", not a number/],
    [
      'thousands separators',
      () => '1,000',
      /input_tokens is the text "1,000", not a number \(remove the thousands separators\)/,
    ],
    ['negative', () => -5, /input_tokens is negative \(-5\); it must be 0 or more/],
    ['NaN', () => NaN, /input_tokens is not a number \(NaN\)/],
    ['Infinity', () => Infinity, /input_tokens is Infinity: the numbers are too large to compute/],
    [
      '-Infinity',
      () => -Infinity,
      /input_tokens is -Infinity: the numbers are too large to compute/,
    ],
    ['TRUE', () => true, /input_tokens is TRUE, not a number/],
    ['FALSE', () => false, /input_tokens is FALSE, not a number/],
    ['a Date of the bundle realm', innerDate, /input_tokens is the date 2025-01-01, not a number/],
    [
      'a Date of the outer realm',
      () => new Date(2025, 0, 1),
      /input_tokens is the date 2025-01-01, not a number/,
    ],
  ];

  for (const [what, value, message] of BAD_TOKENS) {
    test(`${what}: scalar and in a column`, () => {
      expect(errorMessage(() => fns.OPENAI_COST('gpt-4o', value(), 1))).toMatch(
        new RegExp(`^${message.source}$`),
      );
      const one = errorMessage(() => fns.OPENAI_COST('gpt-4o', col(1, value(), 3), 1));
      expect(one).toMatch(new RegExp(`^row 2: ${message.source}$`));
      const three = errorMessage(() =>
        fns.OPENAI_COST('gpt-4o', col(1, value(), 3, value(), value()), 1),
      );
      expect(three).toMatch(new RegExp(`^row 2: ${message.source}; 2 more rows have errors$`));
    });
  }

  test('unknown model (with the suggestion)', () => {
    expect(
      errorMessage(() =>
        fns.OPENAI_COST(col('gpt-4o', 'gpt4o', 'o3', 'gpt-4o'), 1, col(1, 1, 1, -1)),
      ),
    ).toBe('row 2: unknown model "gpt4o" (did you mean "gpt-4o"?); 1 more row has an error');
  });

  test('cached > input', () => {
    expect(
      errorMessage(() => fns.OPENAI_COST(col('gpt-4o', 'gpt-4o'), col(10, 10), 0, '', col(5, 11))),
    ).toBe(
      'row 2: cached input tokens (11) exceed input tokens (10): they are part of input tokens',
    );
  });

  test('output tokens for an embedding model', () => {
    expect(
      errorMessage(() =>
        fns.OPENAI_COST(col('text-embedding-3-small', 'text-embedding-3-large'), 100, col(0, 5)),
      ),
    ).toBe(
      'row 2: text-embedding-3-large has no output price (not offered): output tokens must be 0 or blank',
    );
  });

  test('a tier the model is not offered in', () => {
    expect(
      errorMessage(() => fns.OPENAI_COST(col('gpt-4o', 'gpt-4o-audio-preview'), 100, 1, 'batch')),
    ).toBe(
      'row 2: gpt-4o-audio-preview is not offered in the batch (Batch API) tier (offered in: standard)',
    );
    expect(errorMessage(() => fns.OPENAI_COST('gpt-4o', 100, 1, 'flex'))).toBe(
      'gpt-4o is not offered in the flex (flex processing) tier (offered in: standard, batch, priority)',
    );
    expect(errorMessage(() => fns.OPENAI_COST('gpt-4o', 100, 1, 'premium'))).toMatch(
      /^unknown tier "premium"/,
    );
  });

  test('bad model cells', () => {
    expect(errorMessage(() => fns.OPENAI_COST(col('gpt-4o', true), 1, 1))).toBe(
      'row 2: model must be text, got TRUE',
    );
    expect(errorMessage(() => fns.OPENAI_COST(col('gpt-4o', ''), 1, col(1, 2)))).toBe(
      'row 2: model is blank',
    );
  });

  test('a 2D block names row and column', () => {
    expect(
      errorMessage(() =>
        fns.OPENAI_COST(
          [
            ['gpt-4o', 'o3'],
            ['o1', 'x'],
          ],
          [
            [1, -1],
            [1, 1],
          ],
          1,
        ),
      ),
    ).toMatch(
      /^row 1, column 2: input_tokens is negative \(-1\); it must be 0 or more; 1 more cell has an error$/,
    );
  });

  test('every other function reports bad rows the same way', () => {
    expect(
      errorMessage(() =>
        fns.OPENAI_AUDIO_COST(col('gpt-4o-realtime-preview', 'gpt-4o-mini-tts'), col(1, 1), 0),
      ),
    ).toBe(
      'row 2: gpt-4o-mini-tts has no audio input price (not offered): audio input tokens must be 0 or blank',
    );
    expect(
      errorMessage(() => fns.OPENAI_IMAGE_TOKENS_COST('gpt-image-1', col(1, 1), 0, '', col(0, 2))),
    ).toBe(
      'row 2: cached image input tokens (2) exceed image input tokens (1): they are part of input tokens',
    );
    expect(
      errorMessage(() => fns.OPENAI_IMAGE_COST('gpt-image-1', col('low', 'ultra'), '1024x1024')),
    ).toBe('row 2: gpt-image-1 has no quality "ultra" (use "low", "medium", "high")');
    expect(errorMessage(() => fns.OPENAI_MINUTES_COST(col('whisper-1', 'tts-1'), 1))).toBe(
      'row 2: "tts-1" has no per-minute price; use OPENAI_TTS_COST (per-character (TTS) price)',
    );
    expect(errorMessage(() => fns.OPENAI_TTS_COST('tts-1', col(1, 'many')))).toBe(
      'row 2: characters is the text "many", not a number',
    );
    expect(
      errorMessage(() => fns.OPENAI_TRAINING_COST(col('gpt-4.1', 'gpt-4.1'), col(1, -2))),
    ).toBe('row 2: quantity is negative (-2); it must be 0 or more');
    expect(
      errorMessage(() =>
        fns.OPENAI_TOOL_COST('web search', 1000, col('gpt-4o', 'o1', 'o3', 'o1-pro')),
      ),
    ).toMatch(
      /^row 2: the pricing page has no Web Search price for o1 \(.*\); 1 more row has an error$/,
    );
    expect(
      errorMessage(() => fns.OPENAI_PRICE(col('o1-pro', 'o1-pro'), col('input', 'cached_input'))),
    ).toBe('row 2: o1-pro has no cached input price: the price list shows "-" (not offered)');
  });
});

describe('the other cost functions', () => {
  test('OPENAI_AUDIO_COST and OPENAI_IMAGE_TOKENS_COST', () => {
    expect(fns.OPENAI_AUDIO_COST('gpt-4o-realtime-preview', 1e6, 1e6, '', 1e6)).toBe(82.5);
    expect(fns.OPENAI_AUDIO_COST('gpt-4o-audio-preview', 1e6, 0, undefined, 5e5)).toBe(40);
    expect(
      plain(
        fns.OPENAI_AUDIO_COST(
          col('gpt-4o-transcribe', 'gpt-4o-mini-tts'),
          col(1e6, 0),
          col(0, 1e6),
        ),
      ),
    ).toEqual([[6], [12]]);
    expect(fns.OPENAI_IMAGE_TOKENS_COST('gpt-image-1', 1e6, 1e6, 'standard', 1e6)).toBe(42.5);
  });

  test('OPENAI_IMAGE_COST: every row of the page, a column of sizes', () => {
    for (const row of sectionOf('image_generation').rows as AnyRow[]) {
      expect(
        fns.OPENAI_IMAGE_COST(row.apiId, row.quality.toUpperCase(), row.size.replace('x', '×'), 1),
      ).toBe(row.price);
    }
    const out = fns.OPENAI_IMAGE_COST(
      'DALL·E 3',
      'hd',
      col('1024x1024', '1792 x 1024', ''),
      col(10, 1, ''),
    );
    expect(plain(out)).toEqual([[0.8], [0.12], ['']]);
  });

  test('OPENAI_MINUTES_COST, OPENAI_TTS_COST, OPENAI_TRAINING_COST, OPENAI_TOOL_COST', () => {
    expect(fns.OPENAI_MINUTES_COST('whisper-1', 60)).toBe(0.36);
    expect(
      plain(fns.OPENAI_MINUTES_COST(col('Whisper', 'gpt-4o-mini-tts', ''), col(10, 10, ''))),
    ).toEqual([[0.06], [0.15], ['']]);
    expect(fns.OPENAI_TTS_COST('tts-1-hd', 1e6)).toBe(30);
    expect(fns.OPENAI_TTS_COST('TTS', '250000')).toBe(3.75);
    expect(fns.OPENAI_TRAINING_COST('gpt-4o-mini-2024-07-18', 2e6)).toBe(6);
    expect(fns.OPENAI_TRAINING_COST('o4-mini', 1.5)).toBe(150);
    expect(fns.OPENAI_TOOL_COST('web search', 1000, 'gpt-4.1')).toBe(25);
    expect(fns.OPENAI_TOOL_COST('web search', 1000, 'o3')).toBe(10);
    expect(fns.OPENAI_TOOL_COST('file search', 500)).toBe(1.25);
    expect(fns.OPENAI_TOOL_COST('file search storage', 10)).toBe(1);
    expect(
      plain(
        fns.OPENAI_TOOL_COST(
          col('code interpreter', 'web search'),
          col(2, 1000),
          col('', 'o4-mini'),
        ),
      ),
    ).toEqual([[0.06], [10]]);
    expect(errorMessage(() => fns.OPENAI_TOOL_COST('web search', 1000))).toMatch(
      /^Web Search needs a model/,
    );
  });
});

describe('look-up functions', () => {
  test('OPENAI_PRICE', () => {
    expect(fns.OPENAI_PRICE('gpt-4.1')).toBe(2);
    expect(fns.OPENAI_PRICE('o4-mini', 'cached_input', 'flex')).toBe(0.138);
    expect(fns.OPENAI_PRICE('gpt-4o', 'output', 'batch')).toBe(5);
    expect(fns.OPENAI_PRICE('tts-1-hd', 'per_1m_characters')).toBe(30);
    expect(plain(fns.OPENAI_PRICE(col('gpt-4o', 'o3'), 'output'))).toEqual([[10], [8]]);
    expect(errorMessage(() => fns.OPENAI_PRICE('gpt-4o', 'cached_input', 'batch'))).toMatch(
      /no cached input price in Batch/,
    );
  });

  test('OPENAI_MODELS with and without a category', () => {
    const all = plain(fns.OPENAI_MODELS());
    expect(all[0]).toEqual(['model', 'category', 'released', 'status']);
    expect(all).toContainEqual(['gpt-4.1-2025-04-14', 'text', 'before 2025-06-26', 'current']);
    expect(all).toContainEqual(['gpt-5', 'text', '2025-08-07', 'retires 2026-12-11']);
    expect(all).toContainEqual(['gpt-5.4', 'text', '2026-03-05', 'current']);
    expect(all).toContainEqual([
      'gpt-4.5-preview',
      'text',
      'before 2025-06-26',
      'retired 2025-07-14',
    ]);
    expect(all).toContainEqual(['whisper-1', 'audio_models', 'before 2025-06-26', 'current']);
    expect(all).toContainEqual(['dall-e-3', 'image_generation', 'before 2025-06-26', 'current']);
    for (const row of all) expect(row).toHaveLength(4);
    expect(plain(fns.OPENAI_MODELS(undefined))).toEqual(all);
    // with a date: the models offered that day
    const flexThen = plain(fns.OPENAI_MODELS('flex', '2025-06-26'));
    expect(flexThen).toEqual([['o3'], ['o3-2025-04-16'], ['o4-mini'], ['o4-mini-2025-04-16']]);
    const flexNow = plain(fns.OPENAI_MODELS('flex')).flat();
    expect(flexNow).toEqual(expect.arrayContaining(['o3', 'gpt-5', 'gpt-5.6-luna']));
    // listed in flex exactly when OPENAI_COST prices it in flex (gpt-5.6-sol's flex prices ended)
    for (const row of sectionOf('flex').rows as AnyRow[]) {
      let flexPriced = true;
      try {
        fns.OPENAI_COST(row.model, 1, 1, 'flex');
      } catch {
        flexPriced = false;
      }
      expect([row.model, flexNow.includes(row.model)]).toEqual([row.model, flexPriced]);
    }
    const textThen = plain(fns.OPENAI_MODELS('text', '2025-07-01')).flat();
    expect(textThen).not.toContain('gpt-5');
    expect(textThen).toContain('gpt-4.5-preview');
    expect(plain(fns.OPENAI_MODELS('text', '2025-07-14')).flat()).not.toContain('gpt-4.5-preview');
    expect(plain(fns.OPENAI_MODELS('retired')).flat()).toContain('gpt-4.5-preview');
    expect(errorMessage(() => fns.OPENAI_MODELS('text', 'yesterday'))).toMatch(
      /^date is the text "yesterday", not a date/,
    );
    expect(plain(fns.OPENAI_MODELS('embeddings')).flat()).toEqual(
      (sectionOf('embeddings').rows as AnyRow[]).map((r) => r.model),
    );
    expect(errorMessage(() => fns.OPENAI_MODELS('chat'))).toMatch(
      /^unknown category "chat" \(use "text", /,
    );
    expect(errorMessage(() => fns.OPENAI_MODELS([['text'], ['flex']]))).toMatch(
      /category must be a single value/,
    );
  });

  test('OPENAI_PRICE_TABLE: header first, "not offered" cells', () => {
    // as the page stood on its day: its 24 rows, its columns, then the two gpt-4o snapshots it
    // left out (annotations addedRows)
    const page = plain(fns.OPENAI_PRICE_TABLE('text', 'standard', '2025-06-26'));
    expect(page[0]).toEqual(['Model', 'Snapshot', 'Input', 'Cached input', 'Output']);
    expect(page).toHaveLength(27);
    expect(page.slice(-2).map((row: unknown[]) => row[0])).toEqual([
      'gpt-4o-2024-11-20',
      'gpt-4o-2024-05-13',
    ]);
    expect(page).toContainEqual(['o1-pro', 'o1-pro-2025-03-19', 150, 'not offered', 600]);
    // today: new models, cache-write and long-context columns, retired models left out
    const text = plain(fns.OPENAI_PRICE_TABLE());
    expect(text[0]).toEqual(TEXT_HEADER_NOW);
    expect(text).toContainEqual([
      'o1-pro',
      'o1-pro-2025-03-19',
      150,
      'not offered',
      600,
      '',
      '',
      '',
      '',
    ]);
    expect(text).toContainEqual(['gpt-5.6-luna', '', 0.2, 0.02, 1.2, 0.25, 0.4, 0.04, 1.8]);
    expect(text.map((r: unknown[]) => r[0])).not.toContain('gpt-4.5-preview');
    expect(plain(fns.OPENAI_PRICE_TABLE('text', '', '2026-07-29'))).toContainEqual([
      'gpt-5.6-luna',
      '',
      1,
      0.1,
      6,
      1.25,
      2,
      0.2,
      9,
    ]);
    const retired = plain(fns.OPENAI_PRICE_TABLE('retired'));
    expect(retired[0]).toEqual([
      'Model',
      'Snapshot',
      'Table',
      'Retired on',
      'Input',
      'Cached input',
      'Output',
    ]);
    expect(retired).toContainEqual([
      'gpt-4.5-preview',
      'gpt-4.5-preview-2025-02-27',
      'Text tokens',
      '2025-07-14',
      75,
      37.5,
      150,
    ]);
    const batch = plain(fns.OPENAI_PRICE_TABLE('text', 'batch', '2025-06-26'));
    expect(batch).toContainEqual(['gpt-4o', 'gpt-4o-2024-08-06', 1.25, 'not offered', 5]);
    expect(batch).toContainEqual([
      'codex-mini-latest',
      'codex-mini-latest',
      'not offered',
      'not offered',
      'not offered',
    ]);
    expect(plain(fns.OPENAI_PRICE_TABLE('flex', '', '2025-06-26'))[2]).toEqual([
      'o4-mini',
      'o4-mini-2025-04-16',
      0.55,
      0.138,
      2.2,
    ]);
    const images = plain(fns.OPENAI_PRICE_TABLE('image_generation'));
    expect(images[0]).toEqual(['Model', 'API id', 'Quality', 'Size', 'Price per image']);
    expect(images).toContainEqual(['GPT Image 1', 'gpt-image-1', 'high', '1536x1024', 0.25]);
    expect(errorMessage(() => fns.OPENAI_PRICE_TABLE('audio', 'batch'))).toMatch(
      /has no batch prices \(it has: standard\)/,
    );
    const stacked = plain(fns.OPENAI_PRICE_TABLE('transcription'));
    const width = stacked[0].length;
    for (const row of stacked) expect(row).toHaveLength(width);
  });

  test('OPENAI_COMPARE: header, cheapest first, tier filter', () => {
    const standard = plain(fns.OPENAI_COMPARE(1e6, 1e6));
    expect(standard[0]).toEqual(['model', 'snapshot', 'cost']);
    const costs = standard.slice(1).map((r: unknown[]) => r[2]);
    expect(costs).toEqual([...costs].sort((a, b) => a - b));
    expect(standard.slice(1).find((r: unknown[]) => r[0] === 'gpt-4o')[2]).toBe(12.5);
    // gpt-image-1 has no text output price, so it cannot serve a workload with output
    expect(standard.slice(1).map((r: unknown[]) => r[0])).not.toContain('gpt-image-1');
    const flex = plain(fns.OPENAI_COMPARE(1e6, 1e6, 'flex', 0, '2025-06-26'));
    expect(flex.slice(1).map((r: unknown[]) => r[0])).toEqual(['o4-mini', 'o3']);
    // today's current models only: gpt-4.5-preview was retired on 2025-07-14
    const names = standard.slice(1).map((r: unknown[]) => r[0]);
    expect(names).toContain('gpt-5');
    expect(names).not.toContain('gpt-4.5-preview');
    const then = plain(fns.OPENAI_COMPARE(1e6, 1e6, 'standard', 0, '2025-07-01'));
    expect(then.slice(1).map((r: unknown[]) => r[0])).toContain('gpt-4.5-preview');
    expect(then.slice(1).map((r: unknown[]) => r[0])).not.toContain('gpt-5');
    const priority = plain(fns.OPENAI_COMPARE(1e6, 1e6, 'priority'));
    expect(priority.slice(1).find((r: unknown[]) => r[0] === 'gpt-5')[2]).toBe(22.5);
    const batch = plain(fns.OPENAI_COMPARE(1e6, 1e6, 'batch', 5e5));
    const batchNames = batch.slice(1).map((r: unknown[]) => r[0]);
    for (const absent of [
      'gpt-4o-audio-preview',
      'gpt-4o-mini-audio-preview',
      'gpt-4o-realtime-preview',
      'gpt-4o-mini-realtime-preview',
      'gpt-4o-search-preview',
      'gpt-4o-mini-search-preview',
      'codex-mini-latest',
      'o1-mini',
      'gpt-image-1',
    ]) {
      expect(batchNames).not.toContain(absent);
    }
    expect(batchNames).toContain('gpt-4.1');
    expect(batch.slice(1).find((r: unknown[]) => r[0] === 'gpt-4o')[2]).toBe(6.25);
    for (const [name, , cost] of batch.slice(1)) {
      // current prices; 1M input tokens is above 272,000, so long-context rates where a model has them
      // 5e5 of the input cached: at the batch cached price from gpt-5 on, else the batch input rate
      const batchPrices = rowOf('text', name).tiers.batch;
      const { input, cached_input, output } = batchPrices.long_context ?? batchPrices;
      const uncached = D(5e5).times(input);
      const cached = D(5e5).times(cached_input ?? input);
      expectClose(cost, uncached.plus(cached).plus(D(1e6).times(output)).div(1e6));
    }
    expect(errorMessage(() => fns.OPENAI_COMPARE(10, 1, '', 11))).toMatch(/exceed input tokens/);
    expect(errorMessage(() => fns.OPENAI_COMPARE('abc', 1))).toMatch(
      /^input_tokens is the text "abc"/,
    );
  });

  test('OPENAI_PRICES_AS_OF', () => {
    expect(fns.OPENAI_PRICES_AS_OF()).toBe(rawCatalog().asOf);
    expect(fns.OPENAI_PRICES_AS_OF()).toBe('2026-09-23');
    // an argument (a refresh cell) is accepted and ignored
    expect(fns.OPENAI_PRICES_AS_OF('anything')).toBe('2026-09-23');
  });
});

describe('overflow: a cost too large for a number is an error, never Infinity', () => {
  const calls: [string, () => unknown][] = [
    ['OPENAI_COST scalar', () => fns.OPENAI_COST('gpt-4o', 1e308, 1e308)],
    ['OPENAI_COST column (fast path)', () => fns.OPENAI_COST('gpt-4o', col(1, 1e308), 1)],
    ['OPENAI_COST cached', () => fns.OPENAI_COST('gpt-4o', 1.7e308, 0, '', 1.7e308)],
    ['OPENAI_IMAGE_COST', () => fns.OPENAI_IMAGE_COST('gpt-image-1', 'high', '1024x1024', 1e308)],
    ['OPENAI_TOOL_COST', () => fns.OPENAI_TOOL_COST('code interpreter', 1e308)],
    ['OPENAI_TTS_COST', () => fns.OPENAI_TTS_COST('tts-1', 1e308)],
    ['OPENAI_MINUTES_COST', () => fns.OPENAI_MINUTES_COST('whisper-1', 1e308)],
  ];
  for (const [name, call] of calls) {
    test(name, () => {
      let result: unknown;
      try {
        result = call();
      } catch (error) {
        expect((error as Error).message).not.toBe('');
        return; // an error is the right answer
      }
      const values = Array.isArray(result) ? (result as unknown[][]).flat() : [result];
      for (const value of values) expect(Number.isFinite(value)).toBe(true);
    });
  }
});
