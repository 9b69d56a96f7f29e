import { describe, expect, it } from 'vitest';
import { InvalidPhotoKeyError, type PhotoStore } from '../photo-store';

/** What every PhotoStore adapter must do, run against each one for real. */
export function photoStoreContract(name: string, store: () => PhotoStore) {
  describe(`${name}: the PhotoStore contract`, () => {
    const bytes = (n: number, fill = 7) => new Uint8Array(n).fill(fill);

    it('gives back the bytes put under a key', async () => {
      await store().put('pho_a/320.webp', bytes(1000), 'image/webp');
      expect(Buffer.from((await store().get('pho_a/320.webp'))!)).toEqual(Buffer.from(bytes(1000)));
    });

    it('answers null for a key never written', async () => {
      expect(await store().get('pho_never/640.webp')).toBeNull();
    });

    it('replaces the bytes when the same key is put again', async () => {
      await store().put('pho_b/320.webp', bytes(10, 1), 'image/webp');
      await store().put('pho_b/320.webp', bytes(20, 2), 'image/webp');
      expect(Buffer.from((await store().get('pho_b/320.webp'))!)).toEqual(Buffer.from(bytes(20, 2)));
    });

    it('deletes a key, and deleting a missing key is fine', async () => {
      await store().put('pho_c/320.webp', bytes(5), 'image/webp');
      await store().delete('pho_c/320.webp');
      expect(await store().get('pho_c/320.webp')).toBeNull();
      await expect(store().delete('pho_c/320.webp')).resolves.toBeUndefined();
    });

    it.each([
      '../escape.webp',
      'pho_a/../../escape.webp',
      '/etc/passwd',
      'pho_a//320.webp',
      'pho_a\\320.webp',
      'pho_a/./320.webp',
      'C:/x.webp',
      '',
      'pho_a/320.webp\u0000',
      '.hidden',
    ])('refuses the key %j before touching storage', async (key) => {
      await expect(store().put(key, bytes(1), 'image/webp')).rejects.toBeInstanceOf(InvalidPhotoKeyError);
      await expect(store().get(key)).rejects.toBeInstanceOf(InvalidPhotoKeyError);
      await expect(store().delete(key)).rejects.toBeInstanceOf(InvalidPhotoKeyError);
    });
  });
}
