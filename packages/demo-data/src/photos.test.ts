import sharp from 'sharp';
import { describe, expect, it } from 'vitest';
import { DEMO_PRODUCTS } from './index';
import {
  CATEGORY_COLOURS,
  DEMO_PHOTO_HEIGHT,
  DEMO_PHOTO_WIDTH,
  demoPhotoSvg,
  goodsKindOf,
  nameLines,
  renderDemoPhoto,
} from './photos';

const rgbAt = async (png: Buffer, x: number, y: number) => {
  const { data, info } = await sharp(png).removeAlpha().raw().toBuffer({ resolveWithObject: true });
  const at = (y * info.width + x) * info.channels;
  return `#${[data[at]!, data[at + 1]!, data[at + 2]!].map((v) => v.toString(16).padStart(2, '0')).join('')}`;
};

describe('demo product photos', () => {
  it('draws each product the same way every time', async () => {
    const p = DEMO_PRODUCTS[0]!;
    expect(demoPhotoSvg(p)).toBe(demoPhotoSvg({ ...p }));
    expect((await renderDemoPhoto(p)).equals(await renderDemoPhoto(p))).toBe(true);
  });

  it('renders a PNG of 1280×960 with the category colour as background', async () => {
    const lpg = DEMO_PRODUCTS.find((p) => p.category === 'lpg')!;
    const png = await renderDemoPhoto(lpg);
    const meta = await sharp(png).metadata();
    expect([meta.format, meta.width, meta.height]).toEqual(['png', DEMO_PHOTO_WIDTH, DEMO_PHOTO_HEIGHT]);
    expect(await rgbAt(png, 5, 5)).toBe(CATEGORY_COLOURS.lpg.background);
  });

  it('gives every demo product a picture of its own (name drawn in)', () => {
    const svgs = new Set(DEMO_PRODUCTS.map((p) => demoPhotoSvg(p)));
    const names = new Set(DEMO_PRODUCTS.map((p) => `${p.category}:${p.name}`));
    expect(svgs.size).toBe(names.size);
  });

  it.each([
    ['LPG 3 kg (isi ulang)', 'lpg', 'cylinder'],
    ['Beras Premium Bengawan 5 kg', 'sembako', 'sack'],
    ['Telur Ayam Ras', 'sembako', 'eggs'],
    ['Kopi Dampit Biji 500 g', 'minuman', 'cup'],
    ['Galon Kosong Baru 19 liter', 'air-isi-ulang', 'galon'],
    ['Keripik Tempe Bu Sri 250 g', 'makanan-ringan', 'pouch'],
    ['Produk Baru', 'kebutuhan-rumah', 'box'],
  ] as const)('draws %s as a %s', (name, category, kind) => {
    expect(goodsKindOf(name, category)).toBe(kind);
  });

  it('escapes the name for SVG and keeps an amount with its unit on one line', () => {
    expect(demoPhotoSvg({ name: 'Kue <Lapis> & "Teh"', category: 'makanan-ringan' })).toContain(
      'Kue &lt;Lapis&gt; &amp; &quot;Teh&quot;',
    );
    expect(nameLines('Beras Premium Bengawan 5 kg')).toEqual(['Beras Premium Bengawan', '5\u00a0kg']);
    expect(nameLines('Sabun Mandi Lifebuoy 4 x 70 g')).toEqual([
      'Sabun Mandi Lifebuoy',
      '4\u00a0x\u00a070\u00a0g',
    ]);
    const long = nameLines(
      'satu dua tiga empat lima enam tujuh delapan sembilan sepuluh sebelas dua belas tiga belas',
    );
    expect(long).toHaveLength(3);
    expect(long[2]!.endsWith('…')).toBe(true);
  });
});
