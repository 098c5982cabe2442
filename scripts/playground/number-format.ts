// Sheets number formats, as far as the add-on uses them: currency and plain numbers with grouping
// and optional digits ("$#,##0.00#", "#,##0", "0.00"), percentages ("0%", "0.0%"), dates
// ("yyyy-mm-dd", "mmm yyyy", "mmmm yyyy") and General/"" (automatic). Enough for the playground
// grid.

function formatDate(date: Date, format: string): string {
  const pad = (n: number) => String(n).padStart(2, '0');
  const month = date.toLocaleString('en-US', { month: 'long' }); // the spreadsheet's locale
  // "mmmm" the full name, "mmm" its first 3 letters (no name holds the "mm" or "dd" replaced next)
  return format
    .replace(/yyyy/i, String(date.getFullYear()))
    .replace(/m{3,4}/i, (m) => (m.length === 4 ? month : month.slice(0, 3)))
    .replace(/mm/i, pad(date.getMonth() + 1))
    .replace(/dd/i, pad(date.getDate()));
}

/** Automatic: up to 10 significant digits, like Sheets' default display. */
function general(value: number): string {
  if (Number.isInteger(value)) return String(value);
  return String(Number(value.toPrecision(10)));
}

function formatNumber(value: number, format: string): string {
  const match = /^([^#0.,%]*)([#0,]*)(?:\.([0#]+))?(%?)(.*)$/.exec(format);
  if (!match || !/[#0]/.test(match[2] + (match[3] ?? ''))) return general(value);
  const [, prefix, whole, fraction = '', percent, suffix] = match;
  const scaled = Math.abs(percent ? value * 100 : value);
  const required = (fraction.match(/0/g) ?? []).length;
  const optional = fraction.length - required;
  let text = scaled.toFixed(required + optional);
  if (optional > 0) text = text.replace(new RegExp(`0{0,${optional}}$`), '').replace(/\.$/, '');
  const [digits, decimals] = text.split('.');
  let integer = digits;
  if (whole.includes(',')) integer = integer.replace(/\B(?=(\d{3})+$)/g, ',');
  if (integer === '0' && !whole.includes('0')) integer = '';
  const sign = value < 0 && Number(text) !== 0 ? '-' : '';
  return `${sign}${prefix}${integer}${decimals !== undefined ? `.${decimals}` : ''}${percent}${suffix}`;
}

const isDate = (value: unknown): value is Date =>
  Object.prototype.toString.call(value) === '[object Date]';

/** A date format ("mmm yyyy", "yyyy-mm-dd"), not a number format ("$#,##0.00", "0%"). */
export function isDateFormat(format = ''): boolean {
  return /[yd]|m{3}/i.test(format.replace(/"[^"]*"/g, ''));
}

/** A cell value as Sheets displays it with the given number format. */
export function formatValue(value: unknown, format = ''): string {
  if (value === null || value === undefined) return '';
  if (isDate(value)) {
    return formatDate(new Date(+value), isDateFormat(format) ? format : 'yyyy-mm-dd');
  }
  if (typeof value === 'boolean') return value ? 'TRUE' : 'FALSE';
  if (typeof value !== 'number') return String(value);
  if (format === '' || /^general$/i.test(format) || format === '@') return general(value);
  return formatNumber(value, format.split(';')[0]);
}

/** A value as the cell editor shows it when the user edits it: 0.05 as "5%" in a % cell, ... */
export function editText(value: unknown, format = ''): string {
  if (value === null || value === undefined) return '';
  if (isDate(value)) return formatDate(new Date(+value), 'yyyy-mm-dd');
  if (typeof value === 'boolean') return value ? 'TRUE' : 'FALSE';
  // 15 significant digits: 0.07 * 100 is 7.000000000000001 in floating point
  if (typeof value === 'number' && /%/.test(format))
    return `${Number((value * 100).toPrecision(15))}%`;
  return String(value);
}
