import { DEMO_ACCOUNTS, type DemoAccount } from '@pasar/demo-data';
import { api, type TestMarket } from './market';
import { demoOrderAndCart, seedDemo, signIn } from './accounts';

export { api, startTestMarket, type TestMarket } from './market';

export const SERVICE_NAMES = ['catalog', 'orders', 'payments', 'membership', 'ledger'] as const;
type Service = (typeof SERVICE_NAMES)[number];

export interface Persona {
  name: string;
  signedIn: boolean;
  orderToken: boolean;
  grants: { cooperativeId: string; roles: string[]; position?: string }[];
  platform: string[];
  tokens?: Record<Service, string>;
  /**
   * Sellers of cooperative A: `owner` is the seller whose listing (`productId`) and seller id
   * (`sellerId`) the fixture uses; `other` is a second seller of the same cooperative, who must
   * get 404 for them exactly as for something that does not exist.
   */
  seller?: 'owner' | 'other';
}

export interface MatrixFixture {
  cooperativeA: string;
  personas: Persona[];
  /** Cells not run because a passing call would change the fixture for the cells after it. */
  skipped: string[];
  request(
    service: Service,
    method: string,
    path: string,
    op: any,
    persona: Persona,
    expected: 'pass' | number,
  ): { url: string; init: RequestInit } | undefined;
}

const A = 'karangbesuki';
const B = 'dinoyo';

/** Seeds the demo data, signs each persona in and picks real resources of cooperative A. */
export async function prepareMatrixFixture(m: TestMarket): Promise<MatrixFixture> {
  await seedDemo(m);
  const account = (role: string, cooperativeId?: string) => {
    const a = DEMO_ACCOUNTS.find((x: DemoAccount) => x.role === role && x.cooperativeId === cooperativeId);
    if (!a) throw new Error(`no demo account ${role} ${cooperativeId ?? ''}`);
    return a;
  };
  const signedIn = async (name: string, role: string, coop?: string): Promise<Persona> => {
    const a = account(role, coop);
    return {
      name,
      signedIn: true,
      orderToken: false,
      grants: a.grants,
      platform: a.platform,
      tokens: (await signIn(m, a.phone, a.password)).tokens,
    };
  };
  const signedInAs = async (name: string, memberId: string): Promise<Persona> => {
    const a = DEMO_ACCOUNTS.find((x: DemoAccount) => x.memberId === memberId);
    if (!a) throw new Error(`no demo account for ${memberId}`);
    return {
      name,
      signedIn: true,
      orderToken: false,
      grants: a.grants,
      platform: a.platform,
      tokens: (await signIn(m, a.phone, a.password)).tokens,
    };
  };
  const personas: Persona[] = [
    { name: 'anonymous', signedIn: false, orderToken: false, grants: [], platform: [] },
    { name: 'shopper (order link)', signedIn: false, orderToken: true, grants: [], platform: [] },
    await signedIn('shopper (account)', 'pembeli'),
    await signedIn('anggota', 'anggota', A),
    { ...(await signedIn('penjual', 'penjual', A)), seller: 'owner' as const },
    { ...(await signedInAs('penjual 2 (same cooperative)', 'mbr_kb_yanti')), seller: 'other' as const },
    await signedIn('penjual of another cooperative', 'penjual', B),
    await signedIn('pengurus (ketua)', 'ketua', A),
    await signedIn('pengurus (bendahara)', 'bendahara', A),
    await signedIn('kasir', 'kasir', A),
    await signedIn('gudang', 'gudang', A),
    await signedIn('pengawas', 'pengawas', A),
    await signedIn('dinas', 'dinas'),
    await signedIn('ketua of another cooperative', 'ketua', B),
  ];

  // A listing of the owner seller, so the second seller's calls on it prove ownership, not absence.
  const owner = account('penjual', A).memberId;
  const products = (await api<any>(`${m.urls.catalog}/cooperatives/${A}/products?limit=50`)).body.items;
  const productId: string = (products.find((p: any) => p.sellerId === owner) ?? products[0]).id;
  const { cartId, orderId, orderToken } = await demoOrderAndCart(m, A, productId);
  const kasir = account('kasir', A);
  const values: Record<string, string> = {
    cooperativeId: A,
    productId,
    // ledger: a real account and an ended month (entry and manual-entry ids fail validation: 400).
    accountCode: '1-1100',
    period: '2026-01',
    // SHU and the RAT pack: a year that has ended.
    year: '2025',
    id: productId,
    orderId,
    cartId,
    personId: kasir.personId,
    memberId: kasir.memberId ?? account('anggota', A).memberId ?? 'mbr_none',
    ...(await sellerRegistryValues(m, personas, account('penjual', A))),
  };
  const skipped: string[] = [];

  return {
    cooperativeA: A,
    personas,
    skipped,
    request(service, method, path, op, persona, expected) {
      const url = new URL(
        m.urls[service] +
          path.replace(/\{(\w+)\}/g, (_, name: string) => encodeURIComponent(values[name] ?? 'x')),
      );
      for (const p of op.parameters ?? []) {
        if (p.in === 'query' && p.required) url.searchParams.set(p.name, String(sample(p.schema)));
      }
      const headers: Record<string, string> = { 'idempotency-key': `matrix-${Math.random()}` };
      if (persona.tokens) headers.authorization = `Bearer ${persona.tokens[service]}`;
      if (persona.orderToken) headers['x-order-token'] = orderToken;
      const bodySchema = op.requestBody?.content?.['application/json']?.schema;
      const upper = method.toUpperCase();
      if (upper === 'GET') return { url: url.toString(), init: { headers } };
      if (expected === 'pass') {
        // A caller the rule lets through sends a body that fails validation (400 proves the guard
        // passed) so the fixture stays as it is; a call with nothing to validate is not run here.
        if (!bodySchema || !(bodySchema.required?.length > 0)) {
          skipped.push(`${service} ${upper} ${path} as ${persona.name}`);
          return undefined;
        }
        return { url: url.toString(), init: { method: upper, headers: json(headers), body: '{}' } };
      }
      // A caller the rule refuses sends a valid request: the guard must stop it before anything happens.
      const body = bodySchema ? JSON.stringify(sample(bodySchema)) : undefined;
      return { url: url.toString(), init: { method: upper, headers: body ? json(headers) : headers, body } };
    },
  };
}

const json = (h: Record<string, string>) => ({ ...h, 'content-type': 'application/json' });

/**
 * membership's seller registry: a real application (the anggota persona applies, and it stays
 * pending) and a real seller (the demo penjual of A, approved by the seed).
 */
async function sellerRegistryValues(m: TestMarket, personas: Persona[], penjual: DemoAccount) {
  const anggota = personas.find((p) => p.name === 'anggota')!;
  const res = await api<{ applicationId: string }>(
    `${m.urls.membership}/cooperatives/${A}/seller-applications`,
    {
      headers: { authorization: `Bearer ${anggota.tokens!.membership}` },
      body: { shopName: 'Matriks uji', description: '', handoff: 'drop_off' },
    },
  );
  if (res.status !== 201) throw new Error(`seller application: ${res.status} ${JSON.stringify(res.body)}`);
  return { applicationId: res.body.applicationId, sellerId: penjual.memberId ?? 'mbr_none' };
}

/** A small valid value for a JSON schema (examples, enums and formats first). */
export function sample(schema: any): unknown {
  if (!schema) return null;
  if (schema.example !== undefined) return schema.example;
  if (schema.examples?.length) return schema.examples[0];
  if (schema.const !== undefined) return schema.const;
  if (schema.enum) return schema.enum[0];
  if (schema.default !== undefined) return schema.default;
  if (schema.anyOf) return sample(schema.anyOf.find((s: any) => s.type !== 'null') ?? schema.anyOf[0]);
  if (schema.oneOf) return sample(schema.oneOf[0]);
  if (schema.allOf) return Object.assign({}, ...schema.allOf.map(sample));
  const type = Array.isArray(schema.type) ? schema.type.find((t: string) => t !== 'null') : schema.type;
  switch (type) {
    case 'object': {
      const out: Record<string, unknown> = {};
      for (const key of schema.required ?? []) out[key] = sample(schema.properties?.[key]);
      return out;
    }
    case 'array':
      return Array.from({ length: schema.minItems ?? 0 }, () => sample(schema.items));
    case 'integer':
    case 'number':
      return Math.max(
        schema.minimum ?? 1,
        schema.exclusiveMinimum !== undefined ? schema.exclusiveMinimum + 1 : 1,
      );
    case 'boolean':
      return true;
    case 'string':
      return sampleString(schema);
    default:
      return null;
  }
}

function sampleString(schema: any): string {
  if (schema.format === 'date-time') return new Date().toISOString();
  if (schema.format === 'email') return 'matrix@example.com';
  if (schema.format === 'uri') return 'https://example.com/';
  const fromPattern: Record<string, string> = {
    '^[a-z0-9][a-z0-9-]{1,62}$': 'karangbesuki',
    '^[0-9a-f]{24}$': '665f1c2b9d3e4a0012ab34cd',
  };
  if (schema.pattern && fromPattern[schema.pattern]) return fromPattern[schema.pattern]!;
  const min = schema.minLength ?? 1;
  return 'Matriks uji 0812345678'
    .padEnd(min, 'x')
    .slice(0, Math.max(min, Math.min(schema.maxLength ?? 22, 22)));
}
