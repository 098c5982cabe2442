// The playground's formula evaluator and number formats, on the in-memory spreadsheet.
import { createPlayground } from '../../scripts/playground/memory-spreadsheet';
import { FormulaEvaluator, parseFormula } from '../../scripts/playground/formulas';
import { formatValue } from '../../scripts/playground/number-format';

const book = () => {
  const playground = createPlayground();
  const sheet = playground.SpreadsheetApp.getActiveSpreadsheet().getActiveSheet();
  return { playground, sheet };
};

test('arithmetic, references, ranges, SUM, text', () => {
  const { sheet } = book();
  sheet.getRange('A1:C2').setValues([
    [1, 2, '3'],
    ['x', '', 4],
  ]);
  const cases: [string, unknown][] = [
    ['=1+2*3', 7],
    ['=(1+2)*3', 9],
    ['=-2^2', 4],
    ['=2^3^2', 512],
    ['=A1+$B$1', 3],
    ['=SUM(A1:C2)', 10],
    ['=SUM(A1:C2, 5)', 15],
    ['="a"&"b"&A1', 'ab1'],
    ['=B2+1', 1],
    ['=A2+1', '#VALUE!'],
    ['=1/0', '#DIV/0!'],
    ['=NOPE(1)', '#NAME?'],
    ["='Sheet1'!C2*2", 8],
    ['=A1=1', true],
  ];
  for (const [formula, expected] of cases) {
    sheet.getRange('E1').setFormula(formula);
    expect([formula, sheet.getRange('E1').getValue()]).toEqual([formula, expected]);
  }
});

test('custom functions get ranges as 2D arrays, and array results spill', () => {
  const { sheet, playground } = book();
  sheet.getRange('A1:C2').setValues([
    ['gpt-4o', 1000, 500],
    ['gpt-4.1', 2000, 100],
  ]);
  sheet.getRange('D1').setFormula('=OPENAI_COST(A1:A2,B1:B2,C1:C2)');
  expect(sheet.getRange('D1:D2').getValues()).toEqual(
    playground.fns.OPENAI_COST([['gpt-4o'], ['gpt-4.1']], [[1000], [2000]], [[500], [100]]),
  );
  sheet.getRange('F1').setFormula('=SUM(D1:D2)');
  expect(sheet.getRange('F1').getValue()).toBeCloseTo(
    (sheet.getRange('D1').getValue() as number) + (sheet.getRange('D2').getValue() as number),
    12,
  );
  // a spill that would overwrite data is #REF!, as in Sheets
  sheet.getRange('H1').setFormula('=OPENAI_PRICE_TABLE("moderation")');
  expect(sheet.getRange('I2').getValue()).not.toBe('');
  sheet.getRange('I2').setValue('mine');
  expect(sheet.getRange('H1').getValue()).toBe('#REF!');
  // a function's error is #ERROR! with its message
  sheet.getRange('A5').setFormula('=OPENAI_COST("gpt-nope",1,1)');
  expect(sheet.getRange('A5').getDisplayValue()).toBe('#ERROR!');
  expect(playground.book.snapshot().grid[4][0].error).toMatch(/gpt-nope/);
});

test('circular references do not hang', () => {
  const { sheet } = book();
  sheet.getRange('A1').setFormula('=B1+1');
  sheet.getRange('B1').setFormula('=A1+1');
  expect(sheet.getRange('A1').getValue()).toBe('#REF!');
});

test('the parser rejects what it cannot read', () => {
  expect(() => parseFormula('=1+')).toThrow();
  expect(() => parseFormula('=SUM(1')).toThrow();
  const evaluator = new FormulaEvaluator({ value: () => '' });
  expect(String(evaluator.evaluate('=1+*2', 'S'))).toBe('#ERROR!');
});

test.each([
  [2.5, '$#,##0.00#', '$2.50'],
  [1.875, '$#,##0.00#', '$1.875'],
  [0.011, '$#,##0.00#', '$0.011'],
  [1234.5, '$#,##0.00', '$1,234.50'],
  [-3.456, '$#,##0.00', '-$3.46'],
  [20000, '#,##0', '20,000'],
  [0.05, '0.0%', '5.0%'],
  [0.5, '0%', '50%'],
  [0.1 + 0.2, 'General', '0.3'],
  [12, '', '12'],
  ['text', '$#,##0.00', 'text'],
  [new Date(2026, 0, 1), 'mmm yyyy', 'Jan 2026'],
  [new Date(2026, 8, 1), 'mmmm yyyy', 'September 2026'],
  [new Date(2026, 0, 1), 'yyyy-mm-dd', '2026-01-01'],
])('formatValue(%p, %p) = %p', (value, format, shown) => {
  expect(formatValue(value, format)).toBe(shown);
});
