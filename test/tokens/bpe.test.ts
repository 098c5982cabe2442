// The tokenizer core (src/tokens) against tiktoken (its WASM build, the reference): the same token
// ids, not only the same counts, on the whole corpus, for both encodings.
import { readFileSync } from 'node:fs';
import vm from 'node:vm';
import { get_encoding, type Tiktoken } from 'tiktoken';
import { BytePairEncoder } from '../../src/tokens/bpe';
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

test('UTF-8 by hand equals Node for every corpus text, lone surrogates as U+FFFD', () => {
  let buffer: Uint8Array = new Uint8Array(4);
  for (const text of [...corpus, '\ud800', 'a\udc00b', '\ud83d\ude00', '\uffff\u0800\u07ff']) {
    const [bytes, length] = utf8Encode(text, buffer);
    buffer = bytes;
    expect(Buffer.from(bytes.subarray(0, length)).equals(Buffer.from(text, 'utf8'))).toBe(true);
  }
});
