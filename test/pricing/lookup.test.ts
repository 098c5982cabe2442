// Name resolution, tier rules, OPENAI_PRICE kinds, and price tables whose every cell's formula,
// evaluated by the named custom function, gives back exactly the cell's price.
import { resolveCategory } from '../../src/pricing/categories';
import { closestNames, nameKey } from '../../src/pricing/names';
import {
  resolveAudioModel,
  resolveCharactersModel,
  resolveImageModel,
  resolveMinutesModel,
  resolveTextModel,
} from '../../src/pricing/models';
import { lookupPrice, parsePriceKind, PRICE_KINDS } from '../../src/pricing/prices';
import {
  buildPriceTable,
  formulaText,
  isPriceCell,
  NOT_OFFERED,
  type PriceCell,
} from '../../src/pricing/tables';
import { billingPrices, offeredTiers, parseTier } from '../../src/pricing/tiers';
import { OPENAI_IMAGE_COST, OPENAI_TOOL_COST } from '../../src/sheets/functions/costs';
import { OPENAI_PRICE } from '../../src/sheets/functions/lookups';
import { rawCatalog, rowOf, sectionOf, thrown, type AnyRow } from '../support/reference';

describe('model names', () => {
  test('case- and space-insensitive; alias and snapshot are one model', () => {
    const gpt41 = resolveTextModel('gpt-4.1');
    for (const name of ['GPT-4.1', '  gpt-4.1\t', 'gpt-4.1-2025-04-14', ' GPT-4.1-2025-04-14 ']) {
      expect(resolveTextModel(name)).toBe(gpt41);
    }
    expect(gpt41.tiers.standard).toEqual(rowOf('text', 'gpt-4.1').tiers.standard);
    expect(nameKey('  TTS   HD ')).toBe('tts hd');
  });

  test('every name of every token table resolves to its own row', () => {
    const domains: [string[], (n: string) => { tiers: AnyRow }][] = [
      [['text', 'transcription_text', 'embeddings', 'moderation', 'other'], resolveTextModel],
      [['audio', 'transcription_audio'], resolveAudioModel],
    ];
    for (const [ids, resolve] of domains) {
      for (const id of ids) {
        for (const row of sectionOf(id).rows as AnyRow[]) {
          for (const name of [row.model, row.snapshot].filter(Boolean)) {
            expect([name, resolve(name).tiers.standard]).toEqual([name, row.tiers.standard]);
          }
        }
      }
    }
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
      '"whisper-1" has no text-token price on the pricing page; use OPENAI_MINUTES_COST (per-minute price)',
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
    expect(() => parseTier('priority')).toThrow(
      'unknown tier "priority" (use "standard", "batch" or "flex")',
    );
    expect(() => parseTier(1)).toThrow('unknown tier 1 (');
    expect(() => parseTier(new Date(2025, 0, 1))).toThrow('unknown tier a date (');
  });

  test('a tier the model is not offered in lists the offered tiers', () => {
    expect(offeredTiers(resolveTextModel('o3'))).toEqual(['standard', 'batch', 'flex']);
    expect(offeredTiers(resolveTextModel('gpt-4o-realtime-preview'))).toEqual(['standard']);
    expect(() => lookupPrice('gpt-4o', 'input', 'flex')).toThrow(
      'gpt-4o is not offered in the flex (flex processing) tier (offered in: standard, batch)',
    );
    expect(() => lookupPrice('codex-mini-latest', 'input', 'batch')).toThrow(
      'codex-mini-latest is not offered in the batch (Batch API) tier (offered in: standard)',
    );
  });

  test('billingPrices is the one rule', () => {
    const p = { input: 2, cached_input: 0.5, output: 8 };
    expect(billingPrices(p, 'standard')).toEqual(p);
    expect(billingPrices({ ...p, cached_input: null }, 'standard').cached_input).toBe(2);
    expect(billingPrices({ input: 1, cached_input: null, output: 4 }, 'batch').cached_input).toBe(
      1,
    );
    expect(
      billingPrices({ input: 0.55, cached_input: 0.138, output: 2.2 }, 'flex').cached_input,
    ).toBe(0.138);
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
    expect(PRICE_KINDS).toHaveLength(12);
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
      'o1-pro has no cached input price: the pricing page shows "-" (not offered)',
    );
    expect(() => lookupPrice('text-embedding-3-small', 'output', 'standard')).toThrow(
      'text-embedding-3-small has no output price: the pricing page shows "-" (not offered)',
    );
    expect(() => lookupPrice('gpt-4o-audio-preview', 'audio_cached_input', 'standard')).toThrow(
      'gpt-4o-audio-preview has no audio cached input price: the pricing page shows "-" (not offered)',
    );
    expect(() => lookupPrice('gpt-4o-transcribe', 'audio_output', 'standard')).toThrow(
      /not offered/,
    );
    expect(() => lookupPrice('gpt-4o', 'cached_input', 'batch')).toThrow(
      /^gpt-4o has no cached input price in Batch: prompt-caching discounts do not apply in the Batch API, so cached input tokens are billed at the batch input rate \(\$1\.25 per 1M tokens\)$/,
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

  for (const section of rawCatalog().sections) {
    for (const tier of section.tiers) {
      test(`${section.id} (${tier}): every formula returns exactly its cell's price`, () => {
        const table = buildPriceTable(section.id, tier as never);
        expect(table.tier).toBe(tier);
        expect(table.rows).toHaveLength(section.rows.length);
        for (const row of table.rows) expect(row).toHaveLength(table.header.length);
        let cells = 0;
        for (const row of table.rows) {
          for (const cell of row) {
            if (!isPriceCell(cell)) continue;
            cells++;
            const value = functions[cell.formula.fn](...cell.formula.args);
            expect([formulaText(cell), value]).toEqual([formulaText(cell), cell.price]);
          }
        }
        if (section.id === 'moderation') {
          expect(cells).toBe(0); // free: "Free" cells, no price to trace
          for (const row of table.rows) expect(row[row.length - 1]).toBe('Free');
        } else expect(cells).toBeGreaterThan(0);
      });
    }
    test(`${section.id}: default tier, and a tier it does not offer`, () => {
      expect(buildPriceTable(section.id).tier).toBe(section.tiers[0]);
      for (const tier of ['standard', 'batch', 'flex'].filter((t) => !section.tiers.includes(t))) {
        expect(() => buildPriceTable(section.id, tier as never)).toThrow(
          new RegExp(`table has no ${tier} prices \\(it has: ${section.tiers.join(', ')}\\)`),
        );
      }
    });
  }

  test('prices in the tables are the catalog prices; "-" is "not offered"', () => {
    const text = buildPriceTable('text', 'standard');
    expect(text.header).toEqual(['Model', 'Snapshot', 'Input', 'Cached input', 'Output']);
    const o1pro = text.rows.find((r) => r[0] === 'o1-pro')!;
    expect(o1pro[3]).toBe(NOT_OFFERED);
    expect((o1pro[2] as PriceCell).price).toBe(150);
    const batch = buildPriceTable('text', 'batch');
    const audio = batch.rows.find((r) => r[0] === 'gpt-4o-audio-preview')!;
    expect(audio.slice(2)).toEqual([NOT_OFFERED, NOT_OFFERED, NOT_OFFERED]);
    expect(batch.rows.find((r) => r[0] === 'gpt-4o')![3]).toBe(NOT_OFFERED);
    const flex = buildPriceTable('flex');
    expect((flex.rows[1][3] as PriceCell).price).toBe(0.138);
    expect(flex.priceFormat).toBe('$#,##0.00#');
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
