// insertForecastSheet() through the built bundle, against a recording SpreadsheetApp: what it
// writes where, and how many service calls it makes (a fixed number, whatever the spreadsheet holds).
import { loadBundle } from '../support/bundle';
import { forecastLayout, nextMonth } from '../../src/sheets/forecast-layout';

interface Call {
  on: string;
  method: string;
  args: unknown[];
}

/** Objects whose every method call is logged; `methods` give the results. */
function recorded(
  on: string,
  calls: Call[],
  methods: Record<string, (...args: unknown[]) => unknown>,
) {
  const target: Record<string, unknown> = {};
  for (const [method, run] of Object.entries(methods)) {
    target[method] = (...args: unknown[]) => {
      calls.push({ on, method, args });
      return run(...args);
    };
  }
  return target;
}

/** A spreadsheet that already has the given sheets; builders chain and record their settings. */
function fakeSpreadsheetApp(existing: string[]) {
  const calls: Call[] = [];
  const builderLog: Call[] = [];
  const builder = (on: string, methods: string[]) => {
    const self: Record<string, unknown> = {};
    for (const method of methods) {
      self[method] = (...args: unknown[]) => {
        builderLog.push({ on, method, args });
        return method === 'build'
          ? { built: on, settings: builderLog.filter((c) => c.on === on) }
          : self;
      };
    }
    return self;
  };
  const range = (a1: string): Record<string, unknown> =>
    recorded(`range ${a1}`, calls, {
      setValues: () => range(a1),
      setNumberFormats: () => range(a1),
      setFontWeights: () => range(a1),
      setNotes: () => range(a1),
      setDataValidations: () => range(a1),
    });
  const sheet = recorded('sheet', calls, {
    getRange: (a1) => range(a1 as string),
    setFrozenRows: () => undefined,
    setFrozenColumns: () => undefined,
    newChart: () =>
      builder('chart', [
        'asColumnChart',
        'setStacked',
        'setTitle',
        'addRange',
        'setTransposeRowsAndColumns',
        'setNumHeaders',
        'setPosition',
        'build',
      ]),
    insertChart: () => undefined,
  });
  const spreadsheet = recorded('spreadsheet', calls, {
    getSheetByName: (name) => (existing.includes(name as string) ? {} : null),
    insertSheet: () => sheet,
  });
  let validations = 0;
  const app = recorded('SpreadsheetApp', calls, {
    getActiveSpreadsheet: () => spreadsheet,
    newDataValidation: () =>
      builder(`validation ${++validations}`, [
        'requireValueInList',
        'setAllowInvalid',
        'setHelpText',
        'build',
      ]),
  });
  return { app, calls, builderLog };
}

function insert(existing: string[]) {
  const fake = fakeSpreadsheetApp(existing);
  const { fns } = loadBundle({ SpreadsheetApp: fake.app });
  const result = fns.insertForecastSheet() as { sheetName: string; range: string };
  return { ...fake, result };
}

const args = (calls: Call[], on: string, method: string) =>
  calls.find((c) => c.on === on && c.method === method)?.args;

test('writes the whole layout in one call per kind, starting next month', () => {
  const { calls, result } = insert(['Sheet1']);
  expect(result).toEqual({ sheetName: 'AI spend forecast', range: 'A1:Q16' });
  const now = new Date();
  const layout = forecastLayout(
    nextMonth({ year: now.getUTCFullYear(), month: now.getUTCMonth() + 1 }),
  );
  expect(args(calls, 'spreadsheet', 'insertSheet')).toEqual(['AI spend forecast']);
  expect(args(calls, 'range A1:Q16', 'setValues')).toEqual([layout.values]);
  expect(args(calls, 'range A1:Q16', 'setNumberFormats')).toEqual([layout.numberFormats]);
  expect(args(calls, 'range A1:Q16', 'setFontWeights')).toEqual([layout.fontWeights]);
  expect(args(calls, 'range A1:Q16', 'setNotes')).toEqual([layout.notes]);
  expect(args(calls, 'sheet', 'setFrozenRows')).toEqual([3]);
  expect(args(calls, 'sheet', 'setFrozenColumns')).toEqual([1]);
});

test('the service calls: 17, a fixed number (one more per taken name)', () => {
  const { calls } = insert([]);
  expect(calls.map((c) => `${c.on}.${c.method}`)).toEqual([
    'SpreadsheetApp.getActiveSpreadsheet',
    'spreadsheet.getSheetByName',
    'spreadsheet.insertSheet',
    'sheet.getRange',
    'range A1:Q16.setValues',
    'range A1:Q16.setNumberFormats',
    'range A1:Q16.setFontWeights',
    'range A1:Q16.setNotes',
    'sheet.getRange',
    'SpreadsheetApp.newDataValidation',
    'SpreadsheetApp.newDataValidation',
    'range B7:I9.setDataValidations',
    'sheet.setFrozenRows',
    'sheet.setFrozenColumns',
    'sheet.newChart',
    'sheet.getRange',
    'sheet.insertChart',
  ]);
  expect(insert(['AI spend forecast', 'AI spend forecast (2)']).calls).toHaveLength(19);
});

test('never reuses a sheet name: the next free "(n)" suffix', () => {
  expect(insert(['AI spend forecast']).result.sheetName).toBe('AI spend forecast (2)');
  expect(insert(['AI spend forecast', 'AI spend forecast (2)']).result.sheetName).toBe(
    'AI spend forecast (3)',
  );
});

test('dropdowns: two rules built once each, set on the model, tier and alternative cells', () => {
  const { calls, builderLog } = insert([]);
  const [rules] = args(calls, 'range B7:I9', 'setDataValidations') as [
    ({ built: string } | null)[][],
  ];
  expect(rules).toHaveLength(3);
  for (const row of rules) {
    expect(row.map((rule) => rule && rule.built)).toEqual([
      'validation 1',
      'validation 2',
      null,
      null,
      null,
      null,
      null,
      'validation 1',
    ]);
  }
  const lists = builderLog.filter((c) => c.method === 'requireValueInList');
  expect(lists.map((c) => c.on)).toEqual(['validation 1', 'validation 2']);
  expect(lists[0].args[0]).toContain('gpt-4.1-mini');
  expect(lists[1].args).toEqual([['standard', 'batch', 'flex'], true]);
  expect(builderLog.filter((c) => c.method === 'setAllowInvalid').map((c) => c.args)).toEqual([
    [true],
    [true],
  ]);
});

test('a stacked column chart of the 12 month columns, one series per workload, below the block', () => {
  const { calls, builderLog } = insert([]);
  const chart = builderLog.filter((c) => c.on === 'chart').map((c) => [c.method, ...c.args]);
  const getRanges = calls.filter((c) => c.method === 'getRange').map((c) => c.args[0]);
  expect(getRanges).toEqual(['A1:Q16', 'B7:I9', 'A12:M15']);
  expect(chart).toEqual([
    ['asColumnChart'],
    ['setStacked'],
    ['setTitle', 'Monthly cost by workload (USD)'],
    ['addRange', expect.anything()],
    ['setTransposeRowsAndColumns', true],
    ['setNumHeaders', 1],
    ['setPosition', 18, 1, 0, 0],
    ['build'],
  ]);
  expect(args(calls, 'sheet', 'insertChart')).toEqual([
    expect.objectContaining({ built: 'chart' }),
  ]);
});
