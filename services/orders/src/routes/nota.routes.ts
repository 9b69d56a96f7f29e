import { type OpenAPIHono, z } from '@hono/zod-openapi';
import { PaymentMethodSchema, OrderStatusSchema, RupiahSchema, UnitSchema } from '@pasar/contracts';
import { type AppEnv, createRouter, defineRoute } from '@pasar/service-kit';
import type { Context } from 'hono';
import { type NotaView, notaFileName } from '../domain/nota-view';
import { getNotaForShopper, getNotaForStaff } from '../use-cases/get-nota';
import type { OrdersDeps } from '../use-cases/ports';
import { renderNotaPdf } from '../lib/nota-pdf';
import { ACCESS, orderToken } from './auth';
import { OrderParams, OrderTokenHeaders, OrderTokenQuery, StaffOrderParams } from './schemas';
import { json } from './views.schemas';

export const NotaViewSchema = z
  .object({
    notaNumber: z.string().nullable(),
    orderId: z.string(),
    cooperative: z.object({
      name: z.string(),
      marketName: z.string().nullable(),
      address: z.string().nullable(),
    }),
    date: z.string().openapi({ description: 'YYYY-MM-DD in Asia/Jakarta' }),
    placedAt: z.iso.datetime(),
    buyerName: z.string(),
    fulfilment: z.enum(['pickup', 'delivery']),
    lines: z.array(
      z.object({
        name: z.string(),
        unit: UnitSchema,
        quantity: z.number().int(),
        unitPrice: RupiahSchema,
        lineTotal: RupiahSchema,
        het: z.boolean(),
      }),
    ),
    subtotal: RupiahSchema,
    deliveryFee: RupiahSchema,
    total: RupiahSchema,
    paymentMethod: PaymentMethodSchema,
    cashReceived: RupiahSchema.nullable(),
    change: RupiahSchema.nullable(),
    status: OrderStatusSchema,
  })
  .openapi('NotaView');

type Same<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;
const agree = <T extends true>(): T => true as T;
agree<Same<z.output<typeof NotaViewSchema>, NotaView>>();

const pdf = {
  description: 'The nota as an 80 mm receipt',
  content: { 'application/pdf': { schema: z.string().openapi({ format: 'binary' }) } },
};
const shopperRequest = { params: OrderParams, headers: OrderTokenHeaders, query: OrderTokenQuery };

export const shopperNotaRoute = defineRoute({
  method: 'get',
  path: '/orders/{orderId}/nota',
  summary: "The order's nota, for the shopper holding its link",
  access: ACCESS.orderLink,
  request: shopperRequest,
  responses: { 200: json(NotaViewSchema, 'The nota') },
});
export const shopperNotaPdfRoute = defineRoute({
  method: 'get',
  path: '/orders/{orderId}/nota.pdf',
  summary: "The order's nota as a PDF, for the shopper holding its link",
  access: ACCESS.orderLink,
  request: shopperRequest,
  responses: { 200: pdf },
});
export const staffNotaRoute = defineRoute({
  method: 'get',
  path: '/cooperatives/{cooperativeId}/orders/{orderId}/nota',
  summary: "An order's nota, for the cooperative's staff",
  access: ACCESS.staffRead,
  request: { params: StaffOrderParams },
  responses: { 200: json(NotaViewSchema, 'The nota') },
});
export const staffNotaPdfRoute = defineRoute({
  method: 'get',
  path: '/cooperatives/{cooperativeId}/orders/{orderId}/nota.pdf',
  summary: "An order's nota as a PDF, for the cooperative's staff",
  access: ACCESS.staffRead,
  request: { params: StaffOrderParams },
  responses: { 200: pdf },
});

async function pdfAnswer(c: Context, nota: NotaView): Promise<Response> {
  const bytes = await renderNotaPdf(nota);
  return c.body(new Uint8Array(bytes), 200, {
    'Content-Type': 'application/pdf',
    'Content-Disposition': `inline; filename="${notaFileName(nota)}"`,
    'Cache-Control': 'private, no-store',
  });
}

export function notaRoutes(deps: OrdersDeps): OpenAPIHono<AppEnv> {
  const app = createRouter();
  app.openapi(shopperNotaRoute, async (c) =>
    c.json(await getNotaForShopper(deps, c.req.valid('param').orderId, orderToken(c)), 200),
  );
  app.openapi(shopperNotaPdfRoute, async (c) =>
    pdfAnswer(c, await getNotaForShopper(deps, c.req.valid('param').orderId, orderToken(c))),
  );
  app.openapi(staffNotaRoute, async (c) => {
    const { cooperativeId, orderId } = c.req.valid('param');
    return c.json(await getNotaForStaff(deps, cooperativeId, orderId), 200);
  });
  app.openapi(staffNotaPdfRoute, async (c) => {
    const { cooperativeId, orderId } = c.req.valid('param');
    return pdfAnswer(c, await getNotaForStaff(deps, cooperativeId, orderId));
  });
  return app;
}
