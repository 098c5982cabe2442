// UTF-8 by hand: Apps Script has no TextEncoder. A lone surrogate becomes U+FFFD, as TextEncoder
// (and so tiktoken's JavaScript build) writes it.

/** Writes the UTF-8 bytes of `text` into `out` (grown when needed); returns [bytes, length]. */
export function utf8Encode(text: string, out: Uint8Array): [Uint8Array, number] {
  const n = text.length;
  if (out.length < n * 3) out = new Uint8Array(n * 3);
  let at = 0;
  for (let k = 0; k < n; k++) {
    let code = text.charCodeAt(k);
    if (code < 0x80) {
      out[at++] = code;
    } else if (code < 0x800) {
      out[at++] = 0xc0 | (code >> 6);
      out[at++] = 0x80 | (code & 0x3f);
    } else {
      if (code >= 0xd800 && code <= 0xdfff) {
        const next = k + 1 < n ? text.charCodeAt(k + 1) : 0;
        if (code <= 0xdbff && next >= 0xdc00 && next <= 0xdfff) {
          code = 0x10000 + ((code - 0xd800) << 10) + (next - 0xdc00);
          k++;
          out[at++] = 0xf0 | (code >> 18);
          out[at++] = 0x80 | ((code >> 12) & 0x3f);
          out[at++] = 0x80 | ((code >> 6) & 0x3f);
          out[at++] = 0x80 | (code & 0x3f);
          continue;
        }
        code = 0xfffd;
      }
      out[at++] = 0xe0 | (code >> 12);
      out[at++] = 0x80 | ((code >> 6) & 0x3f);
      out[at++] = 0x80 | (code & 0x3f);
    }
  }
  return [out, at];
}
