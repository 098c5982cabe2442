// The cells of OpenAI's exports as they arrive (dashboard CSVs pasted or imported, Usage/Costs API
// results in the same columns): columns found by header name, the UTC day of a bucket, the batch
// flag and the service tier. Pure: the Date cells Sheets makes of ISO text are read in src/sheets.

import type { TierId } from './catalog';
import { dayOf, type Day } from './dates';
import { PricingError } from './errors';
import { cut, quote, shown } from './show';

/** The four time columns every export row has, also an empty day's. */
export const TIME_COLUMNS = ['start_time', 'end_time', 'start_time_iso', 'end_time_iso'] as const;

/** The dashboard's completions_usage_<from>_<to>.csv header (August 2026), in its order. */
export const DASHBOARD_USAGE_HEADER = [
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
] as const;

/** The dashboard's cost_<from>_<to>.csv header (August 2026; September 2026 appends api_source). */
export const DASHBOARD_COST_HEADER = [
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
] as const;

/** A header cell as a column key: BOM, case, surrounding spaces and inner spaces don't matter. */
export function headerKey(cell: unknown): string {
  if (typeof cell !== 'string') return '';
  return cell
    .replace(/\uFEFF/g, '')
    .trim()
    .toLowerCase()
    .replace(/\s+/g, '_');
}

/** Where each named column is (-1: absent); the first of two same-named columns wins. */
export function findColumns<K extends string>(
  header: readonly unknown[],
  names: readonly K[],
): Record<K, number> {
  const found = {} as Record<K, number>;
  for (const name of names) found[name] = -1;
  header.forEach((cell, k) => {
    const key = headerKey(cell) as K;
    if (found[key] === -1) found[key] = k;
  });
  return found;
}

/** True when the header names time columns only: an export of a range with no usage or costs. */
export function onlyTimeColumns(header: readonly unknown[]): boolean {
  const keys = header.map(headerKey).filter((key) => key !== '');
  return keys.length > 0 && keys.every((key) => (TIME_COLUMNS as readonly string[]).includes(key));
}

/** The error for an export whose header lacks columns: what is missing and what the header has. */
export function missingColumnsError(
  argument: string,
  missing: string[],
  header: readonly unknown[],
): PricingError {
  // as the cells read (a data row given as the header shows its values)
  const named = header
    .map((cell) =>
      cut(
        String(cell ?? '')
          .replace(/\uFEFF/g, '')
          .trim(),
      ),
    )
    .filter((k) => k !== '');
  const has =
    named.length > 0
      ? `its first row has ${named.slice(0, 12).join(', ')}${named.length > 12 ? ', …' : ''}`
      : 'its first row is blank';
  return new PricingError(
    `${argument} has no ${missing.join(', ')} column: give the export with its header row (${has})`,
  );
}

const SECONDS_PER_DAY = 86_400;
/** Unix seconds beyond year 5000 are not seconds (a millisecond timestamp, most likely). */
const MAX_UNIX_SECONDS = 95_617_584_000;

/** The UTC day of a Unix time in seconds (a partial bucket's start lies inside its day). */
export function unixSecondsDay(seconds: number, name: string): Day {
  if (!Number.isFinite(seconds) || seconds < 0) {
    throw new PricingError(`${name} is ${shown(seconds)}, not a Unix time in seconds`);
  }
  if (seconds > MAX_UNIX_SECONDS) {
    throw new PricingError(
      `${name} is ${shown(seconds)}: a Unix time in milliseconds? ${name} is in seconds`,
    );
  }
  return Math.floor(seconds / SECONDS_PER_DAY);
}

const ISO_INSTANT =
  /^(\d{4})-(\d\d)-(\d\d)(?:[T ](\d\d):(\d\d)(?::(\d\d)(?:\.\d+)?)?)?\s*(Z|[+-]\d\d:?\d\d)?$/i;

/**
 * The UTC day of an ISO time as the exports write it: "2026-08-31T00:00:00+00:00", also without
 * the offset ("2026-08-31T00:00:00": the exports' times are UTC), or a plain "2026-08-31". A time
 * with another offset is moved to UTC first. Null: not an ISO time.
 */
export function isoTimeDay(text: string): Day | null {
  const m = ISO_INSTANT.exec(text.trim());
  if (!m) return null;
  const [year, month, date] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const day = dayOf(year, month - 1, date);
  const back = new Date(day * SECONDS_PER_DAY * 1000);
  if (back.getUTCMonth() !== month - 1 || back.getUTCDate() !== date) return null; // 2026-02-30
  const offset = m[7];
  if (!offset || /^(z|[+-]00:?00)$/i.test(offset)) return day;
  const sign = offset[0] === '-' ? -1 : 1;
  const digits = offset.slice(1).replace(':', '');
  const offsetMinutes = sign * (Number(digits.slice(0, 2)) * 60 + Number(digits.slice(2)));
  const minutes = Number(m[4] ?? 0) * 60 + Number(m[5] ?? 0) - offsetMinutes;
  return day + Math.floor(minutes / (24 * 60));
}

/**
 * A `batch` cell: TRUE/FALSE, "True"/"False" as the dashboard CSV writes them; blank = not batch.
 */
export function parseBatch(value: unknown): boolean {
  if (typeof value === 'boolean') return value;
  if (value === '' || value === null || value === undefined) return false;
  if (typeof value === 'string') {
    const key = value.trim().toLowerCase();
    if (key === 'true') return true;
    if (key === 'false' || key === '') return false;
  }
  throw new PricingError(`batch is ${shown(value)}, not TRUE or FALSE`);
}

/**
 * A `service_tier` cell: default, auto or blank → standard; flex; priority. Any other value (scale,
 * say) has no price in the catalog: an error naming it.
 */
export function parseServiceTier(value: unknown): TierId {
  if (value === '' || value === null || value === undefined) return 'standard';
  if (typeof value === 'string') {
    const key = value.trim().toLowerCase();
    if (key === '' || key === 'default' || key === 'auto') return 'standard';
    if (key === 'flex' || key === 'priority') return key;
    throw new PricingError(
      `unknown service_tier ${quote(value.trim())} (priced: default, auto, flex, priority)`,
    );
  }
  throw new PricingError(`service_tier is ${shown(value)}, not a tier name`);
}

/** The tier of a row from its batch flag and service tier. */
export function exportTier(batch: boolean, serviceTier: TierId): TierId {
  if (!batch) return serviceTier;
  if (serviceTier !== 'standard') {
    throw new PricingError(
      `batch is TRUE but service_tier is "${serviceTier}": a Batch API row has no ${serviceTier} price`,
    );
  }
  return 'batch';
}
