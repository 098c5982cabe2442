// Look-up custom functions: single prices, model lists, whole price tables, comparisons, as-of date.

import type { TokenSection } from '../../pricing/catalog';
import { categoryKey, modelListings, resolveCategory } from '../../pricing/categories';
import { checkInputParts, tokenCost } from '../../pricing/cost';
import { CATALOG } from '../../pricing/data';
import { dayToIso } from '../../pricing/dates';
import { PricingError } from '../../pricing/errors';
import { modelIndex, offeredOn, pricesOn } from '../../pricing/models';
import { lookupPrice, parsePriceKind } from '../../pricing/prices';
import {
  buildPriceTable,
  isPriceCell,
  nothingPricedError,
  pricesNothing,
  type PriceTable,
} from '../../pricing/tables';
import { parseTier } from '../../pricing/tiers';
import { TOOL_CHOICES } from '../../pricing/tools';
import { optionalText, quantity, requiredText } from '../cells';
import { dayReader } from '../dates';
import { memoized } from '../memo';
import { mapCells, shapeOf } from '../ranges';

/**
 * One price from the catalog, in USD per 1M tokens (or per the unit the price list uses: per hour
 * of training, per minute, per 1M characters).
 *
 * @param {string|Array<Array<string>>} model Model id, e.g. "gpt-5", "ft:gpt-4o-2024-08-06", "whisper-1".
 * @param {string|Array<Array<string>>} [price] "input" (default), "cached_input", "cache_write", "output", "long_context_input", "long_context_cached_input", "long_context_output", "audio_input", "audio_cached_input", "audio_output", "image_input", "image_cached_input", "image_output", "training", "per_minute" or "per_1m_characters".
 * @param {string|Array<Array<string>>} [tier] "standard" (default), "batch", "flex" or "priority".
 * @param {Date|string|Array<Array<Date>>} [date] The price in force on this day; blank: current prices.
 * @return {number|Array<Array<number>>} The price; a price the list shows as "-" is an error (not offered).
 * @customfunction
 */
export function OPENAI_PRICE(
  model: unknown,
  price?: unknown,
  tier?: unknown,
  date?: unknown,
): unknown {
  const dayOf = dayReader();
  return mapCells(
    ['model', 'price', 'tier', 'date'],
    [model, price, tier, date],
    memoized((cells) =>
      lookupPrice(
        requiredText(cells[0], 'model'),
        parsePriceKind(cells[1]),
        parseTier(cells[2]),
        dayOf(cells[3]),
      ),
    ),
  );
}

function single(name: string, value: unknown): unknown {
  const shape = shapeOf([name], [value]);
  if (shape.ranges[0]) {
    throw new Error(
      `${name} must be a single value, not a range of ${shape.rows}×${shape.cols} cells`,
    );
  }
  return shape.values[0];
}

function wrap(run: () => unknown[][]): unknown[][] {
  try {
    return run();
  } catch (error) {
    throw new Error((error as Error).message);
  }
}

/**
 * The model ids the catalog knows. Without a category: a table of every model id with its
 * category, release date and status; with one: that category's model ids; with a date: only the
 * models offered that day.
 *
 * @param {string} [category] A category id such as "text", "flex", "audio", "image_tokens", "fine_tuning", "embeddings", "other", "retired" (see OPENAI_MODELS() for all).
 * @param {Date|string} [date] Only the models offered on this day.
 * @return {Array<Array<string>>} Model ids (with category, release date and status when no category is given).
 * @customfunction
 */
export function OPENAI_MODELS(category?: unknown, date?: unknown): unknown[][] {
  return wrap(() => {
    const wanted = optionalText(single('category', category), 'category');
    const day = dayReader()(single('date', date));
    // with a day: the models offered then; without: today's, and the retired ones (whose last
    // prices a blank date still prices)
    const listings = modelListings().filter((m) =>
      day === null ? m.offered(null) || m.retiredBy(null) : m.offered(day),
    );
    if (wanted === '')
      return [
        ['model', 'category', 'released', 'status'],
        ...listings.map((m) => [m.id, m.category, m.released, m.status]),
      ];
    if (['tools', 'built_in_tools'].includes(categoryKey(wanted)))
      return TOOL_CHOICES.map((t) => [t]);
    const sections = resolveCategory(wanted);
    // the retired table on a day: what was retired by then (no longer offered, so not in listings)
    const chosen = sections.includes('retired')
      ? modelListings().filter((m) => m.retiredBy(day))
      : listings.filter((m) => (sections as string[]).includes(m.category));
    const ids = [...new Set(chosen.map((m) => m.id))];
    if (ids.length === 0) {
      const on = day === null ? CATALOG.asOf : dayToIso(day);
      throw new PricingError(
        sections.includes('retired')
          ? `no models were retired by ${on}`
          : `no ${wanted.trim()} models on ${on}`,
      );
    }
    return ids.map((id) => [id]);
  });
}

function tableValues(table: PriceTable): unknown[][] {
  return [
    table.header,
    ...table.rows.map((row) => row.map((cell) => (isPriceCell(cell) ? cell.price : cell))),
  ];
}

/**
 * A full price table with its header row, as live data: the same rows the sidebar inserts.
 *
 * @param {string} [category] A table id: "text" (default), "flex", "audio", "image_tokens", "fine_tuning", "tools", "transcription_text", "transcription_audio", "audio_models", "image_generation", "embeddings", "moderation", "other" or "retired".
 * @param {string} [tier] "standard", "batch", "flex" or "priority"; default: the table's own prices.
 * @param {Date|string} [date] The table as it stood on this day; blank: current prices.
 * @return {Array<Array<string|number>>} The table, header first; "not offered" where the list shows "-".
 * @customfunction
 */
export function OPENAI_PRICE_TABLE(
  category?: unknown,
  tier?: unknown,
  date?: unknown,
): unknown[][] {
  return wrap(() => {
    const wanted = optionalText(single('category', category), 'category') || 'text';
    const tierValue = single('tier', tier);
    const chosenTier = optionalText(tierValue, 'tier') === '' ? undefined : parseTier(tierValue);
    const day = dayReader()(single('date', date));
    const blocks = resolveCategory(wanted).map((id) => {
      const table = buildPriceTable(id, chosenTier, day);
      if (pricesNothing(table)) throw nothingPricedError(table, day);
      return tableValues(table);
    });
    if (blocks.length === 1) return blocks[0];
    // a group of tables (e.g. "transcription"): stacked, one blank row between, padded to one width
    const width = Math.max(...blocks.map((b) => b[0].length));
    const stacked: unknown[][] = [];
    blocks.forEach((block, k) => {
      if (k > 0) stacked.push([]);
      stacked.push(...block);
    });
    return stacked.map((row) => [...row, ...new Array(width - row.length).fill('')]);
  });
}

/**
 * Every text model offered in the tier on the day with the cost of one workload, cheapest first.
 *
 * @param {number} input_tokens Input tokens of the workload (cached ones included).
 * @param {number} output_tokens Output tokens of the workload.
 * @param {string} [tier] "standard" (default), "batch", "flex" or "priority".
 * @param {number} [cached_input_tokens] The part of input_tokens served from the prompt cache.
 * @param {Date|string} [date] Compare the models offered on this day at its prices; blank: today's current models.
 * @return {Array<Array<string|number>>} A table: model, snapshot, cost in USD; header first.
 * @customfunction
 */
export function OPENAI_COMPARE(
  input_tokens: unknown,
  output_tokens: unknown,
  tier?: unknown,
  cached_input_tokens?: unknown,
  date?: unknown,
): unknown[][] {
  return wrap(() => {
    const input = quantity(single('input_tokens', input_tokens), 'input_tokens');
    const output = quantity(single('output_tokens', output_tokens), 'output_tokens');
    const chosenTier = parseTier(single('tier', tier));
    const cached = quantity(
      single('cached_input_tokens', cached_input_tokens),
      'cached_input_tokens',
    );
    const day = dayReader()(single('date', date));
    if (day !== null) pricesOn(modelIndex().text.get('gpt-4o')!, day); // a day before the data is an error
    const usage = { input, output, cached, cacheWrite: 0, requests: 1 };
    checkInputParts(usage);
    const text = CATALOG.sections.find((s) => s.id === 'text') as TokenSection;
    const index = modelIndex();
    const rows: [string, string, number][] = [];
    for (const row of text.rows) {
      const model = index.text.get(row.model)!;
      if (!offeredOn(model, day)) continue;
      const priced = pricesOn(model, day);
      if (!priced.tiers[chosenTier]) continue;
      try {
        rows.push([row.model, row.snapshot ?? '', tokenCost(priced, chosenTier, usage)]);
      } catch (error) {
        // only "this model cannot serve this workload" (a price it lacks) leaves a model out
        if (!/not offered|no long-context/.test((error as Error).message)) throw error;
      }
    }
    rows.sort((a, b) => a[2] - b[2]);
    return [['model', 'snapshot', 'cost'], ...rows];
  });
}

/**
 * The date of the newest price data (YYYY-MM-DD), for citing in a sheet. Give it any cell (e.g. a
 * refresh cell) to have Sheets recalculate it: a call without arguments never recalculates.
 *
 * @param {any} [refresh_cell] Ignored: a cell that "Refresh prices" changes, so that Sheets recalculates this cell (a call without arguments is never recalculated).
 * @return {string} e.g. "2026-09-23".
 * @customfunction
 */
export function OPENAI_PRICES_AS_OF(refresh_cell?: unknown): string {
  void refresh_cell; // only there to make Sheets recalculate when it changes
  return CATALOG.asOf;
}
