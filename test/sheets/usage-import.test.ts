// The usage-export import's reading (src/sheets/usage-import: csv, parse, table, cells) and layout,
// on fixtures built from the formats of ../shared/sources/openai-usage-exports: Usage and Costs API
// responses in the shape of OpenAI's examples (our own values, test/fixtures/i15-import/api), the dashboard CSVs with their quirks (empty days,
// floats as text, a BOM, shuffled and extra columns, quoted line items, older headers, a header
// alone), API JSON as pages, arrays of pages and of buckets, partial buckets, amounts as strings.
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { COST_COLUMNS, USAGE_COLUMNS } from '../../src/sheets/usage-import/columns';
import { parseCsv } from '../../src/sheets/usage-import/csv';
import { importLayout, summaryFormula } from '../../src/sheets/usage-import/layout';
import { parseExport } from '../../src/sheets/usage-import/parse';

const FIXTURES = resolve(__dirname, '../fixtures/i15-import');
const fixture = (name: string) => readFileSync(resolve(FIXTURES, name), 'utf8');
const example = (name: string) => readFileSync(resolve(FIXTURES, 'api', name), 'utf8');

const USAGE_HEADER = USAGE_COLUMNS.join(',');
const COST_HEADER = COST_COLUMNS.join(',');
/** a row as an object: the header's names → the cells */
const rowOf = (table: ReturnType<typeof parseExport>, k: number) =>
  Object.fromEntries(table.header.map((name, c) => [name, table.rows[k][c]]));

describe('CSV', () => {
  test('quoted fields: commas, doubled quotes, line breaks; CRLF, CR, blank lines', () => {
    expect(parseCsv('a,b\r\n"x, y","say ""hi"""\r\n\r\n"two\nlines",\rlast,"" \n')).toEqual([
      ['a', 'b'],
      ['x, y', 'say "hi"'],
      ['two\nlines', ''],
      ['last', ' '],
    ]);
    expect(parseCsv('a,b')).toEqual([['a', 'b']]);
    expect(parseCsv(',\n')).toEqual([['', '']]);
  });

  test('a quote never closed names its line', () => {
    expect(() => parseCsv('a,b\n1,2\n3,"open\nmore')).toThrow(
      'line 3: a quoted field is never closed',
    );
  });
});

describe("Usage and Costs API responses (the shapes of OpenAI's examples)", () => {
  test('a completions usage page: one row, the bucket times and their ISO form', () => {
    const table = parseExport(example('usage_completions_page.json'));
    expect(table.kind).toBe('usage');
    expect(table.header).toEqual(USAGE_COLUMNS);
    expect(table.rows).toHaveLength(1);
    expect(rowOf(table, 0)).toMatchObject({
      start_time: 1788134400,
      end_time: 1788220800,
      start_time_iso: '2026-08-31T00:00:00+00:00',
      end_time_iso: '2026-09-01T00:00:00+00:00',
      num_model_requests: 7,
      input_tokens: 2400,
      input_cached_tokens: 900,
      input_cache_write_tokens: 300,
      output_image_tokens: 30,
      model: '',
      batch: '',
      service_tier: '',
    });
    // has_more: true, and results without a model: both said on the sheet
    expect(table.warnings).toEqual([
      expect.stringMatching(/^The API response says has_more: true/),
      '1 row has tokens but no model (a Usage API query without group_by=model): they cannot be priced',
    ]);
  });

  test('a costs page: amount.value and amount.currency in the cost layout', () => {
    const table = parseExport(example('costs_page.json'));
    expect(table.kind).toBe('cost');
    expect(table.header).toEqual(COST_COLUMNS);
    expect(rowOf(table, 0)).toMatchObject({
      start_time: 1788134400,
      amount_value: 0.42,
      amount_currency: 'usd',
      line_item: '',
    });
  });

  test.each([
    ['usage_images_page.json', 'organization.usage.images.result'],
    ['usage_embeddings_page.json', 'organization.usage.embeddings.result'],
    ['usage_vector_stores_page.json', 'organization.usage.vector_stores.result'],
  ])('%s: another endpoint, named in the error', (file, object) => {
    expect(() => parseExport(example(file))).toThrow(
      `Nothing was imported: these are Usage API results of another kind ("${object}"); the import takes completions usage (/v1/organization/usage/completions) or costs (/v1/organization/costs).`,
    );
  });

  test('a single result (the schema examples) is not a page: the error says what is missing', () => {
    for (const file of ['usage_completions_result.json', 'costs_result.json']) {
      expect(() => parseExport(example(file))).toThrow(
        /one result without its bucket, which holds the day \(start_time, end_time\); paste the whole page\.$/,
      );
    }
  });
});

describe('dashboard CSV', () => {
  const usage = parseExport(fixture('completions_usage_2026-08-30_2026-09-02.csv'));

  test('usage: the layout, an empty day, floats as numbers, booleans, ISO text kept', () => {
    expect(usage.kind).toBe('usage');
    expect(usage.header).toEqual(USAGE_COLUMNS);
    expect(usage.rows).toHaveLength(5);
    // the empty day: the four time columns, nothing else
    expect(usage.rows[0].slice(0, 4)).toEqual([
      1788048000,
      1788134400,
      '2026-08-30T00:00:00+00:00',
      '2026-08-31T00:00:00+00:00',
    ]);
    expect(usage.rows[0].slice(4).every((cell) => cell === '')).toBe(true);
    expect(rowOf(usage, 1)).toMatchObject({
      start_time_iso: '2026-08-31T00:00:00', // as exported: without +00:00
      num_model_requests: 4,
      model: 'gpt-5-nano-2025-08-07',
      batch: false,
      service_tier: 'default',
      compute_units: '',
      input_tokens: 31422,
      input_cached_tokens: 20000,
    });
    expect(rowOf(usage, 2).batch).toBe(true);
    expect(usage.warnings).toEqual([]);
  });

  test('a BOM, shuffled columns, an unknown column and a field past the header are kept', () => {
    const text =
      '\uFEFFModel,output_tokens,api_source,input_tokens,start_time,team_code\n' +
      'gpt-4o,12.0,"dashboard, v2",100.0,1788134400.0,0012,surplus\n' +
      'gpt-4o,1,x,2,1788134400,7\n';
    const table = parseExport(text);
    expect(table.kind).toBe('usage');
    expect(table.header).toEqual([...USAGE_COLUMNS, 'api_source', 'team_code', 'column_29']);
    expect(rowOf(table, 0)).toMatchObject({
      model: 'gpt-4o',
      output_tokens: 12,
      input_tokens: 100,
      start_time: 1788134400,
      start_time_iso: '2026-08-31T00:00:00+00:00', // derived from start_time
      api_source: 'dashboard, v2',
      team_code: '0012', // an id with a leading zero stays text
      column_29: 'surplus',
    });
    expect(rowOf(table, 1)).toMatchObject({ team_code: 7, column_29: '' });
  });

  test('an older export without compute_units and input_cache_write_tokens', () => {
    const old = USAGE_COLUMNS.filter(
      (c) => c !== 'compute_units' && c !== 'input_cache_write_tokens',
    );
    const values = old.map((name) =>
      name === 'model'
        ? 'gpt-4.1-mini'
        : name.endsWith('_iso')
          ? '2025-09-14T00:00:00+00:00'
          : name === 'batch'
            ? 'False'
            : name === 'service_tier'
              ? 'default'
              : name.includes('_id')
                ? 'id'
                : '3.0',
    );
    const table = parseExport(`${old.join(',')}\n${values.join(',')}\n`);
    expect(table.header).toEqual(USAGE_COLUMNS);
    expect(rowOf(table, 0)).toMatchObject({
      compute_units: '',
      input_cache_write_tokens: '',
      input_tokens: 3,
      output_image_tokens: 3,
      model: 'gpt-4.1-mini',
      batch: false,
    });
  });

  test('a header alone is a table without rows; the four time columns alone are usage', () => {
    expect(parseExport(`${USAGE_HEADER}\n`)).toMatchObject({ kind: 'usage', rows: [] });
    expect(parseExport(COST_HEADER)).toMatchObject({ kind: 'cost', rows: [] });
    const empty = parseExport(
      'start_time,end_time,start_time_iso,end_time_iso\n1788048000,1788134400,2026-08-30T00:00:00+00:00,2026-08-31T00:00:00+00:00\n',
    );
    expect(empty.kind).toBe('usage');
    expect(empty.rows).toHaveLength(1);
  });

  test('cost: quoted line items with commas, money as exact decimals, api_source kept', () => {
    const table = parseExport(
      `${COST_HEADER},api_source\n` +
        '1788134400,1788220800,2026-08-31T00:00:00+00:00,2026-09-01T00:00:00+00:00,0.003400000000000000000000000000000000,usd,1000.0,tokens,"gpt-5-nano, input",,,proj_1,org_1,"Acme, Inc.",Acme,,api\n' +
        '1788134400,1788220800,2026-08-31T00:00:00+00:00,2026-09-01T00:00:00+00:00,0.00012073404268330895,usd,,,"priority | gpt-5.6-sol, output, long context",,,,,,,,\n',
    );
    expect(table.kind).toBe('cost');
    expect(table.header).toEqual([...COST_COLUMNS, 'api_source']);
    expect(rowOf(table, 0)).toMatchObject({
      amount_value: 0.0034,
      quantity: 1000,
      line_item: 'gpt-5-nano, input',
      project_name: 'Acme, Inc.',
      api_source: 'api',
    });
    // the nearest double: every digit a cell can hold, the same number JSON or Sheets would make
    expect(rowOf(table, 1).amount_value).toBe(0.00012073404268330895);
    expect(rowOf(table, 1).line_item).toBe('priority | gpt-5.6-sol, output, long context');
  });

  test('the ISO time derived from start_time, and start_time from an ISO time without a zone', () => {
    const table = parseExport(
      'start_time_iso,model,input_tokens,output_tokens\n2026-08-31T00:00:00,gpt-4o,1,1\n2026-09-01,gpt-4o,1,1\n',
    );
    expect(table.rows.map((row) => row.slice(0, 3))).toEqual([
      [1788134400, '', '2026-08-31T00:00:00'],
      [1788220800, '', '2026-09-01'],
    ]);
  });
});

describe('API JSON', () => {
  const bucket = (start: number, end: number, results: unknown[]) => ({
    object: 'bucket',
    start_time: start,
    end_time: end,
    results,
  });
  const usageResult = (model: string, input: number) => ({
    object: 'organization.usage.completions.result',
    input_tokens: input,
    output_tokens: 10,
    num_model_requests: 2,
    model,
    batch: false,
    service_tier: 'default',
    project_id: null,
  });
  const page = (data: unknown[], more = false) => ({
    object: 'page',
    data,
    has_more: more,
    next_page: more ? 'page_x' : null,
  });

  test('an array of pages; partial edge buckets; an empty bucket is an empty day', () => {
    const first = page([bucket(1788183912, 1788220800, [usageResult('gpt-4o', 5)])], true);
    const second = page([
      bucket(1788220800, 1788307200, []),
      bucket(1788307200, 1788357600, [usageResult('gpt-4o', 7), usageResult('o3', 9)]),
    ]);
    const table = parseExport(JSON.stringify([first, second]));
    expect(table.kind).toBe('usage');
    expect(table.rows.map((row) => [row[0], row[2], row[3], row[8], row[12]])).toEqual([
      [1788183912, '2026-08-31T13:45:12+00:00', '2026-09-01T00:00:00+00:00', 'gpt-4o', 5],
      [1788220800, '2026-09-01T00:00:00+00:00', '2026-09-02T00:00:00+00:00', '', ''],
      [1788307200, '2026-09-02T00:00:00+00:00', '2026-09-02T14:00:00+00:00', 'gpt-4o', 7],
      [1788307200, '2026-09-02T00:00:00+00:00', '2026-09-02T14:00:00+00:00', 'o3', 9],
    ]);
    expect(table.warnings).toEqual([]); // has_more on a page that is not the last
  });

  test('an array of buckets, // comment lines, CRLF', () => {
    const text = `// saved from the API\r\n${JSON.stringify([bucket(1788134400, 1788220800, [usageResult('gpt-4o', 5)])], null, 2).replace(/\n/g, '\r\n')}`;
    expect(parseExport(text).rows).toHaveLength(1);
  });

  test('costs: amount.value as a string, float noise, unknown fields kept', () => {
    const result = (value: unknown) => ({
      object: 'organization.costs.result',
      amount: { value, currency: 'usd' },
      line_item: 'gpt-5.5-2026-04-23, cached input',
      project_id: 'proj_1',
      organization_id: 'org_1',
      quantity: '1000',
      quantity_unit: '1000_tokens',
      region: { name: 'us' },
    });
    const table = parseExport(
      JSON.stringify(
        page([
          bucket(1788134400, 1788220800, [
            result('12.50'),
            result(0.00012073404268330895),
            result(null),
          ]),
        ]),
      ),
    );
    expect(table.kind).toBe('cost');
    expect(table.header).toEqual([...COST_COLUMNS, 'region']);
    expect(table.rows.map((row) => rowOf({ ...table, rows: [row] }, 0))).toEqual([
      expect.objectContaining({
        amount_value: 12.5,
        amount_currency: 'usd',
        quantity: 1000,
        organization_id: 'org_1',
        region: '{"name":"us"}',
      }),
      expect.objectContaining({ amount_value: 0.00012073404268330895 }),
      expect.objectContaining({ amount_value: '', amount_currency: 'usd' }),
    ]);
  });

  test('buckets without any result: a usage table of empty days', () => {
    const table = parseExport(JSON.stringify(page([bucket(1788134400, 1788220800, [])])));
    expect(table).toMatchObject({
      kind: 'usage',
      rows: [
        [
          1788134400,
          1788220800,
          '2026-08-31T00:00:00+00:00',
          '2026-09-01T00:00:00+00:00',
          ...new Array(22).fill(''),
        ],
      ],
    });
  });

  test('usage and cost results together are refused', () => {
    const cost = { object: 'organization.costs.result', amount: { value: 1, currency: 'usd' } };
    expect(() =>
      parseExport(JSON.stringify([bucket(1, 2, [usageResult('gpt-4o', 1), cost])])),
    ).toThrow('the JSON holds both usage results and cost results: import them one at a time.');
  });
});

describe('text that is not an export: what was expected, what it looks like', () => {
  const EXPECTED =
    /^Nothing was imported: expected an OpenAI usage or cost export: the dashboard CSV \(completions_usage_\*\.csv with model, input_tokens, output_tokens, …; or cost_\*\.csv with amount_value, amount_currency, …\) or the Usage \/ Costs API JSON \(a page \{"object": "page", "data": \[buckets\]\}, an array of pages or an array of buckets\); got /;
  test.each<[unknown, string]>([
    ['', 'empty text.'],
    ['  \n', 'empty text.'],
    [42, 'the number 42, not text.'],
    [null, 'blank, not text.'],
    ['hello there', 'text whose first line is "hello there".'],
    ['date,amount\n2026-08-01,12.50', 'a CSV whose header is "date, amount".'],
    ['a,b,c,d,e,f,g,h\n', 'a CSV whose header is "a, b, c, d, e, f, … (8 columns)".'],
    [
      'model,input_tokens\n"gpt-4o,1',
      'text that is not readable as CSV (line 2: a quoted field is never closed (a " is missing)).',
    ],
    ['{"data": [1, 2]', 'text that starts like JSON but is not valid JSON ('],
    ['{"x": 1}', 'JSON: an object with the keys x.'],
    ['[]', 'JSON: an empty array.'],
    ['[1, "a"]', 'JSON: an array of 2 number and string values.'],
    [
      '{"object": "page", "data": [{"start_time": 1}]}',
      'whose bucket 1 is not a bucket {"start_time", "end_time", "results": [...]}.',
    ],
    [
      '[{"amount": {"value": 1}}]',
      'results without their buckets, which hold the days (start_time, end_time); paste the whole page.',
    ],
  ])('%j', (text, looks) => {
    let message = '';
    try {
      parseExport(text);
    } catch (error) {
      message = (error as Error).message;
    }
    expect(message).toMatch(EXPECTED);
    expect(message).toContain(looks);
  });

  test('an API error response and a header with usage and cost columns say so', () => {
    expect(() =>
      parseExport('{"error": {"message": "Invalid admin key", "type": "invalid_request_error"}}'),
    ).toThrow(
      /^Nothing was imported: this is an API error response \("Invalid admin key"\), not an OpenAI usage or cost export/,
    );
    expect(() => parseExport('model,input_tokens,amount_value\n')).toThrow(
      'Nothing was imported: the header has usage columns (model, input_tokens) and cost columns (amount_value): import the usage export and the cost export one at a time.',
    );
  });
});

describe('layout', () => {
  const usage = parseExport(fixture('completions_usage_2026-08-30_2026-09-02.csv'));
  const cost = parseExport(fixture('cost_2026-08-30_2026-09-02.csv'));
  const formulas = (layout: ReturnType<typeof importLayout>) =>
    layout.blocks.flatMap(({ block }) => block.formulas.flatMap((r) => r.formulas.flat()));

  test('text cells get an apostrophe (Sheets keeps "2026-08-31T00:00:00" and "0012" as text)', () => {
    const layout = importLayout(usage, null);
    expect(layout.values[0][0]).toBe("'start_time");
    expect(layout.values[2].slice(0, 4)).toEqual([
      1788134400,
      1788220800,
      "'2026-08-31T00:00:00",
      "'2026-09-01T00:00:00",
    ]);
    expect(layout.values[2][9]).toBe(false);
    expect(layout.values[1][4]).toBe('');
    expect(layout.values).toHaveLength(6);
  });

  test('usage: the cost column beside the table, the summary; at most 3 custom-function cells', () => {
    const alone = importLayout(usage, null);
    expect(formulas(alone)[0]).toBe('=OPENAI_USAGE_COST(A1:Z)');
    expect(alone.blocks.map((b) => [b.row, b.column])).toEqual([
      [1, 27],
      [1, 29],
    ]);
    const paired = importLayout(usage, { sheetName: "Bill's costs", lastColumn: 17 });
    expect(formulas(paired)).toEqual([
      '=OPENAI_USAGE_COST(A1:Z)',
      summaryFormula('usage', 27),
      "=OPENAI_RECONCILE(A1:Z,'Bill''s costs'!A1:Q)",
    ]);
    expect(formulas(paired).filter((f) => /OPENAI_/.test(f))).toHaveLength(2);
    expect(paired.lastColumn).toBe(41);
  });

  test('an extra column widens the table the formulas read', () => {
    const wide = parseExport(`${USAGE_HEADER},api_source\n`);
    const layout = importLayout(wide, null);
    expect(formulas(layout)[0]).toBe('=OPENAI_USAGE_COST(A1:AA)');
    expect(layout.blocks[0].column).toBe(28);
  });

  test('cost: no cost column; the reconciliation reads the usage sheet', () => {
    const layout = importLayout(cost, { sheetName: 'OpenAI usage', lastColumn: 26 });
    expect(formulas(layout)).toEqual([
      summaryFormula('cost', 0),
      "=OPENAI_RECONCILE('OpenAI usage'!A1:Z,A1:P)",
    ]);
    expect(layout.blocks.map((b) => b.block.values[0][0])).toEqual([
      'Summary by month (UTC) and line item',
      "Reconciliation: computed from 'OpenAI usage' vs billed here (per UTC day)",
    ]);
  });

  test('the summary is one formula of built-ins over open ranges, no fractional literal', () => {
    const text = summaryFormula('usage', 27);
    expect(text).toMatch(
      /^=ARRAYFORMULA\(IFNA\(HSTACK\(SORT\(UNIQUE\(FILTER\(HSTACK\(LEFT\(C2:C,7\),I2:I\),I2:I<>""\)\),1,TRUE\(\),2,TRUE\(\)\),SUMIF\(/,
    );
    const names = new Set(text.match(/[A-Z]+(?=\()/g));
    expect([...names].sort()).toEqual([
      'ARRAYFORMULA',
      'CHOOSECOLS',
      'COUNTIF',
      'FILTER',
      'HSTACK',
      'IFNA',
      'LEFT',
      'SORT',
      'SUMIF',
      'TRUE',
      'UNIQUE',
    ]);
    expect(text).not.toMatch(/\d\.\d/);
    expect(text).toContain('AA2:AA'); // the cost column
  });

  test('warnings open the summary title', () => {
    const api = parseExport(
      JSON.stringify({
        object: 'page',
        data: [{ start_time: 1, end_time: 2, results: [{ input_tokens: 1, output_tokens: 1 }] }],
        has_more: true,
      }),
    );
    const title = importLayout(api, null).blocks[1].block.values[0][0];
    expect(title).toMatch(
      /^Summary by month \(UTC\) and model — The API response says has_more: true: .* — 1 row has tokens but no model/,
    );
  });
});
