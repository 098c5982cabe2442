// Price tables as the sidebar inserts them and OPENAI_PRICE_TABLE returns them: one per page table,
// rows as on the page, prices as numbers that know the formula that reproduces them.

import type { Section, SectionId, TierId, TokenColumn } from './catalog';
import { SECTION_IDS } from './catalog';
import { CATALOG } from './data';
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
  sectionId: SectionId;
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
};

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
      `unknown price table "${id}" (use ${SECTION_IDS.map((s) => `"${s}"`).join(', ')})`,
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

function withTier(args: (string | number)[], tier: TierId): (string | number)[] {
  return tier === 'standard' ? args : [...args, tier];
}

function buildRows(section: Section, tier: TierId): { header: string[]; rows: TableCell[][] } {
  switch (section.kind) {
    case 'tokens': {
      const withSnapshot = section.rows.some((r) => r.snapshot && r.snapshot !== r.model);
      const prefix = KIND_PREFIX[section.id as SectionId] ?? '';
      const header = ['Model', ...(withSnapshot ? ['Snapshot'] : [])];
      if (section.columns.length === 0) header.push('Cost');
      else if (section.columns.length === 1) header.push('Cost');
      else header.push(...section.columns.map((c) => COLUMN_TITLES[c]));
      if (section.hasPerMinute) header.push('Estimated cost', 'Unit');
      const rows = section.rows.map((row) => {
        const cells: TableCell[] = [row.model, ...(withSnapshot ? [row.snapshot ?? ''] : [])];
        const prices = row.tiers[tier];
        if (row.free) cells.push('Free');
        for (const column of section.columns) {
          const value = prices ? prices[column] : null;
          cells.push(
            price(value, 'OPENAI_PRICE', withTier([row.model, `${prefix}${column}`], tier)),
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
      const rows = section.rows.map((row) => {
        const prices = row.tiers[tier];
        return [
          row.model,
          price(row.training.price, 'OPENAI_PRICE', [row.model, 'training']),
          `per ${row.training.unit}`,
          ...section.columns.map((column) =>
            price(
              prices ? prices[column] : null,
              'OPENAI_PRICE',
              withTier([`ft:${row.model}`, column], tier),
            ),
          ),
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
      const rows = section.rows.map((row) => [
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

/** The section's table in a tier; omitted tier = the section's own default (flex for flex). */
export function buildPriceTable(sectionId: string, tier?: TierId): PriceTable {
  const section = sectionById(sectionId);
  const shownTier = tier ?? section.tiers[0];
  checkSectionTier(section, shownTier);
  const { header, rows } = buildRows(section, shownTier);
  const prices = rows
    .flat()
    .filter(isPriceCell)
    .map((c) => c.price);
  const unit = section.unit.replace(/^USD per unit$/, 'USD');
  return {
    sectionId: section.id as SectionId,
    tier: shownTier,
    title: `${section.title} — ${TIER_TITLES[shownTier]}, ${unit}`,
    header,
    rows,
    priceFormat: currencyFormat(prices),
  };
}

/** `=OPENAI_PRICE("gpt-4o","input","batch")`; strings are quoted so no catalog text becomes code. */
export function formulaText(cell: PriceCell): string {
  const args = cell.formula.args.map((a) =>
    typeof a === 'number' ? String(a) : `"${a.replace(/"/g, '""')}"`,
  );
  return `=${cell.formula.fn}(${args.join(',')})`;
}

/** Every section's id, title, row count and tiers, in page order. */
export function sectionSummaries(): {
  id: SectionId;
  title: string;
  rows: number;
  tiers: TierId[];
}[] {
  return CATALOG.sections.map((s) => ({
    id: s.id as SectionId,
    title: s.title,
    rows: s.rows.length,
    tiers: [...s.tiers],
  }));
}

/** A price as Sheets shows it in the table's currencyFormat: "$1.875", "$2.50", "$1,200.00". */
export function displayPrice(value: number, priceFormat: string): string {
  const optional = priceFormat.length - priceFormat.replace(/#+$/, '').length;
  const text = value.toFixed(2 + optional).replace(new RegExp(`0{0,${optional}}$`), '');
  const [whole, fraction] = text.split('.');
  return `$${whole.replace(/\B(?=(\d{3})+$)/g, ',')}.${fraction}`;
}
