/** "+6281234567890" → "0812****7890": enough for a person to recognise their number, not to read it off a screen. */
export function maskPhone(phone: string): string {
  const local = phone.startsWith('+62') ? `0${phone.slice(3)}` : phone;
  if (local.length < 8) return '****';
  return `${local.slice(0, 4)}${'*'.repeat(Math.max(local.length - 8, 2))}${local.slice(-4)}`;
}
