// Look-up custom functions: single prices, model lists, whole price tables, comparisons, as-of date.

import type { TokenSection } from '../../pricing/catalog';
import { categoryKey, modelIds, resolveCategory } from '../../pricing/categories';
import { tokenCost } from '../../pricing/cost';
import { CATALOG } from '../../pricing/data';
import { PricingError } from '../../pricing/errors';
import { modelIndex } from '../../pricing/models';
import { lookupPrice, parsePriceKind } from '../../pricing/prices';
import { buildPriceTable, isPriceCell, type PriceTable } from '../../pricing/tables';
import { parseTier } from '../../pricing/tiers';
import { TOOL_CHOICES } from '../../pricing/tools';
import { optionalText, quantity, requiredText } from '../cells';
import { mapCells, shapeOf } from '../ranges';

/**
 * One price from the catalog, in USD per 1M tokens (or per the unit the page uses: per hour of
 * training, per minute, per 1M characters).
 *
 * @param {string|Array<Array<string>>} model Model id, e.g. "gpt-4o", "ft:gpt-4o-2024-08-06", "whisper-1".
 * @param {string|Array<Array<string>>} [price] "input" (default), "cached_input", "output", "audio_input", "audio_cached_input", "audio_output", "image_input", "image_cached_input", "image_output", "training", "per_minute" or "per_1m_characters".
 * @param {string|Array<Array<string>>} [tier] "standard" (default), "batch" or "flex".
 * @return {number|Array<Array<number>>} The price; a price the page shows as "-" is an error (not offered).
 * @customfunction
 */
export function OPENAI_PRICE(model: unknown, price?: unknown, tier?: unknown): unknown {
  return mapCells(['model', 'price', 'tier'], [model, price, tier], (cells) =>
    lookupPrice(requiredText(cells[0], 'model'), parsePriceKind(cells[1]), parseTier(cells[2])),
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
 * category; with one: that category's model ids.
 *
 * @param {string} [category] A category id such as "text", "flex", "audio", "image_tokens", "fine_tuning", "embeddings", "other" (see OPENAI_MODELS() for all).
 * @return {Array<Array<string>>} Model ids (and categories), one per row.
 * @customfunction
 */
export function OPENAI_MODELS(category?: unknown): unknown[][] {
  return wrap(() => {
    const wanted = optionalText(single('category', category), 'category');
    if (wanted === '') return [['model', 'category'], ...modelIds().map(([id, c]) => [id, c])];
    if (['tools', 'built_in_tools'].includes(categoryKey(wanted)))
      return TOOL_CHOICES.map((t) => [t]);
    const sections = resolveCategory(wanted);
    return modelIds()
      .filter(([, c]) => sections.includes(c))
      .map(([id]) => [id])
      .filter((row, k, all) => all.findIndex((r) => r[0] === row[0]) === k);
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
 * @param {string} [category] A table id: "text" (default), "flex", "audio", "image_tokens", "fine_tuning", "tools", "transcription_text", "transcription_audio", "audio_models", "image_generation", "embeddings", "moderation" or "other".
 * @param {string} [tier] "standard", "batch" or "flex"; default: the table's own prices.
 * @return {Array<Array<string|number>>} The table, header first; "not offered" where the page shows "-".
 * @customfunction
 */
export function OPENAI_PRICE_TABLE(category?: unknown, tier?: unknown): unknown[][] {
  return wrap(() => {
    const wanted = optionalText(single('category', category), 'category') || 'text';
    const tierValue = single('tier', tier);
    const chosenTier = optionalText(tierValue, 'tier') === '' ? undefined : parseTier(tierValue);
    const blocks = resolveCategory(wanted).map((id) =>
      tableValues(buildPriceTable(id, chosenTier)),
    );
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
 * Every text model offered in the tier with the cost of one workload, cheapest first.
 *
 * @param {number} input_tokens Input tokens of the workload (cached ones included).
 * @param {number} output_tokens Output tokens of the workload.
 * @param {string} [tier] "standard" (default), "batch" or "flex".
 * @param {number} [cached_input_tokens] The part of input_tokens served from the prompt cache.
 * @return {Array<Array<string|number>>} A table: model, snapshot, cost in USD; header first.
 * @customfunction
 */
export function OPENAI_COMPARE(
  input_tokens: unknown,
  output_tokens: unknown,
  tier?: unknown,
  cached_input_tokens?: unknown,
): unknown[][] {
  return wrap(() => {
    const input = quantity(single('input_tokens', input_tokens), 'input_tokens');
    const output = quantity(single('output_tokens', output_tokens), 'output_tokens');
    const chosenTier = parseTier(single('tier', tier));
    const cached = quantity(
      single('cached_input_tokens', cached_input_tokens),
      'cached_input_tokens',
    );
    if (cached > input) {
      throw new PricingError(`cached input tokens (${cached}) exceed input tokens (${input})`);
    }
    const text = CATALOG.sections.find((s) => s.id === 'text') as TokenSection;
    const index = modelIndex();
    const rows: [string, string, number][] = [];
    for (const row of text.rows) {
      const model = index.text.get(row.model)!;
      if (!model.tiers[chosenTier]) continue;
      try {
        rows.push([
          row.model,
          row.snapshot ?? '',
          tokenCost(model, chosenTier, input, output, cached),
        ]);
      } catch {
        // a model that cannot serve this workload (e.g. no output price) is not a candidate
      }
    }
    rows.sort((a, b) => a[2] - b[2]);
    return [['model', 'snapshot', 'cost'], ...rows];
  });
}

/**
 * The date of the price snapshot the catalog was generated from (YYYY-MM-DD), for citing in a sheet.
 *
 * @param {any} [refresh_cell] Ignored: a cell that "Refresh prices" changes, so that Sheets recalculates this cell (a call without arguments is never recalculated).
 * @return {string} e.g. "2025-06-26".
 * @customfunction
 */
export function OPENAI_PRICES_AS_OF(refresh_cell?: unknown): string {
  void refresh_cell; // only there to make Sheets recalculate when it changes
  return CATALOG.asOf;
}
