/**
 * An error whose message is written for the spreadsheet user (Sheets shows it in the cell). The
 * message may be a function, run on first read: a range reports only its first bad row, so the
 * other rows' errors never pay for their wording (a "did you mean" search, say).
 */
export class PricingError extends Error {
  constructor(message: string | (() => string)) {
    super(typeof message === 'string' ? message : '');
    this.name = 'PricingError';
    if (typeof message !== 'string') {
      let text: string | undefined;
      Object.defineProperty(this, 'message', { get: () => (text ??= message()) });
    }
  }
}
