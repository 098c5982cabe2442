// The price block as data: every section in every tier it offers, both modes, the tier rule
// across several tables, and the "never a formula from catalog text" rule.
import { SECTION_IDS, TIER_IDS, type SectionId } from '../../src/pricing/catalog';
import { modelListings } from '../../src/pricing/categories';
import { CATALOG } from '../../src/pricing/data';
import { isoToDay } from '../../src/pricing/dates';
import { buildPriceTable, isPriceCell, type TableCell } from '../../src/pricing/tables';
import {
  a1Range,
  asText,
  chooseTables,
  columnName,
  priceBlock,
  readInsertRequest,
} from '../../src/sheets/price-layout';

const sectionTiers = CATALOG.sections.flatMap((s) =>
  s.tiers.map((t) => [s.id as SectionId, t] as const),
);

describe('priceBlock', () => {
  test.each(sectionTiers)('%s in %s: source, bold title and header, rows, formats', (id, tier) => {
    const table = buildPriceTable(id, tier);
    for (const mode of ['values', 'formulas'] as const) {
      const live = mode === 'formulas';
      const block = priceBlock(chooseTables([id], tier), mode);
      const width = Math.max(live ? 4 : 2, table.header.length);
      expect(block.values).toHaveLength(3 + table.rows.length);
      expect(block.values[0]).toEqual(
        [
          'OpenAI API pricing as of',
          live ? '' : asText(CATALOG.asOf),
          ...(live ? ['Refreshed', ''] : []),
        ].concat(new Array(width - (live ? 4 : 2)).fill('')),
      );
      expect(block.values[1][0]).toBe(table.title);
      expect(block.fontWeights.map((r) => r[0])).toEqual([
        'normal',
        'bold',
        'bold',
        ...table.rows.map(() => 'normal'),
      ]);
      for (const grid of [block.values, block.numberFormats, block.fontWeights]) {
        expect(grid.every((row) => row.length === width)).toBe(true);
      }
      // live: the as-of date and the table are formulas that take the refresh cell D1
      expect(block.formulas).toEqual(
        live
          ? [
              { row: 1, column: 2, formulas: [['=OPENAI_PRICES_AS_OF($D$1)']] },
              {
                row: 3,
                column: 1,
                formulas: [[`=OPENAI_PRICE_TABLE("${id}","${tier}",,$D$1)`]],
              },
            ]
          : [],
      );
      expect(block.refreshCell).toEqual(live ? { row: 1, column: 4 } : null);
      // the table's header and rows: values, or empty cells for the spill (formats all the same)
      expect(block.values[2].slice(0, table.header.length)).toEqual(
        live ? table.header.map(() => '') : table.header.map(asText),
      );
      table.rows.forEach((row, r) =>
        row.forEach((cell, c) => {
          const written = block.values[3 + r][c];
          const format = block.numberFormats[3 + r][c];
          if (live) expect(written).toBe('');
          else expect(written).toBe(isPriceCell(cell) ? cell.price : asText(cell));
          // the model name as plain text: the mark of a table's rows (live-resize.ts)
          const text = c === 0 ? '@' : 'General';
          expect(format).toBe(isPriceCell(cell) ? table.priceFormat : text);
        }),
      );
    }
  });

  test('live formulas point at the refresh cell of the block where it is written', () => {
    const block = priceBlock(chooseTables(['text', 'embeddings'], 'batch'), 'formulas', undefined, {
      row: 5,
      column: 3,
    });
    expect(block.formulas.map((f) => f.formulas[0][0])).toEqual([
      '=OPENAI_PRICES_AS_OF($F$5)',
      '=OPENAI_PRICE_TABLE("text","batch",,$F$5)',
      '=OPENAI_PRICE_TABLE("embeddings","batch",,$F$5)',
    ]);
    // "all tables, live": one custom-function cell per table, plus the as-of date
    const all = priceBlock(chooseTables([...SECTION_IDS], 'standard'), 'formulas');
    expect(all.formulas).toHaveLength(SECTION_IDS.length + 1);
  });

  test('several tables: one blank row between, padded to the widest', () => {
    const block = priceBlock(chooseTables(['moderation', 'tools'], 'standard'), 'values');
    const moderation = buildPriceTable('moderation');
    const blank = 3 + moderation.rows.length;
    expect(block.values[blank].every((v) => v === '')).toBe(true);
    expect(block.values[blank + 1][0]).toBe(buildPriceTable('tools').title);
    const width = Math.max(moderation.header.length, buildPriceTable('tools').header.length);
    expect(block.values.every((row) => row.length === width)).toBe(true);
    expect(block.headerRow).toBe(3);
  });

  test('"insert all" writes every section and every price of the catalog', () => {
    const block = priceBlock(chooseTables([...SECTION_IDS], 'standard'), 'values');
    const titles = block.values.map((r) => r[0]);
    for (const id of SECTION_IDS) {
      // flex has no standard prices: its own tier, which the title names
      const title = buildPriceTable(id).title;
      expect(titles).toContain(id === 'flex' ? `${title} (no Standard prices)` : title);
    }
    const prices = SECTION_IDS.flatMap((id) =>
      buildPriceTable(id)
        .rows.flat()
        .filter(isPriceCell)
        .map((c) => c.price),
    );
    expect(block.values.flat().filter((v) => typeof v === 'number')).toEqual(prices);
  });

  test('no catalog text is written so that Sheets would read it as a formula', () => {
    const block = priceBlock(chooseTables([...SECTION_IDS], 'standard'), 'values');
    for (const v of block.values.flat()) {
      if (typeof v === 'string') expect(v).not.toMatch(/^[=+\-@]/);
    }
    expect(asText('=HYPERLINK("x")')).toBe(`'=HYPERLINK("x")`);
    expect(asText('-')).toBe("'-");
    expect(asText('+1 555')).toBe("'+1 555");
    expect(asText('@me')).toBe("'@me");
    expect(asText('2025-06-26')).toBe("'2025-06-26");
    expect(asText('TRUE')).toBe("'TRUE");
    expect(asText('gpt-4o')).toBe('gpt-4o');
  });
});

describe('the tier rule', () => {
  test('a table that lacks the tier shows its own and says so in its title', () => {
    const [text, audio] = chooseTables(['text', 'audio'], 'batch');
    expect(text.tier).toBe('batch');
    expect(text.title).toBe('Text tokens — Batch API, USD per 1M tokens');
    expect(audio.tier).toBe('standard');
    expect(audio.title).toBe('Audio tokens — Standard, USD per 1M tokens (no Batch API prices)');
  });

  test('no chosen table offers the tier: an error naming the tables that do', () => {
    expect(() => chooseTables(['audio', 'tools'], 'flex')).toThrow(
      'none of the chosen tables has Flex processing prices; Flex processing prices are offered by: Text tokens (Flex Processing)',
    );
    expect(() => chooseTables(['audio'], 'batch')).toThrow(/offered by: Text tokens, Fine-tuning/);
  });

  test.each(TIER_IDS)('every tier can be written from the whole catalog (%s)', (tier) => {
    const tables = chooseTables([...SECTION_IDS], tier);
    for (const table of tables) {
      const section = CATALOG.sections.find((s) => s.id === table.sectionId)!;
      expect(table.tier).toBe(section.tiers.includes(tier) ? tier : section.tiers[0]);
    }
  });
});

describe('readInsertRequest', () => {
  const ok = { sections: ['text'], tier: 'batch', mode: 'formulas', destination: 'selection' };
  test('accepts the contract and drops repeated sections', () => {
    expect(readInsertRequest({ ...ok, sections: ['text', 'audio', 'text'] })).toEqual({
      ...ok,
      sections: ['text', 'audio'],
      date: null,
    });
    expect(readInsertRequest({ ...ok, sections: ['retired'], date: '2025-07-01' })).toEqual({
      ...ok,
      sections: ['retired'],
      date: '2025-07-01',
    });
  });

  test('a dated request: the tables as they stood that day, titled with it', () => {
    const [text] = chooseTables(['text'], 'standard', '2025-06-26');
    expect(text.title).toBe('Text tokens — Standard, USD per 1M tokens on 2025-06-26');
    expect(text.rows.map((r) => r[0])).toContain('gpt-4.5-preview');
    expect(text.rows.map((r) => r[0])).not.toContain('gpt-5');
    const block = priceBlock([text], 'formulas', '2025-06-26');
    // the day as text (a leading apostrophe keeps Sheets from turning it into a date)
    expect(block.values[0].slice(0, 2)).toEqual(['OpenAI API pricing as of', "'2025-06-26"]);
    expect(() => chooseTables(['retired', 'text'], 'flex')).toThrow(/Flex processing prices/);
    expect(block.formulas.map((f) => f.formulas[0][0])).toEqual([
      '=OPENAI_PRICE_TABLE("text","standard","2025-06-26",$D$1)',
    ]);
    const [retired] = chooseTables(['retired'], 'standard');
    expect(retired.rows.map((r) => r[0])).toContain('gpt-4.5-preview');
  });

  test('a day after the data: the latest known prices, said in the as-of cell and the titles', () => {
    const day = `${Number(CATALOG.asOf.slice(0, 4)) + 1}-03-01`;
    const latest = `latest known prices (data of ${CATALOG.asOf})`;
    const [text] = chooseTables(['text'], 'standard', day);
    expect(text.title).toBe(`Text tokens — Standard, USD per 1M tokens on ${day}: ${latest}`);
    const shown = (rows: TableCell[][]) =>
      rows.map((row) => row.map((cell) => (isPriceCell(cell) ? cell.price : cell)));
    // today's rows, less the models whose known shutdown falls by that day
    const retiredBy = new Set(
      modelListings()
        .filter((m) => m.category === 'text' && m.retiredBy(isoToDay(day)))
        .map((m) => m.id),
    );
    const today = shown(chooseTables(['text'], 'standard')[0].rows);
    expect(shown(text.rows)).toEqual(today.filter((row) => !retiredBy.has(String(row[0]))));
    expect(today.length).toBeGreaterThan(text.rows.length); // the rule above is exercised
    for (const mode of ['values', 'formulas'] as const) {
      expect(priceBlock([text], mode, day).values[0].slice(0, 2)).toEqual([
        'OpenAI API pricing as of',
        latest,
      ]);
    }
    // a day the data covers keeps its date
    expect(priceBlock([text], 'values', CATALOG.asOf).values[0][1]).toBe(`'${CATALOG.asOf}`);
  });

  test('a tier with no prices in a table that day: the table in its own tier, titled so', () => {
    const [text] = chooseTables(['text'], 'priority', CATALOG.since);
    const hasPriority = text.tier === 'priority';
    if (!hasPriority) {
      expect(text.tier).toBe('standard');
      expect(text.title).toBe(
        `Text tokens — Standard, USD per 1M tokens on ${CATALOG.since} (no Priority processing prices on ${CATALOG.since})`,
      );
    }
    expect(text.rows.flat().some((cell) => typeof cell === 'object')).toBe(true);
  });

  test.each([
    [{ ...ok, sections: ['nope'] }, /unknown price table "nope"/],
    [
      { ...ok, tier: 'cheap' },
      /unknown tier "cheap" \(use "standard", "batch", "flex", "priority"\)/,
    ],
    [{ ...ok, mode: 'html' }, /unknown mode "html"/],
    [{ ...ok, destination: 'A1' }, /unknown destination "A1"/],
    [{ ...ok, sections: [] }, /choose at least one price table/],
    [null, 'the request must be an object with sections and tier, got null'],
    [{ ...ok, sections: 'text' }, 'sections must be a list of table ids, got a string'],
    [{ ...ok, sections: [1] }, 'sections must be a list of table ids, got a number in it'],
    [{ ...ok, sections: undefined }, 'sections is missing: choose at least one price table'],
    [{ ...ok, tier: undefined }, 'tier is missing (use "standard", "batch", "flex", "priority")'],
    [
      { ...ok, date: '26/06/2025' },
      'date must be a day as "YYYY-MM-DD", got the text "26/06/2025"',
    ],
    [{ ...ok, date: '2025-01-01' }, 'date 2025-01-01 is before the oldest price data (2025-06-26)'],
    [{ ...ok, sections: ['x'.repeat(100000)] }, /^unknown price table "x{60}…" \(use /],
  ])('rejects %j', (request, message) => {
    expect(() => readInsertRequest(request)).toThrow(message);
  });
});

test('A1 helpers', () => {
  expect([1, 26, 27, 52, 703].map(columnName)).toEqual(['A', 'Z', 'AA', 'AZ', 'AAA']);
  expect(a1Range(4, 2, 1, 1)).toBe('B4');
  expect(a1Range(4, 2, 10, 5)).toBe('B4:F13');
});
