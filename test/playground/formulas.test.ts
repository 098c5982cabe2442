// The playground's formulas (fast-formula-parser wired to the in-memory spreadsheet) and number
// formats: built-ins a budget sheet uses, open ranges, spills, dates, custom functions as Sheets
// calls them, and recalculation after an edit.
import { createPlayground } from '../../scripts/playground/memory-spreadsheet';
import {
  closeOpenRanges,
  dateToSerial,
  serialToDate,
  FormulaEngine,
} from '../../scripts/playground/formulas';
import { editText, formatValue, isDateFormat } from '../../scripts/playground/number-format';

const book = () => {
  const playground = createPlayground();
  const sheet = playground.SpreadsheetApp.getActiveSpreadsheet().getActiveSheet();
  /** the value a formula typed in E1 gives */
  const valueOf = (formula: string) => sheet.getRange('E1').setFormula(formula).getValue();
  return { playground, sheet, valueOf };
};

test('arithmetic, references, ranges, SUM, text', () => {
  const { sheet, valueOf } = book();
  sheet.getRange('A1:C2').setValues([
    [1, 2, '3'],
    ['x', '', 4],
  ]);
  const cases: [string, unknown][] = [
    ['=1+2*3', 7],
    ['=(1+2)*3', 9],
    ['=-2^2', 4],
    ['=A1+$B$1', 3],
    ['=SUM(A1:C2)', 10], // "3" was written as a number, "x" is text: skipped
    ['=SUM(A1:C2, 5)', 15],
    ['="a"&"b"&A1', 'ab1'],
    ['=B2+1', 1],
    ['=A2+1', '#VALUE!'],
    ['=1/0', '#DIV/0!'],
    ['=NOPE(1)', '#NAME?'],
    ["='Sheet1'!C2*2", 8],
    ['=A1=1', true],
    ['=B2', ''],
  ];
  for (const [formula, expected] of cases) {
    expect([formula, valueOf(formula)]).toEqual([formula, expected]);
  }
});

test('the built-ins of a budget sheet: ROUND, IFERROR, DATE, EDATE, open ranges', () => {
  const { sheet, valueOf, playground } = book();
  sheet.getRange('A1:B4').setValues([
    ['amount', 'when'],
    [1.005, '2026-01-31'],
    [2.5, ''],
    [3.25, ''],
  ]);
  expect(valueOf('=ROUND(A2*100, 0)')).toBe(101);
  expect(valueOf('=ROUND(2.345, 2)')).toBe(2.35);
  expect(valueOf('=ROUND(-1234.5, -2)')).toBe(-1200);
  expect(valueOf('=ROUND(7.5)')).toBe(8);
  expect(valueOf('=IFERROR(1/0, "none")')).toBe('none');
  expect(valueOf('=IFERROR(OPENAI_COST("gpt-nope",1,1), -1)')).toBe(-1);
  expect(valueOf('=SUM(A2:A)')).toBeCloseTo(6.755, 12);
  expect(valueOf('=SUM(A:A)')).toBeCloseTo(6.755, 12);
  // a date function's result is a date, and so is a number in a date-formatted cell
  expect(valueOf('=DATE(2026, 3, 1)')).toEqual(new Date(2026, 2, 1));
  expect(valueOf('=EDATE(B2, 1)')).toEqual(new Date(2026, 1, 28));
  expect(valueOf('=EDATE($B$2, 13)')).toEqual(new Date(2027, 1, 28));
  expect(valueOf('=YEAR(EDATE(B2, 12))')).toBe(2027);
  sheet.getRange('F1').setValue(46023).setNumberFormat('mmm yyyy');
  expect(sheet.getRange('F1').getValue()).toEqual(new Date(2026, 0, 1));
  expect(sheet.getRange('F1').getDisplayValue()).toBe('Jan 2026');
  // dates reach custom functions as Date, open ranges as 2D arrays with "" for blanks
  const seen: unknown[][] = [];
  playground.book.functions = new Proxy(playground.book.functions, {
    get: (target, name: string) =>
      name === 'OPENAI_SPY' ? (...args: unknown[]) => (seen.push(args), 1) : target[name],
  });
  valueOf('=OPENAI_SPY(B2, B2:B4, EDATE(B2, 1), 7, , "x")');
  expect(seen).toEqual([[new Date(2026, 0, 31), [[new Date(2026, 0, 31)], [''], ['']], new Date(2026, 1, 28), 7, '', 'x']]); // prettier-ignore
  valueOf('=OPENAI_SPY(A3:A)');
  expect((seen[1][0] as unknown[][]).length).toBe(998); // A3 to the sheet's last row, 1000
});

test('a blank cell as Sheets reads it: equal to "", 0 and FALSE; a FALSE condition; 0 in EDATE', () => {
  const { sheet, valueOf } = book();
  sheet.getRange('A1:B1').setValues([['2026-04-01', 46023]]); // B1: a date serial (Jan 1, 2026)
  const cases: [string, unknown][] = [
    ['=C1=""', true],
    ['=""=C1', true],
    ['=C1<>""', false],
    ['=C1=0', true],
    ['=C1=FALSE', true],
    ['=C1<1', true],
    ['=C1="x"', false],
    ['=C1=D1', true],
    ['=IF(C1,"yes","no")', 'no'],
    ['=IF(C1="","Month 1",EDATE(C1,0))', 'Month 1'],
    ['=IF(A1="","Month 1",EDATE(A1,2))', new Date(2026, 5, 1)],
    ['=IF(TRUE,C1,1)', ''],
    ['=IF(FALSE,1)', false],
    ['=IF("maybe",1,2)', '#VALUE!'],
    ['=EDATE(C1,0)', new Date(1899, 11, 30)], // day 0 of Sheets' calendar, not an error
    ['=ROUND(C1,2)', 0],
    ['=C1&"x"', 'x'],
  ];
  for (const [formula, expected] of cases) {
    expect([formula, valueOf(formula)]).toEqual([formula, expected]);
  }
  // EDATE of a plain serial number is a date, a month later
  expect(valueOf('=EDATE(B1,1)')).toEqual(new Date(2026, 1, 1));
  expect(valueOf('=EDATE(46053,1)')).toEqual(new Date(2026, 1, 28)); // Jan 31 → Feb 28
});

test('a reference to a cell with an error shows that error; IF passes it on', () => {
  const { sheet, valueOf } = book();
  sheet.getRange('A1').setFormula('=OPENAI_COST("gpt-nope",1,1)');
  sheet.getRange('A2:A3').setValues([[1], [2]]);
  expect(valueOf('=A1')).toBe('#ERROR!');
  expect(valueOf('=$A$1')).toBe('#ERROR!');
  expect(valueOf('=IF(ISERROR($A$1),$A$1,SUM(A2:A3))')).toBe('#ERROR!');
  expect(valueOf('=IF(ISERROR(A2),A2,SUM(A2:A3))')).toBe(3);
  expect(valueOf('=IF(COUNT(A4:A5)=0,"",SUM(A4:A5))')).toBe('');
});

test('a custom function spills in the middle of the sheet; formulas around it read the spill', () => {
  const { sheet, playground } = book();
  playground.book.functions = new Proxy(playground.book.functions, {
    get: (target, name: string) =>
      name === 'OPENAI_GRID'
        ? (rows: unknown[][]) => rows.map(([n]) => (n === '' ? ['', ''] : [n, (n as number) * 10]))
        : target[name],
  });
  sheet.getRange('B7:B9').setValues([[1], [''], [3]]);
  sheet.getRange('A1').setValue('left alone');
  sheet.getRange('K7').setFormula('=OPENAI_GRID(B7:B9)');
  // J: formulas left of the spill; K10: a total under it; M7: a formula right of it
  sheet.getRange('J7:J9').setFormulas([['=B7'], ['=B8'], ['=B9']]);
  sheet.getRange('K10').setFormula('=SUM(K7:K9)');
  sheet.getRange('M7').setFormula('=IF(L8="","blank row",L8)');
  expect(sheet.getRange('J7:M10').getValues()).toEqual([
    [1, 1, 10, 'blank row'],
    ['', '', '', ''],
    [3, 3, 30, ''],
    ['', 4, '', ''],
  ]);
  expect(sheet.getRange('A1').getValue()).toBe('left alone');
  // a total left of a second spill, and a formula reading that total (the forecast's W7:Y7 and
  // AA7): drawn in grid order, looking for the spill that covers Q7 meets O7 reading N7 midway
  sheet.getRange('P7').setFormula('=OPENAI_GRID(B7:B9)');
  sheet.getRange('N7:O7').setFormulas([['=SUM(P7:Q7)', '=N7*2']]);
  const row7 = () =>
    playground.book
      .snapshot()
      .grid[6].slice(13, 17)
      .map((c) => c.display);
  expect(row7()).toEqual(['11', '22', '1', '10']);
  // an edit of an input moves the spill and everything that reads it
  sheet.getRange('B8').setValue(2);
  expect(sheet.getRange('K8:L8').getValues()).toEqual([[2, 20]]);
  expect(sheet.getRange('K10').getValue()).toBe(6);
  expect(sheet.getRange('M7').getValue()).toBe(20);
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
  // SUM over a spill range and over the call itself
  sheet.getRange('F2').setFormula('=SUM(OPENAI_COST(A1:A, B1:B, C1:C))');
  expect(sheet.getRange('F2').getValue()).toBeCloseTo(sheet.getRange('F1').getValue() as number);
  // a spill that would overwrite data is #REF!, with Sheets' message
  sheet.getRange('H1').setFormula('=OPENAI_PRICE_TABLE("moderation")');
  expect(sheet.getRange('I2').getValue()).not.toBe('');
  sheet.getRange('I2').setValue('mine');
  expect(sheet.getRange('H1').getValue()).toBe('#REF!');
  expect(sheet.getRange('I3').getValue()).toBe('');
  const h1 = () => playground.book.snapshot().grid[0][7];
  expect(h1().error).toBe('Array result was not expanded because it would overwrite data in I2.');
  sheet.getRange('I2').setValue('');
  expect(sheet.getRange('H1').getValue()).toBe('Model');
  // a function's error is #ERROR! with its message
  sheet.getRange('A5').setFormula('=OPENAI_COST("gpt-nope",1,1)');
  expect(sheet.getRange('A5').getDisplayValue()).toBe('#ERROR!');
  expect(playground.book.snapshot().grid[4][0].error).toMatch(/gpt-nope/);
  // an error inside a range shows in SUM (never a partial sum) and stops a custom function
  sheet.getRange('A6').setFormula('=SUM(A4:A5)');
  expect(sheet.getRange('A6').getValue()).toBe('#ERROR!');
  sheet.getRange('A7').setFormula('=OPENAI_COST("gpt-4o", A4:A5, 1)');
  expect(playground.book.snapshot().grid[6][0].error).toMatch(/gpt-nope/);
});

test('a blank result shows blank, not #NULL!, and sums as nothing', () => {
  const { sheet, playground } = book();
  // the add-on's own blank answers: all arguments blank, and a range of blank rows
  sheet.getRange('A1').setFormula('=OPENAI_COST("","","")');
  sheet.getRange('A2').setFormula('=OPENAI_COST(C2:C4,D2:D4,E2:E4)');
  expect(playground.fns.OPENAI_COST('', '', '')).toBe('');
  expect(sheet.getRange('A1:A5').getDisplayValues()).toEqual([[''], [''], [''], [''], ['']]);
  sheet.getRange('B1').setFormula('=SUM(A1:A5)');
  sheet.getRange('B2').setFormula('=SUM(OPENAI_COST(C2:C4,D2:D4,E2:E4))+A1+1');
  expect(sheet.getRange('B1:B2').getValues()).toEqual([[0], [1]]);
  // a filled row among the blank ones: the sum is that row's cost
  sheet.getRange('C3:E3').setValues([['gpt-4o', 1000, 500]]);
  expect(sheet.getRange('B1').getValue()).toBe(playground.fns.OPENAI_COST('gpt-4o', 1000, 500));
});

test('every formula follows an edit of a cell it reads, through other formulas', () => {
  const { sheet, playground } = book();
  sheet.getRange('A1:B1').setValues([[1000, '=OPENAI_COST("gpt-4o", A1, 0)']]);
  sheet.getRange('C1').setFormula('=ROUND(B1 * 1000, 2)');
  expect(sheet.getRange('C1').getValue()).toBe(2.5);
  playground.book.type(playground.book.active, 1, 1, '2000');
  expect(sheet.getRange('C1').getValue()).toBe(5);
  // typing "5%" gives 0.05 shown as 5%; "$1,200" a number shown as currency
  playground.book.type(playground.book.active, 2, 1, '5%');
  playground.book.type(playground.book.active, 3, 1, '$1,200');
  expect(sheet.getRange('A2:A3').getValues()).toEqual([[0.05], [1200]]);
  expect(sheet.getRange('A2:A3').getDisplayValues()).toEqual([['5%'], ['$1,200.00']]);
  expect(playground.book.snapshot().grid[1][0].input).toBe('5%');
  playground.book.type(playground.book.active, 2, 1, '');
  expect(sheet.getRange('A2').isBlank()).toBe(true);
});

test('circular references and syntax errors do not hang or throw', () => {
  const { sheet, playground } = book();
  sheet.getRange('A1').setFormula('=B1+1');
  sheet.getRange('B1').setFormula('=A1+1');
  expect(sheet.getRange('A1').getValue()).toBe('#REF!');
  for (const bad of ['=1+', '=SUM(1', '=1+*2']) {
    sheet.getRange('C1').setFormula(bad);
    expect([bad, sheet.getRange('C1').getValue()]).toEqual([bad, '#ERROR!']);
    expect(playground.book.snapshot().grid[0][2].error).toBe('Formula parse error.');
  }
  const engine = new FormulaEngine({ value: () => '', size: () => ({ rows: 10, columns: 5 }) });
  expect(engine.evaluate('=Nowhere!A1', 'S')).toBe('');
});

test('open ranges close at the last row; text literals are left alone', () => {
  expect(closeOpenRanges('SUM(A2:A)+SUM($B$3:C,"A2:A")')).toBe(
    'SUM(A2:A1048576)+SUM($B$3:C1048576,"A2:A")',
  );
  expect(closeOpenRanges('Other!A2:A9*2')).toBe('Other!A2:A9*2');
});

test('serial numbers and dates', () => {
  expect(dateToSerial(new Date(2026, 0, 1))).toBe(46023);
  expect(serialToDate(46023)).toEqual(new Date(2026, 0, 1));
  expect(serialToDate(dateToSerial(new Date(2028, 1, 29, 6)))).toEqual(new Date(2028, 1, 29, 6));
  expect(isDateFormat('mmm yyyy')).toBe(true);
  expect(isDateFormat('$#,##0.00')).toBe(false);
  expect(isDateFormat('0.0%')).toBe(false);
});

test.each([
  [0.05, '0.0%', '5%'],
  [0.07, '0%', '7%'],
  [1234.5, '$#,##0.00', '1234.5'],
  [new Date(2026, 0, 1), 'mmm yyyy', '2026-01-01'],
  [true, '', 'TRUE'],
])('editText(%p, %p) = %p', (value, format, shown) => {
  expect(editText(value, format)).toBe(shown);
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

test('ARRAYFORMULA evaluates its argument cell by cell: operators, IF, LEFT, broadcasting', () => {
  const { sheet, valueOf, playground } = book();
  sheet.getRange('A1:C5').setValues([
    ['n', 'name', 'flag'],
    [1, 'gpt-4o', true],
    [2, 'o3', false],
    ['', '', ''],
    [4, 'gpt-4o', 'True'],
  ]);
  const spill = (formula: string, a1 = 'H1:H6') => {
    sheet.getRange('H1').setFormula(formula);
    return playground.SpreadsheetApp.getActiveSpreadsheet().getRange(a1).getValues();
  };
  expect(spill('=ARRAYFORMULA(A2:A5*2)', 'H1:H4').flat()).toEqual([2, 4, 0, 8]);
  expect(spill('=ARRAYFORMULA(IF(A2:A5="", "", B2:B5&"-"&A2:A5))', 'H1:H4').flat()).toEqual([
    'gpt-4o-1',
    'o3-2',
    '',
    'gpt-4o-4',
  ]);
  expect(spill('=ARRAYFORMULA(LEFT(B2:B3, 3))', 'H1:H2').flat()).toEqual(['gpt', 'o3']);
  expect(spill('=ARRAYFORMULA(-A2:A3)', 'H1:H2').flat()).toEqual([-1, -2]);
  // the README's old recipe: the batch flag as tiers, blank rows blank
  expect(
    spill('=ARRAYFORMULA(IF(C2:C5="", "", IF(C2:C5, "batch", "standard")))', 'H1:H4').flat(),
  ).toEqual(['batch', 'standard', '', 'batch']);
  // a row against a column broadcasts; arrays of different lengths give #N/A past the shorter
  expect(spill('=ARRAYFORMULA(A2:A3&{"x","y"})', 'H1:I2')).toEqual([
    ['1x', '1y'],
    ['2x', '2y'],
  ]);
  expect(spill('=ARRAYFORMULA(A2:A4&B2:B3)', 'H1:H3').flat()).toEqual(['1gpt-4o', '2o3', '#N/A']);
  // SUM and SUMIFS take the array whole, as in Sheets
  expect(valueOf('=ARRAYFORMULA(SUM(A2:A5*2))')).toBe(14);
});

test('FILTER, SORT, UNIQUE, HSTACK, CHOOSECOLS, IFNA, and SUMIF/COUNTIF over arrays', () => {
  const { sheet, valueOf, playground } = book();
  sheet.getRange('A1:C6').setValues([
    // months as text (the apostrophe), as the usage import writes them: Sheets reads "2026-09" as a date
    ['month', 'model', 'cost'],
    ["'2026-09", 'o3', 2],
    ["'2026-08", 'gpt-4o', 1.5],
    ["'2026-08", 'o3', 'not priced: x'],
    ['', '', ''],
    ["'2026-08", 'GPT-4o', 4],
  ]);
  const spill = (formula: string, a1: string) => {
    sheet.getRange('H1').setFormula(formula);
    return playground.SpreadsheetApp.getActiveSpreadsheet().getRange(a1).getValues();
  };
  expect(spill('=FILTER(A2:B6, B2:B6="o3")', 'H1:I2')).toEqual([
    ['2026-09', 'o3'],
    ['2026-08', 'o3'],
  ]);
  expect(valueOf('=IFNA(FILTER(A2:A6, B2:B6="gpt-5"), "none")')).toBe('none');
  expect(
    spill('=SORT(UNIQUE(FILTER(HSTACK(A2:A6, B2:B6), B2:B6<>"")), 1, TRUE(), 2, FALSE())', 'H1:I4'),
  ).toEqual([
    ['2026-08', 'o3'],
    ['2026-08', 'gpt-4o'],
    ['2026-08', 'GPT-4o'], // UNIQUE keeps case; SORT compares without it (stable)
    ['2026-09', 'o3'],
  ]);
  expect(spill('=CHOOSECOLS(A2:C3, -1, 1)', 'H1:I2')).toEqual([
    [2, '2026-09'],
    [1.5, '2026-08'],
  ]);
  expect(spill('=HSTACK(A2:A3, B2:B4)', 'H1:I3')).toEqual([
    ['2026-09', 'o3'],
    ['2026-08', 'gpt-4o'],
    ['#N/A', 'o3'],
  ]);
  // SUMIF: text without case, wildcards, comparisons; text in the sum range is skipped
  expect(valueOf('=SUMIF(B2:B6, "gpt-4o", C2:C6)')).toBe(5.5);
  expect(valueOf('=SUMIF(B2:B6, "o*", C2:C6)')).toBe(2);
  expect(valueOf('=SUMIF(C2:C6, ">1.5")')).toBe(6);
  expect(valueOf('=COUNTIF(C2:C6, "not priced*")')).toBe(1);
  expect(valueOf('=COUNTIF(B2:B6, "")')).toBe(1);
  // under ARRAYFORMULA: an array as the range, an array of criteria, one result per criterion
  expect(
    spill(
      '=ARRAYFORMULA(SUMIF(A2:A6&"|"&B2:B6, {"2026-08|gpt-4o";"2026-09|o3";"x"}, C2:C6))',
      'H1:H3',
    ).flat(),
  ).toEqual([5.5, 2, 0]);
  expect(
    spill(
      '=ARRAYFORMULA(COUNTIF(B2:B6&"|"&LEFT(C2:C6, 10), {"o3|not priced";"o3|2"}))',
      'H1:H2',
    ).flat(),
  ).toEqual([1, 1]);
  // IFNA keeps a blank blank (the library made it 0)
  expect(spill('=ARRAYFORMULA(IFNA(HSTACK(A5:A6, B2:B2), "-"))', 'H1:I2')).toEqual([
    ['', 'o3'],
    ['2026-08', '-'],
  ]);
});
