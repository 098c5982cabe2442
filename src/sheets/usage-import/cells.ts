// One exported value as the cell the import writes: numbers as numbers ("31422.0" is 31422),
// "True"/"False" as booleans, everything else as the text it is. A cell is '' when blank.

import { columnType } from './columns';

export type Cell = string | number | boolean;

const NUMBER = /^[+-]?(?:\d+\.?\d*|\.\d+)(?:e[+-]?\d+)?$/i;
/** a number an unknown column may hold: no leading zero (an id such as "0012" stays text) */
const PLAIN_NUMBER = /^-?(?:0|[1-9]\d*)(?:\.\d+)?$/;

/** A CSV field (or a JSON string) in a column of that name. */
export function typedCell(text: string, column: string): Cell {
  const trimmed = text.trim();
  if (trimmed === '') return '';
  switch (columnType(column)) {
    case 'number':
      return NUMBER.test(trimmed) ? Number(trimmed) : text;
    case 'boolean':
      return booleanOf(trimmed) ?? text;
    case 'text':
      return text;
    default:
      // an unknown column: a plain number of up to 15 digits, a boolean, or text as it is
      if (PLAIN_NUMBER.test(trimmed) && trimmed.replace(/\D/g, '').length <= 15) {
        return Number(trimmed);
      }
      return booleanOf(trimmed) ?? text;
  }
}

function booleanOf(text: string): boolean | null {
  if (/^true$/i.test(text)) return true;
  if (/^false$/i.test(text)) return false;
  return null;
}

/** A JSON value in a column of that name. */
export function jsonCell(value: unknown, column: string): Cell {
  if (value === null || value === undefined) return '';
  if (typeof value === 'string') return typedCell(value, column);
  if (typeof value === 'number' || typeof value === 'boolean') {
    return columnType(column) === 'text' ? String(value) : value;
  }
  return JSON.stringify(value);
}

/** "2026-08-31T00:00:00+00:00": a bucket's Unix seconds as the dashboard writes them. */
export function isoFromSeconds(seconds: number): string {
  const date = new Date(seconds * 1000);
  if (!Number.isFinite(date.getTime())) return '';
  return date.toISOString().replace(/\.\d{3}Z$/, '+00:00');
}

/** Unix seconds of an ISO time; one without a zone is UTC (the dashboard drops "+00:00"). */
export function secondsFromIso(text: string): number | '' {
  const trimmed = text.trim();
  const timed = /^\d{4}-\d\d-\d\d$/.test(trimmed) ? `${trimmed}T00:00:00` : trimmed;
  const zoned = /(?:[zZ]|[+-]\d\d:?\d\d)$/.test(timed) ? timed : `${timed}Z`;
  const ms = /^\d{4}-\d\d-\d\d/.test(trimmed) ? Date.parse(zoned) : NaN;
  return Number.isFinite(ms) ? ms / 1000 : '';
}
