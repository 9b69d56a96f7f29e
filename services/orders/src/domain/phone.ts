/**
 * Indonesian mobile numbers as shoppers type them: 0812-3456-7890, +62 812 3456 7890, 6281234567890.
 * Returns the E.164 form (+62…), or undefined when it is not one.
 * The national part is 8 followed by 8 to 11 digits (9–12 digits, the lengths operators issue).
 */
export function normaliseIndonesianPhone(raw: string): string | undefined {
  const compact = raw.trim().replace(/[\s.\-()]/g, '');
  const match = /^(?:\+62|62|0)(8\d{8,11})$/.exec(compact);
  return match ? `+62${match[1]}` : undefined;
}
