// Byte-pair encoding as tiktoken does it: split the text with the encoding's regex, take each
// piece's UTF-8 bytes, and merge the leftmost adjacent pair of lowest rank until no pair is a token.

import { utf8Encode } from './utf8';
import type { Vocabulary } from './vocabulary';

const NONE = 0x7fffffff;
const CACHE_LIMIT = 50_000;

export class BytePairEncoder {
  private readonly pattern: RegExp;
  /** piece (as typed) → its tokens; words repeat, so most pieces are merged once */
  private readonly cache = new Map<string, number[]>();
  private buffer: Uint8Array = new Uint8Array(256);

  constructor(
    private readonly vocabulary: Vocabulary,
    pattern: string,
  ) {
    this.pattern = new RegExp(pattern, 'gu');
  }

  /** The token ids of `text`, special-token text counted as ordinary text (encode_ordinary). */
  encode(text: string): number[] {
    const out: number[] = [];
    this.eachPiece(text, (tokens) => {
      for (const token of tokens) out.push(token);
    });
    return out;
  }

  count(text: string): number {
    let total = 0;
    this.eachPiece(text, (tokens) => (total += tokens.length));
    return total;
  }

  private eachPiece(text: string, use: (tokens: number[]) => void): void {
    const pattern = this.pattern;
    pattern.lastIndex = 0;
    let match: RegExpExecArray | null;
    while ((match = pattern.exec(text)) !== null) {
      const piece = match[0];
      let tokens = this.cache.get(piece);
      if (tokens === undefined) {
        const [bytes, length] = utf8Encode(piece, this.buffer);
        this.buffer = bytes;
        tokens = this.encodePiece(bytes, length);
        if (this.cache.size >= CACHE_LIMIT) this.cache.clear();
        this.cache.set(piece, tokens);
      }
      use(tokens);
    }
  }

  /** tiktoken's byte_pair_encode over bytes[0, n). */
  private encodePiece(bytes: Uint8Array, n: number): number[] {
    const vocabulary = this.vocabulary;
    const whole = vocabulary.rank(bytes, 0, n);
    if (whole >= 0) return [whole];
    // starts[k]: where part k begins (starts[parts] = n); pairRank[k]: rank of parts k and k + 1 joined
    const starts = new Int32Array(n + 1);
    const pairRank = new Int32Array(n + 1);
    for (let k = 0; k <= n; k++) starts[k] = k;
    let parts = n;
    const rankAt = (k: number) => {
      if (k + 2 > parts) return NONE;
      const rank = vocabulary.rank(bytes, starts[k], starts[k + 2]);
      return rank < 0 ? NONE : rank;
    };
    for (let k = 0; k <= n; k++) pairRank[k] = rankAt(k);
    for (;;) {
      let best = NONE;
      let at = -1;
      for (let k = 0; k < parts - 1; k++) {
        if (pairRank[k] < best) {
          best = pairRank[k];
          at = k;
        }
      }
      if (at < 0) break;
      // part at + 1 joins part at
      starts.copyWithin(at + 1, at + 2, parts + 1);
      pairRank.copyWithin(at + 1, at + 2, parts + 1);
      parts--;
      pairRank[at] = rankAt(at);
      if (at > 0) pairRank[at - 1] = rankAt(at - 1);
    }
    const tokens: number[] = new Array(parts);
    for (let k = 0; k < parts; k++) tokens[k] = vocabulary.rank(bytes, starts[k], starts[k + 1]);
    return tokens;
  }
}
