// Byte-pair encoding as tiktoken does it: split the text with the encoding's regex, take each
// piece's UTF-8 bytes, and merge the leftmost adjacent pair of lowest rank until no pair is a token.

import { utf8Encode } from './utf8';
import type { Vocabulary } from './vocabulary';

const NONE = 0x7fffffff;
const CACHE_LIMIT = 50_000;
/** pieces up to this many bytes merge by a scan per merge (fast when short); longer ones by a heap */
const SHORT_PIECE = 64;

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
    return n <= SHORT_PIECE ? mergeByScan(vocabulary, bytes, n) : mergeByHeap(vocabulary, bytes, n);
  }
}

/** The rank of bytes[start, end) as a pair to merge: NONE when it is not a token. */
function pairRank(vocabulary: Vocabulary, bytes: Uint8Array, start: number, end: number): number {
  const rank = vocabulary.rank(bytes, start, end);
  return rank < 0 ? NONE : rank;
}

/**
 * The tokens of bytes[0, n) by tiktoken's own loop: merge the leftmost adjacent pair of lowest
 * rank, found by a scan per merge. Quadratic, and the fastest for short pieces (nearly all).
 */
export function mergeByScan(vocabulary: Vocabulary, bytes: Uint8Array, n: number): number[] {
  // starts[k]: where part k begins (starts[parts] = n); ranks[k]: rank of parts k and k + 1 joined
  const starts = new Int32Array(n + 1);
  const ranks = new Int32Array(n + 1);
  for (let k = 0; k <= n; k++) starts[k] = k;
  let parts = n;
  const rankAt = (k: number) =>
    k + 2 > parts ? NONE : pairRank(vocabulary, bytes, starts[k], starts[k + 2]);
  for (let k = 0; k <= n; k++) ranks[k] = rankAt(k);
  for (;;) {
    let best = NONE;
    let at = -1;
    for (let k = 0; k < parts - 1; k++) {
      if (ranks[k] < best) {
        best = ranks[k];
        at = k;
      }
    }
    if (at < 0) break;
    // part at + 1 joins part at
    starts.copyWithin(at + 1, at + 2, parts + 1);
    ranks.copyWithin(at + 1, at + 2, parts + 1);
    parts--;
    ranks[at] = rankAt(at);
    if (at > 0) ranks[at - 1] = rankAt(at - 1);
  }
  const tokens: number[] = new Array(parts);
  for (let k = 0; k < parts; k++) tokens[k] = vocabulary.rank(bytes, starts[k], starts[k + 1]);
  return tokens;
}

/**
 * The same merges in the same order in O(n log n), for long pieces (a cell of 50,000 emoji is one
 * piece). Parts are a linked list by start byte; candidate pairs wait in a min-heap keyed by rank,
 * then start (so the leftmost of equal ranks merges first, as tiktoken's scan does). A merge
 * changes the pairs on both sides of the new part: their old entries go stale and are skipped
 * when popped (their rank is no longer the part's current pair rank; a longer span of bytes is a
 * different token).
 */
export function mergeByHeap(vocabulary: Vocabulary, bytes: Uint8Array, n: number): number[] {
  const end = new Int32Array(n); // end[s]: where the part starting at s ends; -1: merged away
  const before = new Int32Array(n); // before[s]: start of the part before the one at s
  const ranks = new Int32Array(n); // ranks[s]: rank of the part at s joined with the next one
  const stride = n + 1;
  const heap = new MinHeap(3 * n);
  const offer = (s: number, rank: number) => {
    ranks[s] = rank;
    if (rank !== NONE) heap.push(rank * stride + s);
  };
  for (let s = 0; s < n; s++) {
    end[s] = s + 1;
    before[s] = s - 1;
    offer(s, s + 2 <= n ? pairRank(vocabulary, bytes, s, s + 2) : NONE);
  }
  while (heap.size > 0) {
    const key = heap.pop();
    const rank = Math.floor(key / stride);
    const s = key - rank * stride;
    if (end[s] < 0 || ranks[s] !== rank) continue; // stale
    const joined = end[end[s]];
    end[end[s]] = -1;
    end[s] = joined;
    if (joined < n) before[joined] = s;
    offer(s, joined < n ? pairRank(vocabulary, bytes, s, end[joined]) : NONE);
    const left = before[s];
    if (left >= 0) offer(left, pairRank(vocabulary, bytes, left, joined));
  }
  const tokens: number[] = [];
  for (let s = 0; s < n; s = end[s]) tokens.push(vocabulary.rank(bytes, s, end[s]));
  return tokens;
}

/** A binary min-heap of non-negative integer keys (exact in a double up to 2^53). */
class MinHeap {
  private keys: Float64Array;
  size = 0;

  constructor(capacity: number) {
    this.keys = new Float64Array(Math.max(capacity, 16));
  }

  push(key: number): void {
    if (this.size === this.keys.length) {
      const grown = new Float64Array(this.keys.length * 2);
      grown.set(this.keys);
      this.keys = grown;
    }
    const keys = this.keys;
    let at = this.size++;
    while (at > 0) {
      const parent = (at - 1) >> 1;
      if (keys[parent] <= key) break;
      keys[at] = keys[parent];
      at = parent;
    }
    keys[at] = key;
  }

  pop(): number {
    const keys = this.keys;
    const top = keys[0];
    const last = keys[--this.size];
    let at = 0;
    for (;;) {
      let child = 2 * at + 1;
      if (child >= this.size) break;
      if (child + 1 < this.size && keys[child + 1] < keys[child]) child++;
      if (keys[child] >= last) break;
      keys[at] = keys[child];
      at = child;
    }
    keys[at] = last;
    return top;
  }
}
