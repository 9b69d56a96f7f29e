/**
 * A refusal in Midtrans' own words. `statusCode` is the body's status_code; the routes decide the HTTP
 * status (Core API answers HTTP 200 with the code in the body, Snap answers with the real HTTP status).
 */
export class MidtransFailure extends Error {
  constructor(
    readonly statusCode: '400' | '401' | '404' | '406' | '412',
    message: string,
  ) {
    super(message);
    this.name = 'MidtransFailure';
  }
}

export const notFound = () => new MidtransFailure('404', "Transaction doesn't exist.");
export const cannotModify = () =>
  new MidtransFailure('412', 'Merchant cannot modify the status of the transaction');
