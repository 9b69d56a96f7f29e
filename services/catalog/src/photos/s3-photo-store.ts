import {
  DeleteObjectCommand,
  GetObjectCommand,
  NoSuchKey,
  PutObjectCommand,
  S3Client,
  type S3ClientConfig,
} from '@aws-sdk/client-s3';
import { checkedKey, IMMUTABLE, type PhotoStore } from './photo-store';

export interface S3PhotoStoreOptions {
  bucket: string;
  /** An S3-compatible endpoint (MinIO, R2, …); absent for AWS S3 itself. */
  endpoint?: string;
  region: string;
  /** Credentials; absent: the SDK's default chain (AWS_ACCESS_KEY_ID / AWS_SECRET_ACCESS_KEY, profiles, roles). */
  credentials?: S3ClientConfig['credentials'];
}

/** Photos as objects in one bucket of S3 or an S3-compatible store (production). */
export class S3PhotoStore implements PhotoStore {
  readonly client: S3Client;
  private readonly bucket: string;

  constructor(opts: S3PhotoStoreOptions) {
    this.bucket = opts.bucket;
    this.client = new S3Client({
      region: opts.region,
      ...(opts.credentials ? { credentials: opts.credentials } : {}),
      ...(opts.endpoint
        ? {
            endpoint: opts.endpoint,
            // Other stores seldom have per-bucket host names, nor the SDK's newer default checksums.
            forcePathStyle: true,
            requestChecksumCalculation: 'WHEN_REQUIRED' as const,
            responseChecksumValidation: 'WHEN_REQUIRED' as const,
          }
        : {}),
    });
  }

  async put(key: string, bytes: Uint8Array, contentType: string): Promise<void> {
    await this.client.send(
      new PutObjectCommand({
        Bucket: this.bucket,
        Key: checkedKey(key),
        Body: bytes,
        ContentType: contentType,
        CacheControl: IMMUTABLE,
      }),
    );
  }

  async get(key: string): Promise<Uint8Array | null> {
    try {
      const res = await this.client.send(new GetObjectCommand({ Bucket: this.bucket, Key: checkedKey(key) }));
      return res.Body ? await res.Body.transformToByteArray() : null;
    } catch (err) {
      if (err instanceof NoSuchKey) return null;
      throw err;
    }
  }

  async delete(key: string): Promise<void> {
    await this.client.send(new DeleteObjectCommand({ Bucket: this.bucket, Key: checkedKey(key) }));
  }
}
