// The dashboard export's column layouts (Usage page → Export, August 2026), as the import writes
// them, and how each column's cells are typed. Source: ../shared/sources/openai-usage-exports.

export type ExportKind = 'usage' | 'cost';

/** How a column's text becomes a cell: a number, TRUE/FALSE, or text kept as it is. */
export type ColumnType = 'number' | 'boolean' | 'text';

const TIME_COLUMNS = ['start_time', 'end_time', 'start_time_iso', 'end_time_iso'] as const;

/** completions_usage_<from>_<to>.csv, in its order */
export const USAGE_COLUMNS = [
  ...TIME_COLUMNS,
  'project_id',
  'num_model_requests',
  'user_id',
  'api_key_id',
  'model',
  'batch',
  'service_tier',
  'compute_units',
  'input_tokens',
  'output_tokens',
  'input_cached_tokens',
  'input_cache_write_tokens',
  'input_uncached_tokens',
  'input_text_tokens',
  'output_text_tokens',
  'input_cached_text_tokens',
  'input_audio_tokens',
  'input_cached_audio_tokens',
  'output_audio_tokens',
  'input_image_tokens',
  'input_cached_image_tokens',
  'output_image_tokens',
];

/** cost_<from>_<to>.csv, in its order (September 2026 appends api_source: kept as an extra) */
export const COST_COLUMNS = [
  ...TIME_COLUMNS,
  'amount_value',
  'amount_currency',
  'quantity',
  'quantity_unit',
  'line_item',
  'user_id',
  'api_key_id',
  'project_id',
  'organization_id',
  'project_name',
  'organization_name',
  'user_email',
];

export const COLUMNS: Record<ExportKind, string[]> = { usage: USAGE_COLUMNS, cost: COST_COLUMNS };

const NUMBER_COLUMNS = new Set([
  'start_time',
  'end_time',
  'num_model_requests',
  'compute_units',
  'amount_value',
  'quantity',
  ...USAGE_COLUMNS.filter((name) => name.endsWith('_tokens')),
]);

/** The type of a known column; unknown (extra) columns are typed cell by cell. */
export function columnType(name: string): ColumnType | null {
  if (NUMBER_COLUMNS.has(name)) return 'number';
  if (name === 'batch') return 'boolean';
  if (COLUMNS.usage.includes(name) || COLUMNS.cost.includes(name)) return 'text';
  return null;
}

/** Columns that only a usage export has, and only a cost export has: how a header is told apart. */
export const USAGE_ONLY = USAGE_COLUMNS.filter((name) => !COST_COLUMNS.includes(name));
export const COST_ONLY = COST_COLUMNS.filter((name) => !USAGE_COLUMNS.includes(name));
export { TIME_COLUMNS };
