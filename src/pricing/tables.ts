// Price tables as the sidebar inserts them and OPENAI_PRICE_TABLE returns them: one per page table,
// rows as on the page, prices as numbers that know the formula that reproduces them.

import type {
  PricePeriod,
  Section,
  SectionId,
  TierId,
  TokenColumn,
  TokenPrices,
  TokenRow,
} from './catalog';
import { dayToIso, type Day } from './dates';
import { SECTION_IDS } from './catalog';
import { CATALOG, offeredOnDay, retiredByDay } from './data';
import { PricingError } from './errors';

/** A price cell: its value and the custom-function call that returns the same value. */
export interface PriceCell {
  price: number;
  formula: {
    fn: 'OPENAI_PRICE' | 'OPENAI_IMAGE_COST' | 'OPENAI_TOOL_COST';
    args: (string | number)[];
  };
}

/** Text cells are plain strings (names, units, "not offered", "Free"); prices are PriceCells. */
export type TableCell = string | PriceCell;

export const NOT_OFFERED = 'not offered';

export interface PriceTable {
  sectionId: TableId;
  tier: TierId;
  /** e.g. "Text tokens — Batch API, USD per 1M tokens" */
  title: string;
  header: string[];
  rows: TableCell[][];
  /** a currency format that shows every digit the page prints, e.g. "$#,##0.00#" */
  priceFormat: string;
}

export const TIER_TITLES: Record<TierId, string> = {
  standard: 'Standard',
  batch: 'Batch API',
  flex: 'Flex processing',
  priority: 'Priority processing',
};

/** The tables: the page's sections, then the models retired by the table's day. */
export const TABLE_IDS = [...SECTION_IDS, 'retired'] as const;
export type TableId = (typeof TABLE_IDS)[number];

/** The table's day as YYYY-MM-DD (null: the newest price data's day). */
const isoDay = (day: Day | null): string => (day === null ? CATALOG.asOf : dayToIso(day));

/** The period of a dated row in force on `day` (null: current); undefined when not offered then. */
function rowTiers(row: TokenRow, day: Day | null): PricePeriod['tiers'] | undefined {
  const from = isoDay(day);
  if (!offeredOnDay(row, day === null ? null : from)) return undefined;
  let found: PricePeriod | undefined;
  for (const p of row.periods) if (p.from <= from) found = p;
  return found?.tiers;
}

const isRetiredBy = (row: TokenRow, day: Day | null) =>
  retiredByDay(row, day === null ? null : dayToIso(day));

const COLUMN_TITLES: Record<TokenColumn, string> = {
  input: 'Input',
  cached_input: 'Cached input',
  output: 'Output',
};

export function isPriceCell(cell: TableCell): cell is PriceCell {
  return typeof cell === 'object';
}

export function sectionById(id: string): Section {
  const section = CATALOG.sections.find((s) => s.id === id);
  if (!section) {
    throw new PricingError(
      `unknown price table "${id}" (use ${TABLE_IDS.map((s) => `"${s}"`).join(', ')})`,
    );
  }
  return section;
}

/** The tier a section is shown in: the requested one if the section has it, else the error. */
export function checkSectionTier(section: Section, tier: TierId): void {
  if (!section.tiers.includes(tier)) {
    throw new PricingError(
      `the ${section.title} table has no ${tier} prices (it has: ${section.tiers.join(', ')})`,
    );
  }
}

function price(
  value: number | null,
  fn: PriceCell['formula']['fn'],
  args: (string | number)[],
): TableCell {
  return value === null ? NOT_OFFERED : { price: value, formula: { fn, args } };
}

/** OPENAI_PRICE's price-kind prefix for the token columns of each token section */
const KIND_PREFIX: Partial<Record<SectionId, string>> = {
  audio: 'audio_',
  transcription_audio: 'audio_',
  image_tokens: 'image_',
};

function withTier(args: (string | number)[], tier: TierId, day: Day | null): (string | number)[] {
  if (day !== null) return [...args, tier, dayToIso(day)];
  return tier === 'standard' ? args : [...args, tier];
}

/** Optional columns a token table has when any of its rows has such a price. */
const EXTRA_COLUMNS = [
  ['cache_write', 'Cache write', (p: TokenPrices) => p.cache_write],
  ['long_context_input', 'Long context input', (p: TokenPrices) => p.long_context?.input],
  [
    'long_context_cached_input',
    'Long context cached input',
    (p: TokenPrices) => p.long_context?.cached_input,
  ],
  ['long_context_output', 'Long context output', (p: TokenPrices) => p.long_context?.output],
] as const;

function buildRows(
  section: Section,
  tier: TierId,
  day: Day | null,
): { header: string[]; rows: TableCell[][] } {
  switch (section.kind) {
    case 'tokens': {
      const shown = section.rows
        .map((row) => ({ row, tiers: isRetiredBy(row, day) ? undefined : rowTiers(row, day) }))
        // a row without any price that day (Sol's flex prices after its cut: no source has them)
        .filter(
          (r): r is { row: TokenRow; tiers: PricePeriod['tiers'] } =>
            r.tiers !== undefined && Object.keys(r.tiers).length > 0,
        );
      const withSnapshot = shown.some(({ row }) => row.snapshot && row.snapshot !== row.model);
      const prefix = KIND_PREFIX[section.id as SectionId] ?? '';
      const extras = EXTRA_COLUMNS.filter(([, , read]) =>
        shown.some(({ tiers }) => tiers[tier] && read(tiers[tier]!) !== undefined),
      );
      const header = ['Model', ...(withSnapshot ? ['Snapshot'] : [])];
      if (section.columns.length === 0) header.push('Cost');
      else if (section.columns.length === 1) header.push('Cost');
      else header.push(...section.columns.map((c) => COLUMN_TITLES[c]));
      header.push(...extras.map(([, title]) => title));
      if (section.hasPerMinute) header.push('Estimated cost', 'Unit');
      const rows = shown.map(({ row, tiers }) => {
        const cells: TableCell[] = [row.model, ...(withSnapshot ? [row.snapshot ?? ''] : [])];
        const prices = tiers[tier];
        if (row.free) cells.push('Free');
        for (const column of section.columns) {
          const value = prices ? prices[column] : null;
          cells.push(
            price(value, 'OPENAI_PRICE', withTier([row.model, `${prefix}${column}`], tier, day)),
          );
        }
        for (const [kind, , read] of extras) {
          const value = prices ? read(prices) : undefined;
          // a model without such a price bills those tokens at its other rates: no cell, not "-"
          cells.push(
            value === undefined
              ? ''
              : price(value, 'OPENAI_PRICE', withTier([row.model, kind], tier, day)),
          );
        }
        if (section.hasPerMinute) {
          cells.push(
            price(row.perMinute ?? null, 'OPENAI_PRICE', [row.model, 'per_minute']),
            'minute',
          );
        }
        return cells;
      });
      return { header, rows };
    }
    case 'fine_tuning': {
      const header = [
        'Model',
        'Training',
        'Training unit',
        ...section.columns.map((c) => COLUMN_TITLES[c]),
      ];
      const rows = section.rows.flatMap((row) => {
        const tiers = rowTiers(row, day);
        if (!tiers) return [];
        const prices = tiers[tier];
        return [
          [
            row.model,
            price(row.training.price, 'OPENAI_PRICE', [row.model, 'training']),
            `per ${row.training.unit}`,
            ...section.columns.map((column) =>
              price(
                prices ? prices[column] : null,
                'OPENAI_PRICE',
                withTier([`ft:${row.model}`, column], tier, day),
              ),
            ),
          ],
        ];
      });
      return { header, rows };
    }
    case 'tools': {
      const header = ['Tool', 'Applies to', 'Price', 'Unit', 'Free allowance', 'Notes'];
      const rows = section.rows.map((row) => {
        const unit = row.unit.replace(/\s*\(.*$/, '');
        const parenthetical = /\((.*)\)/.exec(row.unit)?.[1] ?? '';
        const notes = [...row.details.filter((d) => d !== row.appliesTo), parenthetical]
          .filter((n) => n && n !== row.freeAllowance)
          .join('; ');
        const args: (string | number)[] = [row.id.replace(/_/g, ' '), row.per];
        if (row.models) args.push(row.models[0]);
        return [
          row.name,
          row.appliesTo ?? 'all models',
          price(row.price, 'OPENAI_TOOL_COST', args),
          `per ${unit}`,
          row.freeAllowance ?? '',
          notes,
        ];
      });
      return { header, rows };
    }
    case 'unit_prices': {
      const header = ['Model', 'API id', 'Use case', 'Cost', 'Unit'];
      const shownOn = isoDay(day);
      const rows = section.rows
        .filter((row) => !row.released || row.released <= shownOn)
        .map((row) => [
          row.model,
          row.apiId,
          row.useCase,
          price(row.price, 'OPENAI_PRICE', [
            row.apiId,
            row.unit === 'minute' ? 'per_minute' : 'per_1m_characters',
          ]),
          `per ${row.unit}`,
        ]);
      return { header, rows };
    }
    case 'image_generation': {
      const header = ['Model', 'API id', 'Quality', 'Size', 'Price per image'];
      const rows = section.rows.map((row) => [
        row.model,
        row.apiId,
        row.quality,
        row.size,
        price(row.price, 'OPENAI_IMAGE_COST', [row.apiId, row.quality, row.size]),
      ]);
      return { header, rows };
    }
  }
}

function decimals(value: number): number {
  const text = String(value);
  const dot = text.indexOf('.');
  return dot < 0 ? 0 : text.length - dot - 1;
}

/** "$#,##0.00" plus one optional digit per extra decimal any price of the table has. */
export function currencyFormat(prices: number[]): string {
  const most = Math.max(2, ...prices.map(decimals));
  return `$#,##0.00${'#'.repeat(most - 2)}`;
}

/** Models retired by the day, from every token table, with their last prices. */
function retiredRows(tier: TierId, day: Day | null): { header: string[]; rows: TableCell[][] } {
  const header = ['Model', 'Snapshot', 'Table', 'Retired on', 'Input', 'Cached input', 'Output'];
  const rows: TableCell[][] = [];
  for (const section of CATALOG.sections) {
    if (section.kind !== 'tokens' && section.kind !== 'fine_tuning') continue;
    for (const row of section.rows) {
      if (!isRetiredBy(row, day)) continue;
      const last = row.periods[row.periods.length - 1].tiers[tier];
      const cell = (column: TokenColumn) =>
        price(last?.[column] ?? null, 'OPENAI_PRICE', withTier([row.model, column], tier, null));
      rows.push([
        row.model,
        row.snapshot ?? '',
        section.title,
        row.retired!,
        cell('input'),
        cell('cached_input'),
        cell('output'),
      ]);
    }
  }
  return { header, rows };
}

export const RETIRED_TITLE = 'Retired models (last prices)';

/**
 * A table in a tier as it stood on `day` (null: current prices); omitted tier = the section's own
 * default (flex for flex). The "retired" table lists the models retired by then.
 */
export function buildPriceTable(
  sectionId: string,
  tier?: TierId,
  day: Day | null = null,
): PriceTable {
  if (sectionId === 'retired') {
    const shownTier = tier ?? 'standard';
    const { header, rows } = retiredRows(shownTier, day);
    const prices = rows
      .flat()
      .filter(isPriceCell)
      .map((c) => c.price);
    return {
      sectionId: 'retired',
      tier: shownTier,
      title: `${RETIRED_TITLE} — ${TIER_TITLES[shownTier]}, USD per 1M tokens`,
      header,
      rows,
      priceFormat: currencyFormat(prices),
    };
  }
  const section = sectionById(sectionId);
  const shownTier = tier ?? section.tiers[0];
  checkSectionTier(section, shownTier);
  const { header, rows } = buildRows(section, shownTier, day);
  const prices = rows
    .flat()
    .filter(isPriceCell)
    .map((c) => c.price);
  const unit = section.unit.replace(/^USD per unit$/, 'USD');
  return {
    sectionId: section.id as TableId,
    tier: shownTier,
    title: `${section.title} — ${TIER_TITLES[shownTier]}, ${unit}`,
    header,
    rows,
    priceFormat: currencyFormat(prices),
  };
}

/**
 * A table with nothing to price in its tier that day: no rows, or rows that are all "not offered"
 * (Priority processing before the text models had priority prices). The retired table may be
 * empty (nothing retired yet), and a table of free models has no prices to show.
 */
export function pricesNothing(table: PriceTable): boolean {
  if (table.sectionId === 'retired') return false;
  const cells = table.rows.flat();
  return !cells.some(isPriceCell) && (cells.length === 0 || cells.includes(NOT_OFFERED));
}

/** The error for a table that prices nothing in its tier that day, naming when its prices start. */
export function nothingPricedError(table: PriceTable, day: Day | null): PricingError {
  const section = sectionById(table.sectionId);
  let first: string | null = null;
  if (section.kind === 'tokens' || section.kind === 'fine_tuning') {
    for (const row of section.rows) {
      for (const p of row.periods) {
        if (p.tiers[table.tier] && (first === null || p.from < first)) first = p.from;
      }
    }
  }
  const on = day === null ? `as of ${CATALOG.asOf}` : `on ${dayToIso(day)}`;
  const since = first !== null && first > isoDay(day) ? ` (its first are from ${first})` : '';
  return new PricingError(
    `the ${section.title} table has no ${TIER_TITLES[table.tier]} prices ${on}${since}`,
  );
}

/** `=OPENAI_PRICE("gpt-4o","input","batch")`; strings are quoted so no catalog text becomes code. */
export function formulaText(cell: PriceCell): string {
  const args = cell.formula.args.map((a) =>
    typeof a === 'number' ? String(a) : `"${a.replace(/"/g, '""')}"`,
  );
  return `=${cell.formula.fn}(${args.join(',')})`;
}

/** The tiers a table can be shown in ("retired": the tiers its models' last prices have). */
export function tableTiers(id: TableId): TierId[] {
  return id === 'retired' ? ['standard', 'batch'] : [...sectionById(id).tiers];
}

export const tableTitle = (id: TableId): string =>
  id === 'retired' ? RETIRED_TITLE : sectionById(id).title;

/** A price as Sheets shows it in the table's currencyFormat: "$1.875", "$2.50", "$1,200.00". */
export function displayPrice(value: number, priceFormat: string): string {
  const optional = priceFormat.length - priceFormat.replace(/#+$/, '').length;
  const text = value.toFixed(2 + optional).replace(new RegExp(`0{0,${optional}}$`), '');
  const [whole, fraction] = text.split('.');
  return `$${whole.replace(/\B(?=(\d{3})+$)/g, ',')}.${fraction}`;
}
