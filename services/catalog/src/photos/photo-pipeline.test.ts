import { DomainError, ValidationError } from '@pasar/service-kit';
import exifr from 'exifr';
import sharp from 'sharp';
import { describe, expect, it } from 'vitest';
import { decodeLoad, MAX_CONCURRENT_DECODES, processPhoto, variantWidths } from './photo-pipeline';
import {
  GPS,
  heicHeader,
  phoneJpeg,
  pixelAt,
  plainImage,
  pngBomb,
  textFile,
  truncatedJpeg,
} from './testing/images';

const refusal = async (promise: Promise<unknown>) => {
  const err = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(err).toBeInstanceOf(DomainError);
  return err as DomainError;
};

describe('variantWidths', () => {
  it.each([
    [4000, [320, 640, 1280]],
    [1280, [320, 640, 1280]],
    [1279, [320, 640]],
    [640, [320, 640]],
    [500, [320]],
    [320, [320]],
    [200, [200]],
    [1, [1]],
  ])('a source %i px wide gets %j (never upscaled, at least one)', (source, widths) => {
    expect(variantWidths(source)).toEqual(widths);
  });
});

describe('processPhoto: what it accepts', () => {
  it('turns a sideways phone JPEG upright and drops its EXIF and GPS', async () => {
    const input = await phoneJpeg(1600, 1200, 6);
    // The input really carries what we must remove.
    expect(await exifr.gps(input)).toMatchObject({
      latitude: expect.closeTo(GPS.latitude, 3),
      longitude: expect.closeTo(GPS.longitude, 3),
    });
    expect(await exifr.parse(input)).toMatchObject({
      Make: 'PasarCam',
      Artist: 'Sri Wahyuni',
      Orientation: expect.anything(),
    });

    const photo = await processPhoto(input, 'image/jpeg');

    // Upright: 1600×1200 stored with orientation 6 is 1200×1600 to the eye, so 1280 is skipped.
    expect(photo.variants.map((v) => [v.width, v.height])).toEqual([
      [320, 427],
      [640, 853],
    ]);
    expect([photo.width, photo.height]).toEqual([640, 853]);
    for (const v of photo.variants) {
      const meta = await sharp(v.bytes).metadata();
      expect(meta.format).toBe('webp');
      expect(meta.exif).toBeUndefined();
      expect(meta.xmp).toBeUndefined();
      expect(meta.iptc).toBeUndefined();
      expect(meta.icc).toBeUndefined();
      expect(meta.orientation).toBeUndefined();
      expect(await exifr.parse(v.bytes).catch(() => undefined)).toBeUndefined();
      expect(v.bytes.includes('PasarCam')).toBe(false);
      expect(v.bytes.includes('Exif')).toBe(false);
    }
    // The red left half of the sensor image is at the top once turned 90° clockwise.
    const top = photo.variants[0]!;
    const [r1, , b1] = await pixelAt(top.bytes, 160, 10);
    const [r2, , b2] = await pixelAt(top.bytes, 160, top.height - 10);
    expect(r1).toBeGreaterThan(200);
    expect(b1).toBeLessThan(60);
    expect(b2).toBeGreaterThan(200);
    expect(r2).toBeLessThan(60);
  });

  it.each(['png', 'webp', 'avif', 'jpeg'] as const)(
    'takes %s and makes WebP at quality ~78',
    async (format) => {
      const photo = await processPhoto(await plainImage(format, 800, 600));
      expect(photo.type).toBe(format);
      expect(photo.variants.map((v) => v.width)).toEqual([320, 640]);
      expect((await sharp(photo.variants[1]!.bytes).metadata()).format).toBe('webp');
    },
  );

  it('keeps a small source at its own width instead of upscaling it', async () => {
    const photo = await processPhoto(await plainImage('png', 200, 150), 'image/png');
    expect(photo.variants.map((v) => [v.width, v.height])).toEqual([[200, 150]]);
  });

  it('decodes at most two photos at once; the others wait their turn and all complete', async () => {
    const image = await plainImage('png', 2400, 1800);
    let most = 0;
    let queued = 0;
    const watch = setInterval(() => {
      most = Math.max(most, decodeLoad().running);
      queued = Math.max(queued, decodeLoad().waiting);
    }, 1);
    const photos = await Promise.all(Array.from({ length: 5 }, () => processPhoto(image, 'image/png')));
    clearInterval(watch);
    expect(photos.every((p) => p.variants.length === 3)).toBe(true);
    expect(most).toBe(MAX_CONCURRENT_DECODES);
    expect(queued).toBeGreaterThan(0);
    expect(decodeLoad()).toEqual({ running: 0, waiting: 0 });
  });

  it('takes application/octet-stream and image/jpg as "no particular type"', async () => {
    const jpeg = await plainImage('jpeg');
    expect((await processPhoto(jpeg, 'application/octet-stream')).type).toBe('jpeg');
    expect((await processPhoto(jpeg, 'image/jpg')).type).toBe('jpeg');
  });
});

describe('processPhoto: what it refuses', () => {
  it('a text file renamed .jpg and sent as image/jpeg: 415 PHOTO.NOT_AN_IMAGE', async () => {
    const err = await refusal(processPhoto(textFile(), 'image/jpeg'));
    expect([err.status, err.code]).toEqual([415, 'PHOTO.NOT_AN_IMAGE']);
    expect(err.message).toMatch(/bukan foto.*·.*not a JPEG/);
  });

  it('a JPEG sent as image/png: 415 PHOTO.TYPE_MISMATCH naming both', async () => {
    const err = await refusal(processPhoto(await plainImage('jpeg'), 'image/png'));
    expect([err.status, err.code]).toEqual([415, 'PHOTO.TYPE_MISMATCH']);
    expect(err.details).toMatchObject({ field: 'file', declared: 'image/png', detected: 'image/jpeg' });
  });

  it('a PNG header declaring 50000×50000 pixels: 422 PHOTO.TOO_MANY_PIXELS, before decoding', async () => {
    const bomb = pngBomb(50_000);
    expect(bomb.length).toBeLessThan(20_000);
    const started = performance.now();
    const err = await refusal(processPhoto(bomb, 'image/png'));
    expect([err.status, err.code]).toEqual([422, 'PHOTO.TOO_MANY_PIXELS']);
    expect(err.details).toMatchObject({ width: 50_000, height: 50_000, maxPixels: 40_000_000 });
    expect(performance.now() - started).toBeLessThan(2_000);
  });

  it('just above 40 MP is refused, a 40 MP header is not refused for its size', async () => {
    expect((await refusal(processPhoto(pngBomb(6_325), 'image/png'))).code).toBe('PHOTO.TOO_MANY_PIXELS');
    // 6,324² < 40 M: passes the size check, then fails as the truncated picture it is.
    expect((await refusal(processPhoto(pngBomb(6_324), 'image/png'))).code).toBe('PHOTO.UNREADABLE');
  });

  it('a HEIC photo: 415 PHOTO.HEIC_UNSUPPORTED with a way out', async () => {
    const err = await refusal(processPhoto(heicHeader(), 'image/heic'));
    expect([err.status, err.code]).toEqual([415, 'PHOTO.HEIC_UNSUPPORTED']);
    expect(err.message).toContain('JPEG');
  });

  it('a JPEG cut short: 422 PHOTO.UNREADABLE, not a 500', async () => {
    const err = await refusal(processPhoto(await truncatedJpeg(), 'image/jpeg'));
    expect([err.status, err.code]).toEqual([422, 'PHOTO.UNREADABLE']);
    expect(err).not.toBeInstanceOf(ValidationError);
  });
});
