// The dashboard export's column layouts (Usage page → Export, August 2026), as the import writes
// them, and how each column's cells are typed. Source: ../shared/sources/openai-usage-exports.

import {
  DASHBOARD_COST_HEADER,
  DASHBOARD_USAGE_HEADER,
  TIME_COLUMNS,
} from '../../pricing/export-columns';

export type ExportKind = 'usage' | 'cost';

/** How a column's text becomes a cell: a number, TRUE/FALSE, or text kept as it is. */
export type ColumnType = 'number' | 'boolean' | 'text';

/** completions_usage_<from>_<to>.csv, in its order */
export const USAGE_COLUMNS: readonly string[] = DASHBOARD_USAGE_HEADER;

/** cost_<from>_<to>.csv, in its order (api_source, appended since September 2026, is kept as an extra) */
export const COST_COLUMNS: readonly string[] = DASHBOARD_COST_HEADER;

export const COLUMNS: Record<ExportKind, readonly string[]> = {
  usage: USAGE_COLUMNS,
  cost: COST_COLUMNS,
};

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
