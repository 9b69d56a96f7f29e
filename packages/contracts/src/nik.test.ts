import { describe, expect, it } from 'vitest';
import { isNik, NikSchema } from './nik';

describe('NikSchema', () => {
  it('accepts exactly 16 ASCII digits', () => {
    expect(NikSchema.parse('3573011203900004')).toBe('3573011203900004');
    expect(isNik('0000000000000000')).toBe(true);
  });

  it.each([
    ['15 digits', '357301120390000'],
    ['17 digits', '35730112039000041'],
    ['a letter', '357301120390000A'],
    ['spaces', '3573 0112 0390 0004'],
    ['Arabic-Indic digits', '٣٥٧٣٠١١٢٠٣٩٠٠٠٠٤'],
    ['empty', ''],
  ])('refuses %s, without echoing the value in the message', (_what, value) => {
    const r = NikSchema.safeParse(value);
    expect(r.success).toBe(false);
    if (value) expect(JSON.stringify(r.error?.issues.map((i) => i.message))).not.toContain(value);
  });
});
