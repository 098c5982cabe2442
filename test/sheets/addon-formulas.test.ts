// The sidebar's formula check: what it accepts, and that it answers in linear time whatever the
// input (issue 11: a regular expression with nested optional repetition took minutes).
import fc from 'fast-check';
import { checkAddonFormula } from '../../src/sheets/addon-formulas';

const accepts = (f: string) => checkAddonFormula(f);
const refuses = (f: unknown) =>
  expect(() => checkAddonFormula(f)).toThrow(/not a formula of this add-on/);

test('calls of the add-on with literal arguments, and nothing else', () => {
  for (const f of [
    '=OPENAI_COST("gpt-4o",1000,500)',
    ' =OPENAI_COST( "gpt-4o" , 1e6 , .5 , "batch" , -2.5E-3 ) ',
    '=OPENAI_PRICE("a""b")',
    '=OPENAI_MODELS()',
    '=OPENAI_PRICE_TABLE("text","standard",,1)',
  ])
    expect(accepts(f)).toBe(f.trim());
  for (const f of [
    '=OPENAI_COST(A1,1,1)',
    '=OPENAI_COST("a",1,1)+1',
    '=OPENAI_COST("a)',
    '=OPENAI_COST(1e,1)',
    '=OPENAI_COST(.,1)',
    '=OPENAI_COST(--1)',
    '=IMPORTXML("x","y")',
    '=openai_cost("a",1,1)',
    'OPENAI_COST(1)',
    42,
    null,
  ])
    refuses(f);
});

/** Milliseconds one check takes. */
function timed(text: string): number {
  const start = performance.now();
  try {
    checkAddonFormula(text);
  } catch {
    // refused: we only time it
  }
  return performance.now() - start;
}

test('adversarial inputs answer at once (linear time)', () => {
  const hostile = [
    `=OPENAI_COST(${'  ,'.repeat(24)}x`,
    `=OPENAI_COST(${'  ,'.repeat(20000)}x`,
    `=OPENAI_COST(${'1'.repeat(60000)}`,
    `=OPENAI_COST(${'1'.repeat(60000)})`,
    `=OPENAI_COST("${'""'.repeat(30000)}`,
    `=OPENAI_COST(${'1.'.repeat(30000)})`,
    `=${'A'.repeat(100000)}`,
  ];
  // the old regular expression took 2 s on 60,000 digits and minutes on the 24 commas; a linear
  // scan takes about a millisecond: 200 ms leaves room for a busy CI machine
  for (const text of hostile)
    expect([text.slice(0, 30), timed(text) < 200]).toEqual([text.slice(0, 30), true]);
  const message = (() => {
    try {
      checkAddonFormula(hostile[2]);
      return '';
    } catch (error) {
      return (error as Error).message;
    }
  })();
  expect(message.length).toBeLessThan(200); // the text is cut, not echoed whole
});

test('property: any string built from formula pieces is checked within 200 ms', () => {
  const piece = fc.constantFrom(' ', ',', '"', '""', '1', '.', 'e', '-', '+', ')', '(', 'x', '  ,');
  fc.assert(
    fc.property(fc.array(piece, { maxLength: 3000 }), (pieces) => {
      const text = `=OPENAI_COST(${pieces.join('')}`;
      return timed(text) < 200;
    }),
    { numRuns: 200 },
  );
});
