import { randomBytes } from 'node:crypto';
import {
  type BoardPosition,
  type CooperativeRole,
  type EventContext,
  newEvent,
  OrderCancelled,
  OrderCompleted,
  OrderConfirmed,
  OrderExpired,
  type OrderLine,
  OrderPlaced,
} from '@pasar/contracts';
import { createTestIssuer } from '@pasar/service-kit/testing';
import { expect } from 'vitest';
import type { createApp } from '../src/app';
import type { NewProduct } from '../src/domain/product';

/** Signs access tokens as membership would; the test apps verify against its keys. */
export const issuer = await createTestIssuer();

export interface TestPersonSpec {
  personId: string;
  roles: CooperativeRole[];
  cooperativeId?: string;
  position?: BoardPosition;
}

/** `Authorization` header of a person holding `roles` in one cooperative (karangbesuki unless said). */
export async function bearer(p: TestPersonSpec): Promise<Record<string, string>> {
  const grant = {
    cooperativeId: p.cooperativeId ?? 'karangbesuki',
    roles: p.roles,
    ...(p.position ? { position: p.position } : {}),
  };
  return { authorization: `Bearer ${await issuer.token({ personId: p.personId, grants: [grant] })}` };
}

/** The people of the tests: one per role in karangbesuki, two sellers, and staff of dinoyo. */
export const PEOPLE = {
  ketua: { personId: 'prs_ketua', roles: ['anggota', 'pengurus'], position: 'ketua' },
  gudang: { personId: 'prs_gudang', roles: ['anggota', 'gudang'] },
  pengawas: { personId: 'prs_pengawas', roles: ['anggota', 'pengawas'] },
  kasir: { personId: 'prs_kasir', roles: ['kasir'] },
  anggota: { personId: 'prs_anggota', roles: ['anggota'] },
  sri: { personId: 'prs_sri', roles: ['anggota', 'penjual'] },
  budi: { personId: 'prs_budi', roles: ['anggota', 'penjual'] },
  dinoyoKetua: { personId: 'prs_dinoyo', roles: ['pengurus'], position: 'ketua', cooperativeId: 'dinoyo' },
} satisfies Record<string, TestPersonSpec>;
export type TestPerson = keyof typeof PEOPLE;

/** Headers per test person (tokens live 5 minutes, longer than any test file). */
export async function headersOfPeople(): Promise<Record<TestPerson, Record<string, string>>> {
  const entries = await Promise.all(
    Object.entries(PEOPLE).map(async ([name, spec]) => [name, await bearer(spec)] as const),
  );
  return Object.fromEntries(entries) as Record<TestPerson, Record<string, string>>;
}

type Operation = { responses: Record<string, unknown> };
type OpenApiDoc = { paths: Record<string, Record<string, Operation>> };

/**
 * The app as tests call it, checking every answer against the app's own /openapi.json: a status a
 * route gives but does not document fails the test that provoked it (the document is the truth).
 */
export function documentedApp(app: ReturnType<typeof createApp>) {
  let doc: Promise<{ re: RegExp; ops: Record<string, Operation> }[]> | undefined;
  const operations = () => {
    doc ??= Promise.resolve(app.request('/openapi.json'))
      .then((r) => r.json() as Promise<OpenApiDoc>)
      .then((d) =>
        Object.entries(d.paths).map(([path, ops]) => ({
          re: new RegExp(`^${path.replace(/\{[^}]+\}/g, '[^/]+')}$`),
          ops,
        })),
      );
    return doc;
  };
  return {
    async request(path: string, init?: RequestInit): Promise<Response> {
      const res = await Promise.resolve(app.request(path, init));
      const method = (init?.method ?? 'GET').toLowerCase();
      const pathname = new URL(path, 'http://x').pathname;
      const op = (await operations()).find((o) => o.re.test(pathname))?.ops[method];
      if (op && path !== '/openapi.json')
        expect(
          Object.keys(op.responses),
          `${method.toUpperCase()} ${pathname} answered ${res.status}, which its document does not list`,
        ).toContain(String(res.status));
      return res;
    },
  };
}

let skuCounter = 0;

export function aProduct(overrides: Partial<NewProduct> = {}): NewProduct {
  skuCounter++;
  return {
    cooperativeId: 'karangbesuki',
    sellerId: 'mbr_sri',
    sku: `SKU-${skuCounter}-${randomBytes(2).toString('hex')}`,
    name: 'Keripik Tempe Bu Sri 250 g',
    description: 'Produk UMKM anggota koperasi.',
    category: 'makanan-ringan',
    unit: 'pack',
    price: 15_000,
    maxPerOrder: null,
    buyerLimit: null,
    het: false,
    imageUrl: null,
    status: 'published',
    stock: 10,
    ...overrides,
  };
}

const BASE62 = '0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz';

export function newOrderId(): string {
  return `ord_${[...randomBytes(20)].map((b) => BASE62[b % 62]).join('')}`;
}

export function orderLine(product: { id: string; name?: string }, quantity: number): OrderLine {
  return {
    productId: product.id,
    sellerId: 'mbr_sri',
    name: product.name ?? 'Produk',
    unit: 'pack',
    unitPrice: 15_000,
    quantity,
    lineTotal: 15_000 * quantity,
  };
}

const ctx: EventContext = { source: 'urn:pasar:orders-test', cooperativeId: 'karangbesuki' };

export function orderPlaced(orderId: string, lines: OrderLine[], cooperativeId = 'karangbesuki') {
  const subtotal = lines.reduce((s, l) => s + l.lineTotal, 0);
  return newEvent(
    OrderPlaced,
    orderId,
    {
      orderId,
      cooperativeId,
      lines,
      subtotal,
      deliveryFee: 0,
      total: subtotal,
      fulfilment: 'pickup',
      paymentMethod: 'cash',
      expiresAt: new Date(Date.now() + 30 * 60_000).toISOString(),
    },
    { ...ctx, cooperativeId },
  );
}

export function orderConfirmed(orderId: string, lines: OrderLine[]) {
  const total = lines.reduce((s, l) => s + l.lineTotal, 0);
  return newEvent(OrderConfirmed, orderId, { orderId, total, paymentMethod: 'cash', lines }, ctx);
}

export function orderCancelled(orderId: string, lines: OrderLine[]) {
  return newEvent(OrderCancelled, orderId, { orderId, by: 'shopper', reason: 'Tidak jadi', lines }, ctx);
}

export function orderCompleted(orderId: string, lines: OrderLine[]) {
  const total = lines.reduce((s, l) => s + l.lineTotal, 0);
  return newEvent(
    OrderCompleted,
    orderId,
    {
      orderId,
      notaNumber: 'KRB-2026-000123',
      paymentMethod: 'cash',
      total,
      cashReceived: total,
      handover: 'pickup_code',
      lines,
    },
    ctx,
  );
}

export function orderExpired(orderId: string, lines: OrderLine[]) {
  return newEvent(OrderExpired, orderId, { orderId, lines }, ctx);
}

/** A response body for assertions (the assertions are the type check). */
// biome-ignore lint/suspicious/noExplicitAny: test bodies are checked by the assertions that read them
export const json = async (res: Response): Promise<any> => res.json();
