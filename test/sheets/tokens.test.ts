// OPENAI_TOKENS in the BUILT add-on: dist/Code.js and the dist/Vocab_*.js files loaded as Apps
// Script loads a project's files (one bare global scope), counts against tiktoken (its WASM build),
// the vocabulary split into files of at most 1 MB, and the add-on without (some of) them.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { basename, join, resolve } from 'node:path';
import vm from 'node:vm';
import { get_encoding, type Tiktoken } from 'tiktoken';
import { ENCODINGS, encodingOfFamily } from '../../src/tokens/encodings';
import { CODE_PATH, loadBundle, VOCAB_PATHS } from '../support/bundle';
import { rawCatalog, thrown } from '../support/reference';
import { tokenCorpus } from '../support/token-corpus';

const DIST = resolve(__dirname, '../../dist');
const corpus = tokenCorpus();
const withVocab = loadBundle({}, [CODE_PATH, ...VOCAB_PATHS]).fns;
const references = Object.fromEntries(ENCODINGS.map((e) => [e, get_encoding(e)])) as Record<
  string,
  Tiktoken
>;
afterAll(() => Object.values(references).forEach((r) => r.free()));
const tiktokenCount = (text: string, encoding: string) =>
  references[encoding].encode_ordinary(text).length;

describe.each(ENCODINGS)('%s counts equal tiktoken', (encoding) => {
  test(`as ${corpus.length} single cells`, () => {
    const wrong = corpus.filter(
      (text) => withVocab.OPENAI_TOKENS(text, encoding) !== tiktokenCount(text, encoding),
    );
    expect(wrong.map((t) => JSON.stringify(t.slice(0, 80)))).toEqual([]);
  });

  test('as one range call over the whole corpus (a column in, a column out)', () => {
    const column = corpus.map((text) => [text]);
    const counts = withVocab.OPENAI_TOKENS(column, encoding) as unknown[][];
    expect(counts.map((row) => row[0])).toEqual(corpus.map((t) => tiktokenCount(t, encoding)));
  });
});

test('a column of texts beside a column of models counts each row with its own encoding', () => {
  const texts = corpus.slice(0, 400);
  const models = texts.map((_, k) => [
    ['gpt-4o', 'gpt-4', 'o3-mini', 'text-embedding-3-small'][k % 4],
  ]);
  const encodings = ['o200k_base', 'cl100k_base', 'o200k_base', 'cl100k_base'];
  const counts = withVocab.OPENAI_TOKENS(
    texts.map((t) => [t]),
    models,
  ) as unknown[][];
  expect(counts.map((row) => row[0])).toEqual(
    texts.map((t, k) => tiktokenCount(t, encodings[k % 4])),
  );
});

describe('cells', () => {
  test('the default is o200k_base; a number counts as its plain text', () => {
    const text = "It's 2025: naïve façade, 日本語 👍🏽";
    expect(withVocab.OPENAI_TOKENS(text)).toBe(tiktokenCount(text, 'o200k_base'));
    expect(withVocab.OPENAI_TOKENS(text, '')).toBe(tiktokenCount(text, 'o200k_base'));
    expect(withVocab.OPENAI_TOKENS(42, 'gpt-4')).toBe(tiktokenCount('42', 'cl100k_base'));
    expect(withVocab.OPENAI_TOKENS(3.5)).toBe(tiktokenCount('3.5', 'o200k_base'));
    expect(withVocab.OPENAI_TOKENS(1234567, ' O200K_BASE ')).toBe(
      tiktokenCount('1234567', 'o200k_base'),
    );
  });

  test('blanks stay blank, in a range and alone', () => {
    expect(withVocab.OPENAI_TOKENS('')).toBe('');
    expect(withVocab.OPENAI_TOKENS('', 'gpt-4o')).toBe('');
    expect(withVocab.OPENAI_TOKENS([['hi'], [''], ['there']], 'gpt-4o')).toEqual([
      [tiktokenCount('hi', 'o200k_base')],
      [''],
      [tiktokenCount('there', 'o200k_base')],
    ]);
    // a row (several columns) gives a row
    expect(withVocab.OPENAI_TOKENS([['a b', '', 'c']])).toEqual([
      [tiktokenCount('a b', 'o200k_base'), '', tiktokenCount('c', 'o200k_base')],
    ]);
  });

  test('model ids map to their encoding; snapshots, ft: ids and case work', () => {
    const text = 'Ünïcödé 12345 ́words';
    const o200k = tiktokenCount(text, 'o200k_base');
    const cl100k = tiktokenCount(text, 'cl100k_base');
    expect(o200k).not.toBe(cl100k); // else this test could not tell them apart
    for (const model of [
      'gpt-4o',
      'GPT-4.1-2025-04-14',
      'o4-mini',
      'gpt-image-1',
      'codex-mini-latest',
      'ft:gpt-4o-mini-2024-07-18:acme::abc123',
      'chatgpt-4o-latest',
    ]) {
      expect([model, withVocab.OPENAI_TOKENS(text, model)]).toEqual([model, o200k]);
    }
    for (const model of [
      'gpt-4',
      'gpt-4-turbo',
      'gpt-3.5-turbo',
      'text-embedding-3-large',
      'text-embedding-ada-002',
      'ft:gpt-3.5-turbo',
      'davinci-002',
    ]) {
      expect([model, withVocab.OPENAI_TOKENS(text, model)]).toEqual([model, cl100k]);
    }
  });
});

test("every price-list model tiktoken knows gets tiktoken's encoding", () => {
  const known = JSON.parse(
    readFileSync(require.resolve('tiktoken/model_to_encoding.json'), 'utf8'),
  );
  const names = new Set<string>();
  for (const section of rawCatalog().sections) {
    for (const row of section.rows ?? []) {
      for (const name of [row.model, row.snapshot]) if (typeof name === 'string') names.add(name);
    }
  }
  const checked = [...names].filter((name) => name in known);
  expect(checked.length).toBeGreaterThan(30);
  for (const name of checked) expect([name, encodingOfFamily(name)]).toEqual([name, known[name]]);
});

describe('errors', () => {
  test('an unknown model names the encodings', () => {
    expect(message(() => withVocab.OPENAI_TOKENS('hi', 'gpt4o'))).toBe(
      'unknown model "gpt4o" (did you mean "gpt-4o"?); or give an encoding, "o200k_base" or "cl100k_base"',
    );
    expect(message(() => withVocab.OPENAI_TOKENS('hi', 'whisper-1'))).toMatch(
      /^"whisper-1" is not a text model: .*"o200k_base" or "cl100k_base"$/,
    );
    expect(message(() => withVocab.OPENAI_TOKENS('hi', 'computer-use-preview'))).toMatch(
      /^the tokenizer of computer-use-preview is not published: give the encoding/,
    );
  });

  test('booleans and dates are not text', () => {
    expect(message(() => withVocab.OPENAI_TOKENS(true))).toBe(
      'text is TRUE, not text: OPENAI_TOKENS counts the tokens of text',
    );
    expect(message(() => withVocab.OPENAI_TOKENS(new Date(2025, 0, 1), 'gpt-4o'))).toMatch(
      /^text is a date, not text/,
    );
    expect(message(() => withVocab.OPENAI_TOKENS([['ok'], [false], [new Date()]]))).toBe(
      'row 2: text is FALSE, not text: OPENAI_TOKENS counts the tokens of text; 1 more row has an error',
    );
  });
});

describe('the vocabulary files: split, in any order, optional', () => {
  const fileName = (path: string) => basename(path);

  test('every file of dist/ is at most 1 MB; the vocabularies are several files', () => {
    const sizes = readdirSync(DIST).map((name) => [name, statSync(join(DIST, name)).size]);
    expect(sizes.filter(([, size]) => (size as number) > 1_000_000)).toEqual([]);
    expect(VOCAB_PATHS.map(fileName)).toEqual([
      'Vocab_cl100k_base_1.js',
      'Vocab_cl100k_base_2.js',
      'Vocab_o200k_base_1.js',
      'Vocab_o200k_base_2.js',
      'Vocab_o200k_base_3.js',
    ]);
  });

  test('nothing is read at load: the first count reads the parts of its own encoding', () => {
    // record every function whose source is read (the vocabulary's data is its comment)
    const { context } = loadBundle({}, []);
    vm.runInContext(
      `const read = []; const toText = Function.prototype.toString;
       Function.prototype.toString = function () { read.push(this.name); return toText.call(this); };`,
      context,
    );
    for (const path of [CODE_PATH, ...VOCAB_PATHS]) {
      vm.runInContext(readFileSync(path, 'utf8'), context);
    }
    const read = () => vm.runInContext('read.slice().sort()', context);
    expect(read()).toEqual([]);
    expect(context.OPENAI_COST('gpt-4o', 100000, 100000)).toBe(1.25);
    expect(read()).toEqual([]);
    expect(context.OPENAI_TOKENS('Hello, world!', 'gpt-4')).toBe(
      tiktokenCount('Hello, world!', 'cl100k_base'),
    );
    expect(read()).toEqual([
      'sheetsOpenAIPricingVocab_cl100k_base_1_',
      'sheetsOpenAIPricingVocab_cl100k_base_2_',
    ]);
  });

  test('the files loaded before Code.js and in reverse order work the same', () => {
    const { fns } = loadBundle({}, [...VOCAB_PATHS].reverse().concat(CODE_PATH));
    for (const encoding of ENCODINGS) {
      expect(fns.OPENAI_TOKENS(corpus[7], encoding)).toBe(tiktokenCount(corpus[7], encoding));
    }
    // the vocabulary functions are private (trailing _) and never called at load
    expect(
      Object.keys(fns)
        .filter((n) => n.startsWith('sheetsOpenAIPricingVocab'))
        .sort(),
    ).toEqual([
      'sheetsOpenAIPricingVocab_cl100k_base_1_',
      'sheetsOpenAIPricingVocab_cl100k_base_2_',
      'sheetsOpenAIPricingVocab_o200k_base_1_',
      'sheetsOpenAIPricingVocab_o200k_base_2_',
      'sheetsOpenAIPricingVocab_o200k_base_3_',
    ]);
  });

  test('without the files OPENAI_TOKENS says the vocabulary is not installed; the rest works', () => {
    const { fns, context } = loadBundle();
    expect(message(() => fns.OPENAI_TOKENS('Hello'))).toBe(
      'the o200k_base token vocabulary is not installed: add the Vocab_o200k_base_*.js files (made by npm run build) to this Apps Script project to count tokens',
    );
    expect(message(() => fns.OPENAI_TOKENS([['a'], ['b']], 'gpt-4'))).toMatch(
      /^row 1: the cl100k_base token vocabulary is not installed.*; 1 more row has an error$/,
    );
    // a bad model is still reported as such
    expect(message(() => fns.OPENAI_TOKENS('hi', 'gpt4o'))).toMatch(/^unknown model "gpt4o"/);
    expect(fns.OPENAI_COST('gpt-4o', 100000, 100000)).toBe(1.25);
    expect(vm.runInContext('OPENAI_PRICES_AS_OF()', context)).toBe('2026-09-23');
  });

  test("one encoding's files alone: that encoding counts, the other is not installed", () => {
    const cl100k = VOCAB_PATHS.filter((p) => fileName(p).startsWith('Vocab_cl100k_base_'));
    const { fns } = loadBundle({}, [CODE_PATH, ...cl100k]);
    expect(fns.OPENAI_TOKENS('Hello, world!', 'gpt-4')).toBe(
      tiktokenCount('Hello, world!', 'cl100k_base'),
    );
    expect(message(() => fns.OPENAI_TOKENS('Hello', 'gpt-4o'))).toMatch(
      /^the o200k_base token vocabulary is not installed/,
    );
  });

  test('a missing part is an error that names its file, never a count from part of the vocabulary', () => {
    for (const missing of [
      'Vocab_o200k_base_1.js',
      'Vocab_o200k_base_2.js',
      'Vocab_o200k_base_3.js',
    ]) {
      const { fns } = loadBundle({}, [
        CODE_PATH,
        ...VOCAB_PATHS.filter((p) => fileName(p) !== missing),
      ]);
      expect([missing, message(() => fns.OPENAI_TOKENS('Hello'))]).toEqual([
        missing,
        `the o200k_base token vocabulary is incomplete (${missing} missing or from another build): add all its Vocab_o200k_base_*.js files made by npm run build to this Apps Script project`,
      ]);
      // the other encoding is whole
      expect(fns.OPENAI_TOKENS('Hello', 'gpt-4')).toBe(tiktokenCount('Hello', 'cl100k_base'));
    }
  });

  test('a part from a build with another split, or a damaged part, is an error', () => {
    const [first, second] = VOCAB_PATHS.filter((p) => fileName(p).startsWith('Vocab_cl100k_base_'));
    const otherSplit = readFileSync(second, 'utf8').replace('return [2, 2,', 'return [2, 3,');
    const withOtherSplit = loadBundle({}, [CODE_PATH, first]);
    vm.runInContext(otherSplit, withOtherSplit.context);
    expect(message(() => withOtherSplit.fns.OPENAI_TOKENS('Hello', 'gpt-4'))).toMatch(
      /^the cl100k_base token vocabulary is incomplete \(Vocab_cl100k_base_2\.js missing or from another build\)/,
    );
    // a line of tokens lost from a part: the count of tokens no longer matches
    const damaged = readFileSync(second, 'utf8').replace(/\n[^\n]*\n\*\/\}/, '\n*/}');
    const withDamaged = loadBundle({}, [CODE_PATH, first]);
    vm.runInContext(damaged, withDamaged.context);
    expect(message(() => withDamaged.fns.OPENAI_TOKENS('Hello', 'gpt-4'))).toMatch(
      /^the cl100k_base token vocabulary is damaged \(\d+ tokens, not 100256\)/,
    );
  });
});

function message(fn: () => unknown): string {
  return thrown(fn).message;
}
