import { afterEach, beforeEach, vi } from 'vitest';
import { action as signInRoute } from '~/routes/masuk/route';
import { addToCart } from '~/routes/k.$slug.produk.$productId/product.server';
import { resetAuthForTests } from '~/utils/auth.server';
import { resetEnvForTests } from '~/utils/env.server';
import { resetSessionStorageForTests } from '~/utils/session.server';
import { type FakePerson, SELLER_PEOPLE } from './fixtures';
import { type FakeServices, fakeServices } from './fake-services';
import { args, cookiesOf, post, run } from './route-helpers';

/** Forget every cached configuration, cookie definition and token, so a stubbed env takes effect. */
export function resetWebState(): void {
  resetEnvForTests();
  resetSessionStorageForTests();
  resetAuthForTests();
}

/** Fresh fake services for every test, installed as the global fetch; quiet "service down" logs. */
export function installFakeServices(): { readonly current: FakeServices } {
  const holder: { current: FakeServices } = { current: fakeServices() };
  beforeEach(() => {
    resetWebState();
    holder.current = fakeServices();
    vi.stubGlobal('fetch', holder.current.fetch);
    vi.spyOn(console, 'error').mockImplementation(
      (...a) => process.env.SHOW_ERRORS && process.stderr.write(`${a.join(' ')}\n`),
    );
  });
  afterEach(() => {
    vi.unstubAllGlobals();
    vi.unstubAllEnvs();
    vi.restoreAllMocks();
    resetWebState();
  });
  return holder;
}

/** Puts a product in the cart through the real product-page action; returns the session cookie. */
export async function cartWith(
  productId: string,
  quantity = 1,
  cookie = '',
  slug = 'karangbesuki',
): Promise<string> {
  const res = await run(() =>
    addToCart(
      args(post(`/k/${slug}/produk/${productId}`, { productId, quantity: String(quantity) }, cookie), {
        slug,
        productId,
      }),
    ),
  );
  if (res.status !== 302) throw new Error(`could not add to cart: ${res.status} ${JSON.stringify(res.data)}`);
  return cookiesOf(res.headers, cookie);
}

/** Signs a fake person in through the real /masuk action; returns the Cookie header to send afterwards. */
export async function signInAs(person: FakePerson, cookie = ''): Promise<string> {
  const res = await run(() =>
    signInRoute(args(post('/masuk', { phone: person.phone, password: person.password }, cookie), {})),
  );
  if (res.status !== 302) throw new Error(`could not sign in: ${res.status} ${JSON.stringify(res.data)}`);
  return cookiesOf(res.headers, cookie);
}

/**
 * Issue 10's people in the fake membership, and Bu Sri and Bu Ani registered as approved sellers of
 * Karangbesuki (Bu Yanti of Dinoyo); Bu Siti stays a plain member.
 */
export function withSellers(services: FakeServices): void {
  for (const person of SELLER_PEOPLE) services.people.set(person.personId, structuredClone(person));
  services.sellers.addSeller('per_kb_sri', 'karangbesuki', 'mbr_kb_sri', 'Keripik Bu Sri');
  services.sellers.addSeller('per_kb_ani', 'karangbesuki', 'mbr_kb_ani', 'Sambal Bu Ani');
  services.sellers.addSeller('per_dn_yanti', 'dinoyo', 'mbr_dn_yanti', 'Jamu Bu Yanti');
}
