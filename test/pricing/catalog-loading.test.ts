// Loading costs nothing that an execution does not use: the bundled catalog is JSON text parsed on
// first use, its top-level facts read without parsing, and each domain's model index is built on
// first use of that domain. (test/sheets/bundle.test.ts checks the same in the built dist/Code.js.)
import { readFileSync } from 'node:fs';
import { bundleCatalog, isBundled } from '../../src/pricing/bundled-catalog';
import type { Catalog } from '../../src/pricing/catalog';
import { lazyCatalog } from '../../src/pricing/data';
import { buildModelIndex, pricesOn } from '../../src/pricing/models';
import { CATALOG_PATH } from '../support/reference';

const fullCatalog = (): Catalog => JSON.parse(readFileSync(CATALOG_PATH, 'utf8'));

/** The bundled form, with JSON.parse counted while `run` runs. */
function countingParses<T>(run: () => T): { result: T; parses: number } {
  const parse = JSON.parse;
  let parses = 0;
  JSON.parse = (...args: Parameters<typeof JSON.parse>) => {
    parses++;
    return parse(...args);
  };
  try {
    return { result: run(), parses };
  } finally {
    JSON.parse = parse;
  }
}

describe('the bundled catalog', () => {
  const catalog = fullCatalog();
  const bundled = bundleCatalog(catalog);

  test('is JSON text with asOf and since beside it, and no maintainer information', () => {
    expect(isBundled(bundled)).toBe(true);
    expect(isBundled(catalog as never)).toBe(false);
    expect([bundled.schemaVersion, bundled.asOf, bundled.since]).toEqual([
      catalog.schemaVersion,
      catalog.asOf,
      catalog.since,
    ]);
    expect(bundled.json).not.toMatch(/"notes"|"derived"/);
    // a row's source ids go; the catalog's map of sources stays (the sheets cite it)
    expect(bundled.json).not.toMatch(/"sources":\[/);
    expect(JSON.parse(bundled.json).sources).toEqual(catalog.sources);
  });

  test('keeps every price as the importer wrote it, batch prices included', () => {
    const strip = (value: unknown): unknown =>
      JSON.parse(
        JSON.stringify(value, (key, item: unknown) =>
          key === 'notes' || key === 'derived' || (key === 'sources' && Array.isArray(item))
            ? undefined
            : item,
        ),
      );
    expect(JSON.parse(bundled.json)).toEqual(strip(catalog));
  });

  test('the build refuses a derived batch tier that the Batch rule does not give', () => {
    const tampered = fullCatalog();
    const period = tampered.sections
      .flatMap((s) => (s.kind === 'tokens' ? s.rows.flatMap((r) => r.periods) : []))
      .find((p) => p.tiers.batch?.derived)!;
    period.tiers.batch = { ...period.tiers.batch!, input: period.tiers.batch!.input! + 0.01 };
    expect(() => bundleCatalog(tampered)).toThrow(
      /a derived batch tier the Batch rule does not give/,
    );
  });

  test('reading asOf and since parses nothing; the first other property parses it once', () => {
    const { result: lazy, parses: atCreation } = countingParses(() => lazyCatalog(bundled));
    expect(atCreation).toBe(0);
    const facts = countingParses(() => [lazy.asOf, lazy.since, lazy.schemaVersion]);
    expect(facts).toEqual({ result: [catalog.asOf, catalog.since, 2], parses: 0 });
    const sections = countingParses(() => lazy.sections.map((s) => s.id));
    expect(sections).toEqual({ result: catalog.sections.map((s) => s.id), parses: 1 });
    const rest = countingParses(() => [lazy.sources, lazy.batch, lazy.longContext, lazy.sections]);
    expect(rest.parses).toBe(0);
    expect(rest.result).toEqual([
      catalog.sources,
      catalog.batch,
      catalog.longContext,
      expect.anything(),
    ]);
    expect(lazy.sections).toBe(lazy.sections); // one parse, the same objects for every reader
  });

  test('the JSON itself (as tests of src/ import it) is used as it is', () => {
    const lazy = lazyCatalog(catalog);
    expect(countingParses(() => lazy.sections).result).toBe(catalog.sections);
  });
});

describe('the model index builds each domain on first use', () => {
  /** A catalog that records which sections' rows were read. */
  function recording(): { catalog: Catalog; read: Set<string> } {
    const catalog = fullCatalog();
    const read = new Set<string>();
    catalog.sections = catalog.sections.map(
      (section) =>
        new Proxy(section, {
          get: (target, key, receiver) => {
            if (key === 'rows') read.add(target.id);
            return Reflect.get(target, key, receiver);
          },
        }),
    );
    return { catalog, read };
  }

  test('building the index reads no section; text reads only the text-token sections', () => {
    const { catalog, read } = recording();
    const index = buildModelIndex(catalog);
    expect([...read]).toEqual([]);
    expect(index.text.get('gpt-4o')?.name).toBe('gpt-4o');
    expect([...read].sort()).toEqual([
      'embeddings',
      'flex',
      'moderation',
      'other',
      'text',
      'transcription_text',
    ]);
    // a second look-up builds nothing more
    read.clear();
    expect(index.text.get('gpt-4.1-mini')?.name).toBe('gpt-4.1-mini');
    expect([...read]).toEqual([]);
  });

  test.each([
    [
      'audio',
      (i: ReturnType<typeof buildModelIndex>) => i.audio.get('gpt-4o-audio-preview'),
      ['audio', 'transcription_audio'],
    ],
    [
      'imageTokens',
      (i: ReturnType<typeof buildModelIndex>) => i.imageTokens.get('gpt-image-1'),
      ['image_tokens'],
    ],
    [
      'minutes',
      (i: ReturnType<typeof buildModelIndex>) => i.minutes.get('whisper-1'),
      ['audio_models', 'transcription_text'],
    ],
    [
      'characters',
      (i: ReturnType<typeof buildModelIndex>) => i.characters.get('tts-1'),
      ['audio_models'],
    ],
    [
      'images',
      (i: ReturnType<typeof buildModelIndex>) => i.images.get('dall-e-3'),
      ['image_generation'],
    ],
  ])('%s reads only its own sections', (_, lookUp, sections) => {
    const { catalog, read } = recording();
    const index = buildModelIndex(catalog);
    expect(lookUp(index)).toBeDefined();
    expect([...read].sort()).toEqual(sections);
  });

  test("indexing names the rows only: a model's periods are worked out when it is first priced", () => {
    const catalog = fullCatalog();
    const periodsRead: string[] = [];
    for (const section of catalog.sections) {
      const rows = section.rows as { model: string }[];
      rows.forEach((row, k) => {
        rows[k] = new Proxy(row, {
          get: (target, key, receiver) => {
            if (key === 'periods') periodsRead.push(`${section.id}:${target.model}`);
            return Reflect.get(target, key, receiver);
          },
        });
      });
    }
    const index = buildModelIndex(catalog);
    const model = index.text.get('o4-mini')!;
    expect(periodsRead).toEqual([]);
    const current = pricesOn(model, null);
    // o4-mini's text row and its flex row
    expect([...new Set(periodsRead)].sort()).toEqual(['flex:o4-mini', 'text:o4-mini']);
    expect(Object.keys(current.tiers).sort()).toEqual(['batch', 'flex', 'priority', 'standard']);
    periodsRead.length = 0;
    expect(pricesOn(model, null)).toBe(current);
    expect(periodsRead).toEqual([]);
  });

  test('fine-tuned ids and training prices are built together, once', () => {
    const { catalog, read } = recording();
    const index = buildModelIndex(catalog);
    expect(index.training.get('gpt-4o-mini-2024-07-18')).toBeDefined();
    expect(read.has('fine_tuning')).toBe(true);
    const training = index.training;
    read.clear();
    expect(index.fineTuned.get('gpt-4o-mini-2024-07-18')?.name).toBe('ft:gpt-4o-mini-2024-07-18');
    expect(index.training).toBe(training);
    expect([...read]).toEqual([]);
  });
});
