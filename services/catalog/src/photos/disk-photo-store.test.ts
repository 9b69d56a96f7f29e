import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DiskPhotoStore } from './disk-photo-store';
import { photoStoreContract } from './testing/store-contract';

let parent: string;
let root: string;
let store: DiskPhotoStore;
beforeAll(async () => {
  parent = await mkdtemp(join(tmpdir(), 'pasar-photos-'));
  root = join(parent, 'photos');
  store = new DiskPhotoStore(root);
});
afterAll(() => rm(parent, { recursive: true, force: true }));

photoStoreContract('DiskPhotoStore', () => store);

describe('DiskPhotoStore on a real directory', () => {
  it('writes <root>/<photoId>/<width>.webp and leaves no temporary file behind', async () => {
    await store.put('pho_disk/640.webp', Buffer.from('webp bytes'), 'image/webp');
    expect(await readFile(join(root, 'pho_disk', '640.webp'), 'utf8')).toBe('webp bytes');
    expect(await readdir(join(root, 'pho_disk'))).toEqual(['640.webp']);
  });

  it('never writes outside its root, whatever the key', async () => {
    await expect(store.put('../outside.webp', Buffer.from('x'), 'image/webp')).rejects.toThrow(
      /Invalid photo/,
    );
    expect(await readdir(parent)).toEqual(['photos']);
  });
});
