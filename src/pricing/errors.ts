/** An error whose message is written for the spreadsheet user (Sheets shows it in the cell). */
export class PricingError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'PricingError';
  }
}
