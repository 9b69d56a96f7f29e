import { normaliseIndonesianPhone } from '@pasar/contracts';
import { describe, expect, it } from 'vitest';
import { MOBILE_PHONE_PATTERN, MobilePhoneInputSchema } from './phone';

const SAMPLES = [
  '0812-3456-7890',
  '+62 812 3456 7890',
  '6281234567890',
  '(0812) 3456.789',
  '0812345678',
  '081234567890123',
  '  0812 3456 7890  ',
  '0812\n3456\t7890\n',
  '+ 6 2 8 1 2 3 4 5 6 7 8',
  '0\u00a0812\u20093456\u30007890\ufeff',
  '+(62)-812-3456-7890',
  '...0812345678---',
  '0341-551234',
  '081234567',
  '0812345678901234',
  '0812',
  '+1 415 555 0100',
  '+620812345678',
  '62-0812345678',
  '08l2345678',
  '0812345678x',
  '0812_3456_7890',
  '0812/3456/7890',
  '٠٨١٢٣٤٥٦٧٨٩',
  '0812\u200b3456789',
  'abc',
  '',
  '+',
];

/** A small deterministic generator (mulberry32), so a failure names a reproducible case. */
function random(seed: number) {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

describe('MOBILE_PHONE_PATTERN is exactly the contracts rule', () => {
  it.each(SAMPLES)('%j: the pattern matches iff normaliseIndonesianPhone accepts', (raw) => {
    expect(MOBILE_PHONE_PATTERN.test(raw)).toBe(normaliseIndonesianPhone(raw) !== undefined);
  });

  it('agrees on thousands of generated strings built from digits, signs and every separator', () => {
    const next = random(6);
    const pieces = [
      '0',
      '8',
      '6',
      '2',
      '1',
      '9',
      '+',
      ' ',
      '-',
      '.',
      '(',
      ')',
      '\n',
      '\u00a0',
      '\u3000',
      'x',
      '_',
    ];
    for (let i = 0; i < 20_000; i++) {
      const start = ['0', '62', '+62', '', '+6'][Math.floor(next() * 5)]!;
      let raw = `${start}8`;
      const n = Math.floor(next() * 16);
      for (let k = 0; k < n; k++) raw += pieces[Math.floor(next() * pieces.length)];
      expect(MOBILE_PHONE_PATTERN.test(raw), JSON.stringify(raw)).toBe(
        normaliseIndonesianPhone(raw) !== undefined,
      );
    }
  });

  it('agrees for every UTF-16 code unit put inside, before and after a number', () => {
    for (let code = 0; code <= 0xffff; code++) {
      const ch = String.fromCharCode(code);
      for (const raw of [`0812${ch}345678`, `${ch}0812345678`, `0812345678${ch}`, `+${ch}62812345678`]) {
        const accepted = normaliseIndonesianPhone(raw) !== undefined;
        if (MOBILE_PHONE_PATTERN.test(raw) !== accepted)
          expect.fail(`U+${code.toString(16)} in ${JSON.stringify(raw)}: function ${accepted}`);
      }
    }
    // and the separators really are accepted (the loop above would also pass if both refused all)
    expect(MOBILE_PHONE_PATTERN.test('0812\u20283456\u00a0789')).toBe(true);
  });

  it('the schema gives the stored form and names the rule', () => {
    expect(MobilePhoneInputSchema.parse('0812-3456-7890')).toBe('+6281234567890');
    const r = MobilePhoneInputSchema.safeParse('0341-551234');
    expect(r.success).toBe(false);
    if (!r.success) expect(r.error.issues[0]?.message).toContain('Indonesian mobile');
  });
});
