import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';

/**
 * 360 px phones: what can be checked without a browser. Outside media queries (i.e. on the narrowest
 * screen) no rule may fix a width wider than the screen, and the queue/dashboard/nota layouts must
 * only widen inside min-width queries.
 */
const css = readFileSync(new URL('../app/styles/app.css', import.meta.url), 'utf8');

/** The stylesheet without its @media blocks (the rules a 360 px screen gets). */
function baseRules(source: string): string {
  let out = '';
  let i = 0;
  while (i < source.length) {
    const at = source.indexOf('@media', i);
    if (at === -1) {
      out += source.slice(i);
      break;
    }
    out += source.slice(i, at);
    let depth = 0;
    let j = source.indexOf('{', at);
    for (; j < source.length; j++) {
      if (source[j] === '{') depth++;
      else if (source[j] === '}' && --depth === 0) break;
    }
    i = j + 1;
  }
  return out;
}

/** Declarations that would force a page wider than 360 px. */
function fixedWidths(source: string): string[] {
  const base = baseRules(source);
  return (
    [...base.matchAll(/(?:^|[;{\s])((?:min-)?width|grid-template-columns|flex-basis)\s*:\s*([^;]+);/g)]
      .flatMap((m) =>
        [...(m[2] ?? '').matchAll(/(\d+(?:\.\d+)?)(px|rem|em)\b/g)].map((u) => ({ rule: m[0].trim(), u })),
      )
      .filter(({ u }) => {
        const n = Number(u[1]);
        return u[2] === 'px' ? n > 360 : n * 16 > 360;
      })
      // max-width is a ceiling, not a floor; min(100%, …) gives way on a small screen.
      .filter(({ rule }) => !/max-width|min\(100%/.test(rule))
      .map(({ rule }) => rule)
  );
}

describe('narrow screens (360 px)', () => {
  it('fixes no width, min-width or grid track wider than 360 px outside media queries', () => {
    expect(fixedWidths(css)).toEqual([]);
  });

  it('would notice one (the check itself)', () => {
    const sample =
      '.a { min-width: 30rem; }\n.b { max-width: 40rem; }\n@media (min-width: 64rem) { .c { width: 900px; } }';
    expect(fixedWidths(sample)).toEqual(['min-width: 30rem;']);
  });

  it('stacks the queue columns on a phone and puts them side by side only from 64rem', () => {
    const base = baseRules(css);
    expect(base).toMatch(/\.queue-board \{\s*display: grid;\s*gap: 1rem;\s*\}/);
    expect(css).toMatch(
      /@media \(min-width: 64rem\) \{\s*\.queue-board \{\s*grid-template-columns: repeat\(3, minmax\(0, 1fr\)\);/,
    );
  });

  it('lets the chart scale with the screen (width 100%, height from the viewBox)', () => {
    expect(css).toMatch(/\.chart \{[^}]*width: 100%;[^}]*height: auto;/);
  });

  it('keeps touch targets for the queue tabs and the step links', () => {
    expect(css).toMatch(/\.queue-tab \{[^}]*min-height: var\(--tap\);/);
    expect(css).toMatch(/\.queue-card-link \{[^}]*min-height: var\(--tap\);/);
  });
});
