import { mkdtemp, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createLogger } from '@pasar/events';
import { documentedApp, issuer } from '../../../test/builders';
import { createApp } from '../../app';
import type { Repositories } from '../../db/repositories';
import { DiskPhotoStore } from '../disk-photo-store';
import type { PhotoDoc, PhotoRecords } from '../photo.repository';
import type { PhotoDeps } from '../upload-photo';
import { multipartBody } from './images';

/** The `photos` collection in memory, for route tests (the integration test uses FerretDB). */
export class MemoryPhotoRecords implements PhotoRecords {
  readonly docs = new Map<string, PhotoDoc>();
  async insert(doc: PhotoDoc): Promise<void> {
    if (this.docs.has(doc._id)) throw new Error(`duplicate photo id ${doc._id}`);
    this.docs.set(doc._id, structuredClone(doc));
  }
  async findById(photoId: string): Promise<PhotoDoc | null> {
    return this.docs.get(photoId) ?? null;
  }
}

/** Catalog's app with photo routes over `records` and a disk store in a fresh temp dir. */
export async function photoTestApp(records: PhotoRecords = new MemoryPhotoRecords()) {
  const dir = await mkdtemp(join(tmpdir(), 'pasar-photo-routes-'));
  const photos: PhotoDeps = { store: new DiskPhotoStore(dir), records };
  // Only the photo routes run here: the product repositories are never reached.
  const app = createApp({
    ...({} as Repositories),
    logger: createLogger('photo-test', 'silent'),
    verifier: issuer.verifier('catalog'),
    photos,
  });
  return {
    app: documentedApp(app),
    photos,
    records,
    /** Every file the store holds, as paths under its root. */
    storedFiles: async () =>
      (await readdir(dir, { recursive: true, withFileTypes: true })).filter((e) => e.isFile()),
    cleanup: () => rm(dir, { recursive: true, force: true }),
  };
}

export interface UploadFile {
  fileName?: string;
  contentType?: string;
  bytes: Uint8Array;
  field?: string;
}

/** A POST /cooperatives/{id}/photos request as a browser's form would make it (with Content-Length). */
export function uploadRequest(file: UploadFile, headers: Record<string, string> = {}): RequestInit {
  const { body, contentType } = multipartBody([{ fileName: 'foto.jpg', ...file }]);
  return {
    method: 'POST',
    headers: { 'content-type': contentType, 'content-length': String(body.length), ...headers },
    body,
  };
}
