// Usage-export custom functions: the cost of each row of an OpenAI usage export as it is, and that
// cost against OpenAI's cost export per UTC day. The JSDoc above each function is what the Sheets
// formula helper shows: the build copies it above the generated top-level wrapper.

import { MICROS_PER_MILLION_TOKENS } from '../../pricing/cost';
import { PricingError } from '../../pricing/errors';
import { findColumns, missingColumnsError, onlyTimeColumns } from '../../pricing/export-columns';
import { checkCurrency, Ledger, parseAmount, parseTolerance } from '../../pricing/reconcile';
import { shown } from '../../pricing/show';
import { isBlank } from '../cells';
import { type Deadline, startDeadline } from '../deadline';
import {
  BLANK,
  ExportDays,
  exportGrid,
  NOT_PRICED,
  PRICED,
  UsageExportReader,
} from '../export-rows';

/** Runs `body`, turning a PricingError into the plain Error whose message Sheets shows. */
function withPlainErrors<T>(body: () => T): T {
  try {
    return body();
  } catch (error) {
    if (error instanceof PricingError) throw new Error(error.message);
    throw error;
  }
}

/**
 * The cost in USD of each row of an OpenAI usage export (the dashboard's completions_usage CSV, or
 * Usage API results in its columns), header row included. Columns are found by name in any order:
 * model, input_tokens and output_tokens are required; start_time or start_time_iso (the prices of
 * that UTC day), num_model_requests, batch, service_tier, the cached, cache-write, audio and image
 * token columns are used when present.
 *
 * @param {Array<Array<string|number|boolean>>} usage_export The export's range with its header row, e.g. A1:Z (open-ended ranges work).
 * @return {Array<Array<string|number>>} One column: "cost_usd" (or "cost_usd: N rows not priced"), then a cost per row; blank for empty days, "not priced: <reason>" for a row that cannot be priced.
 * @customfunction
 */
export function OPENAI_USAGE_COST(usage_export: unknown): unknown[][] {
  return withPlainErrors(() => {
    const grid = exportGrid(usage_export, 'usage_export');
    const reader = new UsageExportReader(grid[0], 'usage_export');
    const out: unknown[][] = new Array(grid.length);
    let notPriced = 0;
    const deadline = startDeadline();
    for (let r = 1; r < grid.length; r++) {
      deadline.check(r);
      const status = reader.read(grid[r]);
      if (status === PRICED) out[r] = [reader.micros / MICROS_PER_MILLION_TOKENS];
      else if (status === BLANK) out[r] = [''];
      else {
        notPriced++;
        out[r] = [`not priced: ${reader.reason}`];
      }
    }
    out[0] = [
      notPriced === 0 ? 'cost_usd' : `cost_usd: ${notPriced} rows not priced`, // the spec's wording, also for 1
    ];
    return out;
  });
}

const COST_COLUMNS = ['start_time', 'start_time_iso', 'amount_value', 'amount_currency'] as const;

/** Adds each bill of the cost export to its UTC day. */
function addBills(ledger: Ledger, costExport: unknown, deadline: Deadline): void {
  const grid = exportGrid(costExport, 'cost_export');
  const header = grid[0];
  const columns = findColumns(header, COST_COLUMNS);
  if (columns.amount_value < 0 || (columns.start_time < 0 && columns.start_time_iso < 0)) {
    if (onlyTimeColumns(header)) return; // no costs in the range
    const missing = [
      ...(columns.start_time < 0 && columns.start_time_iso < 0 ? ['start_time'] : []),
      ...(columns.amount_value < 0 ? ['amount_value'] : []),
    ];
    throw missingColumnsError('cost_export', missing, header);
  }
  const days = new ExportDays(columns.start_time, columns.start_time_iso);
  deadline.startRange('cost_export');
  for (let r = 1; r < grid.length; r++) {
    deadline.check(r);
    const row = grid[r];
    const value = row[columns.amount_value];
    if (isBlank(value) || (typeof value === 'string' && value.trim() === '')) continue; // an empty day
    try {
      if (columns.amount_currency >= 0) checkCurrency(row[columns.amount_currency]);
      const amount =
        typeof value === 'number' || typeof value === 'string' ? parseAmount(value) : null;
      if (amount === null) {
        throw new PricingError(`amount_value is ${shown(value)}, not an amount in dollars`);
      }
      const day = days.day(row);
      if (day === null) throw new PricingError('the row has an amount but no start_time');
      ledger.bill(day, amount);
    } catch (error) {
      if (error instanceof PricingError) {
        throw new PricingError(`cost_export row ${r + 1}: ${error.message}`);
      }
      throw error;
    }
  }
}

/** Adds each usage row's computed cost (or its not being priced) to its UTC day. */
function addUsage(ledger: Ledger, usageExport: unknown, deadline: Deadline): void {
  const grid = exportGrid(usageExport, 'usage_export');
  const reader = new UsageExportReader(grid[0], 'usage_export');
  if (!reader.empty && !reader.days.dated) {
    throw new PricingError(
      'usage_export has no start_time or start_time_iso column: reconciling needs the day of each row',
    );
  }
  for (let r = 1; r < grid.length; r++) {
    deadline.check(r);
    const status = reader.read(grid[r]);
    if (status === BLANK) continue;
    if (reader.dayError) {
      throw new PricingError(`usage_export row ${r + 1}: ${reader.dayError.message}`);
    }
    if (reader.day === null) {
      throw new PricingError(`usage_export row ${r + 1} has usage but no start_time`);
    }
    if (status === NOT_PRICED) ledger.notPriced(reader.day);
    else ledger.usage(reader.day, reader.micros);
  }
}

/**
 * Reconciles an OpenAI usage export with OpenAI's cost export, per UTC day: the cost computed from
 * the usage (as OPENAI_USAGE_COST prices it) against the amounts billed.
 *
 * @param {Array<Array<string|number|boolean>>} usage_export The usage export's range with its header row (completions_usage CSV columns: start_time or start_time_iso, model, input_tokens, output_tokens, …).
 * @param {Array<Array<string|number>>} cost_export The cost export's range with its header row (cost CSV columns: start_time or start_time_iso, amount_value, amount_currency, …).
 * @param {number} [tolerance] The largest difference in USD still called a match; blank: 1% of the day's bill or $0.0001, whichever is larger.
 * @return {Array<Array<string|number>>} day, computed_usd, billed_usd, difference_usd (billed − computed), status; a row per UTC day, then the total.
 * @customfunction
 */
export function OPENAI_RECONCILE(
  usage_export: unknown,
  cost_export: unknown,
  tolerance?: unknown,
): unknown[][] {
  return withPlainErrors(() => {
    const allowed = parseTolerance(tolerance);
    const ledger = new Ledger();
    const deadline = startDeadline({ range: 'usage_export' });
    addUsage(ledger, usage_export, deadline);
    addBills(ledger, cost_export, deadline);
    return ledger.table(allowed);
  });
}
