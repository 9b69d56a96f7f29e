import type { Connection, Model } from 'mongoose';
import { Schema } from 'mongoose';

/**
 * A stored photo, one document per upload in the `photos` collection. The product use cases read
 * it through the PhotoLookup port (domain/photo.ts) when a seller attaches photos to a listing.
 */
export interface PhotoDoc {
  _id: string;
  cooperativeId: string;
  /** The signed-in person who uploaded it (the access token's subject). */
  ownerPersonId: string;
  /** Size of the largest variant. */
  width: number;
  height: number;
  /** Smallest first; `url` is the service-relative path `/photos/<photoId>/<width>.webp`. */
  variants: { width: number; url: string }[];
  createdAt: Date;
}

const pixels = { type: Number, required: true, min: 1, validate: Number.isInteger };

const PhotoSchema = new Schema<PhotoDoc>(
  {
    _id: { type: String, required: true },
    cooperativeId: { type: String, required: true },
    ownerPersonId: { type: String, required: true },
    width: pixels,
    height: pixels,
    variants: {
      type: [new Schema({ width: pixels, url: { type: String, required: true } }, { _id: false })],
      required: true,
    },
    createdAt: { type: Date, required: true },
  },
  { collection: 'photos', versionKey: false, autoIndex: false },
);

/** What the upload use case needs of the `photos` collection. */
export interface PhotoRecords {
  insert(doc: PhotoDoc): Promise<void>;
  findById(photoId: string): Promise<PhotoDoc | null>;
}

export class PhotoRepository implements PhotoRecords {
  constructor(readonly model: Model<PhotoDoc>) {}

  /** A model name of its own: the product side may map the same collection for its lookups. */
  static on(conn: Connection): PhotoRepository {
    const model =
      (conn.models.PhotoUpload as Model<PhotoDoc> | undefined) ??
      conn.model<PhotoDoc>('PhotoUpload', PhotoSchema);
    return new PhotoRepository(model);
  }

  async insert(doc: PhotoDoc): Promise<void> {
    await this.model.create(doc);
  }

  findById(photoId: string): Promise<PhotoDoc | null> {
    return this.model.findById(photoId).lean<PhotoDoc>().exec();
  }
}
