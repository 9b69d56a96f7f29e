import { DomainError, NotFoundError, ValidationError } from '@pasar/service-kit';

/**
 * Why an upload is refused: AREA.REASON codes, and a message in Bahasa Indonesia first, then
 * English (the seller reads it on their phone; the web may translate the code instead).
 */
const say = (id: string, en: string) => `${id} · ${en}`;

export const MAX_UPLOAD_BYTES = 10 * 1024 * 1024;
/** Decoded pixels we accept (a 40 MP phone camera; a decompression bomb declares far more). */
export const MAX_INPUT_PIXELS = 40_000_000;

export const notMultipart = () =>
  new DomainError(
    'PHOTO.NOT_MULTIPART',
    say(
      'Kirim foto sebagai multipart/form-data dengan kolom "file"',
      'Send the photo as multipart/form-data with a "file" field',
    ),
    415,
  );

export const malformedUpload = (why: string) =>
  new ValidationError(
    [{ field: 'file', message: why }],
    say('Unggahan tidak terbaca', `The upload could not be read: ${why}`),
  );

export const missingFile = () =>
  new ValidationError(
    [{ field: 'file', message: 'required: one file in the field "file"' }],
    say('Pilih satu foto pada kolom "file"', 'Choose one photo in the field "file"'),
  );

export const pathInFileName = () =>
  new ValidationError(
    [{ field: 'file', message: 'the file name must not contain a path (/, \\ or ..)' }],
    say(
      'Nama berkas tidak boleh berisi folder (/, \\ atau ..)',
      'The file name must not contain a path (/, \\ or ..)',
    ),
  );

export const photoTooLarge = () =>
  new DomainError(
    'PHOTO.TOO_LARGE',
    say('Foto lebih besar dari 10 MB', 'The photo is larger than 10 MB'),
    413,
    { field: 'file', maxBytes: MAX_UPLOAD_BYTES },
  );

export const notAnImage = () =>
  new DomainError(
    'PHOTO.NOT_AN_IMAGE',
    say(
      'Berkas ini bukan foto JPEG, PNG, WebP atau AVIF',
      'This file is not a JPEG, PNG, WebP or AVIF image',
    ),
    415,
    { field: 'file', accepted: ['image/jpeg', 'image/png', 'image/webp', 'image/avif'] },
  );

export const heicUnsupported = () =>
  new DomainError(
    'PHOTO.HEIC_UNSUPPORTED',
    say(
      'Foto HEIC belum didukung: ubah kamera ke JPEG ("Paling Kompatibel") atau kirim tangkapan layar',
      'HEIC photos are not supported yet: set the camera to JPEG ("Most Compatible") or send a screenshot',
    ),
    415,
    { field: 'file', accepted: ['image/jpeg', 'image/png', 'image/webp', 'image/avif'] },
  );

export const typeMismatch = (declared: string, detected: string) =>
  new DomainError(
    'PHOTO.TYPE_MISMATCH',
    say(
      `Jenis berkas ${declared} tidak sesuai isinya (${detected})`,
      `The file is declared as ${declared} but its bytes are ${detected}`,
    ),
    415,
    { field: 'file', declared, detected },
  );

export const tooManyPixels = (width: number, height: number) =>
  new DomainError(
    'PHOTO.TOO_MANY_PIXELS',
    say(
      `Foto ${width}×${height} piksel terlalu besar (paling banyak 40 juta piksel)`,
      `A ${width}×${height} pixel image is too large (at most 40 million pixels)`,
    ),
    422,
    { field: 'file', width, height, maxPixels: MAX_INPUT_PIXELS },
  );

export const unreadableImage = () =>
  new DomainError(
    'PHOTO.UNREADABLE',
    say('Foto rusak atau tidak lengkap', 'The image is damaged or incomplete'),
    422,
    { field: 'file' },
  );

export const photoNotFound = () =>
  new NotFoundError('PHOTO.NOT_FOUND', say('Foto tidak ada', 'No such photo'));
