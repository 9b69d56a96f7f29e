/** midtrans-client ships no types: the small part of its API that payments uses. */
declare module 'midtrans-client' {
  interface ApiConfig {
    getCoreApiBaseUrl(): string;
    getSnapApiBaseUrl(): string;
  }
  interface HttpClient {
    http_client: { defaults: { headers: { common: Record<string, string> } } };
  }
  interface Transaction {
    status(id: string): Promise<Record<string, unknown>>;
    cancel(id: string): Promise<Record<string, unknown>>;
    expire(id: string): Promise<Record<string, unknown>>;
    refund(id: string, body: Record<string, unknown>): Promise<Record<string, unknown>>;
  }
  export class Snap {
    constructor(options: { isProduction: boolean; serverKey: string; clientKey?: string });
    apiConfig: ApiConfig;
    httpClient: HttpClient;
    transaction: Transaction;
    createTransaction(parameter: Record<string, unknown>): Promise<{ token: string; redirect_url: string }>;
  }
  export class MidtransError extends Error {
    httpStatusCode: number | string | null;
    ApiResponse: Record<string, unknown> | null;
  }
  const midtransClient: { Snap: typeof Snap; MidtransError: typeof MidtransError };
  export default midtransClient;
}
