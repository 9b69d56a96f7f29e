import { createHash } from 'node:crypto';
import { z } from '@hono/zod-openapi';
import { CooperativeIdSchema } from '@pasar/contracts';
import {
  createRouter,
  defineRoute,
  ErrorBodySchema,
  issuesFromZod,
  principalOf,
  ValidationError,
} from '@pasar/service-kit';
import { photoNotFound } from './photo-errors';
import { readPhotoUpload } from './photo-upload';
import { IMMUTABLE, variantKey } from './photo-store';
import { PHOTO_ID_PATTERN, type PhotoDeps, uploadPhoto } from './upload-photo';

const json = <T>(description: string, schema: T) => ({
  description,
  content: { 'application/json': { schema } },
});

export const UploadedPhotoSchema = z
  .object({
    photoId: z.string().regex(PHOTO_ID_PATTERN),
    width: z.number().int().min(1).meta({ description: 'Width of the largest variant, in pixels' }),
    height: z.number().int().min(1),
    variants: z
      .array(
        z.object({
          width: z.number().int().min(1),
          url: z.string().meta({ description: 'Service-relative: /photos/{photoId}/{width}.webp' }),
        }),
      )
      .min(1)
      .meta({ description: 'WebP variants, smallest first (srcset = url + " " + width + "w")' }),
  })
  .openapi('UploadedPhoto');

const VariantParamsSchema = z.object({
  photoId: z.string().regex(PHOTO_ID_PATTERN, 'must be a photo id (pho_…)'),
  width: z.string().regex(/^[1-9][0-9]{0,3}$/, 'must be a width in pixels'),
});

export const uploadPhotoRoute = defineRoute({
  method: 'post',
  path: '/cooperatives/{cooperativeId}/photos',
  summary:
    'Upload a product photo (JPEG, PNG, WebP or AVIF, at most 10 MB and 40 MP): stored upright as WebP at 320, 640 and 1280 px wide (never upscaled), EXIF and GPS removed; the uploader may then attach it with PUT /products/{productId}/photos',
  access: { allow: ['penjual', 'pengurus', 'gudang'], scope: 'path' },
  request: {
    params: z.object({ cooperativeId: CooperativeIdSchema }),
    body: {
      required: true,
      content: {
        // A plain schema, not zod: the route streams the body itself (no form buffering).
        'multipart/form-data': {
          schema: {
            type: 'object',
            required: ['file'],
            properties: { file: { type: 'string', format: 'binary', description: 'The photo' } },
          },
        },
      },
    },
  },
  responses: {
    201: json('Stored', UploadedPhotoSchema),
    400: json(
      'VALIDATION.FAILED naming `file`: no file, a path in its name (../x.jpg, a/b.jpg, C:\\x.jpg), a malformed form',
      ErrorBodySchema,
    ),
    413: json('PHOTO.TOO_LARGE: larger than 10 MB', ErrorBodySchema),
    415: json(
      'PHOTO.NOT_MULTIPART, PHOTO.NOT_AN_IMAGE, PHOTO.HEIC_UNSUPPORTED, or PHOTO.TYPE_MISMATCH (the declared type is not what the bytes are)',
      ErrorBodySchema,
    ),
    422: json(
      'PHOTO.TOO_MANY_PIXELS (over 40 MP: a decompression bomb) or PHOTO.UNREADABLE',
      ErrorBodySchema,
    ),
  },
});

export const getPhotoVariantRoute = defineRoute({
  method: 'get',
  path: '/photos/{photoId}/{width}.webp',
  summary: 'One WebP variant of a photo (public; immutable, cached for a year)',
  access: { allow: ['anonymous'] },
  request: { params: VariantParamsSchema },
  responses: {
    200: {
      description: 'The image',
      content: { 'image/webp': { schema: { type: 'string', format: 'binary' } } },
    },
    304: { description: 'Not modified (If-None-Match)' },
    401: json('An access token was sent and is invalid, expired or tampered', ErrorBodySchema),
    404: json('PHOTO.NOT_FOUND', ErrorBodySchema),
  },
});

const etagOf = (bytes: Uint8Array) =>
  `"${createHash('sha256').update(bytes).digest('base64url').slice(0, 27)}"`;

/** Photo uploads (people with a role in the cooperative) and the public variants. */
export function photoRoutes(deps: PhotoDeps) {
  const app = createRouter();
  app.openapi(uploadPhotoRoute, async (c) => {
    const { cooperativeId } = c.req.valid('param');
    const principal = principalOf(c);
    if (!principal) throw new Error('the upload route ran without a principal');
    const upload = await readPhotoUpload(c.req.header('content-type'), c.req.raw.body);
    const photo = await uploadPhoto(deps, upload, { cooperativeId, personId: principal.personId });
    return c.json(photo, 201);
  });

  // `{width}.webp` is one path segment that Hono cannot split, so the route is documented as above
  // and served on `:photoId/:file`, with the parameters checked by the same schema.
  const { middleware, ...variantDoc } = getPhotoVariantRoute;
  app.openAPIRegistry.registerPath(variantDoc);
  app.get('/photos/:photoId/:file', middleware[0]!, async (c) => {
    const file = /^(.*)\.webp$/.exec(c.req.param('file') ?? '');
    if (!file) throw photoNotFound();
    const params = VariantParamsSchema.safeParse({ photoId: c.req.param('photoId'), width: file[1] });
    if (!params.success) throw new ValidationError(issuesFromZod(params.error.issues, 'param'));
    const bytes = await deps.store.get(variantKey(params.data.photoId, Number(params.data.width)));
    if (!bytes) throw photoNotFound();
    const etag = etagOf(bytes);
    const headers = { 'cache-control': IMMUTABLE, etag };
    if (
      c.req
        .header('if-none-match')
        ?.split(/\s*,\s*/)
        .includes(etag)
    )
      return c.body(null, 304, headers);
    return c.body(bytes as Uint8Array<ArrayBuffer>, 200, { ...headers, 'content-type': 'image/webp' });
  });
  return app;
}
