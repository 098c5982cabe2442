// Computed cost vs OpenAI's bill, per UTC day. Money is summed exactly: a bill is a decimal with up
// to 36 decimals ("0.003400000000000000000000000000000000"), computed costs are whole pico-dollars
// (USD × 1e12) for whole token counts, so both sides add up as whole dollars plus pico-dollars
// (two integers, exact in doubles) and become a number once, at the end. Digits below a
// pico-dollar (float noise in the Costs API) are rounded off each amount.

import { dayToIso, type Day } from './dates';
import { PricingError } from './errors';
import { shown } from './show';

const PICOS_PER_DOLLAR = 1e12;

/** An exact sum of dollars: whole dollars plus pico-dollars in [0, 1e12). */
export class Money {
  constructor(
    public dollars = 0,
    public picos = 0,
  ) {
    this.normalize();
  }

  private normalize(): void {
    if (this.picos >= PICOS_PER_DOLLAR || this.picos < 0) {
      const carry = Math.floor(this.picos / PICOS_PER_DOLLAR);
      this.dollars += carry;
      this.picos -= carry * PICOS_PER_DOLLAR;
    }
  }

  /** Adds pico-dollars (a computed cost). */
  addPicos(picos: number): void {
    const whole = Math.floor(picos / PICOS_PER_DOLLAR);
    this.dollars += whole;
    this.picos += picos - whole * PICOS_PER_DOLLAR;
    this.normalize();
  }

  add(other: Money): void {
    this.dollars += other.dollars;
    this.picos += other.picos;
    this.normalize();
  }

  minus(other: Money): Money {
    return new Money(this.dollars - other.dollars, this.picos - other.picos);
  }

  /** The number nearest the exact sum (one rounding, by parsing its decimal text). */
  toNumber(): number {
    const picos = Math.round(this.picos);
    if (this.dollars >= 0 || picos === 0) {
      return Number(
        `${this.dollars + (picos === PICOS_PER_DOLLAR ? 1 : 0)}.${pad(picos % PICOS_PER_DOLLAR)}`,
      );
    }
    // -2 dollars + 0.25e12 picos = -1.75 (0 - x: never -0)
    return 0 - Number(`${-this.dollars - 1}.${pad(PICOS_PER_DOLLAR - picos)}`);
  }
}

const pad = (picos: number) => String(picos).padStart(12, '0');

const DECIMAL = /^([+-])?(\d*)(?:\.(\d*))?(?:e([+-]?\d+))?$/i;

/**
 * A bill amount: a number, or decimal text with any number of decimals (an exponent too, as a
 * number's text can have: 1.2e-7). Null when it is not a number.
 */
export function parseAmount(value: number | string): Money | null {
  const text = typeof value === 'number' ? String(value) : value.trim();
  const m = DECIMAL.exec(text);
  if (!m || (m[2] === '' && (m[3] ?? '') === '')) return null;
  const integer = m[2].replace(/^0+/, '');
  let digits = `${integer}${m[3] ?? ''}`;
  // the decimal point's place from the left of `digits`
  let point = integer.length + Number(m[4] ?? 0);
  if (point > 15) return null; // beyond exact whole dollars: not a bill
  if (point < -13) return new Money(); // below a pico-dollar
  if (point < 0) {
    digits = '0'.repeat(-point) + digits;
    point = 0;
  }
  if (point > digits.length) digits += '0'.repeat(point - digits.length);
  const whole = digits.slice(0, point).replace(/^0+/, '') || '0';
  if (whole.length > 15) return null;
  const fraction = digits.slice(point).padEnd(13, '0');
  let picos = Number(fraction.slice(0, 12));
  if (fraction.charCodeAt(12) >= 53) picos += 1; // round half up at the 13th decimal
  const amount = new Money(Number(whole), picos);
  return m[1] === '-' ? new Money(0, 0).minus(amount) : amount;
}

/** One UTC day's side by side. */
export interface DayLedger {
  computed: Money;
  billed: Money;
  usageRows: number;
  notPriced: number;
  bills: number;
}

/** The days of usage and bills, each day's sums. */
export class Ledger {
  private readonly days = new Map<Day, DayLedger>();

  private of(day: Day): DayLedger {
    let ledger = this.days.get(day);
    if (!ledger) {
      ledger = { computed: new Money(), billed: new Money(), usageRows: 0, notPriced: 0, bills: 0 };
      this.days.set(day, ledger);
    }
    return ledger;
  }

  usage(day: Day, picos: number): void {
    const ledger = this.of(day);
    ledger.usageRows++;
    ledger.computed.addPicos(picos);
  }

  notPriced(day: Day): void {
    const ledger = this.of(day);
    ledger.usageRows++;
    ledger.notPriced++;
  }

  bill(day: Day, amount: Money): void {
    const ledger = this.of(day);
    ledger.bills++;
    ledger.billed.add(amount);
  }

  /** The reconciliation table: header, a row per day (ascending), then the total. */
  table(tolerance: number | null): unknown[][] {
    const out: unknown[][] = [['day', 'computed_usd', 'billed_usd', 'difference_usd', 'status']];
    const total: DayLedger = {
      computed: new Money(),
      billed: new Money(),
      usageRows: 0,
      notPriced: 0,
      bills: 0,
    };
    for (const day of [...this.days.keys()].sort((a, b) => a - b)) {
      const ledger = this.days.get(day)!;
      out.push(row(dayToIso(day), ledger, tolerance));
      total.computed.add(ledger.computed);
      total.billed.add(ledger.billed);
      total.usageRows += ledger.usageRows;
      total.notPriced += ledger.notPriced;
      total.bills += ledger.bills;
    }
    out.push(row('total', total, tolerance));
    return out;
  }
}

function row(label: string, ledger: DayLedger, tolerance: number | null): unknown[] {
  const computed = ledger.computed.toNumber();
  const billed = ledger.billed.toNumber();
  const difference = ledger.billed.minus(ledger.computed).toNumber();
  return [label, computed, billed, difference, status(ledger, billed, difference, tolerance)];
}

/** The smallest default tolerance: a bill is an exact decimal, so a hundredth of a cent is noise. */
const MIN_TOLERANCE = 0.0001;

/**
 * `match` within the tolerance (default: 1% of the bill or $0.0001, whichever is larger; a number:
 * that many dollars), else which side is larger; `no usage` / `no bill` for one-sided days;
 * `not priced: N rows` when some usage rows have no cost, since the computed side is then short.
 */
export function status(
  ledger: DayLedger,
  billed: number,
  difference: number,
  tolerance: number | null,
): string {
  if (ledger.notPriced > 0) {
    return `not priced: ${ledger.notPriced} rows`; // the spec's wording, also for 1
  }
  if (ledger.usageRows === 0) return 'no usage';
  if (ledger.bills === 0) return 'no bill';
  const allowed = tolerance ?? Math.max(Math.abs(billed) / 100, MIN_TOLERANCE);
  if (Math.abs(difference) <= allowed) return 'match';
  return difference > 0 ? 'billed more' : 'billed less';
}

/** The tolerance argument: blank → the default; a number of dollars, 0 or more. */
export function parseTolerance(value: unknown): number | null {
  if (value === '' || value === null || value === undefined) return null;
  const number =
    typeof value === 'number'
      ? value
      : typeof value === 'string' && value.trim() !== ''
        ? Number(value.trim())
        : NaN;
  if (Number.isFinite(number) && number >= 0) return number;
  throw new PricingError(
    `tolerance is ${shown(value)}: give dollars, 0 or more (e.g. 0.01), or leave it blank for 1% of each day's bill`,
  );
}

/** amount_currency: the reconciliation compares US dollars only. */
export function checkCurrency(value: unknown): void {
  if (value === '' || value === null || value === undefined) return;
  if (typeof value === 'string' && value.trim().toLowerCase() === 'usd') return;
  throw new PricingError(
    `amount_currency is ${shown(value)}: OPENAI_RECONCILE compares US dollars (usd) only; convert the bill first`,
  );
}
