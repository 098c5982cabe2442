// The price tables as a block of cells: values (or formulas), number formats and font weights, all
// decided here without touching Sheets, so tests read the layout directly and writer.ts only writes it.
//
//   1  OpenAI API pricing as of | 2025-06-26 [| Refreshed | <refresh cell>]
//   2  Text tokens — Batch API, USD per 1M tokens          (bold)
//   3  Model | Snapshot | Input | Cached input | Output    (bold)
//   4… one row per model; prices as numbers in the table's currency format
//      a blank row, then the next table
// Live ("formulas" mode): the same cells, but B1 is =OPENAI_PRICES_AS_OF($D$1) and each table's
// header row holds ONE =OPENAI_PRICE_TABLE(id,tier,,$D$1) whose result spills over exactly the
// cells values mode fills (left empty here). $D$1 is the refresh cell: "Refresh prices" rewrites
// it, and a custom function recalculates when an argument changes (README "Live formulas").

import type { TierId } from '../pricing/catalog';
import { TIER_IDS } from '../pricing/catalog';
import { isoToDay } from '../pricing/dates';
import { CATALOG } from '../pricing/data';
import { cut, quote } from '../pricing/show';
import { call, formula, ref } from './formula-text';
import {
  buildPriceTable,
  isPriceCell,
  pricesNothing,
  TABLE_IDS,
  tableTiers,
  tableTitle,
  TIER_TITLES,
  type TableId,
  type PriceTable,
  type TableCell,
} from '../pricing/tables';

export type InsertMode = 'values' | 'formulas';
export type Destination = 'selection' | 'new-sheet';

export interface InsertRequest {
  sections: TableId[];
  tier: TierId;
  mode: InsertMode;
  destination: Destination;
  /** the tables as they stood on this day (YYYY-MM-DD); null: current prices */
  date: string | null;
}

export type Cell = string | number;
export type FontWeight = 'bold' | 'normal';

/**
 * Formulas of a block, written with one setFormulas per region: `row`/`column` (1-based within the
 * block) is the region's top-left cell; "" marks a cell the layout leaves empty (a spill area).
 */
export interface FormulaRegion {
  row: number;
  column: number;
  formulas: string[][];
}

export interface PriceBlock {
  /** rectangular; plain values only ("" where a formula or its spill goes) */
  values: Cell[][];
  /** the custom-function cells: the as-of date and one spilling table per table (live mode) */
  formulas: FormulaRegion[];
  /** live mode: the refresh cell every formula takes as its last argument (1-based) */
  refreshCell: { row: number; column: number } | null;
  numberFormats: string[][];
  fontWeights: FontWeight[][];
  /** the first table's header row (1-based within the block): the rows a new sheet freezes */
  headerRow: number;
}

/** The number format of cells that are not prices (Sheets' "Automatic"). */
export const GENERAL = 'General';

const MODES: InsertMode[] = ['values', 'formulas'];
const DESTINATIONS: Destination[] = ['selection', 'new-sheet'];

/** What kind of JSON value a request field holds: "a string", "a list", ... */
function kindOf(value: unknown): string {
  if (Array.isArray(value)) return 'a list';
  if (value === null) return 'null';
  return typeof value === 'object' ? 'an object' : `a ${typeof value}`;
}

/** A value quoted for a message, cut to a readable length. */
function shortQuote(value: unknown): string {
  return typeof value === 'string' ? quote(value) : cut(String(JSON.stringify(value) ?? value));
}

function oneOf<T extends string>(
  request: Record<string, unknown>,
  field: string,
  allowed: readonly T[],
  fallback?: T,
): T {
  const value = request[field];
  const choices = allowed.map((a) => `"${a}"`).join(', ');
  if (value === undefined && fallback !== undefined) return fallback;
  if (value === undefined) throw new Error(`${field} is missing (use ${choices})`);
  if ((allowed as readonly unknown[]).includes(value)) return value as T;
  throw new Error(`unknown ${field} ${shortQuote(value)} (use ${choices})`);
}

/** Checks a request from the sidebar (untrusted JSON) and names the first field that is wrong. */
export function readInsertRequest(request: unknown): InsertRequest {
  if (request === null || typeof request !== 'object' || Array.isArray(request)) {
    throw new Error(`the request must be an object with sections and tier, got ${kindOf(request)}`);
  }
  const r = request as Record<string, unknown>;
  if (r.sections === undefined) {
    throw new Error('sections is missing: choose at least one price table');
  }
  if (!Array.isArray(r.sections)) {
    throw new Error(`sections must be a list of table ids, got ${kindOf(r.sections)}`);
  }
  if (r.sections.length === 0)
    throw new Error('choose at least one price table (sections is empty)');
  const sections = r.sections.map((id) => {
    if (typeof id !== 'string') {
      throw new Error(`sections must be a list of table ids, got ${kindOf(id)} in it`);
    }
    if (!(TABLE_IDS as readonly string[]).includes(id)) {
      const known = TABLE_IDS.map((s) => `"${s}"`).join(', ');
      throw new Error(`unknown price table ${shortQuote(id)} (use ${known})`);
    }
    return id as TableId;
  });
  return {
    sections: sections.filter((id, k) => sections.indexOf(id) === k),
    tier: oneOf(r, 'tier', TIER_IDS),
    mode: oneOf(r, 'mode', MODES, 'values'),
    destination: oneOf(r, 'destination', DESTINATIONS, 'new-sheet'),
    date: readDate(r.date),
  };
}

/** The request's optional day: "YYYY-MM-DD" text (google.script.run carries no Date objects). */
function readDate(value: unknown): string | null {
  if (value === undefined || value === null || value === '') return null;
  const day = typeof value === 'string' ? isoToDay(value) : null;
  if (day === null) {
    const got = typeof value === 'string' ? `the text ${shortQuote(value)}` : kindOf(value);
    throw new Error(`date must be a day as "YYYY-MM-DD", got ${got}`);
  }
  if (value < CATALOG.since) {
    throw new Error(`date ${value} is before the oldest price data (${CATALOG.since})`);
  }
  return value as string;
}

/**
 * The tables to write: each chosen section in the requested tier where it offers it, else in its
 * own default tier with a title that says so. If no chosen section offers the tier, an error that
 * names the sections that do.
 */
export function chooseTables(
  sections: TableId[],
  tier: TierId,
  date: string | null = null,
): PriceTable[] {
  if (!sections.some((id) => tableTiers(id).includes(tier))) {
    const offering = TABLE_IDS.filter((id) => tableTiers(id).includes(tier)).map(tableTitle);
    throw new Error(
      `none of the chosen tables has ${TIER_TITLES[tier]} prices; ${TIER_TITLES[tier]} prices are offered by: ${offering.join(', ')}`,
    );
  }
  const day = date === null ? null : isoToDay(date);
  const on = date === null ? '' : ` on ${date}${beyondData(date) ? `: ${latestKnown()}` : ''}`;
  return sections.map((id) => {
    const tiers = tableTiers(id);
    let table = buildPriceTable(id, tiers.includes(tier) ? tier : tiers[0], day);
    let missing = tiers.includes(tier) ? '' : ` (no ${TIER_TITLES[tier]} prices)`;
    if (pricesNothing(table) && table.tier !== tiers[0]) {
      // the tier has no prices in this table that day (Priority before it existed): its own tier
      missing = ` (no ${TIER_TITLES[tier]} prices${on})`;
      table = buildPriceTable(id, tiers[0], day);
    }
    return { ...table, title: `${table.title}${on}${missing}` };
  });
}

/** A day after the data's date: the tables show the latest prices known, not that day's. */
const beyondData = (date: string) => date > CATALOG.asOf;
const latestKnown = () => `latest known prices (data of ${CATALOG.asOf})`;

/**
 * Catalog text as a cell value that Sheets keeps as text: a leading apostrophe (not shown) where
 * Sheets would otherwise read a formula (= + - @), a number, a date or a boolean.
 */
export function asText(text: string): string {
  const looksParsed =
    /^[=+\-@]/.test(text) || /^[\d\s.,:/$%()-]+$/.test(text) || /^(true|false)$/i.test(text);
  return looksParsed && text.trim() !== '' ? `'${text}` : text;
}

export const AS_OF_LABEL = 'OpenAI API pricing as of';
export const REFRESHED_LABEL = 'Refreshed';

/**
 * Stacks the tables under a source line, one blank row between tables, padded to one width.
 * `origin` is where the block will sit (live formulas use absolute references into it).
 */
export function priceBlock(
  tables: PriceTable[],
  mode: InsertMode,
  date: string | null = null,
  origin = { row: 1, column: 1 },
): PriceBlock {
  const asOf = date === null ? CATALOG.asOf : beyondData(date) ? latestKnown() : date;
  const live = mode === 'formulas';
  const width = blockWidth(tables, mode);
  const values: Cell[][] = [];
  const numberFormats: string[][] = [];
  const fontWeights: FontWeight[][] = [];
  const formulas: FormulaRegion[] = [];
  const refreshCell = live ? { row: 1, column: 4 } : null;
  const refreshRef = refreshCell ? ref(`$${columnName(origin.column + 3)}$${origin.row}`) : null;
  const push = (cells: Cell[], weight: FontWeight, formats: string[] = []) => {
    values.push([...cells, ...new Array<Cell>(width - cells.length).fill('')]);
    numberFormats.push(Array.from({ length: width }, (_, k) => formats[k] || GENERAL));
    fontWeights.push(new Array<FontWeight>(width).fill(weight));
  };
  if (refreshRef && date !== null) {
    // a dated block shows that day's prices: its as-of is the day, not the data's newest date
    push([AS_OF_LABEL, asText(asOf), REFRESHED_LABEL, ''], 'normal', LIVE_AS_OF_FORMATS);
  } else if (refreshRef) {
    push([AS_OF_LABEL, '', REFRESHED_LABEL, ''], 'normal', LIVE_AS_OF_FORMATS);
    formulas.push({
      row: 1,
      column: 2,
      formulas: [[formula(call('OPENAI_PRICES_AS_OF', [refreshRef]))]],
    });
  } else {
    push([AS_OF_LABEL, asText(asOf)], 'normal');
  }
  tables.forEach((table, k) => {
    if (k > 0) push([], 'normal');
    // title, header, model rows: the same formats in both modes (a spill shows the values' look)
    const formats = tableFormats(table, width);
    const rows: Cell[][] = [[asText(table.title)]];
    if (refreshRef) {
      // the table's one formula; its header and rows spill into the empty cells below and right
      const spilling = call('OPENAI_PRICE_TABLE', [table.sectionId, table.tier, date, refreshRef]);
      formulas.push({ row: values.length + 2, column: 1, formulas: [[formula(spilling)]] });
    } else {
      rows.push(table.header.map(asText));
      for (const row of table.rows) {
        rows.push(row.map((cell) => (isPriceCell(cell) ? cell.price : asText(cell))));
      }
    }
    formats.numberFormats.forEach((line, r) => push(rows[r] ?? [], formats.fontWeights[r][0], line)); // prettier-ignore
  });
  return { values, numberFormats, fontWeights, formulas, refreshCell, headerRow: 3 };
}

/** The number format of each cell of a table row: the table's price format on prices, else "". */
function priceFormatsOf(table: PriceTable, row: TableCell[]): string[] {
  return row.map((cell) => (isPriceCell(cell) ? table.priceFormat : ''));
}

/** A block's width: the widest table, and room for the as-of row (4 cells live, 2 as values). */
export function blockWidth(tables: PriceTable[], mode: InsertMode): number {
  return Math.max(mode === 'formulas' ? 4 : 2, ...tables.map((t) => t.header.length));
}

/**
 * Sheets' plain-text format, on the model name of each row of a table: it shows the name as is,
 * and marks the rows that belong to a live table for "Refresh prices" (live-resize.ts).
 */
export const MODEL_ROW_FORMAT = '@';

/**
 * The formats of a table's rows, `width` cells wide, as priceBlock lays them out: the bold title
 * and header, then one row per model: the model name as plain text, its price formats (GENERAL
 * elsewhere).
 */
export function tableFormats(
  table: PriceTable,
  width: number,
): { numberFormats: string[][]; fontWeights: FontWeight[][] } {
  const line = (formats: string[]) =>
    Array.from({ length: width }, (_, k) => formats[k] || GENERAL);
  const modelRow = (row: TableCell[]) => line([MODEL_ROW_FORMAT, ...priceFormatsOf(table, row).slice(1)]); // prettier-ignore
  return {
    numberFormats: [line([]), line([]), ...table.rows.map(modelRow)],
    fontWeights: [
      new Array<FontWeight>(width).fill('bold'),
      new Array<FontWeight>(width).fill('bold'),
      ...table.rows.map(() => new Array<FontWeight>(width).fill('normal')),
    ],
  };
}

/** How the refresh cell shows the time of the last insert or refresh. */
export const REFRESH_FORMAT = 'yyyy-mm-dd';

/** The live as-of row's number formats: the refresh cell (column 4) shows a day. */
export const LIVE_AS_OF_FORMATS = ['', '', '', REFRESH_FORMAT];

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

/** The tables of "Insert all price tables": every table of the page in page order, then the retired models. */
export const ALL_SECTIONS: TableId[] = [...TABLE_IDS];
