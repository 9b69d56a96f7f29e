import type { Connection } from 'mongoose';
import type { PhotoLookup, ProductPhoto } from '../domain/photo';

interface PhotoDoc {
  _id: string;
  cooperativeId: string;
  ownerPersonId: string;
  width: number;
  height: number;
  variants: { width: number; url: string }[];
}

/**
 * The photos the upload pipeline (src/photos) writes to the `photos` collection, read by id for
 * products. Only the uploader's own photos in the product's cooperative resolve.
 */
export class MongoPhotoLookup implements PhotoLookup {
  constructor(private readonly coll: ReturnType<Connection['collection']>) {}

  static on(conn: Connection): MongoPhotoLookup {
    return new MongoPhotoLookup(conn.collection('photos'));
  }

  async findOwned(
    photoIds: readonly string[],
    owner: { cooperativeId: string; personId: string },
  ): Promise<ProductPhoto[] | null> {
    // One query: `_id: {$in}` is an index lookup on MongoDB and, through our engine patch, on
    // FerretDB's SQLite backend (docs/decisions/0009). Missing ids come back as null, as before.
    const found = (await this.coll
      .find({ _id: { $in: [...photoIds] } } as never)
      .toArray()) as unknown as PhotoDoc[];
    const byId = new Map(found.map((d) => [d._id, d]));
    const docs = photoIds.map((id) => byId.get(id) ?? null);
    const photos: ProductPhoto[] = [];
    for (const d of docs) {
      if (!d || d.cooperativeId !== owner.cooperativeId || d.ownerPersonId !== owner.personId) return null;
      const variants = [...d.variants]
        .sort((a, b) => a.width - b.width)
        .map((v) => ({ width: v.width, url: v.url }));
      photos.push({ photoId: d._id, width: d.width, height: d.height, variants });
    }
    return photos;
  }
}
