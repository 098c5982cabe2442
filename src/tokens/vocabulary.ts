// A vocabulary: token byte strings → ranks. The text format (written by scripts/vocab.ts) is the
// tokens in rank order (rank 0 first), each as base64, separated by white space. Apps Script has no
// atob and a Map of 200,000 strings takes ~200 ms to fill on a slow machine, so the tokens are
// decoded into one byte array and looked up through an open-addressing hash table of typed arrays.

const ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';

export function encodeBase64(bytes: Uint8Array): string {
  let out = '';
  for (let k = 0; k < bytes.length; k += 3) {
    const a = bytes[k];
    const b = k + 1 < bytes.length ? bytes[k + 1] : -1;
    const c = k + 2 < bytes.length ? bytes[k + 2] : -1;
    out += ALPHABET[a >> 2] + ALPHABET[((a & 3) << 4) | (b < 0 ? 0 : b >> 4)];
    out += b < 0 ? '=' : ALPHABET[((b & 15) << 2) | (c < 0 ? 0 : c >> 6)];
    out += c < 0 ? '=' : ALPHABET[c & 63];
  }
  return out;
}

// a module-level alias: hot loops then never look up a global (slow in a vm sandbox)
const imul = Math.imul;

/** FNV-1a over bytes[start, end) */
function hashOf(bytes: Uint8Array, start: number, end: number): number {
  let hash = 0x811c9dc5;
  for (let k = start; k < end; k++) hash = imul(hash ^ bytes[k], 0x01000193);
  return hash >>> 0;
}

/** The base64 tokens of the text, decoded back to back: token r is bytes[offsets[r], offsets[r + 1]). */
function decodeTokens(text: string): { bytes: Uint8Array; offsets: Int32Array; size: number } {
  const sextet = new Int8Array(128).fill(-1);
  for (let k = 0; k < ALPHABET.length; k++) sextet[ALPHABET.charCodeAt(k)] = k;
  const n = text.length;
  const bytes = new Uint8Array(Math.ceil((n * 3) / 4));
  const offsets = new Int32Array((n >> 2) + 2);
  let size = 0;
  let at = 0;
  let k = 0;
  while (k < n) {
    let code = text.charCodeAt(k);
    if (code <= 32) {
      k++;
      continue;
    }
    offsets[size++] = at;
    // quads of base64 up to the next white space
    while (k < n && (code = text.charCodeAt(k)) > 32) {
      const a = sextet[code];
      const b = sextet[text.charCodeAt(k + 1)];
      const c = text.charCodeAt(k + 2);
      const d = text.charCodeAt(k + 3);
      if (a < 0 || b < 0) throw new Error(`bad vocabulary data at character ${k}`);
      bytes[at++] = (a << 2) | (b >> 4);
      if (c !== 61) {
        const cc = sextet[c];
        bytes[at++] = ((b & 15) << 4) | (cc >> 2);
        if (d !== 61) bytes[at++] = ((cc & 3) << 6) | sextet[d];
      }
      k += 4;
    }
  }
  offsets[size] = at;
  return { bytes, offsets, size };
}

/**
 * The hash table: rank + 1 of each token at its hash (linear probing), 0 = empty. Tokens are
 * unique (scripts/vocab.ts checks), so filling it needs no comparisons.
 */
function hashSlots(bytes: Uint8Array, offsets: Int32Array, size: number, mask: number): Int32Array {
  const slots = new Int32Array(mask + 1);
  for (let rank = 0; rank < size; rank++) {
    let slot = hashOf(bytes, offsets[rank], offsets[rank + 1]) & mask;
    while (slots[slot] !== 0) slot = (slot + 1) & mask;
    slots[slot] = rank + 1;
  }
  return slots;
}

export class Vocabulary {
  /** every token's bytes, back to back in rank order */
  private readonly bytes: Uint8Array;
  /** token r is bytes[offsets[r], offsets[r + 1]) */
  private readonly offsets: Int32Array;
  /** open addressing: rank + 1 of the token hashed there, 0 = empty */
  private readonly slots: Int32Array;
  private readonly mask: number;
  readonly size: number;

  constructor(text: string) {
    const { bytes, offsets, size } = decodeTokens(text);
    let capacity = 1;
    while (capacity < size * 2) capacity <<= 1;
    this.bytes = bytes;
    this.offsets = offsets;
    this.size = size;
    this.mask = capacity - 1;
    this.slots = hashSlots(bytes, offsets, size, this.mask);
  }

  /** whether token `rank` is exactly piece[start, end) */
  private rankAt(rank: number, piece: Uint8Array, start: number, end: number): boolean {
    const from = this.offsets[rank];
    if (this.offsets[rank + 1] - from !== end - start) return false;
    const bytes = this.bytes;
    for (let k = 0; k < end - start; k++) if (bytes[from + k] !== piece[start + k]) return false;
    return true;
  }

  /** The rank of piece[start, end), or -1 when those bytes are not a token. */
  rank(piece: Uint8Array, start: number, end: number): number {
    let slot = hashOf(piece, start, end) & this.mask;
    for (;;) {
      const entry = this.slots[slot];
      if (entry === 0) return -1;
      if (this.rankAt(entry - 1, piece, start, end)) return entry - 1;
      slot = (slot + 1) & this.mask;
    }
  }

  /** The bytes of token `rank` (for tests and decoding). */
  tokenBytes(rank: number): Uint8Array {
    return this.bytes.slice(this.offsets[rank], this.offsets[rank + 1]);
  }
}
