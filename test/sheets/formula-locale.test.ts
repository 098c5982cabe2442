// Formulas in the spreadsheet locale's syntax (src/sheets/formula-locale.ts): which locales write
// ";" (docs/locale-check.md has the sources), and the conversion, checked against formulas
// rendered independently in both syntaxes from one random formula tree.
import fc from 'fast-check';
import {
  COMMA_SYNTAX,
  convertFormula,
  localizeFormula,
  SEMICOLON_SYNTAX,
  syntaxForLocale,
  type FormulaSyntax,
} from '../../src/sheets/formula-locale';

// getSpreadsheetLocale() codes; the "," family is the 28 locales of Sheets' settings that write
// decimals with a point (United States, United Kingdom, Canada (English), India and its 8
// languages, Japan, ...), every other one writes ";"
const COMMA_LOCALES = 'en_US en_GB cy_GB en_IE en_AU en_CA en_IN hi_IN bn_IN ta_IN te_IN ja_JP ko_KR zh_CN zh_TW zh_HK th_TH iw_IL he_IL ar_EG es_MX de_CH mn_MN my_MM fil_PH en en-us EN_us ja'; // prettier-ignore
const SEMICOLON_LOCALES = 'de_DE fr_FR fr_CA pt_BR pt_PT tr_TR es_ES ca_ES it_IT nl_NL ru_RU pl_PL uk_UA cs_CZ sv_SE da_DK fi_FI nb_NO hu_HU ro_RO el_GR id_ID vi_VN es_AR es_CO es_CL de_AT az_AZ kk_KZ de fr xx_YY'; // prettier-ignore

test.each(COMMA_LOCALES.split(' '))('%s writes "," between arguments', (locale) => {
  expect(syntaxForLocale(locale)).toEqual(COMMA_SYNTAX);
});
test.each(SEMICOLON_LOCALES.split(' '))('%s writes ";" (decimal comma, or unknown)', (locale) => {
  expect(syntaxForLocale(locale)).toEqual(SEMICOLON_SYNTAX);
});

test('no locale at all (a host that does not say) is the "," form the formulas are built in', () => {
  for (const blank of ['', '  ', undefined, null]) {
    expect(syntaxForLocale(blank as unknown as string)).toEqual(COMMA_SYNTAX);
  }
});

test('the formulas the add-on writes, in de_DE', () => {
  const de = (f: string) => localizeFormula(f, SEMICOLON_SYNTAX);
  expect(de('=OPENAI_PRICE_TABLE("text","standard",,$D$1)')).toBe(
    '=OPENAI_PRICE_TABLE("text";"standard";;$D$1)',
  );
  expect(de('=IF($B$3="","Month 1",EDATE($B$3,0))')).toBe('=IF($B$3="";"Month 1";EDATE($B$3;0))');
  // text and sheet names keep their commas; a calculator's fractions get a decimal comma
  expect(de(`=OPENAI_COST("a, b",1000,.5,"x""," ,0.25)+'Q1, Q2'!A1`)).toBe(
    `=OPENAI_COST("a, b";1000;0,5;"x""," ;0,25)+'Q1, Q2'!A1`,
  );
  // array literals: "\\" between columns, ";" between rows; a call inside keeps ";"
  expect(de('={1,2.5;SUM(A1,B1),4}')).toBe('={1\\2,5;SUM(A1;B1)\\4}');
  // digits that belong to names and references are not numbers
  expect(de('=LOG10(A1)+$B$22*Sheet2!C3+SUM(1:3)')).toBe('=LOG10(A1)+$B$22*Sheet2!C3+SUM(1:3)');
  expect(localizeFormula('=SUM(1.5,2)', COMMA_SYNTAX)).toBe('=SUM(1.5,2)');
});

test('reading: a "," between arguments is a parse error in the ";" family; ";" is read in both', () => {
  expect(() => convertFormula('SUM("a",1)', SEMICOLON_SYNTAX, COMMA_SYNTAX)).toThrow(/parse error/);
  // 1000,500 in de_DE is one number: the silent error a comma formula makes there
  expect(convertFormula('SUM(1000,500)', SEMICOLON_SYNTAX, COMMA_SYNTAX)).toBe('SUM(1000.500)');
  expect(convertFormula('SUM(1;2)', COMMA_SYNTAX, COMMA_SYNTAX)).toBe('SUM(1,2)');
});

// ---------------------------------------------------------------------------------------------
// property: one random formula tree, rendered in each syntax on its own

type Node =
  | { kind: 'number'; whole: number; fraction: string }
  | { kind: 'text'; text: string }
  | { kind: 'ref'; sheet: string | null; a1: string }
  | { kind: 'call'; name: string; args: (Node | null)[] }
  | { kind: 'array'; rows: Node[][] };

const text = fc.string({ unit: fc.constantFrom('a', ',', ';', '\\', '"', "'", ' ', '.', '1', '{', '(') }); // prettier-ignore
const node: fc.Arbitrary<Node> = fc.letrec<{ node: Node }>((tie) => ({
  node: fc.oneof(
    { depthSize: 'small', withCrossShrink: true },
    fc.record({ kind: fc.constant('number' as const), whole: fc.nat(99999), fraction: fc.constantFrom('', '5', '25', '075') }), // prettier-ignore
    fc.record({ kind: fc.constant('text' as const), text }),
    fc.record({ kind: fc.constant('ref' as const), sheet: fc.option(text, { nil: null }), a1: fc.constantFrom('A1', '$B$3', 'C2:D9', 'AA10') }), // prettier-ignore
    fc.record({ kind: fc.constant('call' as const), name: fc.constantFrom('SUM', 'IF', 'OPENAI_COST', 'LOG10'), args: fc.array(fc.option(tie('node'), { nil: null, freq: 4 }), { maxLength: 4 }) }), // prettier-ignore
    fc.record({ kind: fc.constant('array' as const), rows: fc.array(fc.array(tie('node'), { minLength: 1, maxLength: 3 }), { minLength: 1, maxLength: 3 }) }), // prettier-ignore
  ),
})).node;

function render(n: Node, s: FormulaSyntax): string {
  switch (n.kind) {
    case 'number':
      return n.fraction ? `${n.whole}${s.decimal}${n.fraction}` : String(n.whole);
    case 'text':
      return `"${n.text.replace(/"/g, '""')}"`;
    case 'ref':
      return n.sheet === null ? n.a1 : `'${n.sheet.replace(/'/g, "''")}'!${n.a1}`;
    case 'call':
      return `${n.name}(${n.args.map((a) => (a ? render(a, s) : '')).join(s.argument)})`;
    case 'array':
      return `{${n.rows.map((row) => row.map((c) => render(c, s)).join(s.arrayColumn)).join(';')}}`;
  }
}

test('property: localizing the "," form gives the ";" form, and reading it back the "," form', () => {
  fc.assert(
    fc.property(node, (tree) => {
      const comma = `=${render(tree, COMMA_SYNTAX)}`;
      const semicolon = `=${render(tree, SEMICOLON_SYNTAX)}`;
      expect(localizeFormula(comma, SEMICOLON_SYNTAX)).toBe(semicolon);
      expect(convertFormula(semicolon, SEMICOLON_SYNTAX, COMMA_SYNTAX)).toBe(comma);
      expect(localizeFormula(comma, COMMA_SYNTAX)).toBe(comma);
    }),
    { numRuns: 500 },
  );
});
