// npm run bench, cold-start part: what every execution pays to load the project, and the first
// call, in fresh processes (./bench-fresh.ts), beside the targets; then what each part of the
// files costs at load, measured on variants of dist/Code.js built without that part.

import { mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { bundleCatalog } from '../src/pricing/bundled-catalog';
import { validateCatalog } from '../src/pricing/schema';
import { serverCode } from './build';
import { FreshRuns, ms, plus, quartiles, type Setup } from './bench-fresh';
import { vocabularyFilesIn } from './vocab-files';

const ROOT = resolve(__dirname, '..');
const DIST = resolve(ROOT, 'dist');
const CODE = resolve(DIST, 'Code.js');

/** The targets of issue 17, above an empty script. */
export const TARGETS = { load: 7, loadAndFirstCost: 10 };

const FIRST_COST = 'OPENAI_COST("gpt-4o", 1200, 300)';

const kb = (bytes: number) => `${(bytes / 1024).toFixed(0)} KB`;
const label = (text: string) => text.padEnd(52);

export async function coldStartLines(rounds: number): Promise<string[]> {
  const dir = mkdtempSync(join(tmpdir(), 'bench-cold-'));
  try {
    const file = (name: string, text: string) => {
      const path = join(dir, name);
      writeFileSync(path, text);
      return path;
    };
    const empty = file('empty.js', '// an empty script\n');
    const vocab = vocabularyFilesIn(DIST);
    const all = [CODE, ...vocab];
    const variants = {
      noJsdoc: file('no-jsdoc.js', await serverCode({ jsdoc: false })),
      noPrices: file('no-prices.js', await serverCode({ prices: false })),
      functionsOnly: file(
        'functions-only.js',
        await serverCode({ only: (name) => name.startsWith('OPENAI_') }),
      ),
    };
    const catalogText = bundleCatalog(
      validateCatalog(JSON.parse(readFileSync(resolve(ROOT, 'data/prices.json'), 'utf8'))),
    ).json;
    const catalogFile = file('catalog.js', `var CATALOG_TEXT = ${JSON.stringify(catalogText)};\n`);

    const setups: Setup[] = [
      { label: 'empty', files: [empty] },
      { label: 'load', files: all },
      { label: 'cost', files: all, call: FIRST_COST },
      { label: 'as of', files: all, call: 'OPENAI_PRICES_AS_OF()' },
      { label: 'tts', files: all, call: 'OPENAI_TTS_COST("tts-1", 1000)' },
      { label: 'code', files: [CODE] },
      { label: 'no jsdoc', files: [variants.noJsdoc] },
      { label: 'no prices', files: [variants.noPrices] },
      { label: 'functions only', files: [variants.functionsOnly] },
      { label: 'parse', files: [catalogFile], call: 'JSON.parse(CATALOG_TEXT)' },
    ];
    const runs = new FreshRuns(setups, rounds);
    const above = (name: string) => runs.above(name, 'empty', 'total');
    const spread = (name: string) => {
      const [low, high] = quartiles(runs.differences(name, 'empty', 'total'));
      return `(middle half of the runs ${low.toFixed(1)}–${high.toFixed(1)})`;
    };
    const verdict = (value: number, target: number) =>
      `target ≤ ${target} ms: ${value <= target ? 'met' : 'MISSED'}`;
    const size = (path: string) => statSync(path).size;
    const vocabBytes = vocab.reduce((sum, path) => sum + size(path), 0);
    const codeLoad = runs.above('code', 'empty', 'load');
    const call = (name: string) => ms(runs.median(name, 'call'));
    const part = (name: string, without: string) =>
      `${plus(runs.above(name, without, 'load'))} (CPU ${plus(runs.above(name, without, 'loadCpu'))})`;

    return [
      `Cold start per execution: ${runs.machine()}`,
      `${label('  empty script (the baseline), load')} ${ms(runs.median('empty', 'load'))} (CPU ${ms(runs.median('empty', 'loadCpu'))})`,
      `${label(`  load alone (Code.js + ${vocab.length} Vocab files), above empty`)} ${ms(above('load'))} ${spread('load')}; CPU ${plus(runs.above('load', 'empty', 'totalCpu'))}; ${verdict(above('load'), TARGETS.load)}`,
      `${label('  load + first OPENAI_COST, above empty')} ${ms(above('cost'))} ${spread('cost')}; CPU ${plus(runs.above('cost', 'empty', 'totalCpu'))}; ${verdict(above('cost'), TARGETS.loadAndFirstCost)}`,
      `  what each part costs (wall clock, median of per-round differences):`,
      `${label(`    Code.js (${kb(size(CODE))}) load, above empty`)} ${ms(codeLoad)} (CPU ${plus(runs.above('code', 'empty', 'loadCpu'))}; compiling ${ms(runs.above('code', 'empty', 'compile'))}, the rest running its top level)`,
      `${label(`      the wrappers' JSDoc (${kb(size(CODE) - size(variants.noJsdoc))})`)} ${part('code', 'no jsdoc')}`,
      `${label(`      the catalog as JSON text (${kb(size(CODE) - size(variants.noPrices))})`)} ${part('code', 'no prices')}`,
      `${label(`      menu, sidebar, tables, forecast sheet, usage import (${kb(size(CODE) - size(variants.functionsOnly))})`)} ${part('code', 'functions only')}`,
      `${label(`    the ${vocab.length} Vocab files (${(vocabBytes / 1e6).toFixed(1)} MB), beside Code.js`)} ${part('load', 'code')}`,
      `${label('    first OPENAI_PRICES_AS_OF (parses nothing)')} ${call('as of')}`,
      `${label('    first OPENAI_TTS_COST (catalog + a small index)')} ${call('tts')}`,
      `${label('    first OPENAI_COST (catalog + the text index)')} ${call('cost')}`,
      `${label(`    JSON.parse of the catalog text (${kb(catalogText.length)}) alone`)} ${call('parse')}`,
    ];
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

if (require.main === module) {
  // the cold-start part alone: npx tsx scripts/bench-cold.ts [processes per setup]
  coldStartLines(Number(process.argv[2]) || 21)
    .then((lines) => console.log(lines.join('\n')))
    .catch((error: Error) => {
      console.error(error.stack ?? error.message);
      process.exit(1);
    });
}
