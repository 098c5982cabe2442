// Property: whatever a cell holds, every function of the built bundle returns a finite,
// non-negative number or "" per cell, or throws an Error with a message. Never NaN, undefined,
// Infinity or a negative cost.
import fc from 'fast-check';
import vm from 'node:vm';
import { loadBundle, type Bundle } from '../support/bundle';
import { isErrorObject } from '../support/reference';

const { fns, context } = loadBundle();
const innerDate = vm.runInContext('(t) => new Date(t)', context) as (t: number) => Date;

const NUM_RUNS = 250;

const numbers = fc.oneof(
  fc.double(), // NaN, ±Infinity, -0, huge and tiny
  fc.integer({ min: -10, max: 10_000_000 }),
  fc.double({ min: 0, max: 1e7, noNaN: true }),
  fc.constantFrom(
    0,
    -0,
    -1,
    1e308,
    Number.MAX_VALUE,
    1e300,
    Number.MIN_VALUE,
    NaN,
    Infinity,
    -Infinity,
  ),
);
const strings = fc.oneof(
  fc.string({ maxLength: 12 }),
  fc.constantFrom(
    '1200',
    ' 1e6 ',
    '1,000',
    'abc',
    '',
    '   ',
    '-5',
    '1e400',
    'Infinity',
    'NaN',
    '0x10',
    '.5',
    '5.',
    '+3',
    '1e-3',
  ),
  fc.double({ min: 0, max: 1e7, noNaN: true }).map(String),
);
const dates = fc.oneof(
  fc.date().map((d) => new Date(d.getTime())),
  fc.integer({ min: -1e12, max: 4e12 }).map((t) => innerDate(t)),
);
const anyCell: fc.Arbitrary<unknown> = fc.oneof(
  numbers,
  strings,
  fc.boolean(),
  dates,
  fc.constantFrom('', null, undefined),
);

const TEXT_MODELS = [
  'gpt-4o',
  'gpt-4.1-2025-04-14',
  'o4-mini',
  'o1-pro',
  'text-embedding-3-small',
  'omni-moderation-latest',
  'gpt-image-1',
  'ft:gpt-4o-mini-2024-07-18:acme::x',
  'gpt4o',
  'chatgpt-4o-latest',
  'gpt-4o-mini-tts',
];
const AUDIO_MODELS = [
  'gpt-4o-audio-preview',
  'gpt-4o-realtime-preview',
  'gpt-4o-mini-tts',
  'gpt-4o-transcribe',
  'gpt-4o',
];
const TIERS = ['standard', 'batch', 'flex', ' Batch ', 'FLEX', '', 'premium'];

const pick = (names: string[]) =>
  fc.oneof({ weight: 3, arbitrary: fc.constantFrom(...names) }, { weight: 1, arbitrary: anyCell });

/** each argument as a scalar or a column of `rows` cells */
function argsOf(arbs: fc.Arbitrary<unknown>[]): fc.Arbitrary<unknown[]> {
  return fc.integer({ min: 1, max: 4 }).chain((rows) =>
    fc.tuple(
      ...arbs.map((arb) =>
        fc.oneof(
          arb,
          fc.array(arb, { minLength: rows, maxLength: rows }).map((cells) => cells.map((c) => [c])),
        ),
      ),
    ),
  );
}

function isGoodCell(value: unknown): boolean {
  return value === '' || (typeof value === 'number' && Number.isFinite(value) && value >= 0);
}

/** Calls `fn` and checks the outcome; returns a description of what went wrong, or null. */
function outcome(fn: (...a: unknown[]) => unknown, args: unknown[]): string | null {
  let result: unknown;
  try {
    result = fn(...args);
  } catch (error) {
    if (!isErrorObject(error)) return `threw a non-Error ${String(error)}`;
    const message = (error as Error).message;
    return typeof message === 'string' && message.trim() !== '' ? null : 'threw an empty message';
  }
  const ranges = args.filter((a) => Array.isArray(a)) as unknown[][];
  const rows = ranges.length > 0 ? ranges[0].length : 0;
  if (rows <= 1) {
    return isGoodCell(result) ? null : `returned ${String(result)}`;
  }
  if (!Array.isArray(result) || result.length !== rows) return `returned ${JSON.stringify(result)}`;
  for (const row of result as unknown[][]) {
    if (!Array.isArray(row) || row.length !== 1 || !isGoodCell(row[0])) {
      return `returned ${String(row)} in ${JSON.stringify(result)}`;
    }
  }
  return null;
}

function property(name: string, fn: (...a: unknown[]) => unknown, arbs: fc.Arbitrary<unknown>[]) {
  test(name, () => {
    fc.assert(
      fc.property(argsOf(arbs), (args) => {
        const problem = outcome(fn, args);
        if (problem)
          throw new Error(`${name}(${args.map((a) => String(a)).join(', ')}) ${problem}`);
      }),
      { numRuns: NUM_RUNS },
    );
  });
}

const b: Bundle = fns;
describe('arbitrary cells through the built bundle', () => {
  property('OPENAI_COST', b.OPENAI_COST, [
    pick(TEXT_MODELS),
    anyCell,
    anyCell,
    pick(TIERS),
    anyCell,
  ]);
  property('OPENAI_COST (clean names, numeric cells)', b.OPENAI_COST, [
    fc.constantFrom(...TEXT_MODELS),
    numbers,
    numbers,
    fc.constantFrom(...TIERS),
    numbers,
  ]);
  property('OPENAI_AUDIO_COST', b.OPENAI_AUDIO_COST, [
    pick(AUDIO_MODELS),
    anyCell,
    anyCell,
    pick(TIERS),
    anyCell,
  ]);
  property('OPENAI_IMAGE_TOKENS_COST', b.OPENAI_IMAGE_TOKENS_COST, [
    pick(['gpt-image-1']),
    anyCell,
    anyCell,
    pick(TIERS),
    anyCell,
  ]);
  property('OPENAI_IMAGE_COST', b.OPENAI_IMAGE_COST, [
    pick(['gpt-image-1', 'dall-e-3', 'DALL·E 2']),
    pick(['low', 'medium', 'high', 'standard', 'HD']),
    pick(['1024x1024', '1024 × 1536', '1792x1024', '256x256']),
    anyCell,
  ]);
  property('OPENAI_MINUTES_COST', b.OPENAI_MINUTES_COST, [
    pick(['whisper-1', 'gpt-4o-transcribe', 'tts-1']),
    anyCell,
  ]);
  property('OPENAI_TTS_COST', b.OPENAI_TTS_COST, [pick(['tts-1', 'TTS HD', 'whisper-1']), anyCell]);
  property('OPENAI_TRAINING_COST', b.OPENAI_TRAINING_COST, [
    pick(['gpt-4.1', 'o4-mini', 'ft:gpt-4o-mini', 'o3']),
    anyCell,
  ]);
  property('OPENAI_TOOL_COST', b.OPENAI_TOOL_COST, [
    pick(['code interpreter', 'file search', 'file search storage', 'web search']),
    anyCell,
    pick(['gpt-4o', 'o3', 'o1', '']),
  ]);
  property('OPENAI_PRICE', b.OPENAI_PRICE, [
    pick(['gpt-4o', 'o4-mini', 'o1-pro', 'whisper-1', 'gpt-image-1', 'tts-1-hd', 'ft:gpt-4.1']),
    pick([
      'input',
      'cached_input',
      'output',
      'audio_input',
      'image_output',
      'training',
      'per_minute',
      'per_1m_characters',
    ]),
    pick(TIERS),
  ]);
});
