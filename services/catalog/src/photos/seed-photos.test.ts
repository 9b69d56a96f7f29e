import { mkdtemp, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import sharp from 'sharp';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { DiskPhotoStore } from './disk-photo-store';
import type { PhotoStore } from './photo-store';
import { DEMO_PHOTO_OWNER, seedDemoPhoto } from './seed-photos';
import { MemoryPhotoRecords } from './testing/photo-app';
import { PHOTO_ID_PATTERN } from './upload-photo';

const keripik = {
  productId: '65f0c0ffee0000000000a001',
  cooperativeId: 'karangbesuki',
  name: 'Keripik Tempe Bu Sri 250 g',
  category: 'makanan-ringan' as const,
};

describe('seedDemoPhoto', () => {
  let dir: string;
  let store: PhotoStore;
  let puts: string[];
  let records: MemoryPhotoRecords;
  beforeEach(async () => {
    dir = await mkdtemp(join(tmpdir(), 'pasar-seed-photos-'));
    const disk = new DiskPhotoStore(dir);
    puts = [];
    store = {
      put: (key, bytes, type) => {
        puts.push(key);
        return disk.put(key, bytes, type);
      },
      get: (key) => disk.get(key),
      delete: (key) => disk.delete(key),
    };
    records = new MemoryPhotoRecords();
  });
  afterEach(() => rm(dir, { recursive: true, force: true }));

  it("stores the product's drawing as WebP at 320, 640 and 1280 with its photos document", async () => {
    const photo = await seedDemoPhoto({ store, records }, keripik);
    expect(photo.photoId).toMatch(PHOTO_ID_PATTERN);
    expect(photo).toMatchObject({ width: 1280, height: 960 });
    expect(photo.variants.map((v) => v.url)).toEqual(
      [320, 640, 1280].map((w) => `/photos/${photo.photoId}/${w}.webp`),
    );
    const bytes = await store.get(`${photo.photoId}/640.webp`);
    expect((await sharp(bytes!).metadata()).format).toBe('webp');
    expect(records.docs.get(photo.photoId)).toMatchObject({
      cooperativeId: 'karangbesuki',
      ownerPersonId: DEMO_PHOTO_OWNER,
    });
  });

  it('is idempotent: a second run finds the photo and writes nothing', async () => {
    const first = await seedDemoPhoto({ store, records }, keripik);
    puts.length = 0;
    expect(await seedDemoPhoto({ store, records }, keripik)).toEqual(first);
    expect(puts).toEqual([]);
    expect(records.docs.size).toBe(1);
  });

  it('writes the files again when the store lost them, keeping the same photo', async () => {
    const first = await seedDemoPhoto({ store, records }, keripik);
    await rm(join(dir, first.photoId), { recursive: true });
    expect(await seedDemoPhoto({ store, records }, keripik)).toEqual(first);
    expect((await readdir(join(dir, first.photoId))).sort()).toEqual(['1280.webp', '320.webp', '640.webp']);
    expect(records.docs.size).toBe(1);
  });

  it('gives another product, or the same product renamed, another photo', async () => {
    const a = await seedDemoPhoto({ store, records }, keripik);
    const b = await seedDemoPhoto({ store, records }, { ...keripik, productId: '65f0c0ffee0000000000a002' });
    const c = await seedDemoPhoto({ store, records }, { ...keripik, name: 'Keripik Tempe Pedas 250 g' });
    expect(new Set([a.photoId, b.photoId, c.photoId]).size).toBe(3);
  });
});
