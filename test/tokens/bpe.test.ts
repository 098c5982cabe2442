// The tokenizer core (src/tokens) against tiktoken (its WASM build, the reference): the same token
// ids, not only the same counts, on the whole corpus, for both encodings.
import { readFileSync } from 'node:fs';
import vm from 'node:vm';
import { get_encoding, type Tiktoken } from 'tiktoken';
import { BytePairEncoder, mergeByHeap, mergeByScan } from '../../src/tokens/bpe';
import { vocabularyText } from '../../src/sheets/vocabulary';
import { ENCODINGS, type EncodingName } from '../../src/tokens/encodings';
import { PATTERNS } from '../../src/tokens/patterns';
import { utf8Encode } from '../../src/tokens/utf8';
import { Vocabulary } from '../../src/tokens/vocabulary';
import { VOCAB_PATHS } from '../support/bundle';
import { tokenCorpus } from '../support/token-corpus';

const corpus = tokenCorpus();

/** The built vocabulary files, loaded as Apps Script loads them: one global scope. */
const scope = vm.createContext({});
for (const path of VOCAB_PATHS) vm.runInContext(readFileSync(path, 'utf8'), scope);

/** The data of one encoding in the dist/Vocab_*.js files, read as the add-on reads it. */
function vocabularyOf(encoding: EncodingName): string {
  const found = vocabularyText(encoding, scope);
  expect(found).not.toBeNull();
  return found!.text;
}

describe.each(ENCODINGS)('%s', (encoding) => {
  let reference: Tiktoken;
  let vocabulary: Vocabulary;
  let encoder: BytePairEncoder;
  beforeAll(() => {
    reference = get_encoding(encoding);
    vocabulary = new Vocabulary(vocabularyOf(encoding));
    encoder = new BytePairEncoder(vocabulary, PATTERNS[encoding]);
  });
  afterAll(() => reference.free());

  test('the vocabulary holds every token of tiktoken, byte for byte, in rank order', () => {
    const size = encoding === 'o200k_base' ? 199998 : 100256;
    expect(vocabulary.size).toBe(size);
    for (let rank = 0; rank < size; rank += 97) {
      const bytes = vocabulary.tokenBytes(rank);
      expect([rank, Buffer.from(bytes).toString('hex')]).toEqual([
        rank,
        Buffer.from(reference.decode_single_token_bytes(rank)).toString('hex'),
      ]);
      expect(vocabulary.rank(bytes, 0, bytes.length)).toBe(rank);
    }
    expect(vocabulary.rank(new Uint8Array([0xff, 0xfe, 0xfd, 0xfc, 0xfb]), 0, 5)).toBe(-1);
  });

  test(`token ids equal tiktoken's on ${corpus.length} texts`, () => {
    const wrong: string[] = [];
    for (const text of corpus) {
      const mine = encoder.encode(text);
      const theirs = Array.from(reference.encode_ordinary(text));
      if (mine.join() !== theirs.join()) wrong.push(JSON.stringify(text.slice(0, 80)));
    }
    expect(wrong).toEqual([]);
  });

  test('count() is the number of ids, also when pieces come from the cache', () => {
    for (const text of corpus.slice(0, 200)) {
      expect(encoder.count(text)).toBe(encoder.encode(text).length);
      expect(encoder.count(text)).toBe(reference.encode_ordinary(text).length);
    }
  });
});

/** One long piece of each kind the pre-tokenizer leaves whole (issue 18: 50,000 took 15-33 s). */
function longRuns(length: number): [string, string][] {
  let state = 7;
  const next = (n: number) => (state = (Math.imul(state, 1664525) + 1013904223) >>> 0) % n;
  const pick = (first: number, count: number) =>
    Array.from({ length }, () => String.fromCodePoint(first + next(count))).join('');
  return [
    ['one emoji repeated', '😀'.repeat(length)],
    ['one CJK character repeated', '中'.repeat(length)],
    ['lone surrogates', '\ud800'.repeat(length)],
    ['random emoji', pick(0x1f300, 0x300)],
    ['random CJK', pick(0x4e00, 0x5000)],
    ['random punctuation and symbols', pick(0x2010, 0x50)],
    ['random hiragana', pick(0x3041, 0x56)],
  ];
}

describe('long pieces (merged by the heap)', () => {
  test('the heap and the scan make the same tokens for every piece of the corpus', () => {
    for (const encoding of ENCODINGS) {
      const vocabulary = new Vocabulary(vocabularyOf(encoding));
      const pattern = new RegExp(PATTERNS[encoding], 'gu');
      let buffer: Uint8Array = new Uint8Array(64);
      let compared = 0;
      const wrong: string[] = [];
      for (const text of corpus) {
        for (const [piece] of text.matchAll(pattern)) {
          const [bytes, length] = utf8Encode(piece, buffer);
          buffer = bytes;
          if (length < 2 || vocabulary.rank(bytes, 0, length) >= 0) continue;
          compared++;
          const heap = mergeByHeap(vocabulary, bytes, length).join();
          if (heap !== mergeByScan(vocabulary, bytes, length).join())
            wrong.push(piece.slice(0, 40));
        }
      }
      expect(compared).toBeGreaterThan(10_000);
      expect(wrong).toEqual([]);
    }
  });

  test.each(ENCODINGS)("%s: 4,000-character runs get tiktoken's token ids", (encoding) => {
    const reference = get_encoding(encoding);
    try {
      const encoder = new BytePairEncoder(
        new Vocabulary(vocabularyOf(encoding)),
        PATTERNS[encoding],
      );
      for (const [kind, text] of longRuns(4_000)) {
        const theirs = Array.from(reference.encode_ordinary(text)).join();
        expect([kind, encoder.encode(text).join()]).toEqual([kind, theirs]);
      }
    } finally {
      reference.free();
    }
  });

  test('a 50,000-character piece of each kind is counted in under 2 s', () => {
    const encoder = new BytePairEncoder(
      new Vocabulary(vocabularyOf('o200k_base')),
      PATTERNS.o200k_base,
    );
    for (const [kind, text] of longRuns(50_000)) {
      const start = performance.now();
      encoder.count(text);
      const ms = performance.now() - start;
      expect([kind, ms < 2000 ? 'under 2 s' : `${Math.round(ms)} ms`]).toEqual([kind, 'under 2 s']);
    }
  });
});

test('UTF-8 by hand equals Node for every corpus text, lone surrogates as U+FFFD', () => {
  let buffer: Uint8Array = new Uint8Array(4);
  for (const text of [...corpus, '\ud800', 'a\udc00b', '\ud83d\ude00', '\uffff\u0800\u07ff']) {
    const [bytes, length] = utf8Encode(text, buffer);
    buffer = bytes;
    expect(Buffer.from(bytes.subarray(0, length)).equals(Buffer.from(text, 'utf8'))).toBe(true);
  }
});
