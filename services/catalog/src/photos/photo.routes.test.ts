import type { AddressInfo } from 'node:net';
import { serve } from '@hono/node-server';
import { createLogger } from '@pasar/events';
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { headersOfPeople, issuer, json, type TestPerson } from '../../test/builders';
import { createApp } from '../app';
import type { Repositories } from '../db/repositories';
import { MAX_UPLOAD_BYTES } from './photo-errors';
import { heicHeader, multipartBody, phoneJpeg, plainImage, pngBomb, textFile } from './testing/images';
import { MemoryPhotoRecords, photoTestApp, type UploadFile, uploadRequest } from './testing/photo-app';

/**
 * The photo routes over a real disk store (temp dir) and the `photos` collection in memory:
 * who may upload, every refusal as the HTTP answer a seller's phone gets, and the public variants.
 */
describe('photo routes', () => {
  let env: Awaited<ReturnType<typeof photoTestApp>>;
  let records: MemoryPhotoRecords;
  let as: Awaited<ReturnType<typeof headersOfPeople>>;
  let jpeg: Buffer;
  beforeAll(async () => {
    records = new MemoryPhotoRecords();
    env = await photoTestApp(records);
    as = await headersOfPeople();
    jpeg = await phoneJpeg(1600, 1200, 6);
  });
  afterAll(() => env.cleanup());

  const upload = (file: UploadFile, who: TestPerson | null = 'sri', coop = 'karangbesuki') =>
    env.app.request(`/cooperatives/${coop}/photos`, uploadRequest(file, who ? as[who] : {}));
  type Photo = { photoId: string; width: number; height: number; variants: { width: number; url: string }[] };

  it('documents both routes with their access rules in /openapi.json', async () => {
    const doc = await json(await env.app.request('/openapi.json'));
    expect(doc.paths['/cooperatives/{cooperativeId}/photos'].post['x-pasar-access']).toEqual({
      allow: ['penjual', 'pengurus', 'gudang'],
      scope: 'path',
    });
    expect(Object.keys(doc.paths['/cooperatives/{cooperativeId}/photos'].post.requestBody.content)).toEqual([
      'multipart/form-data',
    ]);
    expect(doc.paths['/photos/{photoId}/{width}.webp'].get['x-pasar-access']).toEqual({
      allow: ['anonymous'],
    });
  });

  describe('an accepted upload', () => {
    let res: Response;
    let photo: Photo;
    beforeAll(async () => {
      res = await upload({ fileName: 'IMG_2024.jpg', contentType: 'image/jpeg', bytes: jpeg });
      photo = (await json(res)) as Photo;
    });

    it('answers 201 with the upright size and the variants the source can fill', () => {
      expect(res.status).toBe(201);
      expect(photo).toEqual({
        photoId: expect.stringMatching(/^pho_[0-9A-Za-z]{22}$/),
        width: 640,
        height: 853,
        variants: [
          { width: 320, url: `/photos/${photo.photoId}/320.webp` },
          { width: 640, url: `/photos/${photo.photoId}/640.webp` },
        ],
      });
    });

    it("records the photo with the uploader's person id and cooperative", () => {
      expect(records.docs.get(photo.photoId)).toEqual({
        _id: photo.photoId,
        cooperativeId: 'karangbesuki',
        ownerPersonId: 'prs_sri',
        width: 640,
        height: 853,
        variants: photo.variants,
        createdAt: expect.any(Date),
      });
    });

    it('serves each variant publicly as immutable WebP with an ETag, and 304 for a matching If-None-Match', async () => {
      for (const v of photo.variants) {
        const got = await env.app.request(v.url);
        expect(got.status).toBe(200);
        expect(got.headers.get('content-type')).toBe('image/webp');
        expect(got.headers.get('cache-control')).toBe('public, max-age=31536000, immutable');
        const meta = await sharp(Buffer.from(await got.arrayBuffer())).metadata();
        expect([meta.format, meta.width, meta.exif]).toEqual(['webp', v.width, undefined]);
        const etag = got.headers.get('etag')!;
        expect(etag).toMatch(/^"[A-Za-z0-9_-]{27}"$/);
        const again = await env.app.request(v.url, { headers: { 'if-none-match': etag } });
        expect(again.status).toBe(304);
        expect(again.headers.get('etag')).toBe(etag);
      }
    });

    it('answers 404 for a width that was not made, and for an unknown photo', async () => {
      expect((await env.app.request(`/photos/${photo.photoId}/1280.webp`)).status).toBe(404);
      const unknown = await env.app.request('/photos/pho_0000000000000000000000/320.webp');
      expect(unknown.status).toBe(404);
      expect((await json(unknown)).code).toBe('PHOTO.NOT_FOUND');
      expect((await env.app.request(`/photos/${photo.photoId}/320.png`)).status).toBe(404);
    });

    it('answers 400 naming the parameter for a malformed photo id', async () => {
      const res = await env.app.request('/photos/..%2F..%2Fetc/320.webp');
      expect(res.status).toBe(400);
      expect((await json(res)).details.issues[0].field).toBe('param.photoId');
    });
  });

  describe('who may upload', () => {
    const ok = () => ({ contentType: 'image/png', bytes: pngOf });
    let pngOf: Buffer;
    beforeAll(async () => {
      pngOf = await plainImage('png', 400, 300);
    });

    it('anonymous: 401 with WWW-Authenticate', async () => {
      const res = await upload(ok(), null);
      expect(res.status).toBe(401);
      expect(res.headers.get('www-authenticate')).toContain('Bearer');
    });

    it.each(['sri', 'gudang', 'ketua'] as const)(
      '%s (penjual, gudang, pengurus) of the cooperative: 201',
      async (who) => {
        const res = await upload(ok(), who);
        expect(res.status).toBe(201);
        expect(records.docs.get(((await json(res)) as Photo).photoId)?.ownerPersonId).toBe(`prs_${who}`);
      },
    );

    it.each(['anggota', 'kasir', 'pengawas'] as const)('%s of the same cooperative: 403', async (who) => {
      const res = await upload(ok(), who);
      expect(res.status).toBe(403);
      expect((await json(res)).code).toBe('AUTH.FORBIDDEN');
    });

    it('a pengurus of another cooperative, or a seller naming another cooperative: 404', async () => {
      expect((await upload(ok(), 'dinoyoKetua')).status).toBe(404);
      expect((await upload(ok(), 'sri', 'dinoyo')).status).toBe(404);
    });
  });

  describe('refusals, each a clear 4xx that stores nothing', () => {
    let before: { files: number; records: number };
    const refused = async (res: Response, status: number, code: string) => {
      expect(res.status).toBe(status);
      const body = await json(res);
      expect(body.code).toBe(code);
      expect(body.message).toMatch(/ · /); // Bahasa Indonesia · English
      expect((await env.storedFiles()).length).toBe(before.files);
      expect(records.docs.size).toBe(before.records);
      return body;
    };
    beforeAll(async () => {
      before = { files: (await env.storedFiles()).length, records: records.docs.size };
    });

    it('a text file renamed .jpg: 415 PHOTO.NOT_AN_IMAGE', async () => {
      const res = await upload({ fileName: 'foto.jpg', contentType: 'image/jpeg', bytes: textFile() });
      await refused(res, 415, 'PHOTO.NOT_AN_IMAGE');
    });

    it('a JPEG sent as image/png: 415 PHOTO.TYPE_MISMATCH', async () => {
      const res = await upload({ fileName: 'foto.png', contentType: 'image/png', bytes: jpeg });
      const body = await refused(res, 415, 'PHOTO.TYPE_MISMATCH');
      expect(body.details).toMatchObject({ field: 'file', declared: 'image/png', detected: 'image/jpeg' });
    });

    it('a PNG header declaring 50000×50000 pixels: 422 PHOTO.TOO_MANY_PIXELS', async () => {
      const res = await upload({ fileName: 'bom.png', contentType: 'image/png', bytes: pngBomb(50_000) });
      await refused(res, 422, 'PHOTO.TOO_MANY_PIXELS');
    });

    it('a HEIC photo: 415 PHOTO.HEIC_UNSUPPORTED', async () => {
      const res = await upload({ fileName: 'IMG_0001.HEIC', contentType: 'image/heic', bytes: heicHeader() });
      await refused(res, 415, 'PHOTO.HEIC_UNSUPPORTED');
    });

    it.each(['../x.jpg', 'a/b.jpg', 'C:\\\\x.jpg', '..\\\\..\\\\x.jpg', '..'])(
      'a path in the file name (%s): 400 naming the field file',
      async (fileName) => {
        const res = await upload({ fileName, contentType: 'image/jpeg', bytes: jpeg });
        const body = await refused(res, 400, 'VALIDATION.FAILED');
        expect(body.details.issues).toEqual([{ field: 'file', message: expect.stringContaining('path') }]);
      },
    );

    it('an 11 MB body with its Content-Length: 413 PHOTO.TOO_LARGE before it is read', async () => {
      const big = Buffer.alloc(11 * 1024 * 1024, 0xff);
      const res = await upload({ fileName: 'besar.jpg', contentType: 'image/jpeg', bytes: big });
      await refused(res, 413, 'PHOTO.TOO_LARGE');
    });

    it('an 11 MB body streamed without a length: 413 PHOTO.TOO_LARGE, counted as it comes', async () => {
      const { body, contentType } = multipartBody([
        { fileName: 'besar.jpg', contentType: 'image/jpeg', bytes: Buffer.alloc(11 * 1024 * 1024, 0xff) },
      ]);
      let pulled = 0;
      const stream = new ReadableStream<Uint8Array>({
        pull(controller) {
          if (pulled >= body.length) return controller.close();
          controller.enqueue(body.subarray(pulled, pulled + 64 * 1024));
          pulled += 64 * 1024;
        },
      });
      const res = await env.app.request('/cooperatives/karangbesuki/photos', {
        method: 'POST',
        headers: { 'content-type': contentType, ...as.sri },
        body: stream,
        duplex: 'half',
      } as RequestInit);
      await refused(res, 413, 'PHOTO.TOO_LARGE');
      expect(pulled).toBeLessThan(body.length);
    });

    it('a file of 10 MB + 1 byte inside a body the service kit lets through: 413 from the parser', async () => {
      const res = await upload({
        fileName: 'besar.jpg',
        contentType: 'image/jpeg',
        bytes: Buffer.alloc(MAX_UPLOAD_BYTES + 1),
      });
      await refused(res, 413, 'PHOTO.TOO_LARGE');
    });

    it('a JSON body: 415 PHOTO.NOT_MULTIPART', async () => {
      const res = await env.app.request('/cooperatives/karangbesuki/photos', {
        method: 'POST',
        headers: { 'content-type': 'application/json', ...as.sri },
        body: JSON.stringify({ file: 'x' }),
      });
      await refused(res, 415, 'PHOTO.NOT_MULTIPART');
    });

    it('a form without the field file: 400 naming it', async () => {
      const res = await upload({
        field: 'gambar',
        fileName: 'foto.jpg',
        contentType: 'image/jpeg',
        bytes: jpeg,
      });
      const body = await refused(res, 400, 'VALIDATION.FAILED');
      expect(body.details.issues[0].field).toBe('file');
    });

    it('two files: 400 naming the field file', async () => {
      const { body, contentType } = multipartBody([
        { fileName: 'a.jpg', contentType: 'image/jpeg', bytes: jpeg },
        { fileName: 'b.jpg', contentType: 'image/jpeg', bytes: jpeg },
      ]);
      const res = await env.app.request('/cooperatives/karangbesuki/photos', {
        method: 'POST',
        headers: { 'content-type': contentType, ...as.sri },
        body,
      });
      const answer = await refused(res, 400, 'VALIDATION.FAILED');
      expect(answer.details.issues[0].field).toBe('file');
    });
  });

  it('answers an 11 MB upload with 413 over a real socket while the phone is still sending', async () => {
    const app = createApp({
      ...({} as Repositories),
      logger: createLogger('photo-test', 'silent'),
      verifier: issuer.verifier('catalog'),
      photos: env.photos,
    });
    const server = serve({ fetch: app.fetch, port: 0, hostname: '127.0.0.1' });
    await new Promise((resolve) => server.once('listening', resolve));
    try {
      const { port } = server.address() as AddressInfo;
      const res = await fetch(
        `http://127.0.0.1:${port}/cooperatives/karangbesuki/photos`,
        uploadRequest(
          { fileName: 'besar.jpg', contentType: 'image/jpeg', bytes: Buffer.alloc(11 * 1024 * 1024, 0xff) },
          as.sri,
        ),
      );
      expect(res.status).toBe(413);
      expect((await json(res)).code).toBe('PHOTO.TOO_LARGE');
    } finally {
      server.close();
    }
  });
});
