import type { Bank, Transaction } from './transaction';

/** CRC-16/CCITT-FALSE, the checksum EMVCo (and so QRIS) puts in tag 63. */
function crc16(text: string): string {
  let crc = 0xffff;
  for (const byte of Buffer.from(text, 'utf8')) {
    crc ^= byte << 8;
    for (let i = 0; i < 8; i++) crc = crc & 0x8000 ? ((crc << 1) ^ 0x1021) & 0xffff : (crc << 1) & 0xffff;
  }
  return crc.toString(16).toUpperCase().padStart(4, '0');
}

const tlv = (tag: string, value: string) => `${tag}${String(value.length).padStart(2, '0')}${value}`;

/** A dynamic QRIS-shaped EMVCo payload (merchant "PASAR SANDBOX", Malang) for this transaction. */
export function qrisString(t: Transaction): string {
  const payload =
    tlv('00', '01') +
    tlv('01', '12') + // dynamic QR
    tlv('26', tlv('00', 'ID.CO.QRIS.WWW') + tlv('01', '936009140000000000') + tlv('02', 'G000000000')) +
    tlv('51', tlv('00', 'ID.CO.QRIS.WWW') + tlv('02', 'ID1020000000001') + tlv('03', 'UMI')) +
    tlv('52', '5411') +
    tlv('53', '360') + // IDR
    tlv('54', String(t.grossAmount)) +
    tlv('58', 'ID') +
    tlv('59', 'PASAR SANDBOX') +
    tlv('60', 'MALANG') +
    tlv('61', '65146') +
    tlv('62', tlv('01', t.orderId.slice(0, 25)) + tlv('05', t.transactionId.slice(0, 25))) +
    '6304';
  return payload + crc16(payload);
}

export function deeplink(t: Transaction): string {
  if (t.paymentType === 'gopay')
    return `gojek://gopay/merchanttransfer?tref=${t.transactionId}&amount=${t.grossAmount}&activity=GP:RR`;
  return `shopeeid://main?txn=${t.transactionId}&amount=${t.grossAmount}`;
}

const VA_PREFIX: Record<Bank, string> = { bca: '12345', bni: '9881', bri: '8880', permata: '8562' };

/** A VA number per bank: a fixed prefix and digits taken from the transaction id (stable per transaction). */
export function vaNumber(bank: Bank, t: Transaction): string {
  const digits = BigInt(`0x${t.transactionId.replaceAll('-', '').slice(0, 15)}`).toString();
  return VA_PREFIX[bank] + digits.padStart(12, '0').slice(-(bank === 'bca' ? 6 : 12));
}
