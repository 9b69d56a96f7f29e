import { z } from '@hono/zod-openapi';
import {
  CooperativeIdSchema,
  MobilePhoneSchema,
  NikSchema,
  ObjectIdSchema,
  PHONE_MESSAGE,
  OrderIdSchema,
  OrderStatusSchema,
  type PaymentMethod,
} from '@pasar/contracts';
import { MAX_QUANTITY } from '../domain/cart';
import { CART_ID_PATTERN } from '../lib/ids';
import type { OrderCursor } from '../use-cases/ports';

/*
 * Every request schema here is also the OpenAPI document, and the document is the truth: a request
 * that fits it is never refused with 400. So what the code checks is exactly what the document says:
 * text is trimmed of ASCII blanks only and counted in code points (as JSON Schema counts), patterns
 * use [0-9] rather than \d, and bodies say additionalProperties: false because they refuse extras.
 */

/**
 * Request bodies refuse fields they do not know, each named: a client that sends `price`,
 * `unitPrice` or `total` gets 400 naming it, because prices only ever come from the catalog.
 */
export function strictBody<S extends z.ZodRawShape>(shape: S) {
  const known = new Set(Object.keys(shape));
  return z
    .looseObject(shape)
    .superRefine((value, ctx) => {
      for (const key of Object.keys(value)) {
        if (known.has(key)) continue;
        ctx.addIssue({
          code: 'custom',
          path: [key],
          message: 'is not accepted here (prices and totals come from the catalog)',
        });
      }
    })
    .openapi({ additionalProperties: false });
}

const BLANK = ' \\t\\n\\r';
const trimBlank = (s: string) => s.replace(/^[ \t\n\r]+|[ \t\n\r]+$/g, '');
const codePoints = (s: string) => [...s].length;

/** Free text of `min`..`max` characters once trimmed; the pattern tells the document the same. */
export function text(min: number, max: number) {
  const pattern =
    min === 0 ? undefined : min === 1 ? `[^${BLANK}]` : `[^${BLANK}][\\s\\S]{${min - 2},}[^${BLANK}]`;
  return z
    .string()
    .superRefine((raw, ctx) => {
      if (codePoints(raw) > max)
        ctx.addIssue({ code: 'custom', message: `must be at most ${max} characters` });
      else if (codePoints(trimBlank(raw)) < min)
        ctx.addIssue({
          code: 'custom',
          message: min === 1 ? 'must not be blank' : `must be at least ${min} characters`,
        });
    })
    .transform(trimBlank)
    .openapi({ maxLength: max, ...(pattern ? { pattern } : {}) });
}

/** A value of a fixed shape that may come with blanks around it (trimmed before it is stored). */
function padded(core: string, message: string, maxLength: number) {
  const pattern = `^[${BLANK}]*${core}[${BLANK}]*$`;
  return z
    .string()
    .max(maxLength)
    .regex(new RegExp(pattern), message)
    .transform(trimBlank)
    .openapi({ pattern });
}

export const CartIdSchema = z.string().regex(CART_ID_PATTERN, 'must be a cart id such as "crt_…"');
export const QuantitySchema = z
  .number({ error: 'must be a whole number' })
  .int('must be a whole number')
  .min(1, 'must be at least 1')
  .max(MAX_QUANTITY, `must be at most ${MAX_QUANTITY}`);

export const CartParams = z.object({ cartId: CartIdSchema });
export const CartLineParams = z.object({ cartId: CartIdSchema, productId: ObjectIdSchema });
export const OrderParams = z.object({ orderId: OrderIdSchema });
export const StaffOrderParams = z.object({ cooperativeId: CooperativeIdSchema, orderId: OrderIdSchema });
export const CooperativeParams = z.object({ cooperativeId: CooperativeIdSchema });

export const CreateCartBody = strictBody({ cooperativeId: CooperativeIdSchema });
export const AddLineBody = strictBody({ productId: ObjectIdSchema, quantity: QuantitySchema });
export const SetLineBody = strictBody({ quantity: QuantitySchema });

/**
 * The one phone rule (contracts), with the document telling what it accepts: after removing
 * blanks, dots, dashes and brackets, +62 / 62 / 0, then 8 and 8 to 11 more digits.
 */
const SEP = `[${BLANK}.()-]`;
export const PHONE_PATTERN = `^${SEP}*(?:\\+${SEP}*6${SEP}*2|6${SEP}*2|0)${SEP}*8(?:${SEP}*[0-9]){8,11}${SEP}*$`;
// Piped, not extended: the contracts' schema was built before @hono/zod-openapi could add .openapi().
// The pattern is checked too, so the code refuses exactly what the document refuses (no more, no less).
export const PhoneSchema = z
  .string()
  .regex(new RegExp(PHONE_PATTERN), PHONE_MESSAGE)
  .pipe(MobilePhoneSchema)
  .openapi({
    type: 'string',
    pattern: PHONE_PATTERN,
    maxLength: 32,
    example: '0812-3456-7890',
  });

/** Optional at checkout: where the shopper's notification mails go (stored on the order only, never logged or in events). */
const EMAIL_LABEL = '[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?';
export const EmailSchema = padded(
  `[A-Za-z0-9._%+-]{1,64}@${EMAIL_LABEL}(?:\\.${EMAIL_LABEL})+`,
  'must be an email address such as nama@contoh.id',
  254,
);

export const AddressSchema = strictBody({
  street: text(3, 200),
  rt_rw: padded(`[0-9]{1,3}[${BLANK}]*/[${BLANK}]*[0-9]{1,3}`, 'must look like 003/005', 20).optional(),
  kelurahan: text(2, 100),
  kecamatan: text(2, 100),
  city: text(2, 100),
  postalCode: padded('[0-9]{5}', 'must be 5 digits', 20).optional(),
  notes: text(1, 300).optional(),
});

export const FulfilmentSchema = z.discriminatedUnion('method', [
  strictBody({ method: z.literal('pickup') }),
  strictBody({ method: z.literal('delivery'), address: AddressSchema }),
]);

/** The payment methods this deployment offers are the only ones the document (and the code) accepts. */
export function placeOrderBody(methods: readonly PaymentMethod[]) {
  return strictBody({
    cartId: CartIdSchema,
    fulfilment: FulfilmentSchema,
    contact: strictBody({ name: text(2, 80), phone: PhoneSchema, email: EmailSchema.optional() }),
    paymentMethod: z.enum(methods as [PaymentMethod, ...PaymentMethod[]], {
      error: `must be one of ${methods.join(', ')}`,
    }),
    note: text(0, 500).optional(),
    buyerNik: NikSchema.optional().openapi({
      description:
        "The buyer's 16-digit NIK, required when the cart holds goods limited per buyer (subsidised LPG, pupuk); only its keyed hash is kept",
    }),
  });
}

export const IdempotencyHeaders = z.object({
  'idempotency-key': z
    .string({ error: 'is required: one random key per checkout, reused when retrying it' })
    .min(8, 'must be 8 to 128 characters')
    .max(128, 'must be 8 to 128 characters')
    .regex(/^[\x21-\x7e]+$/, 'must be printable ASCII without spaces'),
});

/** The order's secret link: `X-Order-Token`, or `?token=` for EventSource (which cannot send headers). */
export const OrderTokenHeaders = z.object({
  'x-order-token': z.string().optional().openapi({ description: "The order's secret link token" }),
});
export const OrderTokenQuery = z.object({
  token: z.string().optional().openapi({ description: 'The same token, for EventSource' }),
});

export const CancelBody = strictBody({ reason: text(1, 200).optional() });
/** Staff say why: the shopper reads it in the order's timeline. */
export const StaffCancelBody = strictBody({ reason: text(3, 200) });

const CURSOR = /^([0-9]{1,15})_(ord_[0-9A-Za-z]{10,32})$/;
/** Opaque to clients: `<createdAt ms>_<orderId>` of the last order on the previous page. */
export const CursorSchema = z
  .string()
  .regex(CURSOR, 'must be a nextCursor from a previous page')
  .transform((s): OrderCursor => {
    const [, ms, id] = CURSOR.exec(s)!;
    return { createdAt: new Date(Number(ms)), id: id! };
  })
  .openapi({ type: 'string', pattern: CURSOR.source });

export function encodeCursor(c: OrderCursor | null): string | null {
  return c ? `${c.createdAt.getTime()}_${c.id}` : null;
}

const LimitSchema = z.coerce
  .number({ error: 'must be a whole number from 1 to 100' })
  .int('must be a whole number from 1 to 100')
  .min(1, 'must be a whole number from 1 to 100')
  .max(100, 'must be a whole number from 1 to 100')
  .default(20);

export const PageQuery = z.object({ limit: LimitSchema, cursor: CursorSchema.optional() });
export const StaffQueueQuery = PageQuery.extend({ status: OrderStatusSchema.optional() });
