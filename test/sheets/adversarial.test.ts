// Bad input against the BUILT bundle in a bare vm context: every case must throw (never return a
// number), quickly, with a message written for the user (no minified names, no "undefined", no
// "GMT", short). Each row: the call, what the message must say, a time bound.
import { loadBundle } from '../support/bundle';

const { fns } = loadBundle();
const ROWS = 100_000;
const column = (cell: (r: number) => unknown) => Array.from({ length: ROWS }, (_, r) => [cell(r)]);
const counts = column((r) => 1000 + r);
const pad = (n: number) => String(n).padStart(2, '0');

type Case = [name: string, call: () => unknown, message: string | RegExp, boundMs?: number];

const MORE = '; 99999 more rows have errors';
const PROTO_KEYS = ['constructor', '__proto__', 'toString', 'hasOwnProperty'];

const cases: Case[] = [
  // prototype keys are unknown names, with the usual suggestion
  [
    'OPENAI_MODELS("constructor")',
    () => fns.OPENAI_MODELS('constructor'),
    /^unknown category "constructor" \(use "text"/,
  ],
  [
    'OPENAI_PRICE_TABLE("Constructor")',
    () => fns.OPENAI_PRICE_TABLE('Constructor'),
    /^unknown category "Constructor" \(use /,
  ],
  [
    'OPENAI_TOOL_COST("constructor",1)',
    () => fns.OPENAI_TOOL_COST('constructor', 1),
    /^unknown tool "constructor" \(use "code interpreter"/,
  ],
  ...PROTO_KEYS.flatMap((key): Case[] => [
    [`OPENAI_COST("${key}")`, () => fns.OPENAI_COST(key, 1, 1), `unknown model "${key}"`],
    [
      `OPENAI_AUDIO_COST("${key}")`,
      () => fns.OPENAI_AUDIO_COST(key, 1, 1),
      `unknown model "${key}"`,
    ],
    [
      `OPENAI_IMAGE_TOKENS_COST("${key}")`,
      () => fns.OPENAI_IMAGE_TOKENS_COST(key, 1, 1),
      `unknown model "${key}"`,
    ],
    [
      `OPENAI_MINUTES_COST("${key}")`,
      () => fns.OPENAI_MINUTES_COST(key, 1),
      `unknown model "${key}"`,
    ],
    [`OPENAI_TTS_COST("${key}")`, () => fns.OPENAI_TTS_COST(key, 1), `unknown model "${key}"`],
    [
      `OPENAI_TRAINING_COST("${key}")`,
      () => fns.OPENAI_TRAINING_COST(key, 1),
      `unknown model "${key}"`,
    ],
    [
      `OPENAI_IMAGE_COST("${key}")`,
      () => fns.OPENAI_IMAGE_COST(key, 'low', '1024x1024'),
      `unknown model "${key}"`,
    ],
    [
      `OPENAI_IMAGE_COST quality "${key}"`,
      () => fns.OPENAI_IMAGE_COST('gpt-image-1', key, '1024x1024'),
      `has no quality "${key}" (use "low"`,
    ],
    [
      `OPENAI_IMAGE_COST size "${key}"`,
      () => fns.OPENAI_IMAGE_COST('gpt-image-1', 'low', key),
      `has no size "${key}" (use "1024x1024"`,
    ],
    [`OPENAI_PRICE("${key}")`, () => fns.OPENAI_PRICE(key), `unknown model "${key}"`],
    [
      `OPENAI_PRICE kind "${key}"`,
      () => fns.OPENAI_PRICE('gpt-4o', key),
      `unknown price "${key}" (use "input"`,
    ],
    [
      `OPENAI_COST tier "${key}"`,
      () => fns.OPENAI_COST('gpt-4o', 1, 1, key),
      `unknown tier "${key}" (use "standard"`,
    ],
    [`OPENAI_TOOL_COST("${key}")`, () => fns.OPENAI_TOOL_COST(key, 1), `unknown tool "${key}"`],
    [`OPENAI_MODELS("${key}")`, () => fns.OPENAI_MODELS(key), `unknown category "${key}"`],
    [
      `OPENAI_PRICE_TABLE("${key}")`,
      () => fns.OPENAI_PRICE_TABLE(key),
      `unknown category "${key}"`,
    ],
    [
      `OPENAI_PRICE_TABLE tier "${key}"`,
      () => fns.OPENAI_PRICE_TABLE('text', key),
      `unknown tier "${key}"`,
    ],
    [
      `OPENAI_FORECAST("${key}")`,
      () => fns.OPENAI_FORECAST(key, 1, 1, 1),
      `unknown model "${key}"`,
    ],
    [`OPENAI_COMPARE tier "${key}"`, () => fns.OPENAI_COMPARE(1, 1, key), `unknown tier "${key}"`],
  ]),
  // overflow: never 0, never a dropped row
  [
    'OPENAI_FORECAST("gpt-4o",1e308,1000,0)',
    () => fns.OPENAI_FORECAST('gpt-4o', 1e308, 1000, 0),
    /too large/,
  ],
  ['OPENAI_COMPARE(1e302,0)', () => fns.OPENAI_COMPARE(1e302, 0), /too large/],
  ['OPENAI_COMPARE(1e308,1e308)', () => fns.OPENAI_COMPARE(1e308, 1e308), /too large/],
  // (with a requests count: more input than one request holds is an error of its own)
  ['OPENAI_COST 1e308', () => fns.OPENAI_COST('gpt-4o', 1e308, 1e308, '', 0, '', 1e6), /too large/],
  [
    'OPENAI_COST cached 1e308',
    () => fns.OPENAI_COST('gpt-4o', 1.5e308, 0, '', 1e308, '', 1e6),
    /too large/,
  ],
  [
    'OPENAI_COST 1e308, no requests count',
    () => fns.OPENAI_COST('gpt-4o', 1e308, 1e308),
    /^1e\+308 input tokens do not fit in one gpt-4o request/,
  ],
  ['OPENAI_AUDIO_COST 1e308', () => fns.OPENAI_AUDIO_COST('gpt-realtime', 1e308, 0), /too large/],
  [
    'OPENAI_IMAGE_TOKENS_COST 1e308',
    () => fns.OPENAI_IMAGE_TOKENS_COST('gpt-image-1', 0, 1e308),
    /too large/,
  ],
  [
    'OPENAI_IMAGE_COST 1e308 images',
    () => fns.OPENAI_IMAGE_COST('gpt-image-1', 'low', '1024x1024', 1e308),
    /too large/,
  ],
  ['OPENAI_MINUTES_COST 1e308', () => fns.OPENAI_MINUTES_COST('whisper-1', 1e308), /too large/],
  ['OPENAI_TTS_COST 1e308', () => fns.OPENAI_TTS_COST('tts-1', 1e308), /too large/],
  ['OPENAI_TRAINING_COST 1e308', () => fns.OPENAI_TRAINING_COST('gpt-4.1', 1e308), /too large/],
  [
    'OPENAI_TOOL_COST 1e308',
    () => fns.OPENAI_TOOL_COST('web search', 1e308, 'gpt-4o'),
    /too large/,
  ],
  [
    'OPENAI_COST "1e400" text',
    () => fns.OPENAI_COST('gpt-4o', '1e400', 1),
    /input_tokens is Infinity: the numbers are too large/,
  ],
  [
    'OPENAI_FORECAST growth overflow',
    () => fns.OPENAI_FORECAST('gpt-4o', 1e300, 1000, 1000, '', 0, 1, 120),
    /too large/,
  ],
  // long names and odd values, echoed cut and as Sheets shows them
  [
    '100,000-character model',
    () => fns.OPENAI_COST('x'.repeat(100_000), 1, 1),
    /^unknown model "x{60}…"/,
  ],
  [
    '100,000-character tier',
    () => fns.OPENAI_COST('gpt-4o', 1, 1, 'y'.repeat(100_000)),
    /^unknown tier "y{60}…"/,
  ],
  [
    '100,000-character category',
    () => fns.OPENAI_MODELS('z'.repeat(100_000)),
    /^unknown category "z{60}…"/,
  ],
  [
    '100,000-character price kind',
    () => fns.OPENAI_PRICE('gpt-4o', 'k'.repeat(100_000)),
    /^unknown price "k{60}…"/,
  ],
  [
    '100,000-character tool',
    () => fns.OPENAI_TOOL_COST('t'.repeat(100_000), 1),
    /^unknown tool "t{60}…"/,
  ],
  [
    '100,000-character start_month',
    () => fns.OPENAI_FORECAST('gpt-4o', 1, 1, 1, '', 0, 0, 12, 's'.repeat(100_000)),
    /^start_month is the text "s{60}…", not a date/,
  ],
  [
    'a date as the model',
    () => fns.OPENAI_COST(new Date(0), 1, 1),
    /^model must be text, got the date 19(69-12-31|70-01-01)$/,
  ],
  [
    'a date as a token count',
    () => fns.OPENAI_COST('gpt-4o', new Date(2026, 0, 5), 1),
    'input_tokens is the date 2026-01-05, not a number',
  ],
  [
    'TRUE as a token count',
    () => fns.OPENAI_COST('gpt-4o', true, 1),
    'input_tokens is TRUE, not a number',
  ],
  ['FALSE as the tier', () => fns.OPENAI_COST('gpt-4o', 1, 1, false), 'unknown tier FALSE'],
  [
    'a date as start_month text',
    () => fns.OPENAI_FORECAST('gpt-4o', 1, 1, 1, '', 0, 0, 12, true),
    'start_month is TRUE, not a date',
  ],
  // look-alikes: named by code point, not "did you mean" the same-looking text
  [
    'U+2011 hyphen',
    () => fns.OPENAI_COST('gpt\u20114o', 1, 1),
    `unknown model "gpt\u20114o": the hyphen in "gpt\u20114o" is U+2011, type '-'`,
  ],
  [
    'zero-width space',
    () => fns.OPENAI_COST('gpt-4o\u200b', 1, 1),
    /invisible U\+200B: delete it$/,
  ],
  [
    'Cyrillic о',
    () => fns.OPENAI_COST('gpt-4\u043e', 1, 1),
    /the "\u043e" in "gpt-4\u043e" is U\+043E, type 'o'$/,
  ],
  // OPENAI_PRICE names the right price kind
  [
    'OPENAI_PRICE("whisper-1")',
    () => fns.OPENAI_PRICE('whisper-1'),
    '"whisper-1" has no input price; use OPENAI_PRICE("whisper-1","per_minute")',
  ],
  [
    'OPENAI_PRICE("gpt-image-1","output")',
    () => fns.OPENAI_PRICE('gpt-image-1', 'output'),
    /has no text output price.*OPENAI_PRICE\("gpt-image-1","image_output"\)/,
  ],
  // shapes
  [
    'flat list vs row',
    () => fns.OPENAI_COST(['gpt-4o', 'gpt-4o', 'gpt-4o'], [[1], [2], [3]], 1),
    'model is 1 row × 3 columns but input_tokens is 3 rows × 1 column',
  ],
  // the date, requests, cache-write and tier arguments
  ['date TRUE', () => fns.OPENAI_COST('gpt-4o', 1, 1, '', '', true), 'date is TRUE, not a date'],
  [
    'date 45000 (a number)',
    () => fns.OPENAI_COST('gpt-4o', 1, 1, '', '', 45000),
    'date is the number 45000, not a date',
  ],
  [
    'date "2026-02-30"',
    () => fns.OPENAI_COST('gpt-4o', 1, 1, '', '', '2026-02-30'),
    'date is the text "2026-02-30", not a date',
  ],
  [
    'date before the data',
    () => fns.OPENAI_COST('gpt-4o', 1, 1, '', '', '2020-01-01'),
    /^no prices before \d{4}-\d\d-\d\d/,
  ],
  [
    'date before the release',
    () => fns.OPENAI_COST('gpt-6-luna', 1, 1, '', '', '2025-07-01'),
    /^gpt-6-luna was released on \d{4}-\d\d-\d\d/,
  ],
  [
    'requests 0',
    () => fns.OPENAI_COST('gpt-4o', 1, 1, '', '', '', 0),
    'requests must be more than 0 (got 0)',
  ],
  [
    'requests -1',
    () => fns.OPENAI_COST('gpt-4o', 1, 1, '', '', '', -1),
    'requests is negative (-1)',
  ],
  [
    'cache_write > input',
    () => fns.OPENAI_COST('gpt-5.6-luna', 10, 1, '', '', '', 1, 20),
    /cache-write \(20\) tokens exceed input tokens \(10\)/,
  ],
  [
    'tier "priority" the model lacks',
    () => fns.OPENAI_COST('gpt-4.1-nano', 1, 1, 'priority'),
    /^gpt-4\.1-nano is not offered in the priority .*\(offered in: standard/,
  ],
  // 100,000-row ranges whose every row is bad answer as fast as good ones
  [
    '100,000 rows of one unknown id',
    () =>
      fns.OPENAI_COST(
        column(() => 'claude-3-opus'),
        counts,
        counts,
      ),
    `row 1: unknown model "claude-3-opus"`,
    1000,
  ],
  [
    '100,000 distinct unknown ids',
    () =>
      fns.OPENAI_COST(
        column((r) => `claude-${r}`),
        counts,
        counts,
      ),
    /^row 1: unknown model "claude-0".*; 99999 more rows have errors$/,
    1000,
  ],
  [
    '100,000 distinct dated ids',
    () =>
      fns.OPENAI_COST(
        column((r) => `gpt-9o-${2024 + (r % 50)}-${pad(1 + (r % 12))}-${pad(1 + (r % 28))}`),
        counts,
        counts,
      ),
    /^row 1: unknown model "gpt-9o-2024-01-01".*; 99999 more rows have errors$/,
    1000,
  ],
  [
    '100,000 rows of a dated snapshot before its release',
    () =>
      fns.OPENAI_COST(
        column(() => 'gpt-6-luna'),
        counts,
        counts,
        '',
        '',
        '2025-07-01',
      ),
    /^row 1: gpt-6-luna was released on .*; 99999 more rows have errors$/,
    1000,
  ],
  [
    '100,000 negative counts',
    () =>
      fns.OPENAI_COST(
        'gpt-4o',
        column(() => -1),
        counts,
      ),
    `row 1: input_tokens is negative (-1); it must be 0 or more${MORE}`,
    1000,
  ],
  [
    '100,000 thousands-separated texts',
    () =>
      fns.OPENAI_COST(
        'gpt-4o',
        column(() => '1,000'),
        counts,
      ),
    /^row 1: input_tokens is the text "1,000".*; 99999 more rows have errors$/,
    1000,
  ],
  [
    '100,000 rows, bad tier column',
    () =>
      fns.OPENAI_COST(
        'gpt-4o',
        counts,
        counts,
        column(() => 'turbo'),
      ),
    `row 1: unknown tier "turbo"`,
    1000,
  ],
  [
    '100,000 rows, bad date column',
    () =>
      fns.OPENAI_COST(
        'gpt-4o',
        counts,
        counts,
        '',
        '',
        column(() => '2026-02-30'),
      ),
    `row 1: date is the text "2026-02-30"`,
    1000,
  ],
  [
    '100,000 rows of OPENAI_MINUTES_COST, unknown id',
    () =>
      fns.OPENAI_MINUTES_COST(
        column(() => 'whisper-2'),
        counts,
      ),
    /^row 1: unknown model "whisper-2".*; 99999 more rows have errors$/,
    1000,
  ],
  [
    '100,000 rows of OPENAI_PRICE, unknown id',
    () => fns.OPENAI_PRICE(column(() => 'gpt-4x')),
    /^row 1: unknown model "gpt-4x".*; 99999 more rows have errors$/,
    1000,
  ],
];

const MINIFIED =
  /\b[A-Za-z_$]{1,2}\(\.\.\.\)|is not a function|Cannot read properties|is not defined|\bundefined\b|GMT|\[object /;

test.each(cases)('%s', (_name, call, message, boundMs = 1000) => {
  const start = performance.now();
  let result: unknown;
  let text = '';
  try {
    result = call();
  } catch (error) {
    text = (error as Error).message;
  }
  const ms = performance.now() - start;
  expect({ result, threw: text !== '' }).toEqual({ result: undefined, threw: true });
  if (typeof message === 'string') expect(text).toContain(message);
  else expect(text).toMatch(message);
  expect(text).not.toMatch(MINIFIED);
  expect(text.length).toBeLessThanOrEqual(300);
  expect(ms).toBeLessThanOrEqual(boundMs);
});
