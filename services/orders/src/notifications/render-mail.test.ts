import { describe, expect, it } from 'vitest';
import { renderMail } from './render-mail';

const order = {
  id: 'ord_0123456789ABCDEFGHJKMNPQRS',
  notaNumber: 'KRB-2026-000123' as string | null,
  contact: { name: 'Sri Wahyuni', phone: '+6281234567890', email: 'sri@contoh.id' },
  total: 30_000,
  paymentMethod: 'cash' as const,
  pickupCode: 'K7M2QX' as string | null,
  fulfilment: { method: 'pickup' as const },
  refund: null,
};

describe('renderMail', () => {
  it('tells the shopper in Indonesian first, English below, with the market, nota and pickup code', () => {
    const mail = renderMail({ order, kind: 'ready_for_pickup', marketName: 'Karbes Market' });
    expect(mail.subject).toBe(
      '[Karbes Market] Pesanan KRB-2026-000123 siap diambil · Order ready for pickup',
    );
    const [id, en] = mail.text.split('— English —');
    expect(id).toContain('Halo Sri Wahyuni');
    expect(id).toContain('kode ambil ini kepada petugas: K7M2QX');
    expect(id).toContain('Siapkan pembayaran tunai Rp30.000');
    expect(id).toContain('Nomor nota: KRB-2026-000123');
    expect(en).toContain('ready for pickup');
    expect(en).toContain('Please bring Rp30.000 in cash.');
  });

  it('falls back to the order id when the order has no nota number', () => {
    const mail = renderMail({
      order: { ...order, notaNumber: null },
      kind: 'cancelled',
      marketName: 'Pasar',
    });
    expect(mail.subject).toContain(order.id);
    expect(mail.text).toContain(`Nomor nota: ${order.id}`);
    expect(mail.text).toContain('Tidak ada yang perlu dibayar');
  });

  it('says what happens to an online payment on cancellation, and the refunded amount', () => {
    const online = { ...order, paymentMethod: 'qris' as const };
    expect(renderMail({ order: online, kind: 'cancelled', marketName: 'M' }).text).toContain(
      'dananya akan dikembalikan',
    );
    const refund = renderMail({ order: online, kind: 'refunded', marketName: 'M', refundedAmount: 12_500 });
    expect(refund.text).toContain('Dana Rp12.500 untuk pesanan Anda di M sudah dikembalikan.');
    expect(refund.text).toContain('Rp12.500 for your order at M has been refunded.');
  });

  it('words out-for-delivery with what to have ready', () => {
    const mail = renderMail({ order, kind: 'out_for_delivery', marketName: 'M' });
    expect(mail.subject).toContain('sedang diantar');
    expect(mail.text).toContain('siapkan pembayaran tunai Rp30.000');
    expect(mail.text).not.toContain('K7M2QX');
  });
});
