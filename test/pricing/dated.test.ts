// Dated prices against references that do not go through the catalog code: genai-prices' own
// calcPrice for the models we import from it, the page copy (parsed again here) for the page's
// day, and the spec's rules for dates, releases, retirements and tiers.
import { calcPrice, findProvider } from '@pydantic/genai-prices';
import { readFileSync } from 'node:fs';
import { parsePricingPage } from '../../scripts/import/parse-page';
import { tokenCost } from '../../src/pricing/cost';
import { isoToDay } from '../../src/pricing/dates';
import {
  pricesOn,
  resolveAudioModel,
  resolveImageTokensModel,
  resolveTextModel,
  type TokenModel,
} from '../../src/pricing/models';
import { OPENAI_COST } from '../../src/sheets/functions/costs';
import {
  ANNOTATIONS_PATH,
  D,
  expectClose,
  PAGE_DAY,
  PAGE_PATH,
  rawCatalog,
  thrown,
  tokenCostRef,
  type AnyRow,
} from '../support/reference';

const catalog = rawCatalog();
const annotations = JSON.parse(readFileSync(ANNOTATIONS_PATH, 'utf8'));

interface Usage {
  input: number;
  cached: number;
  cacheWrite: number;
  output: number;
}

/** Our cost of one request in the standard tier on a day. */
function ours(name: string, day: string, u: Usage, tier = 'standard', requests = 1): number {
  return tokenCost(pricesOn(resolveTextModel(name), isoToDay(day)), tier as never, {
    ...u,
    requests,
  });
}

/** genai-prices' own price of the same usage (its input tokens include cached and cache writes). */
function theirs(id: string, day: string, u: Usage) {
  const result = calcPrice(
    {
      input_tokens: u.input,
      cache_read_tokens: u.cached,
      cache_write_tokens: u.cacheWrite,
      output_tokens: u.output,
    },
    id,
    { providerId: 'openai', timestamp: new Date(day) },
  );
  if (!result) throw new Error(`genai-prices does not price ${id}`);
  return result;
}

/** |a - b| within 1e-9 relative: genai-prices sums in floating point, we in micro-dollars. */
function expectSame(context: unknown[], actual: number, expected: number): void {
  const tolerance = 1e-9 * Math.max(Math.abs(expected), 1e-6);
  if (Math.abs(actual - expected) > tolerance) {
    expect([...context, actual]).toEqual([...context, expected]);
  }
}

const dayBefore = (day: string) =>
  new Date(Date.parse(`${day}T00:00:00Z`) - 86_400_000).toISOString().slice(0, 10);

/** The text models imported from genai-prices whose data no correction changes, by genai id. */
const corrected = new Set(annotations.corrections.map((c: AnyRow) => c.model));
const compared: { id: string; name: string; released: string }[] = Object.entries(
  annotations.genaiPrices.import as Record<string, AnyRow>,
)
  .filter(([id, spec]) => !id.startsWith('_') && spec.section === 'text' && !corrected.has(id))
  .map(([id, spec]) => ({ id, name: spec.model ?? id, released: spec.released }));

const genaiModels = findProvider({ providerId: 'openai' })!.models;
const textRow = (name: string): AnyRow =>
  catalog.sections.find((s) => s.id === 'text')!.rows.find((r: AnyRow) => r.model === name);

/** Every day worth comparing: each period start (ours and theirs), the day before each, asOf. */
function daysOf(id: string, name: string, released: string): string[] {
  const model = genaiModels.find((m) => m.id === id)!;
  const starts = Array.isArray(model.prices)
    ? model.prices.map((p) =>
        p.constraint && 'start_date' in p.constraint ? p.constraint.start_date : released,
      )
    : [released];
  const row = textRow(name);
  const ourStarts = row.periods.map((p: AnyRow) => p.from);
  // a model retired by asOf (gpt-5.1-codex-mini, gpt-5.3-chat-latest) has no price from then on
  const days = new Set<string>(row.retired ? [dayBefore(row.retired)] : [catalog.asOf as string]);
  for (const start of [...starts, ...ourStarts].filter((d) => !row.retired || d < row.retired)) {
    days.add(start);
    if (dayBefore(start) >= released) days.add(dayBefore(start));
  }
  return [...days].sort();
}

describe('the models imported from genai-prices cost what genai-prices says', () => {
  test('the compared models are the imported text models without corrections', () => {
    const ids = compared.map((m) => m.id);
    expect(ids.length).toBeGreaterThanOrEqual(25);
    expect(ids).toEqual(
      expect.arrayContaining(['gpt-5', 'gpt-5.6-luna', 'gpt-5.6-sol', 'gpt-6-sol']),
    );
    expect(ids).not.toContain('gpt-image-2'); // corrected: genai files image output as output
    for (const { name } of compared) expect(textRow(name)?.sources).toContain('genai-prices');
  });

  for (const { id, name, released } of compared) {
    test(`${id}: every period start, the day before, and asOf; below and above 272K`, () => {
      let checks = 0;
      for (const day of daysOf(id, name, released)) {
        const priced = theirs(id, day, {
          input: 0,
          cached: 0,
          cacheWrite: 0,
          output: 0,
        }).model_price;
        // only the token kinds genai-prices prices: a missing one is billed differently by design
        const has = (key: string) => priced[key] !== undefined;
        const usage = (
          input: number,
          cached: number,
          cacheWrite: number,
          output: number,
        ): Usage => ({
          input,
          cached: has('cache_read_mtok') ? cached : 0,
          cacheWrite: has('cache_write_mtok') ? cacheWrite : 0,
          output: has('output_mtok') ? output : 0,
        });
        const usages = [
          usage(1234, 0, 0, 567),
          usage(100_000, 100_000, 0, 0),
          usage(200_000, 50_000, 20_000, 10_000),
          usage(271_999, 50_000, 20_000, 10_000), // the last standard-rate size in both encodings
          usage(272_001, 50_000, 20_000, 10_000), // long context in both
          usage(1_000_000, 300_000, 100_000, 50_000),
        ];
        for (const u of usages) {
          expectSame([id, day, u], ours(name, day, u), theirs(id, day, u).total_price);
          checks++;
        }
      }
      expect(checks).toBeGreaterThanOrEqual(6);
    });
  }

  test('exactly 272,000 input tokens bill at the standard rates ("more than 272K")', () => {
    let longContextModels = 0;
    for (const { id, name } of compared) {
      const day = catalog.asOf as string;
      const price = theirs(id, day, { input: 0, cached: 0, cacheWrite: 0, output: 0 }).model_price;
      const input = price.input_mtok as AnyRow;
      if (typeof input !== 'object') continue; // no long-context pricing
      longContextModels++;
      const u = { input: 272_000, cached: 40_000, cacheWrite: 0, output: 1000 };
      if (price.cache_write_mtok !== undefined) u.cacheWrite = 30_000;
      const base = (key: string) => (price[key] as AnyRow)?.base;
      const standard = D(u.input - u.cached - u.cacheWrite)
        .times(base('input_mtok'))
        .plus(D(u.cached).times(base('cache_read_mtok') ?? base('input_mtok')))
        .plus(D(u.cacheWrite).times(base('cache_write_mtok') ?? base('input_mtok')))
        .plus(D(u.output).times(base('output_mtok')))
        .div(1e6);
      expectClose(ours(name, day, u), standard);
      // genai-prices encodes the boundary as a start of 271,999 (its issue #711) for most models:
      // there 272,000 is already long context; where it says 272,000 both agree
      const start = input.tiers[0].start;
      const genai = theirs(id, day, u).total_price;
      if (start === 271_999) expect(genai).toBeGreaterThan(ours(name, day, u));
      else expectSame([id, start], ours(name, day, u), genai);
      // one more input token and every token is at the long-context rates, as in genai-prices
      const above = { ...u, input: 272_001 };
      expectSame([id, 'above'], ours(name, day, above), theirs(id, day, above).total_price);
    }
    expect(longContextModels).toBeGreaterThanOrEqual(8);
  });

  test('a row of several requests: the average request decides long context', () => {
    const day = '2026-07-30';
    const one = { input: 272_001, cached: 72_001, cacheWrite: 100_000, output: 5000 };
    const two = { input: 544_002, cached: 144_002, cacheWrite: 200_000, output: 10_000 };
    const expected = theirs('gpt-5.6-luna', day, one).total_price * 2;
    expectSame(['2 long'], ours('gpt-5.6-luna', day, two, 'standard', 2), expected);
    expectSame(
      ['OPENAI_COST'],
      OPENAI_COST('gpt-5.6-luna', 544_002, 10_000, '', 144_002, day, 2, 200_000) as number,
      expected,
    );
    // two requests of 272,000 input tokens each are two standard-rate requests
    const half = { input: 272_000, cached: 72_000, cacheWrite: 100_000, output: 5000 };
    const doubled = { input: 544_000, cached: 144_000, cacheWrite: 200_000, output: 10_000 };
    expectClose(
      ours('gpt-5.6-luna', day, doubled, 'standard', 2),
      D(ours('gpt-5.6-luna', day, half)).times(2),
    );
    expect(ours('gpt-5.6-luna', day, doubled, 'standard', 2)).toBeLessThan(expected);
    // the same tokens as one request are long context
    expect(ours('gpt-5.6-luna', day, doubled)).toBeGreaterThan(
      ours('gpt-5.6-luna', day, doubled, 'standard', 2),
    );
  });
});

describe('price changes in force on their day', () => {
  const usage = { input: 120_000, cached: 40_000, cacheWrite: 10_000, output: 8000 };

  test('gpt-5.6-luna: 80% cheaper from 2026-07-30, in every tier it has', () => {
    for (const tier of ['standard', 'batch', 'flex', 'priority']) {
      const before = ours('gpt-5.6-luna', '2026-07-29', usage, tier);
      const after = ours('gpt-5.6-luna', '2026-07-30', usage, tier);
      expectClose(after, D(before).times(0.2));
    }
    for (const u of [usage, { ...usage, input: 400_000 }]) {
      for (const day of ['2026-07-29', '2026-07-30']) {
        expectSame([day], ours('gpt-5.6-luna', day, u), theirs('gpt-5.6-luna', day, u).total_price);
      }
    }
    // through the custom function, a date cell's text form
    for (const day of ['2026-07-29', '2026-07-30']) {
      const one = { input: 100_000, cached: 0, cacheWrite: 0, output: 0 };
      expectSame(
        ['OPENAI_COST', day],
        OPENAI_COST('gpt-5.6-luna', 100_000, 0, '', 0, day) as number,
        theirs('gpt-5.6-luna', day, one).total_price,
      );
    }
    expect(OPENAI_COST('gpt-5.6-luna', 100_000, 0, '', 0, '2026-07-30')).toBe(
      (OPENAI_COST('gpt-5.6-luna', 100_000, 0, '', 0, '2026-07-29') as number) / 5,
    );
  });

  test('gpt-5.6-sol: new prices from 2026-08-21; flex and priority end there', () => {
    for (const day of ['2026-08-20', '2026-08-21']) {
      expectSame(
        [day],
        ours('gpt-5.6-sol', day, usage),
        theirs('gpt-5.6-sol', day, usage).total_price,
      );
    }
    expect(ours('gpt-5.6-sol', '2026-08-21', usage)).toBeLessThan(
      ours('gpt-5.6-sol', '2026-08-20', usage),
    );
    expect(ours('gpt-5.6-sol', '2026-08-20', usage, 'priority')).toBeGreaterThan(0);
    expect(() => ours('gpt-5.6-sol', '2026-08-21', usage, 'priority')).toThrow(
      'gpt-5.6-sol is not offered in the priority (priority processing) tier (offered in: standard, batch)',
    );
    // current prices are those in force on asOf
    expect(OPENAI_COST('gpt-5.6-sol', 1e5, 1e4)).toBe(
      OPENAI_COST('gpt-5.6-sol', 1e5, 1e4, '', 0, catalog.asOf as string),
    );
  });

  test('the page rows keep their page prices on 2025-06-26 (all 97)', () => {
    const page = parsePricingPage(readFileSync(PAGE_PATH, 'utf8'), annotations, 'page.txt');
    const resolve: Record<string, (name: string) => TokenModel> = {
      text: resolveTextModel,
      flex: resolveTextModel,
      transcription_text: resolveTextModel,
      embeddings: resolveTextModel,
      moderation: resolveTextModel,
      other: resolveTextModel,
      audio: resolveAudioModel,
      transcription_audio: resolveAudioModel,
      image_tokens: resolveImageTokensModel,
      fine_tuning: (name) => resolveTextModel(`ft:${name}`),
    };
    let rows = 0;
    for (const section of page.sections) {
      rows += section.rows.length;
      if (section.kind !== 'tokens' && section.kind !== 'fine_tuning') continue;
      for (const row of section.rows) {
        const [tier, prices] = Object.entries(row.periods[0].tiers)[0];
        const model = resolve[section.id](row.model);
        expect([row.model, tier, pricesOn(model, isoToDay(PAGE_DAY)).tiers[tier as never]]).toEqual(
          [row.model, tier, expect.objectContaining(prices)],
        );
        const u = { input: 1_000_000, cached: 0, cacheWrite: 0, output: 0 };
        if (prices!.input !== null) {
          const cost = tokenCost(pricesOn(model, isoToDay(PAGE_DAY)), tier as never, {
            ...u,
            requests: 1,
          });
          expectClose(cost, tokenCostRef(prices!, tier, 1_000_000, 0, 0));
        }
      }
    }
    expect(rows).toBe(97);
  });
});

describe('dates the data cannot price are errors that say why', () => {
  const u = { input: 1000, cached: 0, cacheWrite: 0, output: 100 };

  test('a date before the oldest price data', () => {
    expect(() => ours('gpt-4o', '2025-06-25', u)).toThrow(
      'no prices before 2025-06-26 (the oldest price data); 2025-06-25 is earlier',
    );
    expect(ours('gpt-4o', PAGE_DAY, u)).toBeGreaterThan(0);
    expect(thrown(() => OPENAI_COST('gpt-4o', 1000, 100, '', 0, '2024-12-31')).message).toMatch(
      /no prices before 2025-06-26/,
    );
  });

  test("a date before the model's release names its release date", () => {
    expect(() => ours('gpt-5', '2025-08-06', u)).toThrow(
      'gpt-5 was released on 2025-08-07: it has no price on 2025-08-06',
    );
    expect(ours('gpt-5', '2025-08-07', u)).toBeGreaterThan(0);
    expect(() => OPENAI_COST('gpt-5.6-luna', 1, 1, '', 0, '2026-07-08')).toThrow(
      /gpt-5\.6-luna was released on 2026-07-09/,
    );
  });

  test('a retired model is priced while it was offered, not after', () => {
    const row = textRow('gpt-4.5-preview');
    expect(row.retired).toBe('2025-07-14');
    expectClose(
      ours('gpt-4.5-preview', '2025-07-13', u),
      tokenCostRef(row.periods[0].tiers.standard, 'standard', 1000, 100, 0),
    );
    expect(() => ours('gpt-4.5-preview', '2025-07-14', u)).toThrow(
      'gpt-4.5-preview was retired on 2025-07-14: it has no price on 2025-07-14 (leave the date blank for its last prices)',
    );
    // blank date: its last prices
    expect(OPENAI_COST('gpt-4.5-preview', 1000, 100)).toBe(
      ours('gpt-4.5-preview', '2025-07-13', u),
    );
  });

  test('cached plus cache-write tokens above the input tokens', () => {
    expect(() =>
      ours('gpt-5.6-luna', '2026-08-01', { input: 100, cached: 60, cacheWrite: 50, output: 0 }),
    ).toThrow(
      'cached (60) plus cache-write (50) tokens exceed input tokens (100): they are part of input tokens',
    );
    expect(
      ours('gpt-5.6-luna', '2026-08-01', { input: 110, cached: 60, cacheWrite: 50, output: 0 }),
    ).toBeGreaterThan(0);
  });

  test('a tier the model lacks lists the tiers it has', () => {
    expect(() => ours('gpt-5-nano', catalog.asOf as string, u, 'priority')).toThrow(
      'gpt-5-nano is not offered in the priority (priority processing) tier (offered in: standard, batch, flex)',
    );
    expect(thrown(() => OPENAI_COST('gpt-5-nano', 1000, 100, 'priority')).message).toContain(
      '(offered in: standard, batch, flex)',
    );
  });
});
