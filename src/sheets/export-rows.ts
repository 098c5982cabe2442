// Reading OpenAI's exports as Sheets passes them (a 2D range, header row first): the range check,
// each row's UTC day, and a usage row's model, tier, token counts and cost. The rules themselves
// live in src/pricing (export-columns.ts, usage-export.ts); this file turns cells into their inputs.

import type { TierId } from '../pricing/catalog';
import { dayOf, type Day } from '../pricing/dates';
import { PricingError } from '../pricing/errors';
import {
  exportTier,
  findColumns,
  isoTimeDay,
  missingColumnsError,
  onlyTimeColumns,
  parseBatch,
  parseServiceTier,
  unixSecondsDay,
} from '../pricing/export-columns';
import { shown } from '../pricing/show';
import {
  USAGE_COST_COLUMNS,
  USAGE_REQUIRED,
  USAGE_TOKEN_COLUMNS,
  noTokens,
  UsageRowPricer,
  type ExportTokens,
  type NotPriced,
  type UsageColumn,
} from '../pricing/usage-export';
import { isBlank, isDate, quantity, requiredText } from './cells';
import { calendarDate, timeZoneReader } from './dates';
import { remembering } from './memo';

/** The export argument as rows of cells; an error when it is a single value. */
export function exportGrid(value: unknown, name: string): unknown[][] {
  if (!Array.isArray(value) || value.length === 0) {
    throw new PricingError(
      `${name} must be the export's range with its header row, e.g. A1:Z (got ${shown(value)})`,
    );
  }
  // a flat list (a script caller) is one row
  return Array.isArray(value[0]) ? (value as unknown[][]) : [value];
}

/** A reader of the UTC day of each row from start_time (Unix seconds) or start_time_iso. */
export class ExportDays {
  private readonly timeZone = timeZoneReader();
  /** text and date cells repeat (one per day): each is read once */
  private readonly startTimeDay = remembering((value) => this.read(value, 'start_time'));
  private readonly isoDay = remembering((value) => this.read(value, 'start_time_iso'));

  constructor(
    private readonly startTime: number,
    private readonly startTimeIso: number,
  ) {}

  get dated(): boolean {
    return this.startTime >= 0 || this.startTimeIso >= 0;
  }

  /** The row's day; null when it has neither time (current prices). */
  day(row: unknown[]): Day | null {
    if (this.startTime >= 0) {
      const value = row[this.startTime];
      if (typeof value === 'number') return unixSecondsDay(value, 'start_time');
      if (!isBlank(value)) return this.startTimeDay(value);
    }
    if (this.startTimeIso >= 0) {
      const value = row[this.startTimeIso];
      if (!isBlank(value)) return this.isoDay(value);
    }
    return null;
  }

  private read(value: unknown, name: string): Day {
    if (isDate(value)) {
      // Sheets made a date of the ISO text: the day the sheet shows
      const [year, month, date] = calendarDate(value, this.timeZone, name);
      return dayOf(year, month - 1, date);
    }
    if (typeof value === 'string') {
      const text = value.trim();
      if (name === 'start_time' && /^\d+(\.\d*)?$/.test(text)) {
        return unixSecondsDay(Number(text), name);
      }
      const day = isoTimeDay(text);
      if (day !== null) return day;
    }
    const expected =
      name === 'start_time'
        ? 'Unix seconds like 1756684800'
        : 'an ISO time like "2026-09-01T00:00:00+00:00"';
    throw new PricingError(`${name} is ${shown(value)}, not ${expected}`);
  }
}

export const BLANK = 0;
export const PRICED = 1;
export const NOT_PRICED = 2;

/**
 * Reads and prices the rows of a usage export. `read(row)` says BLANK, PRICED (see `micros`) or
 * NOT_PRICED (see `reason`), and leaves the row's day in `day` (for reconciling).
 */
export class UsageExportReader {
  private readonly columns: Record<UsageColumn, number>;
  private readonly tokenColumns: number[];
  /** an export of a range with no usage: only the time columns */
  readonly empty: boolean;
  readonly days: ExportDays;
  private readonly pricer = new UsageRowPricer();
  private readonly batchOf = remembering(parseBatch);
  private readonly serviceTierOf = remembering(parseServiceTier);
  private readonly tokens: ExportTokens = noTokens();
  /** the last row's cost in pico-dollars (USD × 1e12), when PRICED */
  micros = 0;
  /** why the last row is not priced, when NOT_PRICED (worded on first read: reconciling only counts) */
  private problem: NotPriced = '';
  /** the last row's UTC day (null: no time columns), when not BLANK */
  day: Day | null = null;
  /** the last row's unreadable time, when NOT_PRICED for it */
  dayError: PricingError | null = null;

  constructor(header: readonly unknown[], argument: string) {
    this.columns = findColumns(header, USAGE_COST_COLUMNS);
    const missing = USAGE_REQUIRED.filter((c) => this.columns[c] < 0);
    this.empty = missing.length > 0 && onlyTimeColumns(header);
    if (missing.length > 0 && !this.empty) throw missingColumnsError(argument, missing, header);
    this.tokenColumns = USAGE_TOKEN_COLUMNS.map((c) => this.columns[c]).filter((k) => k >= 0);
    this.days = new ExportDays(this.columns.start_time, this.columns.start_time_iso);
  }

  private count(row: unknown[], column: UsageColumn, blank = 0): number {
    const k = this.columns[column];
    if (k < 0) return blank;
    const value = row[k];
    if (typeof value === 'number' && value >= 0 && value !== Infinity) return value;
    return quantity(value, column, blank);
  }

  /** No model and no tokens (blank or 0): an empty day's row, or a blank row. */
  private isBlankRow(row: unknown[]): boolean {
    if (!isBlank(row[this.columns.model])) return false;
    for (const k of this.tokenColumns) {
      const value = row[k];
      if (!isBlank(value) && value !== 0 && !(typeof value === 'string' && Number(value) === 0))
        return false;
    }
    return true;
  }

  read(row: unknown[]): number {
    if (this.empty || this.isBlankRow(row)) return BLANK;
    this.day = null;
    this.dayError = null;
    try {
      try {
        this.day = this.days.day(row);
      } catch (error) {
        if (error instanceof PricingError) this.dayError = error;
        throw error;
      }
      const modelCell = row[this.columns.model];
      if (isBlank(modelCell) || (typeof modelCell === 'string' && modelCell.trim() === '')) {
        throw new PricingError(
          'the row has tokens but no model (an export not grouped by model cannot be priced: export it grouped by model)',
        );
      }
      const model = requiredText(modelCell, 'model');
      const t = this.tokens;
      t.input = this.count(row, 'input_tokens');
      t.output = this.count(row, 'output_tokens');
      t.cached = this.count(row, 'input_cached_tokens');
      t.cacheWrite = this.count(row, 'input_cache_write_tokens');
      t.requests = this.count(row, 'num_model_requests', NaN);
      t.textInput = this.count(row, 'input_text_tokens', NaN);
      t.audioInput = this.count(row, 'input_audio_tokens');
      t.cachedAudio = this.count(row, 'input_cached_audio_tokens');
      t.audioOutput = this.count(row, 'output_audio_tokens');
      t.imageInput = this.count(row, 'input_image_tokens');
      t.cachedImage = this.count(row, 'input_cached_image_tokens');
      t.imageOutput = this.count(row, 'output_image_tokens');
      this.micros = this.pricer.micros(model, this.day, this.tier(row), t);
      if (this.micros === this.micros) return PRICED;
      this.problem = this.pricer.problem;
      return NOT_PRICED;
    } catch (error) {
      if (!(error instanceof PricingError)) throw error;
      this.problem = error;
      return NOT_PRICED;
    }
  }

  get reason(): string {
    return typeof this.problem === 'string' ? this.problem : this.problem.message;
  }

  private tier(row: unknown[]): TierId {
    const batch = this.columns.batch >= 0 && this.batchOf(row[this.columns.batch]);
    const serviceTier =
      this.columns.service_tier >= 0
        ? this.serviceTierOf(row[this.columns.service_tier])
        : 'standard';
    return exportTier(batch, serviceTier);
  }
}
