// Texts to count tokens of, against tiktoken: READMEs and code from node_modules and this repo,
// and strings built to hit each branch of the pre-tokenizer (white space per Rust's rules, digit
// runs, contractions in every case, letters of every category, emoji, lone surrogates).
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';

const ROOT = resolve(__dirname, '../..');

/** A small seeded generator, so the corpus is the same on every run. */
function random(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (Math.imul(state, 1664525) + 1013904223) >>> 0;
    return state / 2 ** 32;
  };
}

function files(dir: string, pattern: RegExp, limit: number): string[] {
  const out: string[] = [];
  const walk = (path: string) => {
    for (const name of readdirSync(path).sort()) {
      if (out.length >= limit) return;
      const full = join(path, name);
      if (statSync(full).isDirectory()) walk(full);
      else if (pattern.test(name)) out.push(full);
    }
  };
  walk(dir);
  return out;
}

const READMES = [
  'typescript',
  'jest',
  'eslint',
  'prettier',
  'esbuild',
  'decimal.js',
  'fast-check',
  'tiktoken',
  'playwright-core',
  '@google/clasp',
];

/** Pieces of the pre-tokenizer's edge cases, glued at random into test strings. */
// prettier-ignore
const PARTS = [
  ' ', '  ', '   ', '\t', '\n', '\r\n', '\n\n', ' \n ', '\u0085', '\ufeff', '\u00a0', '\u3000',
  '\u2028', '\u200b', '\u000b', '\f',
  "'s", "'S", "'ſ", "'t", "'T", "'re", "'RE", "'rE", "'ve", "'Ve", "'m", "'M", "'ll", "'LL",
  "'d", "'D", "'x", "''", "'",
  'I', 'a', 'hello', 'World', 'HTTPServer', 'camelCase', 'ÉCOLE', 'straße', 'ǅemal', 'ʰa', 'é',
  'e\u0301', '\u0301', 'Ω', 'ωμέγα', 'Москва', 'МОСКВА',
  '日本語', '中文', 'ひらがな', 'カタカナ', '한국어', 'العربية', 'हिन्दी', 'ภาษาไทย', 'עברית',
  '0', '7', '42', '123', '1234', '12345678901', '3.14', '1,000', '²', '½', '٣', '१२३', 'Ⅻ',
  '👍', '👍🏽', '👨‍👩‍👧', '🇫🇷', '🎉', '©', '™', '\ud800', '\udc00',
  '.', ',', '!', '?', '...', '/', '//', '/*', '*/', '->', '=>', '{', '}', '()', '[]', '<|endoftext|>',
  '$', '€', '%', '#', '@', '&&', '\\', '"', '`', '~', '_', '-', '--', '+',
];

function gluedStrings(count: number, seed: number): string[] {
  const next = random(seed);
  const out: string[] = [];
  for (let k = 0; k < count; k++) {
    let text = '';
    const parts = 1 + Math.floor(next() * 12);
    for (let p = 0; p < parts; p++) text += PARTS[Math.floor(next() * PARTS.length)];
    out.push(text);
  }
  return out;
}

const HANDWRITTEN = [
  'Hello, world!',
  "I'm sure they'RE fine; we'VE seen it, he'd say, it's JOHN'S.",
  '\ufeffBOM at the start',
  'line one\u0085line two\u0085\u0085',
  'a\u0085 b \ufeff c',
  ' '.repeat(100) + 'x' + '\n'.repeat(20) + '\t \t \n',
  '1234567890'.repeat(10),
  '3.14159265358979 and 2,718,281 and 1e21',
  '日本語のテキストと English text が混ざっています。中文也可以。한국어도요.',
  'Emoji: 👍🏽 👨‍👩‍👧‍👦 🇯🇵 🏳️‍🌈 ❤️‍🔥',
  'function add(a, b) {\n  return a + b; // sum\n}\n',
  'Ünïcödé ÀÉÎÕÜ çà et là; Straße; ΑΒΓ αβγ; Кириллица',
  'x'.repeat(300),
  'ab'.repeat(200),
  '<|endoftext|> is text here, <|fim_prefix|> too',
  'URL: https://example.com/path/to/page?query=1&b=2#frag',
  '\r\n\r\n  \r\n',
  'trailing spaces   ',
  '   ',
];

export function tokenCorpus(): string[] {
  const out = [...HANDWRITTEN];
  for (const name of READMES) {
    const path = join(ROOT, 'node_modules', name, 'README.md');
    try {
      const text = readFileSync(path, 'utf8');
      out.push(
        text,
        ...text
          .split(/\n\n+/)
          .filter((p) => p.trim() !== '')
          .slice(0, 40),
      );
    } catch {
      // a package without a README adds nothing
    }
  }
  for (const path of [
    ...files(join(ROOT, 'src'), /\.ts$/, 40),
    ...files(join(ROOT, 'node_modules/decimal.js'), /^decimal\.js$/, 1),
    ...files(join(ROOT, 'data'), /\.txt$/, 1),
  ]) {
    out.push(readFileSync(path, 'utf8'));
  }
  out.push(...gluedStrings(3000, 12));
  return out;
}
