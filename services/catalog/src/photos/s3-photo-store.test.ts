import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import S3rver from 's3rver';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { S3PhotoStore } from './s3-photo-store';
import { photoStoreContract } from './testing/store-contract';

/**
 * The S3 adapter against s3rver, an S3-protocol server on a real socket (objects in a temp dir).
 * s3rver checks the access key id, buckets and keys, not SigV4 signatures, so the signing the
 * SDK did is checked on the requests as sent (a middleware after the signer records them).
 */
let dir: string;
let server: S3rver;
let store: S3PhotoStore;
let endpoint: string;
const sent: { method: string; path: string; headers: Record<string, string> }[] = [];

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'pasar-s3-'));
  server = new S3rver({
    address: '127.0.0.1',
    port: 0,
    directory: dir,
    silent: true,
    configureBuckets: [{ name: 'pasar-photos', configs: [] }],
  });
  const { port } = await server.run();
  endpoint = `http://127.0.0.1:${port}`;
  store = new S3PhotoStore({
    bucket: 'pasar-photos',
    endpoint,
    region: 'ap-southeast-3',
    credentials: { accessKeyId: 'S3RVER', secretAccessKey: 'S3RVER' },
  });
  store.client.middlewareStack.add(
    (next) => async (args) => {
      const req = args.request as { method: string; path: string; headers: Record<string, string> };
      sent.push({ method: req.method, path: req.path, headers: { ...req.headers } });
      return next(args);
    },
    { step: 'deserialize', name: 'recordSentRequests' },
  );
});
afterAll(async () => {
  await server.close();
  await rm(dir, { recursive: true, force: true });
});

photoStoreContract('S3PhotoStore', () => store);

describe('S3PhotoStore requests', () => {
  it('puts path-style into the bucket, signed with SigV4 for the region, typed and immutable', async () => {
    sent.length = 0;
    await store.put('pho_s3/1280.webp', Buffer.from('webp'), 'image/webp');
    const put = sent.find((r) => r.method === 'PUT')!;
    expect(put.path).toBe('/pasar-photos/pho_s3/1280.webp');
    expect(put.headers['content-type']).toBe('image/webp');
    expect(put.headers['cache-control']).toBe('public, max-age=31536000, immutable');
    expect(put.headers.authorization).toMatch(
      /^AWS4-HMAC-SHA256 Credential=S3RVER\/\d{8}\/ap-southeast-3\/s3\/aws4_request, SignedHeaders=[^,]*host[^,]*, Signature=[0-9a-f]{64}$/,
    );
  });

  it('stores what the server then serves with its content type', async () => {
    await store.put('pho_s3/320.webp', Buffer.from('small'), 'image/webp');
    const { GetObjectCommand } = await import('@aws-sdk/client-s3');
    const res = await store.client.send(
      new GetObjectCommand({ Bucket: 'pasar-photos', Key: 'pho_s3/320.webp' }),
    );
    expect(res.ContentType).toBe('image/webp');
    expect(res.CacheControl).toBe('public, max-age=31536000, immutable');
  });

  it('fails loudly (not null) when the bucket does not exist', async () => {
    const other = new S3PhotoStore({
      bucket: 'no-such-bucket',
      endpoint,
      region: 'ap-southeast-3',
      credentials: { accessKeyId: 'S3RVER', secretAccessKey: 'S3RVER' },
    });
    await expect(other.get('pho_x/320.webp')).rejects.toThrow(/bucket/i);
  });
});
