import { existsSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import type { Connection } from 'mongoose';
import { z } from 'zod';
import { DiskPhotoStore } from './disk-photo-store';
import { PhotoRepository } from './photo.repository';
import type { PhotoStore } from './photo-store';
import type { PhotoDeps } from './upload-photo';

const emptyAsUnset = (v: unknown) => (v === '' ? undefined : v);
const optional = <T extends z.ZodType>(schema: T) => z.preprocess(emptyAsUnset, schema.optional());

/** Where photos are kept: S3 when PHOTO_S3_BUCKET is set, else the local disk under PHOTO_DIR. */
export const PhotoConfigSchema = z.object({
  /** Local photo directory; default `$PASAR_HOME/data/photos` (the dev stack's data dir; see photoDirOf). */
  PHOTO_DIR: optional(z.string().min(1)),
  PASAR_HOME: optional(z.string().min(1)),
  /** Set to store photos in this bucket of S3 or an S3-compatible store; credentials from AWS_ACCESS_KEY_ID / AWS_SECRET_ACCESS_KEY (or the SDK's other sources). */
  PHOTO_S3_BUCKET: optional(
    z.string().regex(/^[a-z0-9][a-z0-9.-]{1,61}[a-z0-9]$/, 'must be an S3 bucket name'),
  ),
  /** An S3-compatible endpoint (MinIO, Cloudflare R2, …); unset for AWS S3. */
  PHOTO_S3_ENDPOINT: optional(z.url({ protocol: /^https?$/ })),
  PHOTO_S3_REGION: z.preprocess(emptyAsUnset, z.string().min(1).default('us-east-1')),
});
export type PhotoConfig = z.infer<typeof PhotoConfigSchema>;

/** The monorepo's root (the folder with pnpm-workspace.yaml) above `from`, else `from` itself. */
function workspaceRoot(from: string): string {
  for (let dir = resolve(from); ; dir = dirname(dir)) {
    if (existsSync(join(dir, 'pnpm-workspace.yaml'))) return dir;
    if (dirname(dir) === dir) return resolve(from);
  }
}

/**
 * The disk store's root: PHOTO_DIR, else the dev stack's data dir (`$PASAR_HOME/data/photos`, with
 * PASAR_HOME defaulting to `<repository>/.pasar` as the stack's own paths do), whatever the cwd.
 */
export const photoDirOf = (config: Pick<PhotoConfig, 'PHOTO_DIR' | 'PASAR_HOME'>, cwd = process.cwd()) =>
  config.PHOTO_DIR
    ? resolve(cwd, config.PHOTO_DIR)
    : join(
        config.PASAR_HOME ? resolve(cwd, config.PASAR_HOME) : join(workspaceRoot(cwd), '.pasar'),
        'data',
        'photos',
      );

/** The store the configuration names; the AWS SDK is loaded only when S3 is chosen. */
export async function createPhotoStore(config: PhotoConfig): Promise<PhotoStore> {
  if (config.PHOTO_S3_BUCKET) {
    const { S3PhotoStore } = await import('./s3-photo-store');
    return new S3PhotoStore({
      bucket: config.PHOTO_S3_BUCKET,
      region: config.PHOTO_S3_REGION,
      ...(config.PHOTO_S3_ENDPOINT ? { endpoint: config.PHOTO_S3_ENDPOINT } : {}),
    });
  }
  return new DiskPhotoStore(photoDirOf(config));
}

/** The photo routes' and the seed's dependencies over a connection and the environment. */
export async function photoDeps(
  conn: Connection,
  config: PhotoConfig,
  logger?: PhotoDeps['logger'],
): Promise<PhotoDeps> {
  return {
    store: await createPhotoStore(config),
    records: PhotoRepository.on(conn),
    ...(logger ? { logger } : {}),
  };
}
