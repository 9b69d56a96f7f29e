import type { documentedApp, TestPerson } from './builders';
import { headersOfPeople, json } from './builders';

type App = ReturnType<typeof documentedApp>;

/** Requests as the test people: `call('PATCH', '/products/x', body, 'sri')`; null = anonymous. */
export async function peopleClient(app: App) {
  const as = await headersOfPeople();
  const call = (method: string, path: string, body?: unknown, who: TestPerson | null = 'ketua') =>
    app.request(path, {
      method,
      headers: {
        ...(body === undefined ? {} : { 'content-type': 'application/json' }),
        ...(who ? as[who] : {}),
      },
      ...(body === undefined ? {} : { body: typeof body === 'string' ? body : JSON.stringify(body) }),
    });
  return {
    as,
    call,
    get: (path: string, who: TestPerson | null = null) => call('GET', path, undefined, who),
    /** A listing created through the route, its view parsed. */
    // biome-ignore lint/suspicious/noExplicitAny: test bodies are checked by the assertions that read them
    created: async (body: Record<string, unknown>, who: TestPerson = 'gudang'): Promise<any> => {
      const res = await call('POST', '/cooperatives/karangbesuki/products', { ...aListing(), ...body }, who);
      if (res.status !== 201) throw new Error(`not created (${res.status}): ${await res.text()}`);
      return json(res);
    },
  };
}

/** The fields a 400 names. */
export const fieldsOf = async (res: Response): Promise<string[]> =>
  ((await json(res)) as { details: { issues: { field: string }[] } }).details.issues.map((i) => i.field);

let n = 0;
export const aListing = () => ({
  sku: `KB-${++n}-${Math.random().toString(36).slice(2, 8)}`,
  sellerId: 'mbr_sri',
  name: 'Keripik Tempe Bu Sri 250 g',
  description: 'Renyah, digoreng setiap pagi.',
  category: 'makanan-ringan',
  unit: 'pack',
  price: 10_000,
  stock: 20,
});
