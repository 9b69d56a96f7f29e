import { testDatabase } from '@pasar/testkit';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { headersOfPeople, json } from '../../test/builders';
import { PhotoRepository } from './photo.repository';
import { phoneJpeg, plainImage } from './testing/images';
import { photoTestApp, uploadRequest } from './testing/photo-app';

/**
 * Uploads through HTTP into the real `photos` collection on FerretDB (mongoose) and a disk store
 * on a temp dir: the document has exactly the shape the product side looks up.
 */
describe('photo routes on FerretDB', () => {
  let db: Awaited<ReturnType<typeof testDatabase>>;
  let env: Awaited<ReturnType<typeof photoTestApp>>;
  let as: Awaited<ReturnType<typeof headersOfPeople>>;
  beforeAll(async () => {
    db = await testDatabase('catalog_photos');
    env = await photoTestApp(PhotoRepository.on(db.conn));
    as = await headersOfPeople();
  });
  afterAll(async () => {
    await env.cleanup();
    await db.drop();
  });

  it("stores an upload's variants and its document {_id, cooperativeId, ownerPersonId, width, height, variants, createdAt}", async () => {
    const started = new Date();
    const res = await env.app.request(
      '/cooperatives/karangbesuki/photos',
      uploadRequest(
        { fileName: 'keripik.jpg', contentType: 'image/jpeg', bytes: await phoneJpeg(3000, 2000, 1) },
        as.sri,
      ),
    );
    expect(res.status).toBe(201);
    const photo = (await json(res)) as { photoId: string; variants: { width: number; url: string }[] };

    const doc = await db.conn.collection('photos').findOne({ _id: photo.photoId as never });
    expect(doc).toEqual({
      _id: photo.photoId,
      cooperativeId: 'karangbesuki',
      ownerPersonId: 'prs_sri',
      width: 1280,
      height: 853,
      variants: [320, 640, 1280].map((w) => ({ width: w, url: `/photos/${photo.photoId}/${w}.webp` })),
      createdAt: expect.any(Date),
    });
    expect(doc!.createdAt.getTime()).toBeGreaterThanOrEqual(started.getTime() - 1000);

    for (const v of photo.variants) {
      const got = await env.app.request(v.url);
      expect(got.status).toBe(200);
      expect(got.headers.get('content-type')).toBe('image/webp');
    }
  });

  it('keeps every upload its own document, each under the person who sent it', async () => {
    const png = await plainImage('png', 700, 700);
    const ids: string[] = [];
    for (const who of ['sri', 'budi', 'gudang'] as const) {
      const res = await env.app.request(
        '/cooperatives/karangbesuki/photos',
        uploadRequest({ fileName: 'foto.png', contentType: 'image/png', bytes: png }, as[who]),
      );
      expect(res.status).toBe(201);
      ids.push(((await json(res)) as { photoId: string }).photoId);
    }
    const docs = await db.conn
      .collection('photos')
      .find({ _id: { $in: ids as never[] } })
      .toArray();
    expect(new Map(docs.map((d) => [d._id, d.ownerPersonId]))).toEqual(
      new Map([
        [ids[0], 'prs_sri'],
        [ids[1], 'prs_budi'],
        [ids[2], 'prs_gudang'],
      ]),
    );
  });

  it('a refused upload leaves no document', async () => {
    const before = await db.conn.collection('photos').countDocuments();
    const res = await env.app.request(
      '/cooperatives/karangbesuki/photos',
      uploadRequest(
        { fileName: '../foto.png', contentType: 'image/png', bytes: await plainImage('png') },
        as.sri,
      ),
    );
    expect(res.status).toBe(400);
    expect(await db.conn.collection('photos').countDocuments()).toBe(before);
  });
});
