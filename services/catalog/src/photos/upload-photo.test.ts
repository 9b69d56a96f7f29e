import { mkdtemp, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { DiskPhotoStore } from './disk-photo-store';
import type { PhotoStore } from './photo-store';
import { plainImage } from './testing/images';
import { MemoryPhotoRecords } from './testing/photo-app';
import { uploadPhoto } from './upload-photo';

const owner = { cooperativeId: 'karangbesuki', personId: 'prs_sri' };

describe('uploadPhoto', () => {
  let dir: string;
  let store: DiskPhotoStore;
  beforeEach(async () => {
    dir = await mkdtemp(join(tmpdir(), 'pasar-upload-'));
    store = new DiskPhotoStore(dir);
  });
  afterEach(() => rm(dir, { recursive: true, force: true }));
  const files = async () =>
    (await readdir(dir, { recursive: true, withFileTypes: true })).filter((e) => e.isFile());

  it('stores one WebP file per variant and one record', async () => {
    const records = new MemoryPhotoRecords();
    const photo = await uploadPhoto(
      { store, records },
      { bytes: await plainImage('png', 1400, 700), declaredType: 'image/png' },
      owner,
    );
    expect((await files()).map((f) => f.name).sort()).toEqual(['1280.webp', '320.webp', '640.webp']);
    expect([...records.docs.keys()]).toEqual([photo.photoId]);
  });

  it('removes the variants already written when the record cannot be saved (the undo)', async () => {
    const records = new MemoryPhotoRecords();
    records.insert = async () => {
      throw new Error('database down');
    };
    await expect(
      uploadPhoto({ store, records }, { bytes: await plainImage('png'), declaredType: undefined }, owner),
    ).rejects.toThrow('database down');
    expect(await files()).toEqual([]);
  });

  it('removes the other variants when one cannot be written, and records nothing', async () => {
    const records = new MemoryPhotoRecords();
    const failing: PhotoStore = {
      put: (key, bytes, type) =>
        key.endsWith('/640.webp') ? Promise.reject(new Error('disk full')) : store.put(key, bytes, type),
      get: (key) => store.get(key),
      delete: (key) => store.delete(key),
    };
    await expect(
      uploadPhoto(
        { store: failing, records },
        { bytes: await plainImage('png'), declaredType: 'image/png' },
        owner,
      ),
    ).rejects.toThrow('disk full');
    expect(await files()).toEqual([]);
    expect(records.docs.size).toBe(0);
  });
});
