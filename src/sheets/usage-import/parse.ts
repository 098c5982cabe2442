// What importUsageExport reads: the dashboard's usage or cost CSV, or the Usage / Costs API's JSON
// (a page, an array of pages, or an array of buckets), into one table in the dashboard CSV's
// layout. Everything that can be wrong with the text is an Error here, before any sheet is made.

import { quote, shown } from '../../pricing/show';
import { jsonCell, typedCell } from './cells';
import { COST_ONLY, TIME_COLUMNS, USAGE_ONLY, type ExportKind } from './columns';
import { parseCsv } from './csv';
import { TableBuilder, type ImportTable } from './table';

export const EXPECTED =
  'an OpenAI usage or cost export: the dashboard CSV (completions_usage_*.csv with model, ' +
  'input_tokens, output_tokens, …; or cost_*.csv with amount_value, amount_currency, …) or the ' +
  'Usage / Costs API JSON (a page {"object": "page", "data": [buckets]}, an array of pages or an ' +
  'array of buckets)';

function notAnExport(looks: string): Error {
  return new Error(`Nothing was imported: expected ${EXPECTED}; got ${looks}.`);
}

/** The table in the text, or an Error that says what was expected and what the text looks like. */
export function parseExport(text: unknown): ImportTable {
  if (typeof text !== 'string') throw notAnExport(`${shown(text)}, not text`);
  const body = text.replace(/^\uFEFF/, '');
  if (body.trim() === '') throw notAnExport('empty text');
  // JSON as saved from the docs may open with // comment lines (no JSON string spans lines)
  const json = body.replace(/^[ \t]*\/\/.*$/gm, '').trim();
  const table =
    json.startsWith('{') || json.startsWith('[') ? parseJsonExport(json) : parseCsvExport(body);
  if (table.kind === 'usage') warnUnpriceable(table);
  return table;
}

/** Rows with tokens but no model (an API query without group_by=model) cannot be priced. */
function warnUnpriceable(table: ImportTable): void {
  const [model, input, output] = ['model', 'input_tokens', 'output_tokens'].map((name) =>
    table.header.indexOf(name),
  );
  const count = table.rows.filter(
    (row) => row[model] === '' && (row[input] !== '' || row[output] !== ''),
  ).length;
  if (count > 0) {
    table.warnings.push(
      `${count} row${count === 1 ? ' has' : 's have'} tokens but no model (a Usage API query without group_by=model): they cannot be priced`,
    );
  }
}

// --- CSV -----------------------------------------------------------------------------------------

const list = (names: string[], max = 6) =>
  names.length > max
    ? `${names.slice(0, max).join(', ')}, … (${names.length} columns)`
    : names.join(', ');

function csvKind(names: string[]): ExportKind {
  const lower = names.map((n) => n.trim().toLowerCase());
  const usage = lower.filter((n) => USAGE_ONLY.includes(n));
  const cost = lower.filter((n) => COST_ONLY.includes(n));
  if (usage.length > 0 && cost.length > 0) {
    throw new Error(
      `Nothing was imported: the header has usage columns (${list(usage, 3)}) and cost columns (${list(cost, 3)}): import the usage export and the cost export one at a time.`,
    );
  }
  if (usage.length > 0) return 'usage';
  if (cost.length > 0) return 'cost';
  // a usage export of a range without usage: only the four time columns, one row per empty day
  const times = lower.filter((n) => (TIME_COLUMNS as readonly string[]).includes(n));
  if (times.length > 0 && times.length === lower.filter((n) => n !== '').length) return 'usage';
  if (names.length === 1) throw notAnExport(`text whose first line is ${quote(names[0])}`);
  throw notAnExport(`a CSV whose header is ${quote(list(names))}`);
}

function parseCsvExport(text: string): ImportTable {
  let records: string[][];
  try {
    records = parseCsv(text);
  } catch (error) {
    throw notAnExport(`text that is not readable as CSV (${(error as Error).message})`);
  }
  const names = records[0];
  const table = new TableBuilder(csvKind(names));
  const columns = names.map((name) => table.columnOf(name, true));
  for (let r = 1; r < records.length; r++) {
    const record = records[r];
    const row = table.addRow();
    for (let j = 0; j < record.length; j++) {
      // a field past the header's last column is kept, in a column of its own
      while (j >= columns.length) columns.push(table.columnOf('', true));
      const column = columns[j];
      row[column] = typedCell(record[j], table.typeName(column));
    }
  }
  return table.finish();
}

// --- JSON ----------------------------------------------------------------------------------------

type Json = Record<string, unknown>;

const isObject = (value: unknown): value is Json =>
  typeof value === 'object' && value !== null && !Array.isArray(value);
const isPage = (value: unknown): value is Json & { data: unknown[] } =>
  isObject(value) &&
  Array.isArray(value.data) &&
  (value.object === 'page' || (value.data.length > 0 && value.data.every(isBucket)));
const isBucket = (value: unknown): value is Json & { results: unknown[] } =>
  isObject(value) && Array.isArray(value.results);
const isResult = (value: unknown) =>
  isObject(value) && ('amount' in value || 'input_tokens' in value || 'output_tokens' in value);

/** "an object with the keys a, b, c", "an array of 3 numbers": what a JSON value is. */
function describeJson(value: unknown): string {
  if (Array.isArray(value)) {
    if (value.length === 0) return 'JSON: an empty array';
    const kinds = [
      ...new Set(
        value.map((v) => (isObject(v) ? 'object' : Array.isArray(v) ? 'array' : typeof v)),
      ),
    ];
    const what = isObject(value[0])
      ? ` (the first with the keys ${list(Object.keys(value[0]))})`
      : '';
    return `JSON: an array of ${value.length} ${kinds.join(' and ')} value${value.length === 1 ? '' : 's'}${what}`;
  }
  if (isObject(value))
    return `JSON: an object with the keys ${list(Object.keys(value)) || '(none)'}`;
  return `JSON: ${shown(value)}`;
}

function bucketsOf(value: unknown): { buckets: Json[]; pages: Json[] } {
  if (isObject(value) && isObject(value.error)) {
    const message = typeof value.error.message === 'string' ? value.error.message : '';
    throw new Error(
      `Nothing was imported: this is an API error response${message ? ` (${quote(message)})` : ''}, not ${EXPECTED}.`,
    );
  }
  const check = (buckets: unknown[], pages: Json[]) => {
    const bad = buckets.findIndex((b) => !isBucket(b));
    if (bad >= 0) {
      throw notAnExport(
        `${describeJson(value)} whose bucket ${bad + 1} is not a bucket {"start_time", "end_time", "results": [...]}`,
      );
    }
    return { buckets: buckets as Json[], pages };
  };
  if (isResult(value)) {
    throw notAnExport(
      `${describeJson(value)}: one result without its bucket, which holds the day (start_time, end_time); paste the whole page`,
    );
  }
  if (isPage(value)) return check(value.data, [value]);
  if (isBucket(value)) return { buckets: [value], pages: [] };
  if (Array.isArray(value) && value.length > 0) {
    if (value.every(isPage))
      return check(
        value.flatMap((page) => (page as Json & { data: unknown[] }).data),
        value as Json[],
      );
    if (value.every(isBucket)) return { buckets: value as Json[], pages: [] };
    if (value.some(isResult)) {
      throw notAnExport(
        `${describeJson(value)}: results without their buckets, which hold the days (start_time, end_time); paste the whole page`,
      );
    }
  }
  throw notAnExport(describeJson(value));
}

const ENDPOINTS: Record<ExportKind, string> = {
  usage: 'organization.usage.completions.result',
  cost: 'organization.costs.result',
};

function resultKind(result: unknown, where: string): ExportKind {
  if (!isObject(result))
    throw notAnExport(`JSON whose ${where} is ${shown(result)}, not a result object`);
  const object = typeof result.object === 'string' ? result.object : '';
  if (object === ENDPOINTS.cost) return 'cost';
  if (object === ENDPOINTS.usage) return 'usage';
  if (object.startsWith('organization.usage.')) {
    throw new Error(
      `Nothing was imported: these are Usage API results of another kind (${quote(object)}); the import takes completions usage (/v1/organization/usage/completions) or costs (/v1/organization/costs).`,
    );
  }
  if ('amount' in result) return 'cost';
  if ('input_tokens' in result || 'output_tokens' in result) return 'usage';
  throw notAnExport(
    `JSON whose ${where} has the keys ${quote(list(Object.keys(result)))}, neither usage (input_tokens, output_tokens) nor cost (amount)`,
  );
}

function parseJsonExport(text: string): ImportTable {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (error) {
    throw notAnExport(
      `text that starts like JSON but is not valid JSON (${(error as Error).message})`,
    );
  }
  const { buckets, pages } = bucketsOf(value);
  if (buckets.length === 0)
    throw notAnExport(`${describeJson(value)}: a page without buckets, nothing to import`);
  let kind: ExportKind | null = null;
  buckets.forEach((bucket, b) =>
    (bucket.results as unknown[]).forEach((result, r) => {
      const found = resultKind(result, `bucket ${b + 1}'s result ${r + 1}`);
      if (kind && found !== kind) {
        throw new Error(
          'Nothing was imported: the JSON holds both usage results and cost results: import them one at a time.',
        );
      }
      kind = found;
    }),
  );
  // no result at all (every bucket empty): a usage export of a range without usage
  const table = new TableBuilder(kind ?? 'usage');
  const start = table.columnOf('start_time');
  const end = table.columnOf('end_time');
  for (const bucket of buckets) {
    const results = bucket.results as Json[];
    // an empty bucket is an empty day, as the dashboard CSV writes one
    for (const result of results.length > 0 ? results : [null]) {
      const fields: [string, unknown][] = [];
      for (const [key, field] of Object.entries(result ?? {})) {
        if (key === 'object') continue; // the result type, the same on every row
        if (key === 'amount' && isObject(field)) {
          for (const [part, v] of Object.entries(field)) fields.push([`amount_${part}`, v]);
        } else fields.push([key === 'amount' ? 'amount_value' : key, field]);
      }
      const columns = fields.map(([key]) => table.columnOf(key));
      const row = table.addRow();
      fields.forEach(
        ([, field], k) => (row[columns[k]] = jsonCell(field, table.typeName(columns[k]))),
      );
      row[start] = jsonCell(bucket.start_time, 'start_time');
      row[end] = jsonCell(bucket.end_time, 'end_time');
    }
  }
  const last = pages[pages.length - 1];
  if (last && last.has_more === true) {
    table.warnings.push(
      'The API response says has_more: true: the pages after it are missing here (fetch them with next_page and import them together)',
    );
  }
  return table.finish();
}
