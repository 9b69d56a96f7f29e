import type { Category } from '@pasar/contracts';
import sharp from 'sharp';

/**
 * Product pictures for the demo market, drawn here because nothing can be downloaded: a background
 * in the category's colour, a simple drawing of the kind of goods (a sack of rice, an LPG cylinder,
 * a bottle…) and the product's name. The same product always gives the same picture.
 * Imported as `@pasar/demo-data/photos` (it loads sharp; the rest of the demo data does not).
 */

export const DEMO_PHOTO_WIDTH = 1280;
export const DEMO_PHOTO_HEIGHT = 960;

/** Background and ink per category (the ink draws the goods and the name band). */
export const CATEGORY_COLOURS: Record<Category, { background: string; ink: string }> = {
  sembako: { background: '#f4d06f', ink: '#6b4e00' },
  lpg: { background: '#8fd3a8', ink: '#17603a' },
  'air-isi-ulang': { background: '#9fd3ee', ink: '#14507a' },
  pupuk: { background: '#b5c29a', ink: '#3f4f22' },
  'makanan-ringan': { background: '#f6ad75', ink: '#7a3510' },
  minuman: { background: '#e3a6ab', ink: '#6e2530' },
  'kebutuhan-rumah': { background: '#bcc4ff', ink: '#2f3a8f' },
};

export type GoodsKind =
  | 'sack'
  | 'cylinder'
  | 'galon'
  | 'bottle'
  | 'eggs'
  | 'cup'
  | 'produce'
  | 'pouch'
  | 'cake'
  | 'box'
  | 'packet';

/** Words in a name that say what the goods look like, checked in this order. */
const KIND_WORDS: [RegExp, GoodsKind][] = [
  [/\bLPG\b|Bright Gas/i, 'cylinder'],
  [/Galon/i, 'galon'],
  [/Benih|Bumbu|Gula|Tepung|Garam/i, 'packet'],
  [/Mi Instan|Deterjen|Sabun Mandi/i, 'box'],
  [/Beras|Pupuk/i, 'sack'],
  [/Telur/i, 'eggs'],
  [/Kopi|\bTeh\b/i, 'cup'],
  [/Minyak|Kecap|Sabun Cuci|Jamu|Sambal|Air Mineral/i, 'bottle'],
  [/Cabai|Tomat|Sawi|Jagung/i, 'produce'],
  [/Keripik|Kerupuk|Rengginang/i, 'pouch'],
  [/Kue|Onde|Nagasari|Pia\b|Strudel|Tahu/i, 'cake'],
];
const KIND_OF_CATEGORY: Record<Category, GoodsKind> = {
  sembako: 'sack',
  lpg: 'cylinder',
  'air-isi-ulang': 'galon',
  pupuk: 'sack',
  'makanan-ringan': 'pouch',
  minuman: 'bottle',
  'kebutuhan-rumah': 'box',
};

export function goodsKindOf(name: string, category: Category): GoodsKind {
  return KIND_WORDS.find(([re]) => re.test(name))?.[1] ?? KIND_OF_CATEGORY[category];
}

/** The drawings, in a 400×400 box; `ink` outlines and fills, white lights. */
const DRAWINGS: Record<GoodsKind, (ink: string) => string> = {
  sack: (ink) =>
    `<path d="M90 110 Q200 60 310 110 L340 350 Q200 390 60 350 Z" fill="${ink}"/>` +
    `<path d="M120 95 Q200 130 280 95" stroke="#fff" stroke-width="12" fill="none"/>` +
    `<rect x="130" y="200" width="140" height="90" rx="12" fill="#fff" opacity="0.85"/>`,
  cylinder: (ink) =>
    `<rect x="150" y="30" width="100" height="50" rx="10" fill="${ink}"/>` +
    `<rect x="95" y="80" width="210" height="290" rx="90" fill="${ink}"/>` +
    `<rect x="95" y="200" width="210" height="28" fill="#fff" opacity="0.8"/>`,
  galon: (ink) =>
    `<rect x="165" y="20" width="70" height="45" rx="8" fill="${ink}"/>` +
    `<path d="M120 65 L280 65 Q330 90 330 150 L330 340 Q330 380 290 380 L110 380 Q70 380 70 340 L70 150 Q70 90 120 65 Z" fill="${ink}" opacity="0.85"/>` +
    `<path d="M110 170 L290 170 M110 260 L290 260" stroke="#fff" stroke-width="14"/>`,
  bottle: (ink) =>
    `<rect x="170" y="20" width="60" height="50" rx="6" fill="${ink}"/>` +
    `<path d="M175 70 L225 70 L225 110 Q290 140 290 200 L290 360 Q290 385 265 385 L135 385 Q110 385 110 360 L110 200 Q110 140 175 110 Z" fill="${ink}"/>` +
    `<rect x="130" y="220" width="140" height="100" rx="10" fill="#fff" opacity="0.85"/>`,
  eggs: (ink) =>
    `<rect x="40" y="250" width="320" height="110" rx="20" fill="${ink}"/>` +
    [90, 160, 230, 300]
      .map(
        (x) =>
          `<ellipse cx="${x + 10}" cy="230" rx="42" ry="56" fill="#fff" stroke="${ink}" stroke-width="8"/>`,
      )
      .join(''),
  cup: (ink) =>
    `<path d="M80 140 L300 140 L275 360 Q270 380 250 380 L130 380 Q110 380 105 360 Z" fill="${ink}"/>` +
    `<path d="M300 180 Q370 190 350 260 Q335 300 285 300" stroke="${ink}" stroke-width="22" fill="none"/>` +
    `<path d="M150 110 Q130 80 155 50 M200 110 Q180 80 205 50 M250 110 Q230 80 255 50" stroke="#fff" stroke-width="10" fill="none"/>`,
  produce: (ink) =>
    `<circle cx="200" cy="240" r="140" fill="${ink}"/>` +
    `<path d="M200 100 Q240 40 300 60 Q260 110 200 100 Z" fill="#fff" opacity="0.9"/>` +
    `<circle cx="150" cy="190" r="30" fill="#fff" opacity="0.35"/>`,
  pouch: (ink) =>
    `<path d="M80 60 L320 60 L300 120 L330 360 Q200 395 70 360 L100 120 Z" fill="${ink}"/>` +
    `<path d="M80 60 L320 60" stroke="#fff" stroke-width="14" stroke-dasharray="20 12"/>` +
    `<circle cx="200" cy="240" r="70" fill="#fff" opacity="0.85"/>`,
  cake: (ink) =>
    `<rect x="40" y="200" width="320" height="160" rx="16" fill="${ink}"/>` +
    [110, 200, 290]
      .map((x) => `<circle cx="${x}" cy="190" r="48" fill="#fff" stroke="${ink}" stroke-width="8"/>`)
      .join(''),
  box: (ink) =>
    `<path d="M70 120 L200 60 L330 120 L330 320 L200 380 L70 320 Z" fill="${ink}"/>` +
    `<path d="M70 120 L200 180 L330 120 M200 180 L200 380" stroke="#fff" stroke-width="10" fill="none"/>`,
  packet: (ink) =>
    `<rect x="100" y="40" width="200" height="320" rx="14" fill="${ink}"/>` +
    `<path d="M200 300 L200 180 M200 220 Q150 200 140 150 Q190 160 200 220 M200 200 Q250 170 260 130 Q210 140 200 200" stroke="#fff" stroke-width="10" fill="none"/>`,
};

const escapeXml = (s: string) =>
  s.replace(
    /[&<>"']/g,
    (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&apos;' })[c]!,
  );

/** An amount and its unit stay on one line ("5 kg", "755 ml", "4 x 70 g"). */
const keepAmounts = (name: string) =>
  name
    .replace(/(\d) x (\d)/g, '$1\u00a0x\u00a0$2')
    .replace(/(\d[\d.,]*) (kg|g|ml|liter|l)\b/gi, '$1\u00a0$2');

/** The name in at most three lines of about `perLine` characters (the last one cut with …). */
export function nameLines(name: string, perLine = 26, maxLines = 3): string[] {
  const lines: string[] = [];
  // Split on plain spaces only: the no-break spaces keepAmounts put in hold their words together.
  for (const word of keepAmounts(name)
    .split(/[ \t\n]+/)
    .filter(Boolean)) {
    const last = lines.at(-1);
    if (last !== undefined && `${last} ${word}`.length <= perLine)
      lines[lines.length - 1] = `${last} ${word}`;
    else lines.push(word);
  }
  if (lines.length <= maxLines) return lines;
  const kept = lines.slice(0, maxLines);
  kept[maxLines - 1] = `${kept[maxLines - 1]!.slice(0, perLine - 1)}…`;
  return kept;
}

export interface DemoPhotoSubject {
  name: string;
  category: Category;
}

/** The SVG source of a product's picture (what the PNG is rendered from). */
export function demoPhotoSvg({ name, category }: DemoPhotoSubject): string {
  const { background, ink } = CATEGORY_COLOURS[category];
  const lines = nameLines(name);
  const fontSize = 66;
  const bandTop = DEMO_PHOTO_HEIGHT - 90 - lines.length * (fontSize + 12);
  const text = lines
    .map(
      (line, i) =>
        `<text x="${DEMO_PHOTO_WIDTH / 2}" y="${bandTop + 70 + i * (fontSize + 12)}" text-anchor="middle">${escapeXml(line)}</text>`,
    )
    .join('');
  const drawingScale = Math.min(1.3, (bandTop - 60) / 400);
  const drawingX = (DEMO_PHOTO_WIDTH - 400 * drawingScale) / 2;
  return (
    `<svg xmlns="http://www.w3.org/2000/svg" width="${DEMO_PHOTO_WIDTH}" height="${DEMO_PHOTO_HEIGHT}" viewBox="0 0 ${DEMO_PHOTO_WIDTH} ${DEMO_PHOTO_HEIGHT}">` +
    `<rect width="100%" height="100%" fill="${background}"/>` +
    `<circle cx="${DEMO_PHOTO_WIDTH / 2}" cy="${30 + 200 * drawingScale}" r="${230 * drawingScale}" fill="#fff" opacity="0.35"/>` +
    `<g transform="translate(${drawingX.toFixed(1)} 30) scale(${drawingScale.toFixed(3)})">${DRAWINGS[goodsKindOf(name, category)](ink)}</g>` +
    `<rect y="${bandTop}" width="100%" height="${DEMO_PHOTO_HEIGHT - bandTop}" fill="${ink}"/>` +
    `<g font-family="DejaVu Sans, Liberation Sans, Arial, sans-serif" font-weight="bold" font-size="${fontSize}" fill="#fff">${text}</g>` +
    '</svg>'
  );
}

/** The product's picture as a PNG of DEMO_PHOTO_WIDTH × DEMO_PHOTO_HEIGHT pixels. */
export function renderDemoPhoto(subject: DemoPhotoSubject): Promise<Buffer> {
  return sharp(Buffer.from(demoPhotoSvg(subject)))
    .png()
    .toBuffer();
}
