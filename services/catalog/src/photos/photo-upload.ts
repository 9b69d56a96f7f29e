import { Readable } from 'node:stream';
import type { ReadableStream as WebReadableStream } from 'node:stream/web';
import type { BodyLimit } from '@pasar/service-kit';
import busboy from 'busboy';
import {
  MAX_UPLOAD_BYTES,
  malformedUpload,
  missingFile,
  notMultipart,
  pathInFileName,
  photoTooLarge,
} from './photo-errors';

/** The one file of a photo upload, as the sender described it and as its bytes came. */
export interface PhotoUpload {
  fileName: string;
  /** The part's Content-Type (what the browser guessed from the name); checked against the bytes. */
  declaredType: string | undefined;
  bytes: Buffer;
}

/** Room for the multipart framing around the file (boundaries, part headers). */
const MULTIPART_SLACK = 64 * 1024;

/**
 * The service kit's body limit for the upload path: a Content-Length above it is refused before a
 * byte is read, a chunked body is counted while it streams. The file itself is held to exactly
 * 10 MB by the multipart parser.
 */
export const PHOTO_UPLOAD_BODY_LIMIT: BodyLimit = {
  path: /^\/cooperatives\/[^/]+\/photos\/?$/,
  maxBytes: MAX_UPLOAD_BYTES + MULTIPART_SLACK,
  error: photoTooLarge,
};

/**
 * A name as a phone or browser sends it: a base name only. Anything that reads as a path (`/`,
 * `\`, a drive letter, `.` or `..`) or holds control characters is refused, never silently cut.
 */
export function isPlainFileName(name: string): boolean {
  if (name === '' || name === '.' || name === '..') return false;
  if (/^[A-Za-z]:/.test(name)) return false;
  // biome-ignore lint/suspicious/noControlCharactersInRegex: control characters are what we refuse
  return !/[/\\\u0000-\u001f\u007f]/.test(name);
}

/**
 * Reads a multipart/form-data body as it streams, keeping only the field `file` (at most 10 MB:
 * the parser stops counting at the limit and we refuse at once, so nothing larger is held).
 */
export function readPhotoUpload(contentType: string | undefined, body: ReadableStream<Uint8Array> | null) {
  if (!body || !/^multipart\/form-data;/i.test(contentType ?? '')) throw notMultipart();
  return new Promise<PhotoUpload>((resolve, reject) => {
    let parser: busboy.Busboy;
    try {
      parser = busboy({
        headers: { 'content-type': contentType },
        // Keep the name as sent, so a path in it is seen and refused (busboy strips it by default).
        preservePath: true,
        limits: { fileSize: MAX_UPLOAD_BYTES, files: 1, fields: 10, parts: 11, fieldSize: 1024 },
      });
    } catch (err) {
      throw malformedUpload((err as Error).message);
    }
    const source = Readable.fromWeb(body as WebReadableStream<Uint8Array>);
    let upload: PhotoUpload | undefined;
    let settled = false;
    const fail = (err: Error) => {
      if (settled) return;
      settled = true;
      source.unpipe(parser);
      source.destroy();
      reject(err);
    };
    parser.on('file', (field, stream, info) => {
      if (field !== 'file') {
        stream.resume();
        return fail(malformedUpload(`unexpected file field "${field}"; send the photo as "file"`));
      }
      if (!isPlainFileName(info.filename ?? '')) {
        stream.resume();
        return fail(pathInFileName());
      }
      const chunks: Buffer[] = [];
      stream.on('data', (chunk: Buffer) => chunks.push(chunk));
      stream.on('limit', () => fail(photoTooLarge()));
      stream.on('end', () => {
        if (!settled)
          upload = {
            fileName: info.filename ?? '',
            declaredType: info.mimeType,
            bytes: Buffer.concat(chunks),
          };
      });
    });
    parser.on('filesLimit', () => fail(malformedUpload('only one file per upload')));
    parser.on('partsLimit', () => fail(malformedUpload('too many parts')));
    parser.on('fieldsLimit', () => fail(malformedUpload('too many fields')));
    parser.on('error', (err: Error) => fail(malformedUpload(err.message)));
    parser.on('close', () => {
      if (settled) return;
      settled = true;
      if (upload && upload.bytes.length > 0) resolve(upload);
      else reject(missingFile());
    });
    source.on('error', (err) => fail(malformedUpload(err.message)));
    source.pipe(parser);
  });
}
