/** Drops the spaces, dashes, dots and brackets people type in phone numbers: "0812-3456 7890" → "081234567890". */
export function normalizePhone(raw: string): string {
  return raw.replace(/[\s\-.()]/g, '');
}

/**
 * Indonesian mobile numbers: 08…, 628… or +628…, then 8 to 11 more digits (10–15 digits in all),
 * the same rule as the orders service so the form never accepts what the service refuses.
 */
export function isIndonesianMobile(phone: string): boolean {
  return /^(?:\+62|62|0)8\d{8,11}$/.test(phone);
}
