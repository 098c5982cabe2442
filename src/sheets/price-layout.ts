// The price tables as a block of cells: values (or formulas), number formats and font weights, all
// decided here without touching Sheets, so tests read the layout directly and writer.ts only writes it.
//
//   1  OpenAI API pricing as of 2025-06-26
//   2  Text tokens — Batch API, USD per 1M tokens          (bold)
//   3  Model | Snapshot | Input | Cached input | Output    (bold)
//   4… one row per model; prices as numbers (or =OPENAI_PRICE(...)) in the table's currency format
//      a blank row, then the next table

import type { SectionId, TierId } from '../pricing/catalog';
import { SECTION_IDS, TIER_IDS } from '../pricing/catalog';
import { CATALOG } from '../pricing/data';
import {
  buildPriceTable,
  formulaText,
  isPriceCell,
  sectionById,
  TIER_TITLES,
  type PriceTable,
} from '../pricing/tables';

export type InsertMode = 'values' | 'formulas';
export type Destination = 'selection' | 'new-sheet';

export interface InsertRequest {
  sections: SectionId[];
  tier: TierId;
  mode: InsertMode;
  destination: Destination;
}

export type Cell = string | number;
export type FontWeight = 'bold' | 'normal';

export interface PriceBlock {
  /** rectangular; a string starting with "=" is a formula (setValues sets it as one) */
  values: Cell[][];
  numberFormats: string[][];
  fontWeights: FontWeight[][];
  /** the first table's header row (1-based within the block): the rows a new sheet freezes */
  headerRow: number;
}

/** The number format of cells that are not prices (Sheets' "Automatic"). */
export const GENERAL = 'General';

const MODES: InsertMode[] = ['values', 'formulas'];
const DESTINATIONS: Destination[] = ['selection', 'new-sheet'];

function oneOf<T extends string>(value: unknown, allowed: readonly T[], what: string): T {
  if ((allowed as readonly unknown[]).includes(value)) return value as T;
  throw new Error(
    `unknown ${what} ${JSON.stringify(value)} (use ${allowed.map((a) => `"${a}"`).join(', ')})`,
  );
}

/** Checks a request from the sidebar (untrusted JSON) and names the first thing that is wrong. */
export function readInsertRequest(request: unknown): InsertRequest {
  const r = (request ?? {}) as Record<string, unknown>;
  if (!Array.isArray(r.sections) || r.sections.length === 0) {
    throw new Error('choose at least one price table (request.sections is empty)');
  }
  const sections = r.sections.map((id) => sectionById(String(id)).id as SectionId);
  return {
    sections: sections.filter((id, k) => sections.indexOf(id) === k),
    tier: oneOf(r.tier, TIER_IDS, 'tier'),
    mode: oneOf(r.mode ?? 'values', MODES, 'mode'),
    destination: oneOf(r.destination ?? 'new-sheet', DESTINATIONS, 'destination'),
  };
}

/**
 * The tables to write: each chosen section in the requested tier where it offers it, else in its
 * own default tier with a title that says so. If no chosen section offers the tier, an error that
 * names the sections that do.
 */
export function chooseTables(sections: SectionId[], tier: TierId): PriceTable[] {
  const chosen = sections.map(sectionById);
  if (!chosen.some((s) => s.tiers.includes(tier))) {
    const offering = CATALOG.sections.filter((s) => s.tiers.includes(tier)).map((s) => s.title);
    throw new Error(
      `none of the chosen tables has ${TIER_TITLES[tier]} prices; ${TIER_TITLES[tier]} prices are offered by: ${offering.join(', ')}`,
    );
  }
  return chosen.map((section) => {
    if (section.tiers.includes(tier)) return buildPriceTable(section.id, tier);
    const table = buildPriceTable(section.id, section.tiers[0]);
    return { ...table, title: `${table.title} (no ${TIER_TITLES[tier]} prices)` };
  });
}

/**
 * Catalog text as a cell value that Sheets keeps as text: a leading apostrophe (not shown) where
 * Sheets would otherwise read a formula (= + - @), a number, a date or a boolean.
 */
export function asText(text: string): string {
  const looksParsed =
    /^[=+\-@]/.test(text) || /^[\d\s.,:/$%()-]+$/.test(text) || /^(true|false)$/i.test(text);
  return looksParsed && text.trim() !== '' ? `'${text}` : text;
}

/** Stacks the tables under a source line, one blank row between tables, padded to one width. */
export function priceBlock(
  tables: PriceTable[],
  mode: InsertMode,
  asOf = CATALOG.asOf,
): PriceBlock {
  const width = Math.max(...tables.map((t) => t.header.length));
  const values: Cell[][] = [];
  const numberFormats: string[][] = [];
  const fontWeights: FontWeight[][] = [];
  const push = (cells: Cell[], weight: FontWeight, formats: string[] = []) => {
    values.push([...cells, ...new Array<Cell>(width - cells.length).fill('')]);
    numberFormats.push(Array.from({ length: width }, (_, k) => formats[k] || GENERAL));
    fontWeights.push(new Array<FontWeight>(width).fill(weight));
  };
  push([asText(`OpenAI API pricing as of ${asOf}`)], 'normal');
  tables.forEach((table, k) => {
    if (k > 0) push([], 'normal');
    push([asText(table.title)], 'bold');
    push(table.header.map(asText), 'bold');
    for (const row of table.rows) {
      push(
        row.map((cell) => {
          if (!isPriceCell(cell)) return asText(cell);
          return mode === 'formulas' ? formulaText(cell) : cell.price;
        }),
        'normal',
        row.map((cell) => (isPriceCell(cell) ? table.priceFormat : '')),
      );
    }
  });
  return { values, numberFormats, fontWeights, headerRow: 3 };
}

/** 1 → "A", 27 → "AA". */
export function columnName(column: number): string {
  let name = '';
  for (let n = column; n > 0; n = Math.floor((n - 1) / 26)) {
    name = String.fromCharCode(65 + ((n - 1) % 26)) + name;
  }
  return name;
}

/** "B4:F20" (or "B4" for one cell) for a block at row/column (1-based). */
export function a1Range(row: number, column: number, rows: number, columns: number): string {
  const start = `${columnName(column)}${row}`;
  if (rows === 1 && columns === 1) return start;
  return `${start}:${columnName(column + columns - 1)}${row + rows - 1}`;
}

/** The section ids of "Insert all price tables": every table of the page, in page order. */
export const ALL_SECTIONS: SectionId[] = [...SECTION_IDS];
