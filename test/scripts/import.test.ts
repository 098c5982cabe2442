// The importer: the committed page copy reproduces data/prices.json byte for byte; every table is
// there with the right rows and prices; bad input is refused without touching the catalog.
import { spawnSync } from 'node:child_process';
import { copyFileSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import type { Catalog, TokenSection } from '../../src/pricing/catalog';
import { validateCatalog } from '../../src/pricing/schema';
import { describeChanges } from '../../scripts/import/diff';
import { importPrices, serializeCatalog } from '../../scripts/import/import';
import {
  PageParseError,
  parsePricingPage,
  type Annotations,
} from '../../scripts/import/parse-page';
import {
  ANNOTATIONS_PATH,
  CATALOG_PATH,
  PAGE_DAY,
  PAGE_PATH,
  ROOT,
  type AnyRow,
} from '../support/reference';

const PAGE = readFileSync(PAGE_PATH, 'utf8');
const PAGE_LINES = PAGE.split('\n');
const CATALOG_TEXT = readFileSync(CATALOG_PATH, 'utf8');
const ANNOTATIONS = JSON.parse(readFileSync(ANNOTATIONS_PATH, 'utf8')) as Annotations;
const SOURCE_FILE = 'data/openai-pricing-page-2025-07.txt';

function parse(text = PAGE): Catalog {
  return parsePricingPage(text, ANNOTATIONS, SOURCE_FILE);
}

/** The page alone: each token row has one period, the page's day, with the printed prices. */
const catalog = parse();
/** The committed catalog: the page, genai-prices and the annotations merged. */
const merged = JSON.parse(CATALOG_TEXT) as Catalog;
const section = (id: string, from = catalog) => from.sections.find((s) => s.id === id)!;
const rows = (id: string, from = catalog): AnyRow[] => section(id, from).rows;
const row = (id: string, model: string, from = catalog): AnyRow => {
  const found = rows(id, from).find((r) => r.model === model);
  if (!found) throw new Error(`no ${model} in ${id}`);
  return found;
};
/** The page's prices of a row (its only period). */
const pageTiers = (r: AnyRow) => {
  expect(r.periods).toHaveLength(1);
  expect(r.periods[0].from).toBe(PAGE_DAY);
  return r.periods[0].tiers;
};

/** The page with 1-based line `n` replaced. */
function withLine(n: number, text: string): string {
  expect(PAGE_LINES[n - 1]).toBeDefined();
  return PAGE_LINES.map((line, k) => (k === n - 1 ? text : line)).join('\n');
}

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'import-test-'));
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

describe('the committed page copy', () => {
  test('page + genai-prices + annotations reproduce data/prices.json byte for byte', () => {
    const result = importPrices({
      pagePath: PAGE_PATH,
      catalogPath: join(dir, 'none.json'),
      annotationsPath: ANNOTATIONS_PATH,
      check: true,
      rootDir: ROOT,
    });
    expect(serializeCatalog(result.catalog)).toBe(CATALOG_TEXT);
    expect(result.wrote).toBe(false);
  });

  test('every page row keeps its page prices as its first period (from 2025-06-26)', () => {
    let count = 0;
    for (const s of catalog.sections) {
      const committed = section(s.id, merged);
      // the page's rows first, in page order; later models after them
      const pageRows = committed.rows.slice(0, s.rows.length) as AnyRow[];
      expect(pageRows.map((r) => r.model ?? r.name)).toEqual(
        (s.rows as AnyRow[]).map((r) => r.model ?? r.name),
      );
      (s.rows as AnyRow[]).forEach((r, k) => {
        count++;
        if (!r.periods) {
          expect(pageRows[k]).toEqual(r); // tools, unit prices, image prices: as printed
          return;
        }
        expect(pageRows[k].sources).toContain('page');
        const first = pageRows[k].periods[0];
        expect(first.from).toBe(PAGE_DAY);
        const printed = pageTiers(r);
        for (const tier of Object.keys(printed)) {
          expect([r.model, tier, first.tiers[tier]]).toEqual([r.model, tier, printed[tier]]);
        }
      });
      for (const later of committed.rows.slice(s.rows.length) as AnyRow[]) {
        expect([later.model, later.sources?.includes('page') ?? false]).toEqual([
          later.model,
          false,
        ]);
      }
    }
    expect(count).toBe(97);
  });

  test('importPrices in check mode reports no change and writes nothing', () => {
    const result = importPrices({
      pagePath: PAGE_PATH,
      catalogPath: CATALOG_PATH,
      annotationsPath: ANNOTATIONS_PATH,
      check: true,
      rootDir: ROOT,
    });
    expect(result).toMatchObject({ changed: false, wrote: false, changes: [] });
    expect(readFileSync(CATALOG_PATH, 'utf8')).toBe(CATALOG_TEXT);
  });

  test('importPrices into a temp copy of the catalog leaves it identical', () => {
    const target = join(dir, 'prices.json');
    copyFileSync(CATALOG_PATH, target);
    const result = importPrices({
      pagePath: PAGE_PATH,
      catalogPath: target,
      annotationsPath: ANNOTATIONS_PATH,
      check: false,
      rootDir: ROOT,
    });
    expect(result.changed).toBe(false);
    expect(result.wrote).toBe(false);
    expect(readFileSync(target, 'utf8')).toBe(CATALOG_TEXT);
  });

  test('importPrices writes a fresh catalog when there is none', () => {
    const target = join(dir, 'prices.json');
    const result = importPrices({
      pagePath: PAGE_PATH,
      catalogPath: target,
      annotationsPath: ANNOTATIONS_PATH,
      check: false,
      rootDir: ROOT,
    });
    expect(result.wrote).toBe(true);
    expect(readFileSync(target, 'utf8')).toBe(CATALOG_TEXT);
  });

  test('CRLF line endings and a BOM parse to the same catalog', () => {
    expect(parse(`\uFEFF${PAGE.replace(/\n/g, '\r\n')}`)).toEqual(catalog);
  });
});

describe('tables and rows', () => {
  const COUNTS: Record<string, number> = {
    text: 24,
    flex: 2,
    audio: 4,
    image_tokens: 1,
    fine_tuning: 10,
    tools: 5,
    transcription_text: 3,
    transcription_audio: 3,
    audio_models: 3,
    image_generation: 18,
    embeddings: 3,
    moderation: 2,
    other: 19,
  };

  test('every table of the page, in page order, with its row count (97 priced rows)', () => {
    expect(catalog.sections.map((s) => s.id)).toEqual(Object.keys(COUNTS));
    for (const s of catalog.sections) expect([s.id, s.rows.length]).toEqual([s.id, COUNTS[s.id]]);
    expect(catalog.sections.reduce((n, s) => n + s.rows.length, 0)).toBe(97);
  });

  test('asOf is the newest snapshot date and the source is recorded', () => {
    expect(catalog.asOf).toBe('2025-06-26');
    expect(catalog.since).toBe('2025-06-26');
    expect(catalog.sources).toEqual({
      page: {
        title: 'OpenAI API pricing page',
        url: 'https://platform.openai.com/docs/pricing',
        file: SOURCE_FILE,
        date: '2025-06-26',
      },
    });
    expect(catalog.schemaVersion).toBe(2);
    expect(catalog.batch.discount).toBe(0.5);
    expect(catalog.longContext.aboveInputTokens).toBe(272_000);
  });

  test('the merged catalog: as of the genai-prices data, since the page, every source named', () => {
    expect(merged.asOf).toBe('2026-09-23');
    expect(merged.since).toBe('2025-06-26');
    expect(merged.sources.page).toEqual(catalog.sources.page);
    expect(merged.sources['genai-prices']).toMatchObject({ version: '0.1.8', date: '2026-09-23' });
    const named = new Set<string>();
    for (const s of merged.sections)
      for (const r of s.rows as AnyRow[]) for (const id of r.sources ?? []) named.add(id);
    for (const id of named) expect(Object.keys(merged.sources)).toContain(id);
    const counts = Object.fromEntries(merged.sections.map((s) => [s.id, s.rows.length]));
    expect(counts).toEqual({
      text: 57,
      flex: 14,
      audio: 9,
      image_tokens: 7,
      fine_tuning: 10,
      tools: 5,
      transcription_text: 3,
      transcription_audio: 3,
      audio_models: 4,
      image_generation: 18,
      embeddings: 3,
      moderation: 2,
      other: 19,
    });
  });

  test('spot checks across every table', () => {
    const std = (id: string, model: string) => pageTiers(row(id, model)).standard;
    // text
    expect(std('text', 'gpt-4.1')).toEqual({ input: 2, cached_input: 0.5, output: 8 });
    expect(std('text', 'gpt-4.5-preview')).toEqual({ input: 75, cached_input: 37.5, output: 150 });
    expect(std('text', 'gpt-4.1-nano').cached_input).toBe(0.025);
    expect(std('text', 'o1-pro')).toEqual({ input: 150, cached_input: null, output: 600 });
    expect(std('text', 'gpt-image-1')).toEqual({ input: 5, cached_input: 1.25, output: null });
    // flex: as printed (0.138, not a recomputed 0.1375)
    expect(pageTiers(row('flex', 'o4-mini'))).toEqual({
      flex: { input: 0.55, cached_input: 0.138, output: 2.2 },
    });
    expect(pageTiers(row('flex', 'o3')).flex).toEqual({ input: 1, cached_input: 0.25, output: 4 });
    // audio tokens
    expect(std('audio', 'gpt-4o-audio-preview')).toEqual({
      input: 40,
      cached_input: null,
      output: 80,
    });
    expect(std('audio', 'gpt-4o-mini-realtime-preview').cached_input).toBe(0.3);
    // image tokens
    expect(std('image_tokens', 'gpt-image-1')).toEqual({
      input: 10,
      cached_input: 2.5,
      output: 40,
    });
    // fine-tuning
    expect(std('fine_tuning', 'gpt-4o-2024-08-06')).toEqual({
      input: 3.75,
      cached_input: 1.875,
      output: 15,
    });
    expect(row('fine_tuning', 'gpt-4o-2024-08-06').training).toEqual({
      price: 25,
      unit: '1M tokens',
    });
    expect(row('fine_tuning', 'o4-mini-2025-04-16 with data sharing')).toMatchObject({
      baseModel: 'o4-mini-2025-04-16',
      variant: 'data sharing',
      training: { price: 100, unit: 'hour' },
      periods: [
        { from: PAGE_DAY, tiers: { standard: { input: 2, cached_input: 0.5, output: 8 } } },
      ],
    });
    expect(std('fine_tuning', 'babbage-002')).toEqual({
      input: 1.6,
      cached_input: null,
      output: 1.6,
    });
    // tools
    const tools = rows('tools');
    expect(tools.map((t) => [t.id, t.price, t.per])).toEqual([
      ['code_interpreter', 0.03, 1],
      ['file_search_storage', 0.1, 1],
      ['file_search', 2.5, 1000],
      ['web_search', 25, 1000],
      ['web_search', 10, 1000],
    ]);
    expect(tools[1].freeAllowance).toBe('1GB free');
    // transcription and speech
    expect(row('transcription_text', 'gpt-4o-mini-tts')).toMatchObject({
      periods: [{ tiers: { standard: { input: 0.6, cached_input: null, output: null } } }],
      perMinute: 0.015,
    });
    expect(row('transcription_audio', 'gpt-4o-transcribe')).toMatchObject({
      periods: [{ tiers: { standard: { input: 6, cached_input: null, output: null } } }],
      perMinute: 0.006,
    });
    expect(rows('audio_models')).toEqual([
      {
        model: 'Whisper',
        apiId: 'whisper-1',
        useCase: 'Transcription',
        price: 0.006,
        unit: 'minute',
      },
      {
        model: 'TTS',
        apiId: 'tts-1',
        useCase: 'Speech generation',
        price: 15,
        unit: '1M characters',
      },
      {
        model: 'TTS HD',
        apiId: 'tts-1-hd',
        useCase: 'Speech generation',
        price: 30,
        unit: '1M characters',
      },
    ]);
    // image generation
    const image = (model: string, quality: string, size: string) =>
      rows('image_generation').find(
        (r) => r.model === model && r.quality === quality && r.size === size,
      )?.price;
    expect(image('GPT Image 1', 'high', '1536x1024')).toBe(0.25);
    expect(image('GPT Image 1', 'low', '1024x1024')).toBe(0.011);
    expect(image('DALL·E 3', 'hd', '1792x1024')).toBe(0.12);
    expect(image('DALL·E 2', 'standard', '256x256')).toBe(0.016);
    // embeddings, moderation, other
    expect(std('embeddings', 'text-embedding-3-large')).toEqual({
      input: 0.13,
      cached_input: null,
      output: null,
    });
    expect(row('moderation', 'omni-moderation-latest')).toMatchObject({
      snapshot: 'omni-moderation-2024-09-26',
      free: true,
      periods: [{ tiers: { standard: { input: 0, output: 0 } } }],
    });
    expect(std('other', 'gpt-4-32k')).toEqual({ input: 60, cached_input: null, output: 120 });
    expect(std('other', 'chatgpt-4o-latest')).toEqual({ input: 5, cached_input: null, output: 15 });
  });

  test('o1-pro cached input is "not offered" (null), never 0', () => {
    expect(pageTiers(row('text', 'o1-pro')).standard.cached_input).toBeNull();
    for (const period of row('text', 'o1-pro', merged).periods) {
      expect(period.tiers.standard.cached_input).toBeNull();
    }
  });

  test('every "-" on the page is null, never 0; only moderation prices are 0', () => {
    const dashes = PAGE_LINES.filter((l) => l.trim() === '-').length;
    let nulls = 0;
    for (const s of catalog.sections) {
      if (s.kind !== 'tokens' && s.kind !== 'fine_tuning') continue;
      for (const r of s.rows as AnyRow[]) {
        const tiers = pageTiers(r);
        const shown = tiers.standard ?? tiers.flex;
        for (const column of (s as TokenSection).columns) if (shown[column] === null) nulls++;
        for (const [tier, prices] of Object.entries(tiers) as [string, AnyRow][]) {
          for (const value of [prices.input, prices.cached_input, prices.output]) {
            if (value === 0) expect([s.id, tier]).toEqual(['moderation', 'standard']);
          }
        }
      }
    }
    expect(nulls).toBe(dashes);
  });

  test('DALL·E is repaired and display names carry their API ids', () => {
    expect(PAGE).toContain('DALL路E');
    expect(JSON.stringify(catalog)).not.toContain('路');
    const names = new Set(rows('image_generation').map((r) => `${r.model}=${r.apiId}`));
    expect([...names]).toEqual([
      'GPT Image 1=gpt-image-1',
      'DALL·E 3=dall-e-3',
      'DALL·E 2=dall-e-2',
    ]);
    expect(rows('audio_models').map((r) => r.apiId)).toEqual(['whisper-1', 'tts-1', 'tts-1-hd']);
  });

  test('alias and dated snapshot stay paired', () => {
    expect(row('text', 'gpt-4.1').snapshot).toBe('gpt-4.1-2025-04-14');
    expect(row('text', 'gpt-4o').snapshot).toBe('gpt-4o-2024-08-06');
    expect(row('text', 'o3').snapshot).toBe('o3-2025-04-16');
    expect(row('flex', 'o4-mini').snapshot).toBe('o4-mini-2025-04-16');
    expect(row('other', 'gpt-4-turbo').snapshot).toBe('gpt-4-turbo-2024-04-09');
    expect(row('other', 'gpt-4-0314').snapshot).toBeNull();
    expect(row('moderation', 'text-moderation-latest').snapshot).toBe('text-moderation-007');
    for (const r of rows('text')) expect(r.snapshot).toEqual(expect.any(String));
  });

  test('the page alone has no batch or priority prices: the merge derives and adds them', () => {
    for (const s of catalog.sections) {
      for (const r of s.rows as AnyRow[]) {
        if (r.periods)
          expect(Object.keys(pageTiers(r))).toEqual([s.id === 'flex' ? 'flex' : 'standard']);
      }
    }
  });

  test('batch prices are derived (50%) in every period, marked derived; a cached price from gpt-5 on', () => {
    expect(row('text', 'gpt-4o', merged).periods[0].tiers.batch).toEqual({
      input: 1.25,
      cached_input: null,
      output: 5,
      derived: true,
    });
    // the November 2025 page's Batch tab: gpt-5 0.625 / 0.0625 / 5
    expect(row('text', 'gpt-5', merged).periods[0].tiers.batch).toEqual({
      input: 0.625,
      cached_input: 0.0625,
      output: 5,
      derived: true,
    });
    const printed = ANNOTATIONS.batch.printed as Record<string, Record<string, AnyRow>>;
    const half = (p: number | null) => (p === null ? null : p / 2);
    const gpt5On = (model: string) => /^gpt-(?:[5-9]|[1-9][0-9])(?:[.-]|$)/.test(model);
    let batches = 0;
    let pagePrinted = 0;
    for (const s of merged.sections) {
      for (const r of s.rows as AnyRow[]) {
        for (const period of r.periods ?? []) {
          const { standard, batch } = period.tiers;
          if (!batch) continue;
          const page = printed[s.id]?.[r.model];
          if (page) {
            // the page prints these rows' Batch prices: stored as printed, not derived
            const { input, cached_input, output } = page;
            expect([r.model, batch]).toEqual([r.model, { input, cached_input, output }]);
            pagePrinted++;
            continue;
          }
          batches++;
          const cached = (p: AnyRow) => (gpt5On(r.model) ? half(p.cached_input) : null);
          const expected: AnyRow = {
            input: half(standard.input),
            cached_input: cached(standard),
            output: half(standard.output),
            derived: true,
          };
          // long context too; cache writes bill at the batch input rate (no cache-write price)
          if (standard.long_context) {
            expected.long_context = {
              input: half(standard.long_context.input),
              cached_input: cached(standard.long_context),
              output: half(standard.long_context.output),
            };
          }
          expect([r.model, period.from, batch]).toEqual([r.model, period.from, expected]);
        }
      }
    }
    expect(batches).toBeGreaterThan(50);
    expect(pagePrinted).toBe(13); // 3 legacy snapshots, 10 fine-tuning rows
  });

  const NOT_IN_BATCH = [
    // the page's rows without batch prices
    'gpt-4o-audio-preview',
    'gpt-4o-mini-audio-preview',
    'gpt-4o-realtime-preview',
    'gpt-4o-mini-realtime-preview',
    'gpt-4o-search-preview',
    'gpt-4o-mini-search-preview',
    'codex-mini-latest',
    'o1-mini',
    'gpt-image-1',
    'chatgpt-4o-latest',
    // later realtime, audio and image models: not offered in the Batch API
    'gpt-realtime',
    'gpt-realtime-2',
    'gpt-realtime-mini',
    'gpt-audio',
    'gpt-audio-mini',
    'gpt-image-1.5',
    'gpt-image-2',
    'gpt-image-1-mini',
    // not in the November 2025 page's Batch tabs; no /v1/batch endpoint in LiteLLM
    'gpt-5.1-codex-mini',
    'gpt-5.3-codex',
    'gpt-5.3-chat-latest',
    'gpt-3.5-turbo-instruct',
    // the November 2025 page prints it in its Standard tab only
    'gpt-5-search-api',
  ];

  test('models not offered in Batch have no batch tier; every other batch-table row has one', () => {
    for (const id of ['text', 'other']) {
      for (const r of rows(id, merged)) {
        for (const period of r.periods) {
          expect([r.model, period.from, 'batch' in period.tiers]).toEqual([
            r.model,
            period.from,
            !NOT_IN_BATCH.includes(r.model),
          ]);
        }
      }
    }
    for (const id of ['embeddings', 'fine_tuning']) {
      for (const r of rows(id, merged)) {
        for (const period of r.periods)
          expect([r.model, 'batch' in period.tiers]).toEqual([r.model, true]);
      }
    }
    const allNames = [...rows('text', merged), ...rows('other', merged)].map((r) => r.model);
    for (const name of NOT_IN_BATCH) expect(allNames).toContain(name);
    for (const legacy of ['gpt-4', 'gpt-3.5-turbo', 'davinci-002', 'babbage-002'])
      expect(row('other', legacy, merged).periods[0].tiers.batch).toBeDefined();
  });

  test('tables without the Batch toggle have no batch prices; priority only in text', () => {
    for (const id of [
      'flex',
      'audio',
      'image_tokens',
      'transcription_text',
      'transcription_audio',
    ]) {
      for (const r of rows(id, merged)) {
        for (const period of r.periods) {
          expect(period.tiers.batch).toBeUndefined();
          expect(period.tiers.priority).toBeUndefined();
        }
      }
    }
    for (const s of [...catalog.sections, ...merged.sections]) {
      const expected = ['fine_tuning', 'embeddings', 'other'].includes(s.id)
        ? ['standard', 'batch']
        : s.id === 'text'
          ? ['standard', 'batch', 'priority']
          : s.id === 'flex'
            ? ['flex']
            : ['standard'];
      expect([s.id, s.tiers]).toEqual([s.id, expected]);
    }
  });

  test('priority prices are per model, from their source day, never on the page day', () => {
    for (const r of rows('text', merged)) {
      expect([r.model, 'priority' in r.periods[0].tiers && r.periods[0].from === PAGE_DAY]).toEqual(
        [r.model, false],
      );
    }
    const o3 = row('text', 'o3', merged);
    expect(o3.periods.map((p: AnyRow) => [p.from, 'priority' in p.tiers])).toEqual([
      [PAGE_DAY, false],
      ['2025-09-23', true],
    ]);
    // the page's standard prices stay in force in the later period
    expect(o3.periods[1].tiers.standard).toEqual(o3.periods[0].tiers.standard);
    // LiteLLM's gpt-5-nano priority input is a known source bug: no priority for gpt-5-nano
    for (const p of row('text', 'gpt-5-nano', merged).periods)
      expect(p.tiers.priority).toBeUndefined();
  });

  test('training unit: hour for the o4-mini rows, 1M tokens for the others', () => {
    for (const r of rows('fine_tuning')) {
      const unit = r.model.startsWith('o4-mini') ? 'hour' : '1M tokens';
      expect([r.model, r.training.unit]).toEqual([r.model, unit]);
    }
  });

  test('web-search rows carry the model family they apply to', () => {
    const web = rows('tools').filter((t) => t.id === 'web_search');
    expect(web.map((t) => t.appliesTo)).toEqual([
      'gpt-4o and gpt-4.1 models (including mini models)',
      'o3, o4-mini, o3-pro, and deep research models',
    ]);
    expect(web[0].models).toEqual(expect.arrayContaining(['gpt-4o', 'gpt-4.1', 'gpt-4.1-mini']));
    expect(web[1].models).toEqual(expect.arrayContaining(['o3', 'o4-mini', 'o3-pro']));
    for (const t of rows('tools').filter((t) => t.id !== 'web_search')) {
      expect(t.appliesTo).toBeNull();
      expect(t.models).toBeNull();
    }
  });
});

describe('refusals: never a partial catalog', () => {
  function refuse(page: string): PageParseError {
    const pagePath = join(dir, 'page.txt');
    const target = join(dir, 'prices.json');
    writeFileSync(pagePath, page);
    copyFileSync(CATALOG_PATH, target);
    let error: unknown;
    try {
      importPrices({
        pagePath,
        catalogPath: target,
        annotationsPath: ANNOTATIONS_PATH,
        check: false,
        rootDir: ROOT,
      });
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(PageParseError);
    expect(readFileSync(target, 'utf8')).toBe(CATALOG_TEXT);
    return error as PageParseError;
  }

  test('a truncated page (first 150 lines)', () => {
    const error = refuse(PAGE_LINES.slice(0, 150).join('\n'));
    expect(error.message).toMatch(
      /^line 15\d: expected the section "Text tokens \(Flex Processing\)"/,
    );
  });

  test('a page cut inside a table', () => {
    const error = refuse(PAGE_LINES.slice(0, 13).join('\n'));
    expect(error.message).toMatch(/^line \d+: expected .*"Text tokens \(Flex Processing\)"/);
  });

  test('a garbled price ("$2.0O")', () => {
    const error = refuse(withLine(12, '$2.0O'));
    expect(error.line).toBe(12);
    expect(error.message).toBe(
      'line 12: expected the input price of gpt-4.1 (a price like "$2.50" or "-"), found "$2.0O"',
    );
  });

  test('a garbled price in a row without a snapshot names the garbled line', () => {
    // line 411 is text-embedding-3-small's "$0.02"
    expect(PAGE_LINES[410]).toBe('$0.02');
    const error = refuse(withLine(411, '$0.O2'));
    expect(error.message).toMatch(/^line 411: expected the input price of text-embedding-3-small/);
    expect(error.message).toContain('found "$0.O2"');
  });

  test('a missing section (Image tokens removed)', () => {
    const start = PAGE_LINES.indexOf('Image tokens');
    const end = PAGE_LINES.indexOf('Fine-tuning');
    const page = [...PAGE_LINES.slice(0, start), ...PAGE_LINES.slice(end)].join('\n');
    const error = refuse(page);
    expect(error.message).toMatch(/^line \d+: expected the section "Image tokens"/);
  });

  test('a shuffled header (Model not first)', () => {
    expect(PAGE_LINES[7]).toBe('Model\tInput\tCached input\tOutput');
    const error = refuse(withLine(8, 'Input\tModel\tCached input\tOutput'));
    expect(error.line).toBe(8);
    expect(error.message).toMatch(
      /^line 8: expected the table header \("Model<TAB>\.\.\."\) of "Text tokens"/,
    );
  });

  test('a header with an unknown price column', () => {
    const error = refuse(withLine(8, 'Model\tInput\tCached\tOutput'));
    expect(error.message).toMatch(/^line 8: expected a price column named Input, Cached input/);
  });

  test('a header naming a price column twice', () => {
    const error = refuse(withLine(8, 'Model\tInput\tInput\tOutput'));
    expect(error.message).toMatch(/^line 8: /);
  });

  test('a missing "Free" in moderation', () => {
    const free = PAGE_LINES.indexOf('Free') + 1;
    const error = refuse(withLine(free, '$0.00'));
    expect(error.message).toMatch(
      new RegExp(`^line ${free}: expected "Free" for omni-moderation-latest`),
    );
  });

  test('an unknown display name in Other models (no API id)', () => {
    const whisper = PAGE_LINES.indexOf('Whisper') + 1;
    const error = refuse(withLine(whisper, 'Whisper 2'));
    expect(error.message).toMatch(new RegExp(`^line ${whisper}: expected a model display name`));
  });

  test('price columns are read by their header names', () => {
    // a page whose columns moved (header and cells together) gives the same prices
    const lines = PAGE_LINES.slice();
    lines[7] = 'Model\tOutput\tInput\tCached input';
    const [i, c, o] = [11, 12, 13];
    [lines[i], lines[c], lines[o]] = [PAGE_LINES[o], PAGE_LINES[i], PAGE_LINES[c]];
    const moved = parse(lines.join('\n'));
    const first = pageTiers(moved.sections[0].rows[0]).standard;
    expect(first).toEqual({ input: 2, cached_input: 0.5, output: 8 });
  });
});

describe('the CLI', () => {
  const tsx = resolve(ROOT, 'node_modules/.bin/tsx');
  const run = (...args: string[]) =>
    spawnSync(tsx, ['scripts/import-prices.ts', ...args], { cwd: ROOT, encoding: 'utf8' });

  test('--check on the committed copy exits 0 and reports up to date', () => {
    const result = run('--check', 'data/openai-pricing-page-2025-07.txt');
    expect(result.stderr).toBe('');
    expect(result.status).toBe(0);
    expect(result.stdout).toContain('parsed 13 tables, 154 priced rows, as of 2026-09-23');
    expect(result.stdout).toContain('data/prices.json is up to date');
    // genai-prices against the page, like with like: the page's gpt-3.5-turbo row, not the
    // fine-tuning row of the same name; audio and image families against their own tables
    const report = result.stdout.split("genai-prices differs from the page on the page's day")[1];
    expect(report.split('\n').filter((l) => l.startsWith('  '))).toEqual([
      '  transcription_text / gpt-4o-mini-tts output: page -, genai-prices 12',
      '  text / gpt-image-1 output: page -, genai-prices 40',
    ]);
  });

  test('--check with a changed price exits non-zero, prints old → new, writes nothing', () => {
    const pagePath = join(dir, 'page.txt');
    writeFileSync(pagePath, withLine(12, '$2.50'));
    const result = run('--check', pagePath);
    expect(result.status).not.toBe(0);
    const changes = result.stdout.split('\n').filter((l) => l.startsWith('  changed: '));
    // the page's price, and the batch price derived from it, once: on the day they move (they
    // stay in force in gpt-4.1's 2025-09-23 period, which adds priority prices)
    expect(changes).toEqual([
      '  changed: text / gpt-4.1 (gpt-4.1-2025-04-14) from 2025-06-26 standard input: $2 → $2.5',
      '  changed: text / gpt-4.1 (gpt-4.1-2025-04-14) from 2025-06-26 batch input: $1 → $1.25',
    ]);
    expect(result.stderr).toContain('would change');
    expect(readFileSync(CATALOG_PATH, 'utf8')).toBe(CATALOG_TEXT);
  });

  test('a truncated page is refused with file and line, and nothing is written', () => {
    const pagePath = join(dir, 'page.txt');
    writeFileSync(pagePath, PAGE_LINES.slice(0, 150).join('\n'));
    const result = run(pagePath);
    expect(result.status).not.toBe(0);
    expect(result.stderr).toMatch(/refused: .*page\.txt:15\d: line 15\d: expected the section/);
    expect(result.stderr).toContain('data/prices.json was left unchanged.');
    expect(readFileSync(CATALOG_PATH, 'utf8')).toBe(CATALOG_TEXT);
  });

  test('no page argument prints the usage', () => {
    const result = run('--check');
    expect(result.status).toBe(2);
    expect(result.stderr).toContain('usage:');
  });
});

describe('describeChanges', () => {
  const clone = (): Catalog => JSON.parse(CATALOG_TEXT);

  test('nothing changed: no lines', () => {
    expect(describeChanges(clone(), clone())).toEqual([]);
  });

  test('added and removed models, prices old → new on the day they move, row facts, as-of', () => {
    const before = clone();
    const after = clone();
    const text = after.sections[0] as TokenSection;
    expect(text.rows[4].model).toBe('gpt-4o');
    text.rows[0].periods[0].tiers.standard!.input = 2.2;
    text.rows[4].periods[0].tiers.standard!.cached_input = null;
    text.rows.push({
      model: 'gpt-7',
      snapshot: 'gpt-7-2026-10-01',
      sources: ['genai-prices'],
      released: '2026-10-01',
      periods: [
        { from: '2026-10-01', tiers: { standard: { input: 3, cached_input: 0.3, output: 20 } } },
      ],
    });
    // a new period that moves three standard prices: reported against the prices in force before
    const luna = text.rows.find((r) => r.model === 'gpt-5.6-luna')!;
    const last = structuredClone(luna.periods[luna.periods.length - 1].tiers);
    luna.periods.push({
      from: '2026-10-01',
      tiers: {
        ...last,
        standard: { ...last.standard!, input: 0.1, cached_input: 0.01, output: 0.6 },
      },
    });
    luna.retired = '2026-12-10';
    luna.contextWindow = 400000;
    const sol = text.rows.find((r) => r.model === 'gpt-5.6-sol')!;
    delete sol.periods[1].tiers.standard!.cache_write;
    const other = after.sections.find((s) => s.id === 'other') as TokenSection;
    other.rows = other.rows.filter((r) => r.model !== 'gpt-4-32k');
    after.asOf = '2026-10-01';
    const lines = describeChanges(before, after);
    expect(lines).toEqual([
      'as of: 2026-09-23 → 2026-10-01',
      'removed: other / gpt-4-32k',
      'changed: text / gpt-4.1 (gpt-4.1-2025-04-14) from 2025-06-26 standard input: $2 → $2.2',
      'changed: text / gpt-4o (gpt-4o-2024-08-06) from 2025-06-26 standard cached input: $1.25 → not offered',
      'changed: text / gpt-5.6-luna from 2026-10-01 standard input: $0.2 → $0.1',
      'changed: text / gpt-5.6-luna from 2026-10-01 standard cached input: $0.02 → $0.01',
      'changed: text / gpt-5.6-luna from 2026-10-01 standard output: $1.2 → $0.6',
      'changed: text / gpt-5.6-luna context window: 1050000 → 400000',
      'changed: text / gpt-5.6-luna retired: (none) → 2026-12-10',
      'changed: text / gpt-5.6-sol from 2026-08-21 standard cache write: $5 → (none)',
      'added: text / gpt-7 (gpt-7-2026-10-01)',
    ]);
  });

  test('a first import (no catalog yet) lists every row as added', () => {
    const lines = describeChanges(null, clone());
    expect(lines.every((l) => l.startsWith('added: '))).toBe(true);
    expect(lines.length).toBeGreaterThan(80);
  });
});

describe('schema', () => {
  const clone = (): Record<string, AnyRow> => JSON.parse(CATALOG_TEXT);

  test('the committed catalog is valid', () => {
    expect(() => validateCatalog(clone())).not.toThrow();
  });

  test('a wrong type is rejected', () => {
    const bad = clone();
    bad.sections[0].rows[0].periods[0].tiers.standard.input = '2.00';
    expect(() => validateCatalog(bad)).toThrow(
      /sections\[0\]\.rows\[0\]\.periods\[0\]\.tiers\.standard\.input: expected a non-negative price, got "2\.00"/,
    );
  });

  test('wrong types and order in periods are rejected', () => {
    const problem = (change: (bad: Record<string, AnyRow>) => void): string => {
      const bad = clone();
      change(bad);
      try {
        validateCatalog(bad);
      } catch (e) {
        return (e as Error).message;
      }
      return 'accepted';
    };
    const luna = (bad: Record<string, AnyRow>) =>
      bad.sections[0].rows.find((r: AnyRow) => r.model === 'gpt-5.6-luna');
    const at = (bad: Record<string, AnyRow>) =>
      `sections[0].rows[${bad.sections[0].rows.indexOf(luna(bad))}]`;
    let path = '';
    expect(
      problem((bad) => {
        path = at(bad);
        luna(bad).periods[1].from = '2026-07-01';
      }),
    ).toContain(`${path}.periods[1].from: periods out of order`);
    expect(
      problem((bad) => {
        luna(bad).periods[0].from = 'July 9, 2026';
      }),
    ).toContain(`${path}.periods[0].from: expected YYYY-MM-DD`);
    expect(
      problem((bad) => {
        luna(bad).periods[0].from = '2026-07-10';
      }),
    ).toContain(`${path}.periods[0].from: the first period starts on release (2026-07-09)`);
    expect(
      problem((bad) => {
        luna(bad).periods[1].tiers.standard.long_context.output = -1;
      }),
    ).toContain(
      `${path}.periods[1].tiers.standard.long_context.output: expected a non-negative price`,
    );
    expect(
      problem((bad) => {
        luna(bad).periods[1].tiers.standard.cache_write = '0.25';
      }),
    ).toContain(`${path}.periods[1].tiers.standard.cache_write: expected a non-negative price`);
    expect(
      problem((bad) => {
        luna(bad).periods[1].tiers.standard.derived = 'yes';
      }),
    ).toContain(`${path}.periods[1].tiers.standard.derived: expected a boolean`);
    expect(
      problem((bad) => {
        luna(bad).periods = [];
      }),
    ).toContain(`${path}.periods: expected a non-empty array`);
    expect(
      problem((bad) => {
        luna(bad).periods[0].tiers = [];
      }),
    ).toContain(`${path}.periods[0].tiers: expected an object`);
    expect(
      problem((bad) => {
        luna(bad).sources.push('a-blog');
      }),
    ).toContain(`${path}.sources: unknown source "a-blog"`);
    expect(
      problem((bad) => {
        luna(bad).retired = '2026/12/01';
      }),
    ).toContain(`${path}.retired: expected YYYY-MM-DD`);
    // priority is a text-table tier only
    expect(
      problem((bad) => {
        bad.sections[10].rows[0].periods[0].tiers.priority = {
          input: 1,
          cached_input: null,
          output: null,
        };
      }),
    ).toContain('sections[10].rows[0].periods[0].tiers.priority: tier not offered by the section');
    expect(problem((bad) => (bad.since = '2025'))).toContain('catalog.since: expected YYYY-MM-DD');
    expect(problem((bad) => (bad.schemaVersion = 1))).toContain(
      'catalog.schemaVersion: expected 2',
    );
  });

  test('a negative price is rejected', () => {
    const bad = clone();
    bad.sections[9].rows[0].price = -0.011;
    expect(() => validateCatalog(bad)).toThrow(
      /sections\[9\]\.rows\[0\]\.price: expected a non-negative price/,
    );
  });

  test('a missing price key is rejected', () => {
    const bad = clone();
    delete bad.sections[0].rows[3].periods[0].tiers.standard.cached_input;
    expect(() => validateCatalog(bad)).toThrow(
      /sections\[0\]\.rows\[3\]\.periods\[0\]\.tiers\.standard\.cached_input: missing/,
    );
  });

  test('a missing training price, unknown tier, bad asOf are rejected', () => {
    const bad = clone();
    delete bad.sections[4].rows[0].training.price;
    bad.sections[0].rows[1].periods[0].tiers.premium = { input: 1, cached_input: null, output: 1 };
    bad.asOf = 'June 2025';
    const message = (() => {
      try {
        validateCatalog(bad);
      } catch (e) {
        return (e as Error).message;
      }
      return '';
    })();
    expect(message).toContain('sections[4].rows[0].training.price');
    expect(message).toContain('sections[0].rows[1].periods[0].tiers.premium: tier not offered');
    expect(message).toContain('catalog.asOf: expected YYYY-MM-DD');
  });
});
