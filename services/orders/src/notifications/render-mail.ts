import { type NotifiableOrder, type NotificationKind, orderNumber, rupiah } from './kinds';

export interface MailContent {
  subject: string;
  text: string;
}

export interface MailFacts {
  order: Pick<
    NotifiableOrder,
    'id' | 'notaNumber' | 'contact' | 'total' | 'paymentMethod' | 'pickupCode' | 'fulfilment' | 'refund'
  >;
  kind: NotificationKind;
  /** The cooperative's market name (its read model); the platform's name when unknown. */
  marketName: string;
  /** For a refund: the amount paid back (from the event). */
  refundedAmount?: number;
}

interface Words {
  subject: string;
  id: string[];
  en: string[];
}

const paysCash = (o: MailFacts['order']) => o.paymentMethod === 'cash';

function words({ order, kind, marketName, refundedAmount }: MailFacts): Words {
  const nota = orderNumber(order);
  const total = rupiah(order.total);
  switch (kind) {
    case 'ready_for_pickup': {
      const code = order.pickupCode ?? '-';
      return {
        subject: `Pesanan ${nota} siap diambil · Order ready for pickup`,
        id: [
          `Pesanan Anda di ${marketName} sudah siap diambil.`,
          `Datanglah ke koperasi dan tunjukkan kode ambil ini kepada petugas: ${code}`,
          paysCash(order)
            ? `Siapkan pembayaran tunai ${total} saat mengambil.`
            : `Pesanan sudah dibayar (${total}).`,
        ],
        en: [
          `Your order at ${marketName} is ready for pickup.`,
          `Come to the cooperative and show this pickup code to the staff: ${code}`,
          paysCash(order) ? `Please bring ${total} in cash.` : `The order is paid (${total}).`,
        ],
      };
    }
    case 'out_for_delivery':
      return {
        subject: `Pesanan ${nota} sedang diantar · Order out for delivery`,
        id: [
          `Pesanan Anda di ${marketName} sedang diantar ke alamat Anda.`,
          paysCash(order)
            ? `Mohon pastikan ada yang menerima dan siapkan pembayaran tunai ${total}.`
            : 'Mohon pastikan ada yang menerima di alamat tujuan.',
        ],
        en: [
          `Your order at ${marketName} is on its way to your address.`,
          paysCash(order)
            ? `Please make sure someone is there to receive it, with ${total} in cash.`
            : 'Please make sure someone is there to receive it.',
        ],
      };
    case 'cancelled':
      return {
        subject: `Pesanan ${nota} dibatalkan · Order cancelled`,
        id: [
          `Pesanan Anda di ${marketName} telah dibatalkan.`,
          paysCash(order)
            ? 'Tidak ada yang perlu dibayar. Anda dapat memesan lagi kapan saja.'
            : 'Jika Anda sudah membayar, dananya akan dikembalikan; kami kabari lagi setelah selesai.',
        ],
        en: [
          `Your order at ${marketName} has been cancelled.`,
          paysCash(order)
            ? 'There is nothing to pay. You are welcome to order again at any time.'
            : 'If you already paid, the money will be refunded; we will let you know once it is done.',
        ],
      };
    case 'refunded': {
      const amount = rupiah(refundedAmount ?? order.refund?.amount ?? order.total);
      const manual = order.refund?.via === 'manual';
      return {
        subject: `Dana pesanan ${nota} sudah dikembalikan · Refund completed`,
        id: [
          `Dana ${amount} untuk pesanan Anda di ${marketName} sudah dikembalikan.`,
          manual
            ? 'Koperasi telah mentransfernya ke rekening Anda. Hubungi koperasi jika belum Anda terima.'
            : 'Dana kembali ke metode pembayaran semula; bank dapat memerlukan beberapa hari kerja.',
        ],
        en: [
          `${amount} for your order at ${marketName} has been refunded.`,
          manual
            ? 'The cooperative has transferred it to your account. Contact the cooperative if it has not arrived.'
            : 'The money goes back to the original payment method; banks may take a few working days.',
        ],
      };
    }
  }
}

/** The shopper's mail: Bahasa Indonesia first, English below; plain text (readable everywhere). */
export function renderMail(facts: MailFacts): MailContent {
  const w = words(facts);
  const nota = orderNumber(facts.order);
  const name = facts.order.contact.name;
  const text = [
    `Halo ${name},`,
    '',
    ...w.id,
    '',
    `Nomor nota: ${nota}`,
    `Total: ${rupiah(facts.order.total)}`,
    '',
    `Salam,\n${facts.marketName}`,
    '',
    '— English —',
    '',
    `Hello ${name},`,
    '',
    ...w.en,
    '',
    `Nota number: ${nota}`,
    '',
    `Regards,\n${facts.marketName}`,
    '',
  ].join('\n');
  return { subject: `[${facts.marketName}] ${w.subject}`, text };
}
