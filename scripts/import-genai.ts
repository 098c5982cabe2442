// npm run prices:genai -- <prices/data.json> --date YYYY-MM-DD --version <commit> [--check]
// Imports a genai-prices repository snapshot newer than the npm package (see scripts/import/snapshot.ts)
// and prints every change for review; --check prints them and writes nothing.

import { spawnSync } from 'node:child_process';
import { dirname, join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { importGenaiSnapshot, VENDORED_GENAI } from './import/snapshot';

const root = resolve(__dirname, '..');
const usage =
  'usage: npm run prices:genai -- <genai-prices prices/data.json> --date YYYY-MM-DD --version <commit> [--check]';

function main(): void {
  const { values, positionals } = parseArgs({
    options: {
      date: { type: 'string' },
      version: { type: 'string' },
      check: { type: 'boolean', default: false },
    },
    allowPositionals: true,
  });
  if (positionals.length !== 1 || !values.date || !values.version) {
    console.error(usage);
    process.exit(2);
  }
  const result = importGenaiSnapshot({
    dataPath: resolve(positionals[0]),
    date: values.date,
    version: values.version,
    pagePath: resolve(root, 'data/openai-pricing-page-2025-07.txt'),
    catalogPath: resolve(root, 'data/prices.json'),
    annotationsPath: resolve(root, 'data/catalog-annotations.json'),
    rootDir: root,
    check: values.check,
  });
  if (!values.check) {
    // the annotations in the project's format (prettier), as a maintainer's edit would be
    const prettier = join(dirname(require.resolve('prettier/package.json')), 'bin/prettier.cjs');
    spawnSync(process.execPath, [prettier, '--write', 'data/catalog-annotations.json'], {
      cwd: root,
      stdio: 'ignore',
    });
  }
  for (const line of result.changes) console.log(`  ${line}`);
  if (result.changes.length === 0) console.log('no price changes');
  console.log(
    values.check
      ? 'checked: nothing written (run without --check to import)'
      : `wrote ${VENDORED_GENAI}, data/catalog-annotations.json (sources.genai-prices) and data/prices.json: review the changes above and add them to CHANGELOG.md`,
  );
}

try {
  main();
} catch (error) {
  console.error(`refused: ${(error as Error).message}\nnothing was written.`);
  process.exit(1);
}
