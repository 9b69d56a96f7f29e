import { inflateSync } from 'node:zlib';

/** A string operand of a content stream: `<hex>` or `(literal)` (with its escapes). */
function decodeString(s: string): string {
  if (s.startsWith('<')) {
    const hex = s.slice(1, -1).replace(/\s+/g, '');
    return Buffer.from(hex.length % 2 ? `${hex}0` : hex, 'hex').toString('latin1');
  }
  return s
    .slice(1, -1)
    .replace(/\\([nrtbf()\\]|[0-7]{1,3})/g, (_, e: string) =>
      /^[0-7]/.test(e)
        ? String.fromCharCode(Number.parseInt(e, 8))
        : (({ n: '\n', r: '\r', t: '\t', b: '\b', f: '\f' } as Record<string, string>)[e] ?? e),
    );
}

/**
 * What a test can check of a PDF without a PDF library: its header and trailer, the page objects and
 * the page tree's count, and the text its content streams draw (inflated with zlib; pdfkit writes
 * the standard fonts in WinAnsi, so a string's bytes are its Latin-1 characters). Each text object
 * (BT … ET) becomes one line.
 */
export function pdfFacts(pdf: Buffer) {
  const raw = pdf.toString('latin1');
  const streams: string[] = [];
  const re = /(?<!end)stream\r?\n/g;
  for (let m = re.exec(raw); m; m = re.exec(raw)) {
    const start = m.index + m[0].length;
    const end = raw.indexOf('endstream', start);
    if (end < 0) break;
    const bytes = pdf.subarray(start, end);
    try {
      streams.push(inflateSync(bytes).toString('latin1'));
    } catch {
      streams.push(bytes.toString('latin1'));
    }
    re.lastIndex = end;
  }
  const lines: string[] = [];
  let rectangles = 0;
  for (const s of streams) {
    rectangles += (s.match(/\sre\s/g) ?? []).length;
    for (const block of s.match(/BT[\s\S]*?ET/g) ?? []) {
      const parts: string[] = [];
      for (const op of block.match(
        /\[(?:[^\]\\]|\\.)*\]\s*TJ|(?:<[0-9a-fA-F\s]*>|\((?:[^)\\]|\\.)*\))\s*Tj/g,
      ) ?? [])
        for (const str of op.match(/<[0-9a-fA-F\s]*>|\((?:[^)\\]|\\.)*\)/g) ?? [])
          parts.push(decodeString(str));
      lines.push(parts.join(''));
    }
  }
  return {
    header: raw.slice(0, raw.indexOf('\n')).trim(),
    endsWithEof: raw.trimEnd().endsWith('%%EOF'),
    pages: (raw.match(/\/Type\s*\/Page(?![s\w])/g) ?? []).length,
    pageCountInTree: Number(/\/Type\s*\/Pages[\s\S]*?\/Count\s+(\d+)/.exec(raw)?.[1] ?? Number.NaN),
    text: lines.join('\n'),
    rectangles,
  };
}
