// The forecast sheet's layout, checked as data: formulas point at the right assumption cells, in
// OPENAI_FORECAST's argument order; formats, notes, dropdowns and the chart cover the right cells.
import {
  EXAMPLE_WORKLOADS,
  forecastLayout,
  nextMonth,
  textModelNames,
} from '../../src/sheets/forecast-layout';
import { OPENAI_FORECAST } from '../../src/sheets/functions/forecast';
import { CATALOG } from '../../src/pricing/data';

const layout = forecastLayout({ year: 2027, month: 11 });

/** "B7" → the value at B7 */
function at(a1: string): unknown {
  const [, col, row] = /^([A-Z])(\d+)$/.exec(a1)!;
  return layout.values[Number(row) - 1][col.charCodeAt(0) - 65];
}

test('one rectangular block A1:Q16 with every grid the same shape', () => {
  expect(layout.range).toBe('A1:Q16');
  for (const g of [layout.values, layout.numberFormats, layout.fontWeights, layout.notes]) {
    expect(g).toHaveLength(16);
    for (const row of g) expect(row).toHaveLength(17);
  }
});

test('the source line cites the price snapshot date, live and as text', () => {
  expect(at('B2')).toBe('=OPENAI_PRICES_AS_OF()');
  expect(String(at('C2'))).toContain(CATALOG.asOf);
  expect(String(at('C2'))).toContain(CATALOG.sources['genai-prices'].version!);
});

test('start month cell and calendar month headers follow the start month across the year', () => {
  expect(at('B3')).toBe('2027-11-01');
  expect(layout.numberFormats[2][1]).toBe('mmmm yyyy');
  const headers = layout.values[11].slice(1, 13);
  expect(headers[0]).toBe('Nov 2027');
  expect(headers[2]).toBe('Jan 2028');
  expect(headers[11]).toBe('Oct 2028');
  expect(nextMonth({ year: 2026, month: 12 })).toEqual({ year: 2027, month: 1 });
  expect(nextMonth({ year: 2026, month: 7 })).toEqual({ year: 2026, month: 8 });
});

test('the assumptions hold the three example workloads under their headers', () => {
  expect(layout.values[5].slice(0, 9)).toEqual([
    'Workload',
    'Model',
    'Tier',
    'Requests per day',
    'Avg input tokens',
    'Cached share',
    'Avg output tokens',
    'Monthly growth',
    'Alternative model',
  ]);
  EXAMPLE_WORKLOADS.forEach((w, k) => {
    expect(w).toHaveLength(9);
    expect(layout.values[6 + k].slice(0, 9)).toEqual(w);
    expect(layout.values[6 + k].slice(9).every((v) => v === '')).toBe(true);
  });
});

// OPENAI_FORECAST's parameters, and the assumption header each must read from
const PARAMETER_HEADERS: [string, string][] = [
  ['model', 'Model'],
  ['requests_per_day', 'Requests per day'],
  ['avg_input_tokens', 'Avg input tokens'],
  ['avg_output_tokens', 'Avg output tokens'],
  ['tier', 'Tier'],
  ['cached_share', 'Cached share'],
  ['monthly_growth', 'Monthly growth'],
];

test('each projection row calls OPENAI_FORECAST on its own assumption row, argument by argument', () => {
  const headers = layout.values[5];
  for (let w = 0; w < 3; w++) {
    const row = 13 + w;
    const formula = String(at(`B${row}`));
    const [, args] = /^=OPENAI_FORECAST\((.*)\)$/.exec(formula)!;
    const cells = args.split(',');
    expect(cells).toHaveLength(9);
    PARAMETER_HEADERS.forEach(([, header], k) => {
      const [, col, r] = /^([A-Z])(\d+)$/.exec(cells[k])!;
      expect(Number(r)).toBe(7 + w);
      expect(headers[col.charCodeAt(0) - 65]).toBe(header);
    });
    expect(cells[7]).toBe('12');
    expect(cells[8]).toBe('$B$3');
    // the spill area right of it is empty; totals and the alternative follow it
    expect(layout.values[row - 1].slice(2, 13).every((v) => v === '')).toBe(true);
    expect(at(`A${row}`)).toBe(`=A${7 + w}`);
    expect(at(`N${row}`)).toBe(`=SUM(B${row}:M${row})`);
    expect(at(`O${row}`)).toBe(`=I${7 + w}`);
    expect(at(`P${row}`)).toBe(
      formula.replace(`B${7 + w},`, `I${7 + w},`).replace('=', '=SUM(') + ')',
    );
    expect(at(`Q${row}`)).toBe(`=N${row}-P${row}`);
  }
  const totals = layout.values[15];
  expect(totals[0]).toBe('Total');
  expect(totals[1]).toBe('=SUM(B13:B15)');
  expect(totals[12]).toBe('=SUM(M13:M15)');
  expect(totals[13]).toBe('=SUM(N13:N15)');
  expect(totals[14]).toBe('');
  expect(totals[16]).toBe('=SUM(Q13:Q15)');
});

test('currency on every money cell, percentages and counts on the inputs, bold headers', () => {
  for (let r = 13; r <= 16; r++) {
    const formats = layout.numberFormats[r - 1];
    expect(formats.slice(1, 14).every((f) => f === '$#,##0.00')).toBe(true);
    expect(formats[14]).toBe('');
    expect(formats[15]).toBe('$#,##0.00');
    expect(formats[16]).toBe('$#,##0.00');
  }
  expect(layout.numberFormats[6].slice(3, 8)).toEqual(['#,##0', '#,##0', '0%', '#,##0', '0.0%']);
  for (const r of [1, 6, 12, 16]) expect(layout.fontWeights[r - 1][0]).toBe('bold');
  expect(layout.fontWeights[5].slice(0, 9).every((w) => w === 'bold')).toBe(true);
  expect(layout.fontWeights[11].every((w) => w === 'bold')).toBe(true);
  expect(layout.fontWeights[6].every((w) => w === 'normal')).toBe(true);
  expect(layout.frozenRows).toBe(3);
  expect(layout.frozenColumns).toBe(1);
});

test('every input cell and the start month carry a note; nothing else does', () => {
  layout.notes.forEach((row, r) =>
    row.forEach((note, c) => {
      const isInput = r >= 6 && r <= 8 && c <= 8;
      const isStart = r === 2 && c === 1;
      expect(note !== '').toBe(isInput || isStart);
    }),
  );
  expect(layout.notes[7][7]).toContain('compounding');
  expect(layout.notes[2][1]).toContain('365.25/12');
});

test('dropdowns: catalog text models on Model and Alternative model, tiers on Tier', () => {
  expect(layout.validationRange).toBe('B7:I9');
  const models = textModelNames();
  expect(models).toContain('gpt-4.1-mini');
  expect(models).not.toContain('whisper-1');
  for (const row of layout.validations) {
    expect(row).toHaveLength(8);
    expect(row[0]!.values).toEqual(models);
    expect(row[1]!.values).toEqual(['standard', 'batch', 'flex']);
    expect(row.slice(2, 7)).toEqual([null, null, null, null, null]);
    expect(row[7]!.values).toEqual(models);
  }
  for (const w of EXAMPLE_WORKLOADS) {
    expect(models).toContain(w[1]);
    expect(models).toContain(w[8]);
  }
});

test('the chart plots the 12 month columns of the three workload rows, below the block', () => {
  expect(layout.chart).toEqual({
    range: 'A12:M15',
    title: 'Monthly cost by workload (USD)',
    row: 18,
    column: 1,
  });
});

test('the example workloads price without error on both models', () => {
  for (const [
    ,
    model,
    tier,
    requests,
    input,
    share,
    output,
    growth,
    alternative,
  ] of EXAMPLE_WORKLOADS) {
    for (const name of [model, alternative]) {
      const args = [name, requests, input, output, tier, share, growth, 12, '2027-11-01'];
      const [row] = (OPENAI_FORECAST as (...a: unknown[]) => unknown)(...args) as number[][];
      expect(row).toHaveLength(12);
      expect(row.every((cost) => cost > 0)).toBe(true);
    }
  }
});
