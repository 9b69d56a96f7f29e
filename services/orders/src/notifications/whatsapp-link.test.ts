import { describe, expect, it } from 'vitest';
import { staffWhatsAppUrl, waNumber, whatsAppLink } from './whatsapp-link';

const order = {
  id: 'ord_0123456789ABCDEFGHJKMNPQRS',
  notaNumber: 'KRB-2026-000123' as string | null,
  contact: { name: 'Sri Wahyuni', phone: '+6281234567890' },
  total: 30_000,
  status: 'READY_FOR_PICKUP' as const,
  refund: null,
};

describe('whatsAppLink', () => {
  it.each([
    ['+6281234567890', '6281234567890'],
    ['0812-3456-7890', '6281234567890'],
    ['62 812 3456 7890', '6281234567890'],
    ['(0812) 3456.7890', '6281234567890'],
  ])('normalises %s to %s', (phone, digits) => {
    expect(waNumber(phone)).toBe(digits);
  });

  it('opens the shopper chat on wa.me with the Indonesian message URL-encoded', () => {
    const url = new URL(whatsAppLink(order, 'ready_for_pickup'));
    expect(`${url.origin}${url.pathname}`).toBe('https://wa.me/6281234567890');
    const text = url.searchParams.get('text')!;
    expect(text).toContain('Halo Sri Wahyuni');
    expect(text).toContain('KRB-2026-000123');
    expect(text).toContain('siap diambil');
    expect(whatsAppLink(order, 'ready_for_pickup')).not.toMatch(/ /); // encoded: no raw spaces
  });

  it('names the order by its id when it has no nota number', () => {
    const text = new URL(whatsAppLink({ ...order, notaNumber: null }, 'cancelled')).searchParams.get('text');
    expect(text).toContain(order.id);
    expect(text).toContain('dibatalkan');
  });

  it('never puts the pickup code in the message', () => {
    const withCode = { ...order, pickupCode: 'K7M2QX' };
    expect(decodeURIComponent(whatsAppLink(withCode, 'ready_for_pickup'))).not.toContain('K7M2QX');
  });

  it('gives the staff view a link only when the state calls for a message', () => {
    expect(staffWhatsAppUrl(order)).toContain('https://wa.me/6281234567890?text=');
    expect(staffWhatsAppUrl({ ...order, status: 'OUT_FOR_DELIVERY' })).toContain('diantar');
    expect(staffWhatsAppUrl({ ...order, status: 'CONFIRMED' })).toBeNull();
    const refunded = {
      ...order,
      status: 'CANCELLED' as const,
      refund: {
        status: 'refunded' as const,
        amount: 1,
        via: null,
        reason: 'order_cancelled' as const,
        at: new Date(),
      },
    };
    expect(decodeURIComponent(staffWhatsAppUrl(refunded)!)).toContain('dikembalikan');
  });
});
