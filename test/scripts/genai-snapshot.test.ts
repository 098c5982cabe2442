// A genai-prices repository snapshot (prices/data.json layout: providers, start dates without the
// npm `type`) imported with one call: the same data as npm gives the same prices, a newer price
// reaches the catalog with its diff, an older snapshot is refused, and a refusal writes nothing.
// The snapshot files are made here from the installed npm package's OpenAI models.
import { findProvider } from '@pydantic/genai-prices';
import {
  copyFileSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  rmSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { readGenaiDataFile } from '../../scripts/import/genai-prices';
import { importPrices } from '../../scripts/import/import';
import { importGenaiSnapshot, VENDORED_GENAI } from '../../scripts/import/snapshot';
import { ANNOTATIONS_PATH, CATALOG_PATH, PAGE_PATH, type AnyRow } from '../support/reference';

const AS_OF = JSON.parse(readFileSync(CATALOG_PATH, 'utf8')).asOf as string;

/** The npm package's OpenAI models in the repository's layout: constraints without `type`. */
function repositoryLayout(change?: (models: AnyRow[]) => void): string {
  const models = structuredClone(findProvider({ providerId: 'openai' })!.models) as AnyRow[];
  for (const model of models) {
    if (!Array.isArray(model.prices)) continue;
    for (const entry of model.prices) {
      if (entry.constraint) entry.constraint = { start_date: entry.constraint.start_date };
    }
  }
  change?.(models);
  return JSON.stringify([
    { id: 'anthropic', name: 'Anthropic', models: [] },
    { id: 'openai', name: 'OpenAI', models },
  ]);
}

let root: string;
const file = (path: string) => join(root, path);
const read = (path: string) => readFileSync(file(path), 'utf8');
beforeEach(() => {
  root = mkdtempSync(join(tmpdir(), 'genai-snapshot-test-'));
  mkdirSync(file('data'));
  copyFileSync(CATALOG_PATH, file('data/prices.json'));
  copyFileSync(ANNOTATIONS_PATH, file('data/catalog-annotations.json'));
  copyFileSync(PAGE_PATH, file('data/openai-pricing-page-2025-07.txt'));
});
afterEach(() => rmSync(root, { recursive: true, force: true }));

function snapshot(text: string, date: string, check = false) {
  writeFileSync(file('download.json'), text);
  return importGenaiSnapshot({
    dataPath: file('download.json'),
    date,
    version: 'abc1234',
    pagePath: file('data/openai-pricing-page-2025-07.txt'),
    catalogPath: file('data/prices.json'),
    annotationsPath: file('data/catalog-annotations.json'),
    rootDir: root,
    check,
  });
}

/** The three files a snapshot import writes, as they are now. */
const files = () => ['data/prices.json', 'data/catalog-annotations.json'].map(read);

describe('readGenaiDataFile', () => {
  test('reads the repository layout into the npm form (start dates get their type)', () => {
    const models = readGenaiDataFile(repositoryLayout());
    expect(models).toEqual(findProvider({ providerId: 'openai' })!.models);
  });

  test('refuses what it does not understand', () => {
    expect(() => readGenaiDataFile('{')).toThrow(/not JSON/);
    expect(() => readGenaiDataFile('{"openai": []}')).toThrow(/array of providers/);
    expect(() => readGenaiDataFile('[{"id": "anthropic", "models": []}]')).toThrow(
      /no provider "openai"/,
    );
    const odd = repositoryLayout((models) => {
      const o3 = models.find((m) => m.id === 'o3')!;
      o3.prices[1].constraint = { start_date: '2025-06-10', region: 'eu' };
    });
    expect(() => readGenaiDataFile(odd)).toThrow(/"o3": unsupported price constraint/);
  });
});

describe('importGenaiSnapshot', () => {
  test('the npm data as a repository snapshot: no price changes; vendored, then used by the check', () => {
    const before = JSON.parse(read('data/prices.json'));
    const result = snapshot(repositoryLayout(), AS_OF);
    expect(result.changes).toEqual(['formatting or metadata only (no price changed)']);
    expect(result.wrote).toBe(true);
    expect(read(VENDORED_GENAI)).toBe(read('download.json'));
    const annotations = JSON.parse(read('data/catalog-annotations.json'));
    expect(annotations.sources['genai-prices']).toEqual({
      title: 'pydantic/genai-prices repository, prices/data.json',
      url: 'https://github.com/pydantic/genai-prices',
      file: VENDORED_GENAI,
      version: 'abc1234',
      date: AS_OF,
    });
    // only the source changed: every section, price and date as before
    const after = JSON.parse(read('data/prices.json'));
    expect(after.sections).toEqual(before.sections);
    expect(after.sources['genai-prices']).toEqual(annotations.sources['genai-prices']);
    // the check reads the vendored file now (no genai option): up to date
    const check = importPrices({
      pagePath: file('data/openai-pricing-page-2025-07.txt'),
      catalogPath: file('data/prices.json'),
      annotationsPath: file('data/catalog-annotations.json'),
      rootDir: root,
      check: true,
    });
    expect(check.changed).toBe(false);
  });

  test('a newer price: the diff names it and the catalog moves to the snapshot day', () => {
    const newer = repositoryLayout((models) => {
      const nano = models.find((m) => m.id === 'gpt-5-nano')!;
      nano.prices = [
        { prices: nano.prices },
        { constraint: { start_date: '2026-10-01' }, prices: { ...nano.prices, input_mtok: 0.04 } },
      ];
    });
    const before = files();
    const checked = snapshot(newer, '2026-10-01', true);
    expect(checked.changes).toEqual([
      'as of: 2026-09-23 → 2026-10-01',
      'changed: text / gpt-5-nano (gpt-5-nano-2025-08-07) from 2026-10-01 standard input: $0.05 → $0.04',
      'changed: text / gpt-5-nano (gpt-5-nano-2025-08-07) from 2026-10-01 batch input: $0.025 → $0.02',
    ]);
    expect(files()).toEqual(before); // --check writes nothing
    expect(existsSync(file(VENDORED_GENAI))).toBe(false);
    snapshot(newer, '2026-10-01');
    expect(JSON.parse(read('data/prices.json')).asOf).toBe('2026-10-01');
  });

  test('an older snapshot than the catalog is refused; nothing is written', () => {
    const before = files();
    expect(() => snapshot(repositoryLayout(), '2026-08-21')).toThrow(
      `the snapshot of 2026-08-21 is older than the catalog's genai-prices data (${AS_OF})`,
    );
    expect(files()).toEqual(before);
    expect(existsSync(file(VENDORED_GENAI))).toBe(false);
  });

  test('a snapshot the annotations do not account for is refused until reviewed', () => {
    const unknown = repositoryLayout((models) => {
      models.push({ id: 'gpt-7', match: { equals: 'gpt-7' }, prices: { input_mtok: 3 } });
    });
    const before = files();
    expect(() => snapshot(unknown, AS_OF)).toThrow(
      /neither page rows, imported nor excluded: gpt-7/,
    );
    expect(files()).toEqual(before);
    expect(existsSync(file(VENDORED_GENAI))).toBe(false);
  });

  test('arguments: a date and a version', () => {
    expect(() => snapshot(repositoryLayout(), '1 Oct 2026')).toThrow(/not YYYY-MM-DD/);
  });
});
