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
    // One lookup per id (FerretDB turns only an exact `_id` filter into an index lookup).
    const docs = await Promise.all(
      photoIds.map((id) => this.coll.findOne({ _id: id } as never) as Promise<PhotoDoc | null>),
    );
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
