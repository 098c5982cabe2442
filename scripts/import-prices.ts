// npm run prices:import -- <page.txt> [--check]
// Parses a copy of OpenAI's pricing page into data/prices.json and prints what changed.

import { resolve } from 'node:path';
import { importPrices } from './import/import';
import { PageParseError } from './import/parse-page';

const root = resolve(__dirname, '..');
const args = process.argv.slice(2);
const check = args.includes('--check');
const files = args.filter((a) => !a.startsWith('--'));
if (files.length !== 1) {
  console.error('usage: npm run prices:import -- <pricing-page.txt> [--check]');
  process.exit(2);
}

try {
  const result = importPrices({
    pagePath: resolve(files[0]),
    catalogPath: resolve(root, 'data/prices.json'),
    annotationsPath: resolve(root, 'data/catalog-annotations.json'),
    check,
    rootDir: root,
  });
  const rows = result.catalog.sections.reduce((n, s) => n + s.rows.length, 0);
  console.log(
    `parsed ${result.catalog.sections.length} tables, ${rows} priced rows, as of ${result.catalog.asOf}`,
  );
  for (const line of result.changes) console.log(`  ${line}`);
  if (result.pageVsGenai.length > 0) {
    console.log(
      "genai-prices differs from the page on the page's day (the page's price is kept; each is decided in data/catalog-annotations.json decisions):",
    );
    for (const line of result.pageVsGenai) console.log(`  ${line}`);
  }
  if (!result.changed) console.log('data/prices.json is up to date');
  else if (result.wrote)
    console.log('wrote data/prices.json (add the changes above to CHANGELOG.md)');
  else {
    console.error('data/prices.json would change: run npm run prices:import -- <page.txt>');
    process.exit(1);
  }
} catch (error) {
  const where = error instanceof PageParseError ? `${files[0]}:${error.line}: ` : '';
  console.error(
    `refused: ${where}${(error as Error).message}\ndata/prices.json was left unchanged.`,
  );
  process.exit(1);
}
