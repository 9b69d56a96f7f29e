import { crc32, deflateSync } from 'node:zlib';
import sharp from 'sharp';

/**
 * Real image files for the photo tests, made here (no fixtures to download): each is what a phone,
 * a careless client or an attacker would actually send.
 */

/** A picture whose left half is red and right half blue, as `width`×`height` SVG. */
const halves = (width: number, height: number) =>
  Buffer.from(
    `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}">` +
      `<rect width="${width / 2}" height="${height}" fill="#f00"/>` +
      `<rect x="${width / 2}" width="${width / 2}" height="${height}" fill="#00f"/></svg>`,
  );

/** Where the test photo was "taken": Kelurahan Karangbesuki, Malang. */
export const GPS = { latitude: -7.9536, longitude: 112.6022 };
const dms = (deg: number) => {
  const a = Math.abs(deg);
  const d = Math.floor(a);
  const m = Math.floor((a - d) * 60);
  const s = Math.round(((a - d) * 60 - m) * 60 * 100);
  return `${d}/1 ${m}/1 ${s}/100`;
};

/**
 * A phone-camera JPEG: stored sideways with EXIF orientation 6 (turn 90° clockwise to view), the
 * camera's make and the owner's name in EXIF, and the GPS position where it was taken.
 */
export async function phoneJpeg(width = 1600, height = 1200, orientation = 6): Promise<Buffer> {
  return sharp(halves(width, height))
    .jpeg({ quality: 90 })
    .withExif({
      IFD0: { Make: 'PasarCam', Model: 'Test Phone', Artist: 'Sri Wahyuni' },
      IFD3: {
        GPSLatitudeRef: GPS.latitude < 0 ? 'S' : 'N',
        GPSLatitude: dms(GPS.latitude),
        GPSLongitudeRef: 'E',
        GPSLongitude: dms(GPS.longitude),
      },
    })
    .withMetadata({ orientation })
    .toBuffer();
}

export const plainImage = (format: 'png' | 'webp' | 'avif' | 'jpeg', width = 800, height = 600) =>
  sharp(halves(width, height)).toFormat(format).toBuffer();

const pngChunk = (type: string, data: Buffer) => {
  const length = Buffer.alloc(4);
  length.writeUInt32BE(data.length);
  const body = Buffer.concat([Buffer.from(type, 'ascii'), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(body));
  return Buffer.concat([length, body, crc]);
};

/**
 * A decompression bomb: a valid PNG of a few hundred bytes whose header declares
 * `side`×`side` RGB pixels (50,000² = 2.5 billion, 7.5 GB once decoded).
 */
export function pngBomb(side = 50_000): Buffer {
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(side, 0);
  ihdr.writeUInt32BE(side, 4);
  ihdr[8] = 8; // bit depth
  ihdr[9] = 2; // RGB
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    pngChunk('IHDR', ihdr),
    pngChunk('IDAT', deflateSync(Buffer.alloc(side * 3 + 1))),
    pngChunk('IEND', Buffer.alloc(0)),
  ]);
}

/** A text file, as when someone renames notes.txt to foto.jpg. */
export const textFile = () => Buffer.from('Daftar belanja:\n- beras 5 kg\n- minyak goreng 2 liter\n', 'utf8');

/** The first bytes of a HEIC photo (an iPhone's default): an ISO-BMFF `ftyp` box with brand heic. */
export const heicHeader = () =>
  Buffer.concat([
    Buffer.from([0, 0, 0, 24]),
    Buffer.from('ftypheic', 'ascii'),
    Buffer.from([0, 0, 0, 0]),
    Buffer.from('mif1heic', 'ascii'),
    Buffer.alloc(64),
  ]);

/** A JPEG cut off after its header: the start of a real file, the rest missing. */
export async function truncatedJpeg(): Promise<Buffer> {
  const whole = await plainImage('jpeg');
  return whole.subarray(0, 400);
}

/** The colour of the pixel at (x, y) of any image sharp reads. */
export async function pixelAt(image: Uint8Array, x: number, y: number): Promise<[number, number, number]> {
  const { data, info } = await sharp(image).raw().toBuffer({ resolveWithObject: true });
  const at = (y * info.width + x) * info.channels;
  return [data[at]!, data[at + 1]!, data[at + 2]!];
}

/** A multipart/form-data body with one file part, as a browser would send it. */
export function multipartBody(
  parts: { field?: string; fileName: string; contentType?: string; bytes: Uint8Array }[],
  boundary = '----pasar-test-boundary',
): { body: Buffer; contentType: string } {
  const chunks: Buffer[] = [];
  for (const p of parts) {
    chunks.push(
      Buffer.from(
        `--${boundary}\r\nContent-Disposition: form-data; name="${p.field ?? 'file'}"; filename="${p.fileName}"\r\n` +
          (p.contentType ? `Content-Type: ${p.contentType}\r\n` : '') +
          '\r\n',
      ),
      Buffer.from(p.bytes),
      Buffer.from('\r\n'),
    );
  }
  chunks.push(Buffer.from(`--${boundary}--\r\n`));
  return { body: Buffer.concat(chunks), contentType: `multipart/form-data; boundary=${boundary}` };
}
