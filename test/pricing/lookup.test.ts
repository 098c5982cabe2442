// Name resolution, tier rules, OPENAI_PRICE kinds, and price tables whose every cell's formula,
// evaluated by the named custom function, gives back exactly the cell's price.
import { readFileSync } from 'node:fs';
import { parsePricingPage } from '../../scripts/import/parse-page';
import { resolveCategory } from '../../src/pricing/categories';
import { closestNames, nameKey } from '../../src/pricing/names';
import { isoToDay } from '../../src/pricing/dates';
import {
  pricesOn,
  resolveAudioModel,
  resolveCharactersModel,
  resolveImageModel,
  resolveMinutesModel,
  resolveTextModel,
  type PricedTiers,
  type TokenModel,
} from '../../src/pricing/models';
import { lookupPrice, parsePriceKind, PRICE_KINDS } from '../../src/pricing/prices';
import {
  buildPriceTable,
  formulaText,
  isPriceCell,
  NOT_OFFERED,
  type PriceCell,
} from '../../src/pricing/tables';
import { billingRates, offeredTiers, parseTier } from '../../src/pricing/tiers';
import { OPENAI_IMAGE_COST, OPENAI_TOOL_COST } from '../../src/sheets/functions/costs';
import { OPENAI_PRICE } from '../../src/sheets/functions/lookups';
import {
  ANNOTATIONS_PATH,
  PAGE_DAY,
  PAGE_PATH,
  rawCatalog,
  rowOf,
  sectionOf,
  thrown,
  type AnyRow,
  TEXT_HEADER_NOW,
} from '../support/reference';

/** The prices of a model in force on a day (YYYY-MM-DD), or current (null). */
const on = (model: TokenModel, day: string | null): PricedTiers =>
  pricesOn(model, day === null ? null : isoToDay(day));

describe('model names', () => {
  test('case- and space-insensitive; alias and snapshot are one model', () => {
    const gpt41 = resolveTextModel('gpt-4.1');
    for (const name of ['GPT-4.1', '  gpt-4.1\t', 'gpt-4.1-2025-04-14', ' GPT-4.1-2025-04-14 ']) {
      expect(resolveTextModel(name)).toBe(gpt41);
    }
    const row = rowOf('text', 'gpt-4.1');
    expect(on(gpt41, null).tiers.standard).toEqual(row.tiers.standard);
    expect(on(gpt41, PAGE_DAY).tiers.standard).toEqual(row.periods[0].tiers.standard);
    expect(row.periods[0].from).toBe(PAGE_DAY);
    expect(nameKey('  TTS   HD ')).toBe('tts hd');
  });

  test('every name of every token table resolves to its own row, in every period', () => {
    const domains: [string[], (n: string) => TokenModel][] = [
      [['text', 'transcription_text', 'embeddings', 'moderation', 'other'], resolveTextModel],
      [['audio', 'transcription_audio'], resolveAudioModel],
    ];
    let names = 0;
    for (const [ids, resolve] of domains) {
      for (const id of ids) {
        for (const row of sectionOf(id).rows as AnyRow[]) {
          for (const name of [row.model, row.snapshot, ...(row.aliases ?? [])].filter(Boolean)) {
            names++;
            const model = resolve(name);
            expect([name, on(model, null).tiers.standard]).toEqual([name, row.tiers.standard]);
            for (const period of row.periods) {
              expect([name, period.from, on(model, period.from).tiers.standard]).toEqual([
                name,
                period.from,
                period.tiers.standard,
              ]);
            }
          }
        }
      }
    }
    expect(names).toBeGreaterThan(150);
  });

  test('dated snapshots and API id variants of new models resolve to their row', () => {
    const gpt5 = resolveTextModel('gpt-5');
    expect(resolveTextModel('gpt-5-2025-08-07')).toBe(gpt5);
    // variant ids that shut down before gpt-5 (2026-07-23): gpt-5's prices under their own name
    for (const name of ['GPT-5-CHAT-LATEST', ' gpt-5-codex ']) {
      const variant = resolveTextModel(name);
      expect(variant.periods).toBe(gpt5.periods);
      expect([variant.name, variant.retired]).toEqual([
        name.trim().toLowerCase(),
        isoToDay('2026-07-23'),
      ]);
    }
    // a model whose source takes any <id>-YYYY-MM-DD snapshot
    expect(resolveTextModel('gpt-5.6-luna-2026-07-09')).toBe(resolveTextModel('gpt-5.6-luna'));
    // gpt-5.6 is Sol, its default variant
    expect(resolveTextModel('gpt-5.6')).toBe(resolveTextModel('gpt-5.6-sol'));
    expect(resolveTextModel('gpt-5.6').name).toBe('gpt-5.6-sol');
  });

  test('API ids and display names', () => {
    expect(resolveMinutesModel('whisper-1')).toBe(resolveMinutesModel('Whisper'));
    expect(resolveMinutesModel('WHISPER').price).toBe(0.006);
    expect(resolveCharactersModel('tts-1').price).toBe(15);
    expect(resolveCharactersModel('TTS HD')).toBe(resolveCharactersModel('tts-1-hd'));
    expect(resolveImageModel('DALL·E 3')).toBe(resolveImageModel('dall-e-3'));
    expect(resolveImageModel('dall·e 2')).toBe(resolveImageModel('dall-e-2'));
    expect(resolveImageModel('GPT Image 1')).toBe(resolveImageModel('gpt-image-1'));
  });

  test('an unknown name suggests the closest', () => {
    expect(thrown(() => resolveTextModel('gpt4o')).message).toBe(
      'unknown model "gpt4o" (did you mean "gpt-4o"?)',
    );
    expect(thrown(() => resolveTextModel(' gpt-4.1-mni ')).message).toBe(
      'unknown model "gpt-4.1-mni" (did you mean "gpt-4.1-mini"?)',
    );
    expect(thrown(() => resolveTextModel('zzzzzzzzzzzzzzzzzzzzzz')).message).toMatch(
      /^unknown model "zzzzzzzzzzzzzzzzzzzzzz" \(OPENAI_MODELS\(\) lists every model/,
    );
    expect(thrown(() => resolveImageModel('dall-e-4')).message).toMatch(
      /^unknown model "dall-e-4" \(did you mean "dall-e-3"/,
    );
    expect(closestNames('gpt4o', ['gpt-4o', 'gpt-4', 'o1'])).toEqual(['gpt-4o']);
  });

  test('a name known elsewhere points to the right function', () => {
    expect(thrown(() => resolveTextModel('whisper-1')).message).toBe(
      '"whisper-1" has no text-token price; use OPENAI_MINUTES_COST (per-minute price)',
    );
    expect(thrown(() => resolveTextModel('tts-1-hd')).message).toMatch(/use OPENAI_TTS_COST/);
    expect(thrown(() => resolveAudioModel('gpt-4o')).message).toMatch(/use OPENAI_COST/);
    expect(thrown(() => resolveTextModel('dall-e-3')).message).toMatch(/use OPENAI_IMAGE_COST/);
  });
});

describe('tiers', () => {
  test('parseTier: case-insensitive, blank is standard, anything else an error', () => {
    expect(parseTier(undefined)).toBe('standard');
    expect(parseTier('')).toBe('standard');
    expect(parseTier('  ')).toBe('standard');
    expect(parseTier(' Batch ')).toBe('batch');
    expect(parseTier('FLEX')).toBe('flex');
    expect(parseTier(' Priority ')).toBe('priority');
    expect(() => parseTier('premium')).toThrow(
      'unknown tier "premium" (use "standard", "batch", "flex" or "priority")',
    );
    expect(() => parseTier(1)).toThrow('unknown tier 1 (');
    expect(() => parseTier(new Date(2025, 0, 1))).toThrow('unknown tier the date 2025-01-01 (');
  });

  test('a tier the model is not offered in lists the offered tiers', () => {
    const o3 = resolveTextModel('o3');
    // the page had no priority prices; they start with the annotations' first source (2025-09-23)
    expect(offeredTiers(on(o3, PAGE_DAY))).toEqual(['standard', 'batch', 'flex']);
    expect(offeredTiers(on(o3, '2025-09-22'))).toEqual(['standard', 'batch', 'flex']);
    expect(offeredTiers(on(o3, '2025-09-23'))).toEqual(['standard', 'batch', 'flex', 'priority']);
    expect(offeredTiers(on(o3, null))).toEqual(['standard', 'batch', 'flex', 'priority']);
    expect(offeredTiers(on(resolveTextModel('gpt-4o-realtime-preview'), null))).toEqual([
      'standard',
    ]);
    expect(() => lookupPrice('gpt-4o', 'input', 'flex')).toThrow(
      'gpt-4o is not offered in the flex (flex processing) tier (offered in: standard, batch, priority)',
    );
    expect(() => lookupPrice('gpt-4o', 'input', 'priority', isoToDay(PAGE_DAY))).toThrow(
      'gpt-4o is not offered in the priority (priority processing) tier (offered in: standard, batch)',
    );
    expect(() => lookupPrice('codex-mini-latest', 'input', 'batch')).toThrow(
      'codex-mini-latest is not offered in the batch (Batch API) tier (offered in: standard)',
    );
  });

  test('billingRates is the one rule (micro-dollars per 1M tokens)', () => {
    const priced = (tiers: PricedTiers['tiers']): PricedTiers => ({
      name: 'm',
      tiers,
      rates: {},
      longContextAbove: 272_000,
    });
    const p = { input: 2, cached_input: 0.5, output: 8 };
    expect(billingRates(priced({ standard: p }), 'standard')).toEqual({
      input: 2e6,
      cachedInput: 5e5,
      cacheWrite: 2e6, // no cache-write price: cache writes bill at the input rate
      output: 8e6,
      longContext: 'none',
    });
    // no cached price: cached tokens at the input rate
    expect(
      billingRates(priced({ standard: { ...p, cached_input: null } }), 'standard'),
    ).toMatchObject({ cachedInput: 2e6 });
    // batch: the same rule on the batch prices; a batch tier has no cache-write price, and a
    // model before the gpt-5 family no cached price there (src/pricing/batch.ts)
    expect(
      billingRates(priced({ batch: { input: 1, cached_input: 0.1, output: 4 } }), 'batch'),
    ).toMatchObject({
      input: 1e6,
      cachedInput: 1e5,
      cacheWrite: 1e6,
      output: 4e6,
    });
    expect(
      billingRates(priced({ batch: { input: 1, cached_input: null, output: 4 } }), 'batch'),
    ).toMatchObject({ cachedInput: 1e6, cacheWrite: 1e6 });
    // flex and priority: their own stored prices, cached as printed
    expect(
      billingRates(priced({ flex: { input: 0.55, cached_input: 0.138, output: 2.2 } }), 'flex'),
    ).toMatchObject({ cachedInput: 138_000 });
    const luna = { input: 1, cached_input: 0.1, output: 6, cache_write: 1.25 };
    const long = { input: 2, cached_input: 0.2, output: 9, cache_write: 2.5 };
    const both = () =>
      priced({ standard: { ...luna, long_context: long }, priority: { ...luna, input: 2 } });
    expect(billingRates(both(), 'standard')).toEqual({
      input: 1e6,
      cachedInput: 1e5,
      cacheWrite: 1.25e6,
      output: 6e6,
      longContext: { input: 2e6, cachedInput: 2e5, cacheWrite: 2.5e6, output: 9e6 },
    });
    // a tier without long-context prices of a model that has them cannot price long requests
    expect(billingRates(both(), 'priority')).toMatchObject({ input: 2e6, longContext: 'missing' });
    expect(() => billingRates(priced({ standard: p }), 'flex')).toThrow(
      'm is not offered in the flex (flex processing) tier (offered in: standard)',
    );
  });
});

describe('OPENAI_PRICE kinds', () => {
  test('every kind', () => {
    expect(lookupPrice('gpt-4.1', 'input', 'standard')).toBe(2);
    expect(lookupPrice('gpt-4.1', 'cached_input', 'standard')).toBe(0.5);
    expect(lookupPrice('gpt-4.1', 'output', 'batch')).toBe(4);
    expect(lookupPrice('o4-mini', 'cached_input', 'flex')).toBe(0.138);
    expect(lookupPrice('gpt-4o-realtime-preview', 'audio_input', 'standard')).toBe(40);
    expect(lookupPrice('gpt-4o-realtime-preview', 'audio_cached_input', 'standard')).toBe(2.5);
    expect(lookupPrice('gpt-4o-mini-tts', 'audio_output', 'standard')).toBe(12);
    expect(lookupPrice('gpt-image-1', 'image_input', 'standard')).toBe(10);
    expect(lookupPrice('gpt-image-1', 'image_cached_input', 'standard')).toBe(2.5);
    expect(lookupPrice('gpt-image-1', 'image_output', 'standard')).toBe(40);
    expect(lookupPrice('gpt-4o-2024-08-06', 'training', 'standard')).toBe(25);
    expect(lookupPrice('o4-mini-2025-04-16', 'training', 'standard')).toBe(100);
    expect(lookupPrice('ft:gpt-4o-2024-08-06', 'cached_input', 'standard')).toBe(1.875);
    expect(lookupPrice('whisper-1', 'per_minute', 'standard')).toBe(0.006);
    expect(lookupPrice('gpt-4o-transcribe', 'per_minute', 'standard')).toBe(0.006);
    expect(lookupPrice('TTS HD', 'per_1m_characters', 'standard')).toBe(30);
    // dated prices: gpt-5.6-luna before and after its 2026-07-30 price cut
    const luna = rowOf('text', 'gpt-5.6-luna');
    const [before, after] = luna.periods.map((p: AnyRow) => p.tiers.standard);
    const july29 = isoToDay('2026-07-29');
    const july30 = isoToDay('2026-07-30');
    expect(lookupPrice('gpt-5.6-luna', 'cache_write', 'standard', july29)).toBe(before.cache_write);
    expect(lookupPrice('gpt-5.6-luna', 'cache_write', 'standard', july30)).toBe(after.cache_write);
    expect(lookupPrice('gpt-5.6-luna', 'long_context_input', 'standard', july29)).toBe(
      before.long_context.input,
    );
    expect(lookupPrice('gpt-5.6-luna', 'long_context_cached_input', 'standard', july30)).toBe(
      after.long_context.cached_input,
    );
    expect(lookupPrice('gpt-5.6-luna', 'long_context_output', 'standard')).toBe(
      after.long_context.output,
    );
    expect(lookupPrice('gpt-5.6-luna', 'input', 'priority', july30)).toBe(
      luna.periods[1].tiers.priority.input,
    );
    expect(lookupPrice('gpt-5.4', 'long_context_output', 'batch')).toBe(
      rowOf('text', 'gpt-5.4').tiers.batch.long_context.output,
    );
    expect(PRICE_KINDS).toHaveLength(16);
  });

  test('parsePriceKind', () => {
    expect(parsePriceKind(undefined)).toBe('input');
    expect(parsePriceKind('Cached input')).toBe('cached_input');
    expect(parsePriceKind('audio-cached-input')).toBe('audio_cached_input');
    expect(parsePriceKind(' PER_1M_CHARACTERS ')).toBe('per_1m_characters');
    expect(() => parsePriceKind('cost')).toThrow(/^unknown price "cost" \(use "input", /);
  });

  test('a "-" price is an error saying it is not offered', () => {
    expect(() => lookupPrice('o1-pro', 'cached_input', 'standard')).toThrow(
      'o1-pro has no cached input price: the price list shows "-" (not offered)',
    );
    expect(() => lookupPrice('text-embedding-3-small', 'output', 'standard')).toThrow(
      'text-embedding-3-small has no output price: the price list shows "-" (not offered)',
    );
    expect(() => lookupPrice('gpt-4o-audio-preview', 'audio_cached_input', 'standard')).toThrow(
      'gpt-4o-audio-preview has no audio cached input price: the price list shows "-" (not offered)',
    );
    expect(() => lookupPrice('gpt-5.4-pro', 'long_context_cached_input', 'standard')).toThrow(
      'gpt-5.4-pro has no long-context cached input price: the price list shows "-" (not offered)',
    );
    expect(() => lookupPrice('gpt-4o-transcribe', 'audio_output', 'standard')).toThrow(
      /not offered/,
    );
    expect(() => lookupPrice('gpt-4o', 'cached_input', 'batch')).toThrow(
      /^gpt-4o has no cached input price in Batch: before the gpt-5 family prompt-caching discounts do not apply in the Batch API, so cached input tokens are billed at the batch input rate \(\$1\.25 per 1M tokens\)$/,
    );
  });

  test('cache-write and long-context prices a model does not have', () => {
    expect(() => lookupPrice('gpt-4.1', 'cache_write', 'standard')).toThrow(
      'gpt-4.1 has no cache-write price: cache writes are billed at its input rate ($2 per 1M tokens)',
    );
    expect(() => lookupPrice('gpt-4.1', 'long_context_input', 'standard')).toThrow(
      'gpt-4.1 has no long-context prices: every request is billed at its standard rates',
    );
    expect(() => lookupPrice('gpt-5.4', 'long_context_input', 'priority')).toThrow(
      'gpt-5.4 has no long-context priority prices: not offered in this tier',
    );
  });

  test('unit prices have no batch or flex price', () => {
    expect(() => lookupPrice('whisper-1', 'per_minute', 'batch')).toThrow(/only standard prices/);
    expect(() => lookupPrice('gpt-4.1', 'training', 'batch')).toThrow(/only standard prices/);
    expect(() => lookupPrice('gpt-4o', 'per_minute', 'standard')).toThrow(
      /has no per-minute price/,
    );
  });
});

describe('price tables: every section in every tier it offers', () => {
  const functions: Record<PriceCell['formula']['fn'], (...args: unknown[]) => unknown> = {
    OPENAI_PRICE: OPENAI_PRICE as (...args: unknown[]) => unknown,
    OPENAI_IMAGE_COST: OPENAI_IMAGE_COST as (...args: unknown[]) => unknown,
    OPENAI_TOOL_COST: OPENAI_TOOL_COST as (...args: unknown[]) => unknown,
  };

  const catalog = rawCatalog();
  const COLUMN_TITLES = { input: 'Input', cached_input: 'Cached input', output: 'Output' };
  const isTokenRowSection = (s: AnyRow) => s.kind === 'tokens' || s.kind === 'fine_tuning';
  const isTokenRow = (row: AnyRow) => Array.isArray(row.periods);
  /** The rows a table shows on a day (null: current, i.e. the catalog's asOf), from the JSON. */
  function rowsShown(section: AnyRow, day: string | null): AnyRow[] {
    const shown = day ?? catalog.asOf;
    const pricedThen = (row: AnyRow) => {
      let found;
      for (const p of row.periods) if (p.from <= shown) found = p;
      return found !== undefined && Object.keys(found.tiers).length > 0;
    };
    // offered that day, and with some price then (Sol has no flex price after 2026-08-21)
    return section.rows.filter(
      (row: AnyRow) =>
        (!row.released || row.released <= shown) &&
        (!isTokenRow(row) || ((!row.retired || row.retired > shown) && pricedThen(row))),
    );
  }
  /** The row's prices in a tier on a day (null: current), from the JSON. */
  function tierOn(row: AnyRow, tier: string, day: string | null): AnyRow {
    let found;
    for (const p of row.periods) if (p.from <= (day ?? catalog.asOf)) found = p;
    return found?.tiers[tier];
  }

  for (const section of catalog.sections) {
    for (const tier of section.tiers) {
      for (const day of [null, PAGE_DAY, '2026-07-29', '2026-08-21']) {
        const when = day ?? 'current prices';
        test(`${section.id} (${tier}, ${when}): every formula returns exactly its cell's price`, () => {
          const table = buildPriceTable(section.id, tier as never, day ? isoToDay(day) : null);
          expect(table.tier).toBe(tier);
          const expected = rowsShown(section, day);
          expect(table.rows.map((r) => r[0])).toEqual(expected.map((r) => r.model ?? r.name));
          for (const row of table.rows) expect(row).toHaveLength(table.header.length);
          let cells = 0;
          table.rows.forEach((row, k) => {
            for (const cell of row) {
              if (!isPriceCell(cell)) continue;
              cells++;
              // the formula, evaluated, gives the cell; a dated table's formulas carry the date
              const value = functions[cell.formula.fn](...cell.formula.args);
              expect([formulaText(cell), value]).toEqual([formulaText(cell), cell.price]);
              const undated = ['training', 'per_minute'].includes(String(cell.formula.args[1]));
              if (
                day !== null &&
                cell.formula.fn === 'OPENAI_PRICE' &&
                !undated &&
                isTokenRow(expected[k])
              ) {
                expect(cell.formula.args.slice(-2)).toEqual([tier, day]);
              }
            }
            // and the token prices are the row's prices in force that day, "-" as not offered
            if (isTokenRow(expected[k]) && section.kind === 'tokens' && !expected[k].free) {
              const prices = tierOn(expected[k], tier, day);
              const columns = section.columns.map((c: string) => prices?.[c] ?? null);
              const start = table.header.indexOf(section.columns.length > 1 ? 'Input' : 'Cost');
              const shown = row
                .slice(start, start + columns.length)
                .map((c) => (isPriceCell(c) ? c.price : c === NOT_OFFERED ? null : c));
              expect([row[0], shown]).toEqual([row[0], columns]);
            }
          });
          const anyPrice = expected.some(
            (r) => !isTokenRow(r) || (!r.free && tierOn(r, tier, day) !== undefined),
          );
          if (section.id === 'moderation') {
            expect(cells).toBe(0); // free: "Free" cells, no price to trace
            for (const row of table.rows) expect(row[row.length - 1]).toBe('Free');
          } else expect(cells > 0).toBe(anyPrice);
        });
      }
    }
    test(`${section.id}: default tier, and a tier it does not offer`, () => {
      expect(buildPriceTable(section.id).tier).toBe(section.tiers[0]);
      const others = ['standard', 'batch', 'flex', 'priority'].filter(
        (t) => !section.tiers.includes(t),
      );
      for (const tier of others) {
        expect(() => buildPriceTable(section.id, tier as never)).toThrow(
          new RegExp(`table has no ${tier} prices \\(it has: ${section.tiers.join(', ')}\\)`),
        );
      }
    });
  }

  const addedOnPageDay = (sectionId: string): string[] =>
    Object.entries(
      JSON.parse(readFileSync(ANNOTATIONS_PATH, 'utf8')).addedRows as Record<string, AnyRow>,
    )
      .filter(([id, row]) => !id.startsWith('_') && row.section === sectionId && !row.released)
      .map(([id]) => id);

  test('the page-day tables show the page rows at their page prices, then the added rows', () => {
    const page = parsePricingPage(
      readFileSync(PAGE_PATH, 'utf8'),
      JSON.parse(readFileSync(ANNOTATIONS_PATH, 'utf8')),
      'page.txt',
    );
    let rows = 0;
    for (const section of page.sections) {
      const table = buildPriceTable(section.id, undefined, isoToDay(PAGE_DAY));
      // the page's rows in page order, then the rows annotations add that were offered that day
      const names = [
        ...(section.rows as AnyRow[]).map((r) => r.model ?? r.name),
        ...addedOnPageDay(section.id),
      ];
      expect([section.id, table.rows.map((r) => r[0])]).toEqual([section.id, names]);
      rows += table.rows.length;
      if (section.kind !== 'tokens') continue;
      const tier = section.tiers[0];
      section.rows.forEach((row, k) => {
        const prices = row.periods[0].tiers[tier]!;
        for (const column of section.columns) {
          const title = section.columns.length === 1 ? 'Cost' : COLUMN_TITLES[column];
          const cell = table.rows[k][table.header.indexOf(title)];
          expect([row.model, column, isPriceCell(cell) ? cell.price : cell]).toEqual([
            row.model,
            column,
            prices[column] ?? NOT_OFFERED,
          ]);
        }
      });
    }
    expect(rows).toBe(99); // 97 page rows, gpt-4o-2024-11-20 and gpt-4o-2024-05-13
  });

  test('the retired table: models retired by the day, with their last prices', () => {
    const retired = buildPriceTable('retired');
    expect(retired.header).toEqual([
      'Model',
      'Snapshot',
      'Table',
      'Retired on',
      'Input',
      'Cached input',
      'Output',
    ]);
    const expected = catalog.sections.flatMap((s) =>
      isTokenRowSection(s)
        ? s.rows.filter((r: AnyRow) => r.retired && r.retired <= catalog.asOf)
        : [],
    );
    expect(expected.map((r: AnyRow) => r.model)).toContain('gpt-4.5-preview');
    expect(retired.rows.map((r) => [r[0], r[3]])).toEqual(
      expected.map((r: AnyRow) => [r.model, r.retired]),
    );
    retired.rows.forEach((row, k) => {
      const last = expected[k].tiers.standard;
      expect(row.slice(4).map((c) => (isPriceCell(c) ? c.price : c))).toEqual(
        ['input', 'cached_input', 'output'].map((c) => last[c] ?? NOT_OFFERED),
      );
      for (const cell of row.filter(isPriceCell)) {
        expect(OPENAI_PRICE(...(cell.formula.args as [string, string]))).toBe(cell.price);
      }
    });
    expect(buildPriceTable('retired', 'standard', isoToDay(PAGE_DAY)).rows).toEqual([]);
    expect(
      buildPriceTable('retired', 'standard', isoToDay('2025-07-14')).rows.map((r) => r[0]),
    ).toEqual(['gpt-4.5-preview']);
  });

  test('prices in the tables are the catalog prices; "-" is "not offered"', () => {
    const onPageDay = buildPriceTable('text', 'standard', isoToDay(PAGE_DAY));
    expect(onPageDay.header).toEqual(['Model', 'Snapshot', 'Input', 'Cached input', 'Output']);
    const text = buildPriceTable('text', 'standard');
    // current prices: the columns some current model has (cache writes, long context)
    expect(text.header).toEqual(TEXT_HEADER_NOW);
    const luna = text.rows.find((r) => r[0] === 'gpt-5.6-luna')!;
    const lunaNow = rowOf('text', 'gpt-5.6-luna').tiers.standard;
    expect(luna.slice(2).map((c) => (isPriceCell(c) ? c.price : c))).toEqual([
      lunaNow.input,
      lunaNow.cached_input,
      lunaNow.output,
      lunaNow.cache_write,
      lunaNow.long_context.input,
      lunaNow.long_context.cached_input,
      lunaNow.long_context.output,
    ]);
    // a model without such prices leaves those cells empty (its other rates apply), not "-"
    expect(text.rows.find((r) => r[0] === 'gpt-4.1')!.slice(5)).toEqual(['', '', '', '']);
    const o1pro = text.rows.find((r) => r[0] === 'o1-pro')!;
    expect(o1pro[3]).toBe(NOT_OFFERED);
    expect((o1pro[2] as PriceCell).price).toBe(150);
    const batch = buildPriceTable('text', 'batch');
    const audio = batch.rows.find((r) => r[0] === 'gpt-4o-audio-preview')!;
    expect(audio.slice(2, 5)).toEqual([NOT_OFFERED, NOT_OFFERED, NOT_OFFERED]);
    // batch has long-context columns (gpt-5.4 ...) but no cache-write column: writes bill at input
    expect(batch.header.slice(5)).toEqual([
      'Long context input',
      'Long context cached input',
      'Long context output',
    ]);
    expect(batch.rows.find((r) => r[0] === 'gpt-4o')![3]).toBe(NOT_OFFERED);
    const flex = buildPriceTable('flex');
    expect((flex.rows[1][3] as PriceCell).price).toBe(0.138);
    // a format that shows every printed digit: 0.138 on the page; 0.0625, 1.5625 now
    expect(buildPriceTable('flex', 'flex', isoToDay(PAGE_DAY)).priceFormat).toBe('$#,##0.00#');
    expect(flex.priceFormat).toBe('$#,##0.00##');
    const ft = buildPriceTable('fine_tuning', 'standard');
    const gpt4o = ft.rows.find((r) => r[0] === 'gpt-4o-2024-08-06')!;
    expect(gpt4o.map((c) => (isPriceCell(c) ? c.price : c))).toEqual([
      'gpt-4o-2024-08-06',
      25,
      'per 1M tokens',
      3.75,
      1.875,
      15,
    ]);
    const moderation = buildPriceTable('moderation');
    expect(moderation.rows[0]).toEqual([
      'omni-moderation-latest',
      'omni-moderation-2024-09-26',
      'Free',
    ]);
    const images = buildPriceTable('image_generation');
    expect(images.rows.map((r) => (r[4] as PriceCell).price)).toEqual(
      (sectionOf('image_generation').rows as AnyRow[]).map((r) => r.price),
    );
  });

  test('formulaText quotes strings', () => {
    expect(
      formulaText({
        price: 1,
        formula: { fn: 'OPENAI_PRICE', args: ['gpt-4o', 'input', 'batch'] },
      }),
    ).toBe('=OPENAI_PRICE("gpt-4o","input","batch")');
    expect(
      formulaText({ price: 1, formula: { fn: 'OPENAI_TOOL_COST', args: ['a"b', 1000] } }),
    ).toBe('=OPENAI_TOOL_COST("a""b",1000)');
  });

  test('categories', () => {
    expect(resolveCategory('Text tokens')).toEqual(['text']);
    expect(resolveCategory('legacy')).toEqual(['other']);
    expect(resolveCategory('transcription')).toEqual([
      'transcription_text',
      'transcription_audio',
      'audio_models',
    ]);
    expect(() => resolveCategory('chat')).toThrow(/^unknown category "chat" \(use "text", /);
  });
});
