// The importer and its second source, @pydantic/genai-prices: data it does not understand is refused
// with a message that says what and where, and the catalog file is left byte for byte as it was.
// Each case feeds importPrices a modified copy of the installed package's OpenAI models.
import { findProvider } from '@pydantic/genai-prices';
import { copyFileSync, existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { GenaiModel } from '../../scripts/import/genai-prices';
import { importPrices } from '../../scripts/import/import';
import { ANNOTATIONS_PATH, CATALOG_PATH, PAGE_PATH, ROOT, type AnyRow } from '../support/reference';

const CATALOG_TEXT = readFileSync(CATALOG_PATH, 'utf8');
const VERSION = JSON.parse(readFileSync(ANNOTATIONS_PATH, 'utf8')).sources['genai-prices'].version;

/** A fresh, deep copy of the installed package's OpenAI models (never its live data). */
function genaiModels(): AnyRow[] {
  return structuredClone(findProvider({ providerId: 'openai' })!.models) as AnyRow[];
}
const model = (models: AnyRow[], id: string): AnyRow => {
  const found = models.find((m) => m.id === id);
  if (!found) throw new Error(`genai-prices has no ${id}`);
  return found;
};

let dir: string;
let target: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'genai-import-test-'));
  target = join(dir, 'prices.json');
  copyFileSync(CATALOG_PATH, target);
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

function run(models: AnyRow[], version = VERSION, check = false) {
  return importPrices({
    pagePath: PAGE_PATH,
    catalogPath: target,
    annotationsPath: ANNOTATIONS_PATH,
    check,
    rootDir: ROOT,
    genai: { version, models: models as GenaiModel[] },
  });
}

/** The import must throw `message` and leave the catalog copy untouched (no temp file either). */
function refused(models: AnyRow[], message: string | RegExp, version = VERSION): void {
  expect(() => run(models, version)).toThrow(message);
  expect(readFileSync(target, 'utf8')).toBe(CATALOG_TEXT);
  expect(existsSync(`${target}.tmp`)).toBe(false);
}

describe('the installed genai-prices data', () => {
  test('imports to the committed catalog (nothing to write)', () => {
    const result = run(genaiModels());
    expect(result).toMatchObject({ changed: false, wrote: false, changes: [] });
    expect(readFileSync(target, 'utf8')).toBe(CATALOG_TEXT);
  });

  test('a new price in genai-prices reaches the catalog, with a reviewed diff', () => {
    const models = genaiModels();
    const gpt5 = model(models, 'gpt-5');
    expect(gpt5.prices.output_mtok).toBe(10);
    gpt5.prices.output_mtok = 11;
    const checked = run(models, VERSION, true);
    expect(checked.changed).toBe(true);
    expect(checked.wrote).toBe(false);
    expect(readFileSync(target, 'utf8')).toBe(CATALOG_TEXT);
    expect(checked.changes).toEqual([
      'changed: text / gpt-5 (gpt-5-2025-08-07) from 2025-08-07 standard output: $10 → $11',
      'changed: text / gpt-5 (gpt-5-2025-08-07) from 2025-08-07 batch output: $5 → $5.5',
    ]);
    const written = run(models);
    expect(written.wrote).toBe(true);
    const text = JSON.parse(readFileSync(target, 'utf8'));
    const row = text.sections[0].rows.find((r: AnyRow) => r.model === 'gpt-5');
    expect(row.periods[0].tiers.standard.output).toBe(11);
  });

  test('a dated price change in genai-prices becomes a new period', () => {
    const models = genaiModels();
    const nano = model(models, 'gpt-5-nano');
    nano.prices = [
      { prices: nano.prices },
      {
        constraint: { type: 'start_date', start_date: '2026-09-01' },
        prices: { ...nano.prices, input_mtok: 0.04 },
      },
    ];
    const result = run(models, VERSION, true);
    expect(result.changes).toEqual(
      expect.arrayContaining([
        'changed: text / gpt-5-nano (gpt-5-nano-2025-08-07) from 2026-09-01 standard input: $0.05 → $0.04',
        'changed: text / gpt-5-nano (gpt-5-nano-2025-08-07) from 2026-09-01 batch input: $0.025 → $0.02',
      ]),
    );
    const row = (result.catalog.sections[0].rows as AnyRow[]).find((r) => r.model === 'gpt-5-nano');
    expect(row.periods.map((p: AnyRow) => [p.from, p.tiers.standard.input])).toEqual([
      ['2025-08-07', 0.05],
      ['2026-09-01', 0.04],
    ]);
  });
});

describe('genai-prices data that fails validation is refused, the catalog untouched', () => {
  test('an unknown price key', () => {
    const models = genaiModels();
    model(models, 'gpt-5').prices.input_video_mtok = 3;
    refused(models, 'genai-prices model "gpt-5": unknown price key input_video_mtok');
  });

  test('a price that is not a non-negative number', () => {
    const models = genaiModels();
    model(models, 'gpt-5-mini').prices.output_mtok = -2;
    refused(models, 'genai-prices model "gpt-5-mini": output_mtok is not a price: -2');
    const text = genaiModels();
    model(text, 'gpt-5-mini').prices.output_mtok = '2';
    refused(text, 'genai-prices model "gpt-5-mini": output_mtok is not a price: "2"');
  });

  test('a tiered price with another start than the long-context boundary', () => {
    const models = genaiModels();
    const luna = model(models, 'gpt-5.6-luna');
    expect(luna.prices[1].prices.input_mtok.tiers[0].start).toBe(271_999);
    luna.prices[1].prices.input_mtok.tiers[0].start = 200_000;
    refused(
      models,
      'genai-prices model "gpt-5.6-luna": input_mtok has tiers [{"start":200000,"price":0.4}]; expected one long-context tier',
    );
  });

  test('a tiered price with two tiers', () => {
    const models = genaiModels();
    const tiers = model(models, 'gpt-5.4').prices.output_mtok.tiers;
    tiers.push({ start: 1_000_000, price: 40 });
    refused(
      models,
      /^genai-prices model "gpt-5\.4": output_mtok has tiers .*expected one long-context tier$/,
    );
  });

  test('a long-context price on audio tokens', () => {
    const models = genaiModels();
    const realtime = model(models, 'gpt-realtime');
    realtime.prices.input_audio_mtok = { base: 32, tiers: [{ start: 271_999, price: 64 }] };
    refused(
      models,
      'genai-prices model "gpt-realtime": input_audio_mtok: long-context audio prices are not supported',
    );
  });

  test('a price constraint other than a start date', () => {
    const models = genaiModels();
    const sol = model(models, 'gpt-5.6-sol');
    sol.prices[1].constraint = {
      type: 'time_of_date',
      start_time: '00:00:00Z',
      end_time: '08:00:00Z',
    };
    refused(models, /^genai-prices model "gpt-5\.6-sol": unsupported price constraint /);
  });

  test('a model that is neither a page row, imported nor excluded', () => {
    const models = genaiModels();
    models.push({
      id: 'gpt-7',
      match: { equals: 'gpt-7' },
      prices: { input_mtok: 3, output_mtok: 20 },
    });
    refused(
      models,
      'genai-prices has models that are neither page rows, imported nor excluded: gpt-7 (decide in data/catalog-annotations.json genaiPrices)',
    );
  });

  test('an imported model genai-prices no longer has', () => {
    const models = genaiModels().filter((m) => m.id !== 'gpt-5.4-nano');
    refused(models, 'annotations import "gpt-5.4-nano", which genai-prices no longer has');
  });

  test('a later price change of a page row (the page is the authority on its rows)', () => {
    const models = genaiModels();
    const gpt41 = model(models, 'gpt-4.1');
    gpt41.prices = [
      { prices: gpt41.prices },
      {
        constraint: { type: 'start_date', start_date: '2026-01-01' },
        prices: { ...gpt41.prices, input_mtok: 1 },
      },
    ];
    refused(
      models,
      /^genai-prices changes the price of page row gpt-4\.1 after 2025-06-26: add it to the importer$/,
    );
  });

  test('a different genai-prices version than the annotations were reviewed against', () => {
    refused(
      genaiModels(),
      `genai-prices 0.1.9 is installed, but the annotations were reviewed against ${VERSION}: review the new data, then update sources.genai-prices`,
      '0.1.9',
    );
  });

  test('not the OpenAI model list at all', () => {
    refused([], /^genai-prices: expected the OpenAI models, got \[\]/);
    const models = genaiModels();
    delete model(models, 'gpt-5').match;
    refused(models, 'genai-prices: a model without id or match');
  });
});
