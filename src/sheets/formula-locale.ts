// Formulas in the spreadsheet locale's syntax. Every formula is built in one form (formula-text.ts:
// English names, "," between arguments, "." in numbers) and converted here at the moment it is
// written (block-writer.ts). Sheets has two syntax families (docs/locale-check.md has the sources):
//   ","  family: ","  between arguments, "," between array columns ({1,2;3,4}), "." in numbers;
//   ";"  family: ";"  between arguments, "\" between array columns ({1\2;3\4}), "," in numbers.
// ";" between array ROWS is the same in both. Sheets puts 28 of its 72 locales (2022) in the ","
// family: the English-speaking countries but Canada's French, East Asia, India, Israel, Egypt,
// Mexico, Mongolia, Myanmar, the Philippines, Switzerland, Thailand. Every other locale is ";";
// so is an unknown one, because Sheets also reads ";" between arguments in the "," family (it
// turns ";" into ","), while a "," is never read as ";" in the other family.

export interface FormulaSyntax {
  /** between function arguments */
  argument: ',' | ';';
  /** between the columns of an array literal {a,b} */
  arrayColumn: ',' | '\\';
  /** in number literals */
  decimal: '.' | ',';
}

export const COMMA_SYNTAX: FormulaSyntax = { argument: ',', arrayColumn: ',', decimal: '.' };
export const SEMICOLON_SYNTAX: FormulaSyntax = { argument: ';', arrayColumn: '\\', decimal: ',' };

/** Countries whose locale is in the "," family (whatever its language, but see CA). */
const COMMA_COUNTRIES = new Set(
  'US GB IE AU CA IN IL EG JP KR CN TW HK MN MM PH CH TH MX'.split(' '),
);
/** Languages whose locale is in the "," family when the code names no country ("en", "ja"). */
const COMMA_LANGUAGES = new Set(
  'en ja ko zh th he iw hi bn gu kn ml mr pa ta te mn my fil tl'.split(' '),
);

/**
 * The syntax of a locale code as getSpreadsheetLocale() returns it: "en_US", "de_DE", "fr_CA",
 * "en" or "fil" (a language alone), case and "-" tolerated.
 */
export function syntaxForLocale(locale: string): FormulaSyntax {
  // no locale at all (a host that does not say): the form every formula is built in
  if (typeof locale !== 'string' || locale.trim() === '') return COMMA_SYNTAX;
  const [language = '', country = ''] = locale.trim().split(/[_-]/);
  const lang = language.toLowerCase();
  const land = country.toUpperCase();
  if (land === '') return COMMA_LANGUAGES.has(lang) ? COMMA_SYNTAX : SEMICOLON_SYNTAX;
  if (land === 'CA') return lang === 'fr' ? SEMICOLON_SYNTAX : COMMA_SYNTAX; // Canada (French): ";"
  return COMMA_COUNTRIES.has(land) ? COMMA_SYNTAX : SEMICOLON_SYNTAX;
}

/**
 * Rewrites a formula from one syntax to another, outside "text" and 'sheet names' only: argument
 * separators, array column separators and the decimal mark of number literals. Throws on a "," in
 * the ";" family that is neither a decimal mark nor inside text (Sheets' "Formula parse error").
 */
export function convertFormula(formula: string, from: FormulaSyntax, to: FormulaSyntax): string {
  let out = '';
  const openers: string[] = []; // "(" or "{": what a separator inside them means
  let k = 0;
  const n = formula.length;
  while (k < n) {
    const ch = formula[k];
    if (ch === '"' || ch === "'") {
      // text, or a quoted sheet name: as is, a doubled quote escapes one
      let end = k + 1;
      for (; end < n; end++) {
        if (formula[end] !== ch) continue;
        if (formula[end + 1] === ch) end++;
        else break;
      }
      out += formula.slice(k, end + 1);
      k = end + 1;
      continue;
    }
    const number = numberAt(formula, k, from.decimal);
    if (number !== null) {
      // ".5" written "0,5": a number that starts with its mark reads the same in every locale
      const whole = number.startsWith(from.decimal) ? `0${number}` : number;
      out += from.decimal === to.decimal ? whole : whole.replace(from.decimal, to.decimal);
      k += number.length;
      continue;
    }
    if (ch === '(' || ch === '{') openers.push(ch);
    else if (ch === ')' || ch === '}') openers.pop();
    const inArray = openers[openers.length - 1] === '{';
    if (inArray && ch === from.arrayColumn) out += to.arrayColumn;
    else if (!inArray && ch === from.argument) out += to.argument;
    else if (!inArray && ch === ';' && from.argument === ',')
      out += to.argument; // ";" read as ","
    else if (ch === ',' && from.decimal === ',') {
      throw new Error(`Formula parse error: "," at ${k + 1} of ${formula}`);
    } else out += ch;
    k++;
  }
  return out;
}

/**
 * The number literal starting at `k` (with `decimal` as its mark), or null: digits not glued to a
 * name or reference before them (LOG10, A1, $B$3, Sheet2!), an optional fraction and exponent.
 */
function numberAt(text: string, k: number, decimal: string): string | null {
  const before = k > 0 ? text[k - 1] : '';
  if (/[A-Za-z0-9_$.!:]/.test(before)) return null;
  const digits = /^\d*/.exec(text.slice(k))![0];
  let end = k + digits.length;
  // a leading mark is a number only as "." (",5" would hide a "," between arguments)
  const fraction = digits !== '' || decimal === '.';
  if (fraction && text[end] === decimal && /\d/.test(text[end + 1] ?? '')) {
    end++;
    while (/\d/.test(text[end] ?? '')) end++;
  } else if (digits === '') return null;
  const exponent = /^[eE][+-]?\d+/.exec(text.slice(end));
  if (exponent) end += exponent[0].length;
  // a name that starts with digits is not a number ("1st"), nor a row range ("1:3")
  if (/[A-Za-z_(:]/.test(text[end] ?? '')) return null;
  return text.slice(k, end);
}

/** A formula in the add-on's "," form, in the spreadsheet syntax `to`. */
export function localizeFormula(formula: string, to: FormulaSyntax): string {
  return convertFormula(formula, COMMA_SYNTAX, to);
}
