import { kindForOrder, type NotifiableOrder, type NotificationKind, orderNumber } from './kinds';

type LinkOrder = Pick<NotifiableOrder, 'id' | 'notaNumber' | 'contact' | 'total' | 'status' | 'refund'>;

/**
 * The shopper's number as wa.me wants it: digits only, country code first, no `+` or leading 0
 * (`+62 812-3456-7890`, `0812…` and `62812…` all give `628123456789`).
 */
export function waNumber(phone: string): string {
  const digits = phone.replace(/\D/g, '');
  if (digits.startsWith('62')) return digits;
  if (digits.startsWith('0')) return `62${digits.slice(1)}`;
  return `62${digits}`;
}

/** The prepared message in Indonesian (staff send it to the shopper's own number; no pickup code in it). */
export function whatsAppText(order: LinkOrder, kind: NotificationKind): string {
  const nota = orderNumber(order);
  const hello = `Halo ${order.contact.name},`;
  switch (kind) {
    case 'ready_for_pickup':
      return `${hello} pesanan Anda (nota ${nota}) sudah siap diambil di koperasi. Tunjukkan kode ambil yang ada di halaman pesanan Anda saat mengambil. Terima kasih!`;
    case 'out_for_delivery':
      return `${hello} pesanan Anda (nota ${nota}) sedang diantar ke alamat Anda. Mohon pastikan ada yang menerima. Terima kasih!`;
    case 'cancelled':
      return `${hello} pesanan Anda (nota ${nota}) dibatalkan. Jika sudah membayar, dananya akan dikembalikan. Mohon maaf atas ketidaknyamanannya.`;
    case 'refunded':
      return `${hello} dana untuk pesanan Anda (nota ${nota}) sudah dikembalikan. Terima kasih atas kesabarannya.`;
  }
}

/** A wa.me link that opens WhatsApp on the shopper's chat with the message typed in: one tap for staff. */
export function whatsAppLink(order: LinkOrder, kind: NotificationKind): string {
  return `https://wa.me/${waNumber(order.contact.phone)}?text=${encodeURIComponent(whatsAppText(order, kind))}`;
}

/** The staff view's `whatsappUrl`: a link for the message the order's state calls for, or null. */
export function staffWhatsAppUrl(order: LinkOrder): string | null {
  const kind = kindForOrder(order);
  return kind ? whatsAppLink(order, kind) : null;
}
