// The spec's dated sections on the BUILT dist/Code.js in a bare vm context, against references that
// do not go through the catalog code: genai-prices' own calcPrice (for the imported models it
// agrees on) and the spec's rules for long context, cache writes, tiers and dates.
import { calcPrice } from '@pydantic/genai-prices';
import { readFileSync } from 'node:fs';
import vm from 'node:vm';
import { loadBundle, type Bundle } from '../support/bundle';
import { ANNOTATIONS_PATH, rawCatalog, thrown, type AnyRow } from '../support/reference';

let fns: Bundle;
let context: vm.Context;
beforeAll(() => {
  ({ fns, context } = loadBundle());
});

const catalog = rawCatalog();
const annotations = JSON.parse(readFileSync(ANNOTATIONS_PATH, 'utf8'));
const corrected = new Set(annotations.corrections.map((c: AnyRow) => c.model));
const imported = Object.entries(annotations.genaiPrices.import as Record<string, AnyRow>).filter(
  ([id, spec]) => !id.startsWith('_') && spec.section === 'text' && !corrected.has(id),
);
const textRow = (name: string): AnyRow =>
  catalog.sections.find((s) => s.id === 'text')!.rows.find((r: AnyRow) => r.model === name);

function genai(id: string, day: string, u: number[]): number {
  const [input, cached, cacheWrite, output] = u;
  const result = calcPrice(
    {
      input_tokens: input,
      cache_read_tokens: cached,
      cache_write_tokens: cacheWrite,
      output_tokens: output,
    },
    id,
    { providerId: 'openai', timestamp: new Date(`${day}T12:00:00Z`) },
  );
  if (!result) throw new Error(`genai-prices does not price ${id}`);
  return result.total_price;
}

const dayBefore = (iso: string) =>
  new Date(Date.parse(`${iso}T00:00:00Z`) - 86_400_000).toISOString().slice(0, 10);

const close = (a: number, b: number) => Math.abs(a - b) <= 1e-9 * Math.max(Math.abs(b), 1e-6);

describe('OPENAI_COST with a date equals genai-prices for the models both price', () => {
  test.each(imported.map(([id, spec]) => [id, spec.model ?? id]))('%s', (id, name) => {
    const row = textRow(name as string);
    // the day before a retirement (gpt-5.1-codex-mini, gpt-5.3-chat-latest) instead of asOf
    const last = row.retired && row.retired <= catalog.asOf ? dayBefore(row.retired) : catalog.asOf;
    const days = [...row.periods.map((p: AnyRow) => p.from), last as string];
    const standard = row.periods[0].tiers.standard;
    const hasCached = standard.cached_input !== null;
    const hasWrite = standard.cache_write !== undefined;
    const usages = [
      [200_000, hasCached ? 50_000 : 0, hasWrite ? 20_000 : 0, 3_000],
      [400_000, hasCached ? 100_000 : 0, hasWrite ? 30_000 : 0, 5_000], // long context where priced
    ];
    let checked = 0;
    for (const day of days) {
      for (const u of usages) {
        const ours = fns.OPENAI_COST(name, u[0], u[3], 'standard', u[1], day, 1, u[2]) as number;
        const theirs = genai(id as string, day, u);
        if (!close(ours, theirs)) expect([id, day, u, ours]).toEqual([id, day, u, theirs]);
        checked++;
      }
    }
    expect(checked).toBeGreaterThanOrEqual(4);
  });
});

describe('the spec, section by section, on the bundle', () => {
  test('Tier: priority and flex are stored per model; a missing tier lists the offered ones', () => {
    expect(fns.OPENAI_COST('gpt-5', 1e6, 1e6, 'priority', '', '', 4)).toBe(22.5); // 2.5 + 20
    expect(fns.OPENAI_COST('gpt-4o', 1e6, 1e6, 'PRIORITY', '', '', 10)).toBe(21.25); // 4.25 + 17
    expect(fns.OPENAI_COST('gpt-5', 1e6, 1e6, 'flex', 1e6, '', 4)).toBe(5.0625); // cached 0.0625 + 5
    expect(thrown(() => fns.OPENAI_COST('gpt-5-nano', 1, 1, 'priority')).message).toBe(
      'gpt-5-nano is not offered in the priority (priority processing) tier (offered in: standard, batch, flex)',
    );
    // Batch: 50%, cached tokens at 50% of the cached price (gpt-5 family on: 0.2 → 0.1), cache
    // writes at the batch input rate (no Batch cache-write price)
    expect(fns.OPENAI_COST('gpt-5.6-terra', 2e5, 1e6, 'batch', 8e4, '', 1, 4e4)).toBe(
      (8e4 * 1 + 8e4 * 0.1 + 4e4 * 1 + 1e6 * 6) / 1e6,
    );
    // a long request in Batch: 50% of the long-context rates (4 / 18 → 2 / 9)
    expect(fns.OPENAI_COST('gpt-5.6-terra', 1e6, 1e6, 'batch')).toBe(2 + 9);
  });

  test('Date: text, date cells (another realm) and a column paired row by row', () => {
    // Luna: input 1 / output 6 until 2026-07-29, 0.2 / 1.2 from 2026-07-30
    const at = (day: unknown) => fns.OPENAI_COST('gpt-5.6-luna', 1e5, 1e6, '', 0, day);
    expect(at('2026-07-29')).toBe(6.1);
    expect(at('2026-07-30')).toBe(1.22);
    expect(at(vm.runInContext('new Date(2026, 6, 30)', context))).toBe(1.22);
    expect(at(new Date(2026, 6, 29))).toBe(6.1);
    expect(at('')).toBe(fns.OPENAI_COST('gpt-5.6-luna', 1e5, 1e6));
    const column = fns.OPENAI_COST(
      [['gpt-5.6-luna'], ['gpt-5.6-luna'], [''], ['gpt-5']],
      [[1e5], [1e5], [''], [1e5]],
      0,
      '',
      0,
      [['2026-07-29'], ['2026-08-01'], [''], ['2025-08-07']],
    );
    expect(column).toEqual([[0.1], [0.02], [''], [0.125]]);
  });

  test('Date errors name the row and say why', () => {
    expect(thrown(() => fns.OPENAI_COST('gpt-4o', 1, 1, '', 0, '2025-06-25')).message).toMatch(
      /^no prices before 2025-06-26/,
    );
    expect(thrown(() => fns.OPENAI_COST('gpt-6-sol', 1, 1, '', 0, '2026-09-01')).message).toBe(
      'gpt-6-sol was released on 2026-09-23: it has no price on 2026-09-01',
    );
    expect(
      thrown(() =>
        fns.OPENAI_COST([['gpt-4o'], ['gpt-5']], 1, 1, '', 0, [['2025-07-01'], ['2025-07-01']]),
      ).message,
    ).toBe('row 2: gpt-5 was released on 2025-08-07: it has no price on 2025-07-01');
    expect(thrown(() => fns.OPENAI_COST('gpt-4o', 1, 1, '', 0, 'soon')).message).toMatch(
      /^date is the text "soon", not a date/,
    );
    // a retired model: priced on days it was offered, its last prices with no date
    expect(fns.OPENAI_COST('gpt-4.5-preview', 1e6, 0, '', 0, '2025-07-13', 10)).toBe(75);
    expect(fns.OPENAI_COST('gpt-4.5-preview', 1e5, 0)).toBe(7.5);
    expect(
      thrown(() => fns.OPENAI_COST('gpt-4.5-preview', 1, 1, '', 0, '2025-07-14')).message,
    ).toMatch(/^gpt-4.5-preview was retired on 2025-07-14/);
  });

  test('Long context: more than 272,000 input tokens bills every token; requests average', () => {
    // gpt-5.4: 2.5 / 0.25 / 15, long context 5 / 0.5 / 22.5
    expect(fns.OPENAI_COST('gpt-5.4', 272000, 1000)).toBe((272000 * 2.5 + 1000 * 15) / 1e6);
    expect(fns.OPENAI_COST('gpt-5.4', 272001, 1000, '', 1)).toBe(
      (272000 * 5 + 1 * 0.5 + 1000 * 22.5) / 1e6,
    );
    expect(fns.OPENAI_COST('gpt-5.4', 544002, 2000, '', 0, '', 2)).toBe(
      (544002 * 5 + 2000 * 22.5) / 1e6,
    );
    expect(fns.OPENAI_COST('gpt-5.4', 544000, 2000, '', 0, '', 2)).toBe(
      (544000 * 2.5 + 2000 * 15) / 1e6,
    );
    // a model without long-context pricing ignores requests
    expect(fns.OPENAI_COST('gpt-5', 1e6, 0, '', 0, '', 1)).toBe(1.25);
    expect(fns.OPENAI_COST('gpt-5', 1e6, 0, '', 0, '', 7)).toBe(1.25);
    // a tier without long-context prices cannot price a long request: an error, not short rates
    expect(thrown(() => fns.OPENAI_COST('gpt-5.4', 300000, 1, 'priority')).message).toMatch(
      /no long-context price in the priority tier/,
    );
  });

  test('Cache writes: part of input, at the cache-write price where there is one', () => {
    // gpt-5.6-sol today: input 4, cached 0.4, cache write 5, output 20
    expect(fns.OPENAI_COST('gpt-5.6-sol', 2e5, 0, '', 4e4, '', 1, 6e4)).toBe(
      (1e5 * 4 + 4e4 * 0.4 + 6e4 * 5) / 1e6,
    );
    // elsewhere cache writes bill at the input rate
    expect(fns.OPENAI_COST('gpt-5', 1e6, 0, '', 0, '', 1, 3e5)).toBe(1.25);
    expect(thrown(() => fns.OPENAI_COST('gpt-5.6', 10, 0, '', 6, '', 1, 5)).message).toMatch(
      /exceed input tokens \(10\)/,
    );
  });

  test('Model names: dated snapshots, -chat-latest, -codex, gpt-5.6', () => {
    const base = fns.OPENAI_COST('gpt-5', 1e5, 1e6);
    for (const id of ['gpt-5-2025-08-07', 'gpt-5-chat-latest', 'GPT-5-CODEX ', 'gpt-5-chat'])
      expect([id, fns.OPENAI_COST(id, 1e5, 1e6)]).toEqual([id, base]);
    expect(fns.OPENAI_COST('gpt-5.6', 1e6, 0)).toBe(fns.OPENAI_COST('gpt-5.6-sol', 1e6, 0));
    expect(fns.OPENAI_COST('gpt-5.6-luna-2026-07-09', 1e5, 0)).toBe(0.02);
    expect(thrown(() => fns.OPENAI_COST('gpt-4o-2099-01-01', 1, 1)).message).toMatch(
      /^unknown model/,
    );
  });

  test('a model without a price in a tier that day is left out of that table', () => {
    const names = (day: string) =>
      (fns.OPENAI_PRICE_TABLE('flex', '', day) as unknown[][]).map((row) => row[0]);
    expect(names('2026-08-20')).toContain('gpt-5.6-sol');
    expect(names('2026-08-21')).not.toContain('gpt-5.6-sol'); // no source has its flex prices since
    expect((fns.OPENAI_PRICE_TABLE('flex') as unknown[][]).map((row) => row[0])).not.toContain(
      'gpt-5.6-sol',
    );
  });

  test('OPENAI_PRICES_AS_OF is the newest price data; a forecast prices each month on its day', () => {
    expect(fns.OPENAI_PRICES_AS_OF()).toBe(catalog.asOf);
    // Sol: August before its 2026-08-21 cut ($5 / $30), September after ($4 / $20)
    expect(fns.OPENAI_FORECAST('gpt-5.6-sol', 1000, 2000, 500, '', 0, 0, 2, '2026-08-01')).toEqual([
      [775, 540],
    ]);
  });
});
