import { describe, expect, it } from 'vitest';
import { JS_SPACE_CLASS } from './patterns';

describe('JS_SPACE_CLASS', () => {
  it('matches exactly the UTF-16 code units JavaScript \\s matches', () => {
    const spelled = new RegExp(`^[${JS_SPACE_CLASS}]$`);
    const mismatches: string[] = [];
    for (let code = 0; code <= 0xffff; code++) {
      const ch = String.fromCharCode(code);
      if (spelled.test(ch) !== /^\s$/.test(ch)) mismatches.push(`U+${code.toString(16)}`);
    }
    expect(mismatches).toEqual([]);
    expect(spelled.test('\u3000')).toBe(true);
  });
});
