// OpenAI usage and cost exports as test data: the fixtures of test/fixtures/i15-functions read as
// Sheets would pass them, and an independent restatement of how an export row is billed (decimal.js
// on the catalog's own numbers, not through src/pricing).
import Decimal from 'decimal.js';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { D, rawCatalog, tokenCostRef, type AnyRow, type Prices } from './reference';

export const FIXTURES = resolve(__dirname, '../fixtures/i15-functions');
export const USAGE_CSV = 'completions_usage_2026-08-30_2026-09-02.csv';
export const COST_CSV = 'cost_2026-08-30_2026-09-02.csv';

/** RFC 4180 CSV: quoted fields may hold commas and doubled quotes. Cells as text. */
export function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let cell = '';
  let quoted = false;
  for (let k = 0; k < text.length; k++) {
    const ch = text[k];
    if (quoted) {
      if (ch === '"' && text[k + 1] === '"') {
        cell += '"';
        k++;
      } else if (ch === '"') quoted = false;
      else cell += ch;
    } else if (ch === '"') quoted = true;
    else if (ch === ',') {
      row.push(cell);
      cell = '';
    } else if (ch === '\n' || ch === '\r') {
      if (ch === '\r' && text[k + 1] === '\n') k++;
      row.push(cell);
      rows.push(row);
      row = [];
      cell = '';
    } else cell += ch;
  }
  if (cell !== '' || row.length > 0) rows.push([...row, cell]);
  return rows;
}

/** A fixture as pasted text: every cell a string, as in the CSV (the BOM kept). */
export function fixtureText(name: string): string[][] {
  return parseCsv(readFileSync(resolve(FIXTURES, name), 'utf8'));
}

/** What File → Import makes of the cells: numbers, TRUE/FALSE booleans; other text stays text. */
export function asImported(grid: unknown[][]): unknown[][] {
  return grid.map((row, r) =>
    row.map((cell) => {
      if (r === 0 || typeof cell !== 'string' || cell === '') return cell;
      if (/^-?\d+(\.\d+)?$/.test(cell)) return Number(cell);
      if (/^(true|false)$/i.test(cell)) return cell.toLowerCase() === 'true';
      return cell;
    }),
  );
}

/** The grid's columns in another order, with extra columns no export has. */
export function shuffledColumns(grid: unknown[][], seed = 7): unknown[][] {
  const width = grid[0].length;
  const order = Array.from({ length: width }, (_, k) => k);
  let state = seed;
  for (let k = width - 1; k > 0; k--) {
    state = (state * 1103515245 + 12345) % 2147483648;
    const j = state % (k + 1);
    [order[k], order[j]] = [order[j], order[k]];
  }
  return grid.map((row, r) => [
    r === 0 ? 'Notes' : 'looks like 1.0',
    ...order.map((k) =>
      r === 0 && typeof row[k] === 'string' ? (row[k] as string).toUpperCase() : row[k],
    ),
    r === 0 ? 'cost_center' : 42,
  ]);
}

/** A row of the usage export as an object by header name (BOM removed). */
export function rowObject(grid: unknown[][], r: number): Record<string, unknown> {
  const header = (grid[0] as string[]).map((h) => h.replace(/^\uFEFF/, '').toLowerCase());
  return Object.fromEntries(header.map((h, k) => [h, grid[r][k]]));
}

const catalog = rawCatalog();

/** The prices in force on `day` of the model's row in a section, with the flex table's tier. */
export function pricesOnDay(
  section: string,
  model: string,
  day: string,
): Record<string, Prices> | null {
  const inForce = (id: string) => {
    const row = catalog.sections
      .find((s) => s.id === id)!
      .rows.find(
        (r: AnyRow) =>
          r.model === model ||
          r.snapshot === model ||
          (r.aliases ?? []).includes(model) ||
          (r.datedSnapshots && model.replace(/-\d{4}-\d\d-\d\d$/, '') === r.model),
      );
    if (!row) return null;
    let tiers: Record<string, Prices> | null = null;
    for (const p of row.periods) if (p.from <= day) tiers = p.tiers;
    return tiers;
  };
  const tiers = inForce(section);
  if (!tiers) return null;
  return section === 'text' ? { ...tiers, ...(inForce('flex') ?? {}) } : tiers;
}

const n = (value: unknown) => (value === '' || value === undefined ? 0 : Number(value));

/**
 * The cost of an export row, restated: input = cached + cache-write + uncached; audio and image
 * tokens at their own prices (image input of a model without image prices as text input); the
 * rest of the input and output at the text prices of the day and tier, long context per average
 * request over all the row's input tokens. From 2026-07-15 input_audio_tokens excludes cached audio.
 */
export function usageRowRef(row: Record<string, unknown>, day: string): Decimal {
  const tier =
    row.batch === true || String(row.batch).toLowerCase() === 'true'
      ? 'batch'
      : ['flex', 'priority'].includes(String(row.service_tier))
        ? String(row.service_tier)
        : 'standard';
  const model = String(row.model);
  const input = n(row.input_tokens);
  const output = n(row.output_tokens);
  const cached = n(row.input_cached_tokens);
  const write = n(row.input_cache_write_tokens);
  const requests = row.num_model_requests === '' ? 1 : n(row.num_model_requests);
  const [audioIn, audioCached, audioOut] = [
    n(row.input_audio_tokens),
    n(row.input_cached_audio_tokens),
    n(row.output_audio_tokens),
  ];
  const [imageIn, imageCached, imageOut] = [
    n(row.input_image_tokens),
    n(row.input_cached_image_tokens),
    n(row.output_image_tokens),
  ];
  let total = D(0);
  let textIn = input - cached - write - audioIn - imageIn;
  let textCached = cached - audioCached - imageCached;
  const textOut = output - audioOut - imageOut;
  if (audioIn + audioCached + audioOut > 0) {
    const audio = pricesOnDay('audio', model, day)![tier];
    total = total.plus(tokenCostRef(audio, tier, audioIn + audioCached, audioOut, audioCached));
  }
  if (imageIn + imageCached + imageOut > 0) {
    const image = pricesOnDay('image_tokens', model, day);
    if (image) {
      total = total.plus(
        tokenCostRef(image[tier], tier, imageIn + imageCached, imageOut, imageCached),
      );
    } else {
      textIn += imageIn;
      textCached += imageCached;
    }
  }
  const text = pricesOnDay('text', model, day)![tier];
  // long context looks at all the row's input: scale `requests` so tokenCostRef's average is it
  const share = textIn + textCached + write;
  const perRequest = share === 0 ? 1 : (requests * share) / input;
  return total.plus(tokenCostRef(text, tier, share, textOut, textCached, write, perRequest));
}
