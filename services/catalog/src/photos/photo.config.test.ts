import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { DiskPhotoStore } from './disk-photo-store';
import { createPhotoStore, PhotoConfigSchema, photoDirOf } from './photo.config';
import { S3PhotoStore } from './s3-photo-store';

const repository = resolve(import.meta.dirname, '../../../..');
const catalogDir = resolve(import.meta.dirname, '../..');

describe('photo configuration', () => {
  it('keeps photos in the dev data dir of the repository, whatever the working directory', () => {
    const expected = join(repository, '.pasar', 'data', 'photos');
    expect(photoDirOf({}, catalogDir)).toBe(expected);
    expect(photoDirOf({}, repository)).toBe(expected);
  });

  it('follows PASAR_HOME, and PHOTO_DIR above all', () => {
    expect(photoDirOf({ PASAR_HOME: '/srv/pasar' })).toBe('/srv/pasar/data/photos');
    expect(photoDirOf({ PASAR_HOME: '/srv/pasar', PHOTO_DIR: 'foto' }, '/app')).toBe('/app/foto');
  });

  it('chooses S3 when PHOTO_S3_BUCKET is set, the disk otherwise', async () => {
    const parse = (env: Record<string, string>) => PhotoConfigSchema.parse(env);
    expect(await createPhotoStore(parse({ PHOTO_DIR: '/tmp/x' }))).toBeInstanceOf(DiskPhotoStore);
    expect(await createPhotoStore(parse({ PHOTO_S3_BUCKET: '' }))).toBeInstanceOf(DiskPhotoStore);
    const s3 = await createPhotoStore(
      parse({ PHOTO_S3_BUCKET: 'pasar-photos', PHOTO_S3_ENDPOINT: 'http://127.0.0.1:9000' }),
    );
    expect(s3).toBeInstanceOf(S3PhotoStore);
  });

  it('names a malformed bucket or endpoint', () => {
    const result = PhotoConfigSchema.safeParse({
      PHOTO_S3_BUCKET: 'Not_A_Bucket',
      PHOTO_S3_ENDPOINT: 'ftp://x',
    });
    expect(result.success).toBe(false);
    expect(result.error!.issues.map((i) => i.path[0]).sort()).toEqual([
      'PHOTO_S3_BUCKET',
      'PHOTO_S3_ENDPOINT',
    ]);
  });
});
