// The few parts of midtrans-client 1.4.3 (plain JS, no types of its own) the tests use.
declare module 'midtrans-client' {
  interface ApiConfig {
    getSnapApiBaseUrl(): string;
    getCoreApiBaseUrl(): string;
  }
  interface Transaction {
    status(id: string): Promise<Record<string, any>>;
    cancel(id: string): Promise<Record<string, any>>;
    expire(id: string): Promise<Record<string, any>>;
    refund(id: string, body?: Record<string, unknown>): Promise<Record<string, any>>;
    notification(body: Record<string, unknown>): Promise<Record<string, any>>;
  }
  interface Options {
    isProduction: boolean;
    serverKey: string;
    clientKey?: string;
  }
  class Snap {
    constructor(options: Options);
    apiConfig: ApiConfig;
    httpClient: { http_client: { defaults: { headers: { common: Record<string, string> } } } };
    transaction: Transaction;
    createTransaction(body: Record<string, unknown>): Promise<{ token: string; redirect_url: string }>;
  }
  class CoreApi {
    constructor(options: Options);
    apiConfig: ApiConfig;
    transaction: Transaction;
  }
  class MidtransError extends Error {
    httpStatusCode: number | string | null;
    ApiResponse: any;
  }
  const midtransClient: { Snap: typeof Snap; CoreApi: typeof CoreApi; MidtransError: typeof MidtransError };
  export default midtransClient;
}
