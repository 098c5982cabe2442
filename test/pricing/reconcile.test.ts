// Reconciling per UTC day: exact money sums (bills with up to 36 decimals, computed pico-dollars),
// the statuses and the tolerance, against decimal.js.
import DecimalJs from 'decimal.js';
import fc from 'fast-check';
import { isoToDay } from '../../src/pricing/dates';
import {
  checkCurrency,
  Ledger,
  Money,
  parseAmount,
  parseTolerance,
} from '../../src/pricing/reconcile';
import { thrown } from '../support/reference';

// enough digits for 15 whole and 36 decimal places
const Decimal = DecimalJs.clone({ precision: 80 });
const day = (iso: string) => isoToDay(iso)!;
const amount = (text: string | number) => parseAmount(text)!;
/** The exact value of a Money, as decimal.js sees it. */
const exact = (money: Money) => new Decimal(money.dollars).plus(new Decimal(money.picos).div(1e12));

describe('bill amounts', () => {
  test('decimal text with 36 decimals, numbers, exponents, signs', () => {
    expect(amount('0.003400000000000000000000000000000000').toNumber()).toBe(0.0034);
    expect(amount('12.50').toNumber()).toBe(12.5);
    expect(amount(' 7 ').toNumber()).toBe(7);
    expect(amount('.5').toNumber()).toBe(0.5);
    expect(amount(0.00012073404268330895).toNumber()).toBe(0.000120734043);
    expect(amount(1.2e-7).toNumber()).toBe(1.2e-7);
    expect(amount('1E3').toNumber()).toBe(1000);
    expect(amount('-1.75').toNumber()).toBe(-1.75);
    expect(amount('-0.000000000000').toNumber()).toBe(0);
    expect(amount('1e-400').toNumber()).toBe(0);
    for (const bad of ['', 'abc', '1,000.00', '$5', '1e', '-', '.', '1e999']) {
      expect([bad, parseAmount(bad)]).toEqual([bad, null]);
    }
  });

  test('digits below a pico-dollar are rounded half up', () => {
    expect(exact(amount('0.0000000000004')).toString()).toBe('0');
    expect(exact(amount('0.0000000000005')).toString()).toBe('1e-12');
    expect(exact(amount('0.123456789012345678901234567890123456')).toString()).toBe(
      '0.123456789012',
    );
  });

  test('sums are exact where adding doubles drifts', () => {
    const sum = new Money();
    for (let k = 0; k < 10; k++) sum.add(amount('0.1'));
    expect(sum.toNumber()).toBe(1);
    let doubles = 0;
    for (let k = 0; k < 10; k++) doubles += 0.1;
    expect(doubles).not.toBe(1); // what a float sum would show
  });

  test('any list of amounts sums to the decimal sum, rounded once', () => {
    const decimalText = fc
      .tuple(fc.boolean(), fc.bigInt({ min: 0n, max: 10n ** 12n }), fc.stringMatching(/^\d{1,36}$/))
      .map(([negative, whole, fraction]) => `${negative ? '-' : ''}${whole}.${fraction}`);
    fc.assert(
      fc.property(fc.array(decimalText, { maxLength: 60 }), (texts) => {
        const sum = new Money();
        let ref: DecimalJs = new Decimal(0);
        for (const text of texts) {
          sum.add(amount(text));
          // each amount rounded to 12 decimals, halves away from zero
          const value = new Decimal(text);
          ref = ref.plus(
            value
              .abs()
              .toDecimalPlaces(12, Decimal.ROUND_HALF_UP)
              .times(value.isNegative() ? -1 : 1),
          );
        }
        expect(exact(sum).toString()).toBe(ref.toString());
        expect(sum.toNumber()).toBe(ref.toNumber());
      }),
      { numRuns: 300 },
    );
  });

  test('computed pico-dollars and their difference with a bill are exact', () => {
    const computed = new Money();
    computed.addPicos(1_151_100_000); // 0.0011511
    computed.addPicos(2_250_000_000_000); // 2.25
    const billed = amount('2.251400000000000000000000000000000000');
    expect(computed.toNumber()).toBe(2.2511511);
    expect(billed.minus(computed).toNumber()).toBe(0.0002489);
    expect(computed.minus(billed).toNumber()).toBe(-0.0002489);
  });
});

describe('statuses', () => {
  const table = (fill: (ledger: Ledger) => void, tolerance: number | null = null) => {
    const ledger = new Ledger();
    fill(ledger);
    return ledger.table(tolerance);
  };

  test('one row per day, ascending, as YYYY-MM-DD text, then the total', () => {
    const out = table((l) => {
      l.usage(day('2026-09-02'), 1e12);
      l.bill(day('2026-08-31'), amount('2'));
      l.usage(day('2026-08-31'), 2e12);
    });
    expect(out).toEqual([
      ['day', 'computed_usd', 'billed_usd', 'difference_usd', 'status'],
      ['2026-08-31', 2, 2, 0, 'match'],
      ['2026-09-02', 1, 0, -1, 'no bill'],
      ['total', 3, 2, -1, 'billed less'],
    ]);
  });

  test('match within 1% of the bill or $0.0001; billed more, billed less', () => {
    const status = (computed: number, billed: string, tolerance: number | null = null) =>
      table((l) => {
        l.usage(day('2026-08-31'), computed * 1e12);
        l.bill(day('2026-08-31'), amount(billed));
      }, tolerance)[1][4];
    expect(status(100, '101')).toBe('match'); // 1 <= 1.01
    expect(status(100, '99')).toBe('billed less'); // 1 > 0.99: 1% of the bill, not of the usage
    expect(status(98.9, '99.9')).toBe('billed more'); // 1 > 0.999
    expect(status(101, '100')).toBe('match'); // exactly 1%
    expect(status(101.01, '100')).toBe('billed less');
    expect(status(0.0001, '0.0002')).toBe('match'); // $0.0001 floor
    expect(status(0.0001, '0.00021')).toBe('billed more');
    expect(status(100, '101', 0.5)).toBe('billed more'); // an absolute tolerance
    expect(status(100, '100.5', 0.5)).toBe('match');
    expect(status(100, '100', 0)).toBe('match');
  });

  test('no usage, no bill, not priced: N rows (the computed side is short)', () => {
    const out = table((l) => {
      l.bill(day('2026-09-03'), amount('0.035'));
      l.usage(day('2026-09-04'), 5e11);
      l.usage(day('2026-09-05'), 5e11);
      l.notPriced(day('2026-09-05'));
      l.notPriced(day('2026-09-06'));
      l.notPriced(day('2026-09-06'));
      l.bill(day('2026-09-05'), amount('0.5'));
    });
    expect(out.slice(1).map((r) => [r[0], r[4]])).toEqual([
      ['2026-09-03', 'no usage'],
      ['2026-09-04', 'no bill'],
      ['2026-09-05', 'not priced: 1 rows'], // the spec's `not priced: N rows`, as written
      ['2026-09-06', 'not priced: 2 rows'],
      ['total', 'not priced: 3 rows'],
    ]);
  });

  test('nothing at all: the total alone', () => {
    expect(table(() => undefined)).toEqual([
      ['day', 'computed_usd', 'billed_usd', 'difference_usd', 'status'],
      ['total', 0, 0, 0, 'no usage'],
    ]);
  });
});

describe('arguments', () => {
  test('tolerance: blank is the default, dollars otherwise', () => {
    expect(parseTolerance('')).toBeNull();
    expect(parseTolerance(undefined)).toBeNull();
    expect(parseTolerance(0.01)).toBe(0.01);
    expect(parseTolerance(' 0.5 ')).toBe(0.5);
    expect(thrown(() => parseTolerance(-1)).message).toBe(
      "tolerance is the number -1: give dollars, 0 or more (e.g. 0.01), or leave it blank for 1% of each day's bill",
    );
    expect(thrown(() => parseTolerance('1%')).message).toMatch(/^tolerance is the text "1%"/);
  });

  test('currency: usd in any case, blank; anything else is an error', () => {
    expect(() => checkCurrency('usd')).not.toThrow();
    expect(() => checkCurrency(' USD ')).not.toThrow();
    expect(() => checkCurrency('')).not.toThrow();
    expect(thrown(() => checkCurrency('eur')).message).toBe(
      'amount_currency is the text "eur": OPENAI_RECONCILE compares US dollars (usd) only; convert the bill first',
    );
  });
});
