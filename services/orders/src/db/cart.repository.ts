import type mongoose from 'mongoose';
import type { Cart } from '../domain/cart';
import type { CartStore } from '../use-cases/ports';

export type CartDoc = Omit<Cart, 'id'> & { _id: string };
export type CartCollection = mongoose.mongo.Collection<CartDoc>;

function toCart({ _id, ...rest }: CartDoc): Cart {
  return { id: _id, ...rest };
}

export class MongoCartStore implements CartStore {
  constructor(private readonly coll: CartCollection) {}

  async insert(cart: Cart): Promise<void> {
    const { id, ...rest } = cart;
    await this.coll.insertOne({ _id: id, ...rest });
  }

  async findById(cartId: string): Promise<Cart | undefined> {
    const doc = await this.coll.findOne({ _id: cartId });
    return doc ? toCart(doc) : undefined;
  }

  async saveItems(cart: Cart, items: Cart['items'], at: Date): Promise<boolean> {
    const res = await this.coll.updateOne(
      { _id: cart.id, rev: cart.rev },
      { $set: { items, updatedAt: at }, $inc: { rev: 1 } },
    );
    return res.modifiedCount === 1;
  }
}
