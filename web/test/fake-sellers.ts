import type {
  ConsignmentBalance,
  HistoryEntry,
  ListingReview,
  ProductPhoto,
  RegisteredSeller,
  SellerApplication,
  Statement,
} from '~/utils/sellers';
import type { ProductView } from '~/utils/views';
import type { FakePerson } from './fixtures';

/**
 * Issue 10's endpoints as the services build them (decision 0015), in memory, used by
 * fake-services.ts: membership's seller applications and registry, catalog's seller listings,
 * moderation, photos, history and seller page, payments' consignment. Access as the route tables say:
 * another cooperative's → 404, a penjual naming another seller's product or id → 404.
 */
const json = (status: number, body: unknown, headers: Record<string, string> = {}) =>
  new Response(JSON.stringify(body), { status, headers: { 'Content-Type': 'application/json', ...headers } });
const error = (status: number, code: string, message = code, details?: unknown) =>
  json(status, { code, message, details, requestId: 'req_test' });

type Service = 'catalog' | 'orders' | 'payments' | 'membership';
type Who = { personId: string; person: FakePerson };

export interface SellerAuth {
  bearer(headers: Headers, service: Service): Who | 'invalid' | null;
  requireRoles(
    headers: Headers,
    service: Service,
    cooperativeId: string,
    roles: string[],
    position?: string,
  ): Response | null;
}

/** A listing as catalog's back office keeps it (the public view plus owner, review, photos, sold). */
export interface FakeListing {
  product: ProductView;
  ownerPersonId: string | null;
  review: ListingReview | null;
  photos: ProductPhoto[];
  sold: number;
  history: HistoryEntry[];
  seller: { sellerId: string; shopName: string } | null;
}

/** What a test sets of a seller's account (the fake adds the rest of payments' answer). */
export type FakeBalance = Pick<
  ConsignmentBalance,
  'sellerId' | 'shopName' | 'status' | 'balance' | 'availableForPayout' | 'pending' | 'lastPayoutAt'
>;
export type FakeStatementLine = Omit<Statement['lines'][number], 'orderId' | 'productId'>;

const now = () => new Date().toISOString();
const STAFF_READERS = ['pengurus', 'gudang', 'pengawas'];
const EDITORS = ['pengurus', 'gudang', 'penjual'];

export function fakeSellers(
  products: Map<string, ProductView>,
  people: Map<string, FakePerson>,
  auth: SellerAuth,
) {
  const applications = new Map<string, SellerApplication & { personId: string }>();
  const sellers = new Map<string, RegisteredSeller & { personId: string }>();
  const listings = new Map<string, FakeListing>();
  const photos = new Map<string, { personId: string; cooperativeId: string; photo: ProductPhoto }>();
  const thresholds = new Map<string, number>();
  const commission = new Map<string, { commissionBps: number; categoryBps: Record<string, number> }>();
  /** payments: each seller's balance and the month's statement lines. */
  const balances = new Map<string, FakeBalance>();
  const statements = new Map<string, FakeStatementLine[]>();
  const sales = new Map<
    string,
    { productId: string; name: string; day: string; quantity: number; amount: number; nota: string }[]
  >();
  const payouts: { sellerId: string; amount: number; method: string; receiptNumber: string; key: string }[] =
    [];
  let n = 0;

  const rolesIn = (who: Who, cooperativeId: string) =>
    who.person.grants.find((g) => g.cooperativeId === cooperativeId)?.roles ?? [];
  const whoOf = (headers: Headers, service: Service) => {
    const who = auth.bearer(headers, service);
    return who && who !== 'invalid' ? who : null;
  };
  const sellerView = (s: RegisteredSeller & { personId: string }): RegisteredSeller => {
    const { personId: _, ...view } = s;
    return view;
  };
  const appView = (a: SellerApplication & { personId: string }): SellerApplication => {
    const { personId: _, ...view } = a;
    return view;
  };

  function staffListing(l: FakeListing) {
    return {
      ...l.product,
      photos: l.photos,
      seller: l.seller,
      ownerPersonId: l.ownerPersonId,
      sellerSuspended: l.seller ? sellers.get(l.seller.sellerId)?.status === 'suspended' : false,
      listingApproved: l.review?.kind !== 'listing' || l.review.state === 'approved',
      review: l.review,
      stock: { ...l.product.stock, sold: l.sold },
      updatedAt: l.product.createdAt,
    };
  }

  /** What a shopper sees of a listing: only an approved one of an active seller. */
  function publish(l: FakeListing) {
    const visible =
      l.product.status === 'published' && (l.review?.kind !== 'listing' || l.review.state === 'approved');
    if (visible)
      products.set(l.product.id, { ...l.product, photos: l.photos, seller: l.seller } as ProductView);
    else products.delete(l.product.id);
  }

  function record(
    l: FakeListing,
    by: Who | null,
    kind: HistoryEntry['kind'],
    changes: HistoryEntry['changes'],
    extra = {},
  ) {
    n += 1;
    l.history.unshift({
      id: `his_${n}`,
      at: now(),
      by: by ? { personId: by.personId, roles: rolesIn(by, l.product.cooperativeId) } : null,
      kind,
      changes,
      ...extra,
    });
  }

  /** The listing if this person may act on it: staff of its cooperative, or its owner; else a 404. */
  function ownListing(headers: Headers, productId: string, readers = ['pengurus', 'gudang']) {
    const who = whoOf(headers, 'catalog');
    if (!who) return error(401, 'AUTH.UNAUTHENTICATED');
    const l = listings.get(productId);
    if (!l) return error(404, 'PRODUCT.NOT_FOUND');
    const roles = rolesIn(who, l.product.cooperativeId);
    if (roles.some((r) => readers.includes(r))) return { l, who };
    if (roles.includes('penjual') && l.ownerPersonId === who.personId) return { l, who };
    return error(404, 'PRODUCT.NOT_FOUND');
  }

  /** A seller id named by a penjual must be their own; staff of the cooperative may name any. */
  function sellerAccess(headers: Headers, cooperativeId: string, sellerId: string) {
    const denied = auth.requireRoles(headers, 'payments', cooperativeId, ['penjual', 'pengurus', 'pengawas']);
    if (denied) return denied;
    const who = whoOf(headers, 'payments') as Who;
    const roles = rolesIn(who, cooperativeId);
    const seller = sellers.get(sellerId);
    if (!seller || seller.cooperativeId !== cooperativeId) return error(404, 'CONSIGNMENT.SELLER_NOT_FOUND');
    if (!roles.includes('pengurus') && !roles.includes('pengawas') && who.person.memberId !== sellerId)
      return error(404, 'CONSIGNMENT.SELLER_NOT_FOUND');
    return null;
  }

  /** payments' SellerConsignment of a seller. */
  function accountOf(sellerId: string, cooperativeId: string) {
    return {
      ...balanceOf(sellerId),
      cooperativeId,
      totals: { sales: 0, commission: 0, refunds: 0, commissionReversed: 0, payouts: 0 },
      anomalies: [],
    };
  }

  function balanceOf(sellerId: string): FakeBalance {
    const seller = sellers.get(sellerId);
    return (
      balances.get(sellerId) ?? {
        sellerId,
        shopName: seller?.shopName ?? sellerId,
        status: seller?.status ?? 'active',
        balance: 0,
        availableForPayout: 0,
        pending: 0,
        lastPayoutAt: null,
      }
    );
  }

  function membership(
    method: string,
    path: string,
    url: URL,
    headers: Headers,
    body: Record<string, unknown>,
  ) {
    let m = path.match(
      /^\/cooperatives\/([^/]+)\/seller-applications(?:\/(mine|[^/]+)(?:\/(approve|decline))?)?$/,
    );
    if (m) {
      const coop = m[1] ?? '';
      if (!m[2] && method === 'POST') {
        const denied = auth.requireRoles(headers, 'membership', coop, ['anggota']);
        if (denied) return denied;
        const who = whoOf(headers, 'membership') as Who;
        if (!who.person.memberId) return error(409, 'SELLER_APPLICATION.NOT_A_MEMBER');
        if ([...sellers.values()].some((s) => s.sellerId === who.person.memberId))
          return error(409, 'SELLER.ALREADY_REGISTERED');
        if ([...applications.values()].some((a) => a.personId === who.personId && a.status === 'pending'))
          return error(409, 'SELLER_APPLICATION.PENDING');
        const shopName = String(body.shopName ?? '').trim();
        if (shopName.length < 1 || shopName.length > 80)
          return error(400, 'VALIDATION.FAILED', 'body.shopName', { issues: [{ field: 'body.shopName' }] });
        n += 1;
        const application = {
          applicationId: `sap_test${n}`,
          cooperativeId: coop,
          memberId: who.person.memberId,
          personId: who.personId,
          shopName,
          description: String(body.description ?? ''),
          handoff: body.handoff as SellerApplication['handoff'],
          status: 'pending' as const,
          submittedAt: now(),
          decidedAt: null,
          declineReason: null,
        };
        applications.set(application.applicationId, application);
        return json(201, appView(application));
      }
      if (m[2] === 'mine' && method === 'GET') {
        const denied = auth.requireRoles(headers, 'membership', coop, ['anggota', 'penjual']);
        if (denied) return denied;
        const who = whoOf(headers, 'membership') as Who;
        const items = [...applications.values()]
          .filter((a) => a.personId === who.personId && a.cooperativeId === coop)
          .reverse()
          .map(appView);
        return json(200, { items });
      }
      if (!m[2] && method === 'GET') {
        const denied = auth.requireRoles(headers, 'membership', coop, ['pengurus', 'pengawas']);
        if (denied) return denied;
        const status = url.searchParams.get('status');
        const items = [...applications.values()]
          .filter((a) => a.cooperativeId === coop && (!status || a.status === status))
          .map(appView);
        return json(200, { items });
      }
      if (m[2] && m[3] && method === 'POST') {
        const denied = auth.requireRoles(headers, 'membership', coop, ['pengurus']);
        if (denied) return denied;
        const a = applications.get(m[2]);
        if (!a || a.cooperativeId !== coop) return error(404, 'SELLER_APPLICATION.NOT_FOUND');
        if (a.status !== 'pending') return error(409, 'SELLER_APPLICATION.NOT_PENDING');
        if (m[3] === 'decline') {
          const reason = String(body.reason ?? '').trim();
          if (reason.length < 2) return error(400, 'VALIDATION.FAILED', 'body.reason');
          Object.assign(a, { status: 'declined', declineReason: reason, decidedAt: now() });
        } else {
          Object.assign(a, { status: 'approved', decidedAt: now() });
          addSeller(a.personId, coop, a.memberId, a.shopName);
        }
        return json(200, appView(a));
      }
    }
    m = path.match(/^\/cooperatives\/([^/]+)\/sellers(?:\/([^/]+)\/(suspend|reinstate))?$/);
    if (m) {
      const coop = m[1] ?? '';
      if (!m[2] && method === 'GET') {
        const denied = auth.requireRoles(headers, 'membership', coop, ['pengurus', 'pengawas']);
        if (denied) return denied;
        return json(200, {
          items: [...sellers.values()].filter((s) => s.cooperativeId === coop).map(sellerView),
        });
      }
      if (m[2] && method === 'POST') {
        const denied = auth.requireRoles(headers, 'membership', coop, ['pengurus']);
        if (denied) return denied;
        const s = sellers.get(m[2]);
        if (!s || s.cooperativeId !== coop) return error(404, 'SELLER.NOT_FOUND');
        if (m[3] === 'suspend') {
          const reason = String(body.reason ?? '').trim();
          if (reason.length < 2) return error(400, 'VALIDATION.FAILED', 'body.reason');
          if (s.status === 'suspended') return error(409, 'SELLER.ALREADY_SUSPENDED');
          Object.assign(s, { status: 'suspended', suspendedAt: now(), suspensionReason: reason });
        } else {
          if (s.status === 'active') return error(409, 'SELLER.NOT_SUSPENDED');
          Object.assign(s, { status: 'active', suspendedAt: null, suspensionReason: null });
        }
        // Catalog hides a suspended seller's goods at once, and shows them again on reinstatement.
        for (const l of listings.values())
          if (l.seller?.sellerId === s.sellerId) {
            if (s.status === 'suspended') products.delete(l.product.id);
            else publish(l);
          }
        return json(200, sellerView(s));
      }
    }
    return null;
  }

  function catalog(
    method: string,
    path: string,
    headers: Headers,
    body: Record<string, unknown>,
    raw: BodyInit | null | undefined,
  ) {
    let m = path.match(/^\/cooperatives\/([^/]+)\/products\/all$/);
    if (m && method === 'GET') {
      const coop = m[1] ?? '';
      const denied = auth.requireRoles(headers, 'catalog', coop, [...STAFF_READERS, 'penjual']);
      if (denied) return denied;
      const who = whoOf(headers, 'catalog') as Who;
      const staff = rolesIn(who, coop).some((r) => STAFF_READERS.includes(r));
      const mine = [...listings.values()].filter(
        (l) => l.product.cooperativeId === coop && (staff || l.ownerPersonId === who.personId),
      );
      // Staff also see the cooperative's own goods (in `products` without a listing record).
      const others = staff
        ? [...products.values()]
            .filter((p) => p.cooperativeId === coop && !listings.has(p.id))
            .map((p) => ({
              ...p,
              ownerPersonId: null,
              sellerSuspended: false,
              listingApproved: true,
              review: null,
              stock: { ...p.stock, sold: 0 },
              updatedAt: p.createdAt,
            }))
        : [];
      return json(200, { items: [...mine.map(staffListing), ...others] });
    }
    m = path.match(/^\/cooperatives\/([^/]+)\/products$/);
    if (m && method === 'POST') {
      const coop = m[1] ?? '';
      const denied = auth.requireRoles(headers, 'catalog', coop, EDITORS);
      if (denied) return denied;
      const who = whoOf(headers, 'catalog') as Who;
      if (body.category === 'lpg' && !rolesIn(who, coop).includes('pengurus'))
        return error(403, 'PRODUCT.SUBSIDISED_COOPERATIVE_ONLY');
      n += 1;
      const id = (0xbeef00 + n).toString(16).padStart(24, 'c');
      const product: ProductView = {
        id,
        cooperativeId: coop,
        sellerId: who.person.memberId ?? String(body.sellerId ?? ''),
        sku: String(body.sku),
        name: String(body.name),
        description: String(body.description ?? ''),
        category: body.category as ProductView['category'],
        unit: body.unit as ProductView['unit'],
        price: Number(body.price),
        maxPerOrder: (body.maxPerOrder as number | null) ?? null,
        imageUrl: null,
        status: 'published',
        stock: { available: Number(body.stock ?? 0), reserved: 0 },
        inStock: Number(body.stock ?? 0) > 0,
        createdAt: now(),
      };
      const l = newListing(product, who.personId, false);
      listings.set(id, l);
      record(l, who, 'created', [{ field: 'price', before: null, after: product.price }]);
      return json(201, staffListing(l));
    }
    m = path.match(
      /^\/products\/([^/]+)(?:\/(stock-adjustments|photos|history|review\/approve|review\/reject))?$/,
    );
    // A plain GET of a product is the public one (fake-services.ts answers it).
    if (m && listings.has(m[1] ?? '') && (m[2] || method !== 'GET')) {
      const sub = m[2];
      if (sub === 'review/approve' || sub === 'review/reject') {
        const l = listings.get(m[1] ?? '') as FakeListing;
        const denied = auth.requireRoles(headers, 'catalog', l.product.cooperativeId, ['pengurus']);
        if (denied) return denied.status === 403 ? denied : error(404, 'PRODUCT.NOT_FOUND');
        if (l.review?.state !== 'pending') return error(409, 'REVIEW.NOT_PENDING');
        const who = whoOf(headers, 'catalog') as Who;
        if (sub === 'review/reject') {
          const reason = String(body.reason ?? '').trim();
          if (reason.length < 3) return error(400, 'VALIDATION.FAILED', 'body.reason');
          l.review = { ...l.review, state: 'rejected', reason, decidedAt: now() };
          record(l, who, 'review_rejected', [], { reason });
        } else {
          if (l.review.kind === 'price' && l.review.pendingPrice) l.product.price = l.review.pendingPrice;
          l.review = { ...l.review, state: 'approved', decidedAt: now() };
          record(l, who, 'review_approved', []);
          publish(l);
        }
        return json(200, staffListing(l));
      }
      const found = ownListing(
        headers,
        m[1] ?? '',
        sub === 'history' ? STAFF_READERS : ['pengurus', 'gudang'],
      );
      if (found instanceof Response) return found;
      const { l, who } = found;
      if (!sub && method === 'PATCH') {
        if (body.status === 'archived') {
          l.product.status = 'archived';
          record(l, who, 'edited', [{ field: 'status', before: 'published', after: 'archived' }]);
        }
        for (const field of ['name', 'description', 'maxPerOrder'] as const)
          if (field in body && body[field] !== l.product[field]) {
            record(l, who, 'edited', [{ field, before: l.product[field], after: body[field] }]);
            (l.product as Record<string, unknown>)[field] = body[field];
          }
        if (typeof body.price === 'number' && body.price !== l.product.price) {
          const threshold = thresholds.get(l.product.cooperativeId) ?? 20;
          const change = (Math.abs(body.price - l.product.price) / l.product.price) * 100;
          if (l.ownerPersonId === who.personId && change > threshold) {
            l.review = {
              state: 'pending',
              kind: 'price',
              pendingPrice: body.price,
              reason: null,
              requestedAt: now(),
              decidedAt: null,
            };
            record(l, who, 'review_requested', [
              { field: 'price', before: l.product.price, after: body.price },
            ]);
          } else {
            record(l, who, 'edited', [{ field: 'price', before: l.product.price, after: body.price }]);
            l.product.price = body.price;
          }
        }
        publish(l);
        return json(200, staffListing(l));
      }
      if (sub === 'stock-adjustments' && method === 'POST') {
        const quantity = Number(body.quantity);
        if (!Number.isInteger(quantity) || quantity === 0)
          return error(400, 'VALIDATION.FAILED', 'body.quantity');
        if (l.product.stock.available + quantity < 0) return error(409, 'STOCK.INSUFFICIENT');
        const before = l.product.stock.available;
        l.product.stock = { ...l.product.stock, available: before + quantity };
        l.product.inStock = l.product.stock.available > 0;
        record(l, who, 'stock_adjusted', [{ field: 'available', before, after: before + quantity }], {
          reason: String(body.reason),
          note: String(body.note ?? ''),
        });
        publish(l);
        return json(200, staffListing(l));
      }
      if (sub === 'photos' && method === 'PUT') {
        const ids = body.photoIds as string[];
        const owned = ids.map((id) => photos.get(id));
        if (
          owned.some((p) => !p || p.personId !== who.personId || p.cooperativeId !== l.product.cooperativeId)
        )
          return error(400, 'VALIDATION.FAILED', 'body.photoIds', { issues: [{ field: 'body.photoIds' }] });
        record(l, who, 'photos_set', [{ field: 'photos', before: l.photos.length, after: ids.length }]);
        l.photos = owned.map((p) => (p as { photo: ProductPhoto }).photo);
        publish(l);
        return json(200, staffListing(l));
      }
      if (sub === 'history' && method === 'GET') return json(200, { items: l.history });
    }
    m = path.match(/^\/cooperatives\/([^/]+)\/reviews$/);
    if (m && method === 'GET') {
      const coop = m[1] ?? '';
      const denied = auth.requireRoles(headers, 'catalog', coop, ['pengurus', 'pengawas']);
      if (denied) return denied;
      const items = [...listings.values()]
        .filter((l) => l.product.cooperativeId === coop && l.review?.state === 'pending')
        .map((l) => ({
          product: staffListing(l),
          kind: l.review?.kind,
          requestedAt: l.review?.requestedAt,
          diff:
            l.review?.kind === 'price'
              ? [{ field: 'price', before: l.product.price, after: l.review.pendingPrice }]
              : [
                  { field: 'name', before: null, after: l.product.name },
                  { field: 'price', before: null, after: l.product.price },
                ],
        }));
      return json(200, { items });
    }
    m = path.match(/^\/cooperatives\/([^/]+)\/listing-settings$/);
    if (m) {
      const coop = m[1] ?? '';
      if (method === 'GET') {
        const denied = auth.requireRoles(headers, 'catalog', coop, [...EDITORS, 'pengawas']);
        if (denied) return denied;
      } else {
        const denied = auth.requireRoles(headers, 'catalog', coop, ['pengurus']);
        if (denied) return denied;
        thresholds.set(coop, Number(body.priceReviewThresholdPercent));
      }
      return json(200, {
        cooperativeId: coop,
        priceReviewThresholdPercent: thresholds.get(coop) ?? 20,
        updatedAt: null,
      });
    }
    m = path.match(/^\/cooperatives\/([^/]+)\/photos$/);
    if (m && method === 'POST') {
      const coop = m[1] ?? '';
      const denied = auth.requireRoles(headers, 'catalog', coop, EDITORS);
      if (denied) return denied;
      const file = raw instanceof FormData ? raw.get('file') : null;
      if (!(file instanceof File)) return error(400, 'VALIDATION.FAILED', 'file');
      if (!file.type.startsWith('image/')) return error(415, 'PHOTO.NOT_AN_IMAGE');
      if (file.size > 10 * 1024 * 1024) return error(413, 'PHOTO.TOO_LARGE');
      n += 1;
      const photoId = `pho_test${n}`;
      const photo: ProductPhoto = {
        photoId,
        width: 1280,
        height: 960,
        variants: [320, 640, 1280].map((width) => ({ width, url: `/photos/${photoId}/${width}.webp` })),
      };
      const who = whoOf(headers, 'catalog') as Who;
      photos.set(photoId, { personId: who.personId, cooperativeId: coop, photo });
      return json(201, photo);
    }
    m = path.match(/^\/photos\/([^/]+)\/(\d+)\.webp$/);
    if (m && method === 'GET') {
      if (!photos.has(m[1] ?? '')) return error(404, 'PHOTO.NOT_FOUND');
      const etag = `"${m[1]}-${m[2]}"`;
      const cache = { 'Cache-Control': 'public, max-age=31536000, immutable', ETag: etag };
      if (headers.get('If-None-Match') === etag) return new Response(null, { status: 304, headers: cache });
      return new Response(new Uint8Array([82, 73, 70, 70]), {
        headers: { ...cache, 'Content-Type': 'image/webp' },
      });
    }
    m = path.match(/^\/cooperatives\/([^/]+)\/sellers\/([^/]+)$/);
    if (m && method === 'GET') {
      const s = sellers.get(m[2] ?? '');
      if (!s || s.cooperativeId !== m[1] || s.status === 'suspended') return error(404, 'SELLER.NOT_FOUND');
      return json(200, {
        sellerId: s.sellerId,
        cooperativeId: s.cooperativeId,
        shopName: s.shopName,
        description: s.description,
        handoff: s.handoff,
        products: [...products.values()].filter(
          (p) => p.sellerId === s.sellerId && p.cooperativeId === s.cooperativeId,
        ),
      });
    }
    return null;
  }

  function payments(method: string, path: string, url: URL, headers: Headers, body: Record<string, unknown>) {
    let m = path.match(/^\/cooperatives\/([^/]+)\/consignment-settings$/);
    if (m) {
      const coop = m[1] ?? '';
      if (method === 'GET') {
        const denied = auth.requireRoles(headers, 'payments', coop, ['pengurus', 'pengawas', 'penjual']);
        if (denied) return denied;
      } else {
        const denied = auth.requireRoles(headers, 'payments', coop, ['pengurus'], 'bendahara');
        if (denied) return denied;
        commission.set(coop, {
          commissionBps: Number(body.commissionBps),
          categoryBps: (body.categoryBps ?? {}) as Record<string, number>,
        });
      }
      const rates = commission.get(coop);
      return json(200, {
        cooperativeId: coop,
        commissionBps: rates?.commissionBps ?? 1000,
        categoryBps: rates?.categoryBps ?? {},
        isDefault: !rates,
        updatedAt: null,
      });
    }
    m = path.match(/^\/cooperatives\/([^/]+)\/consignment$/);
    if (m && method === 'GET') {
      const coop = m[1] ?? '';
      const denied = auth.requireRoles(headers, 'payments', coop, ['pengurus', 'pengawas']);
      if (denied) return denied;
      const items = [...sellers.values()]
        .filter((s) => s.cooperativeId === coop)
        .map((s) => ({ ...balanceOf(s.sellerId), anomalies: 0 }));
      const total = (k: 'balance' | 'availableForPayout' | 'pending') =>
        items.reduce((sum, i) => sum + i[k], 0);
      return json(200, {
        cooperativeId: coop,
        items,
        totals: {
          balance: total('balance'),
          availableForPayout: total('availableForPayout'),
          pending: total('pending'),
        },
      });
    }
    m = path.match(/^\/cooperatives\/([^/]+)\/sellers\/([^/]+)\/(consignment|statement|sales|payouts)$/);
    if (m) {
      const [, coop = '', sellerId = '', what] = m;
      if (what === 'payouts' && method === 'POST') {
        const denied = auth.requireRoles(headers, 'payments', coop, ['pengurus'], 'bendahara');
        if (denied) return denied;
        const b = balanceOf(sellerId);
        if (!sellers.has(sellerId)) return error(404, 'CONSIGNMENT.SELLER_NOT_FOUND');
        const key = headers.get('Idempotency-Key') ?? '';
        const amount = Number(body.amount);
        const replay = payouts.find((p) => p.key === key && key !== '');
        if (!replay) {
          if (amount > b.availableForPayout)
            return error(
              409,
              'CONSIGNMENT.PAYOUT_EXCEEDS_AVAILABLE',
              `Rp ${amount} > Rp ${b.availableForPayout}`,
            );
          payouts.push({
            sellerId,
            amount,
            method: String(body.method),
            receiptNumber: String(body.receiptNumber),
            key,
          });
          balances.set(sellerId, {
            ...b,
            balance: b.balance - amount,
            availableForPayout: b.availableForPayout - amount,
            lastPayoutAt: now(),
          });
        }
        const paid = replay ?? payouts.at(-1);
        return json(replay ? 200 : 201, {
          payout: {
            payoutId: `pyo_test${payouts.length}`,
            amount: paid?.amount ?? amount,
            method: paid?.method ?? 'cash',
            receiptNumber: paid?.receiptNumber ?? '',
            note: String(body.note ?? ''),
            recordedBy: 'per_kb_bendahara',
            recordedAt: now(),
          },
          consignment: accountOf(sellerId, coop),
        });
      }
      const denied = sellerAccess(headers, coop, sellerId);
      if (denied) return denied;
      if (what === 'consignment') return json(200, accountOf(sellerId, coop));
      if (what === 'statement') {
        const month = url.searchParams.get('month') ?? '';
        if (!/^\d{4}-(0[1-9]|1[0-2])$/.test(month)) return error(400, 'VALIDATION.FAILED', 'query.month');
        const lines = (statements.get(sellerId) ?? [])
          .filter((l) => l.date.startsWith(month))
          .map((l) => ({ orderId: null, productId: null, ...l }));
        const format = url.searchParams.get('format') ?? 'json';
        if (format === 'csv')
          return new Response(
            `tanggal,jenis,jumlah\n${lines.map((l) => `${l.date},${l.kind},${l.amount}`).join('\n')}\n`,
            {
              headers: {
                'Content-Type': 'text/csv; charset=utf-8',
                'Content-Disposition': `attachment; filename="laporan-${sellerId}-${month}.csv"`,
              },
            },
          );
        if (format === 'pdf')
          return new Response('%PDF-1.4 fake', { headers: { 'Content-Type': 'application/pdf' } });
        const closing = lines.at(-1)?.balance ?? 0;
        return json(200, {
          cooperativeId: coop,
          sellerId,
          shopName: sellers.get(sellerId)?.shopName ?? sellerId,
          month,
          from: `${month}-01T00:00:00.000Z`,
          to: `${month}-28T00:00:00.000Z`,
          openingBalance: 0,
          closingBalance: closing,
          totals: { sales: 0, commission: 0, refunds: 0, commissionReversed: 0, payouts: 0 },
          lines,
        });
      }
      if (what === 'sales') {
        const from = url.searchParams.get('from') ?? '';
        const to = url.searchParams.get('to') ?? '';
        const rows = (sales.get(sellerId) ?? []).filter((r) => r.day >= from && r.day <= to);
        const group = (list: typeof rows) =>
          [...new Set(list.map((r) => r.productId))].map((productId) => {
            const of = list.filter((r) => r.productId === productId);
            return {
              productId,
              name: of[0]?.name ?? '',
              quantity: of.reduce((s, r) => s + r.quantity, 0),
              amount: of.reduce((s, r) => s + r.amount, 0),
              notaNumbers: of.map((r) => r.nota),
            };
          });
        return json(200, {
          cooperativeId: coop,
          sellerId,
          from,
          to,
          quantity: rows.reduce((s, r) => s + r.quantity, 0),
          amount: rows.reduce((s, r) => s + r.amount, 0),
          products: group(rows),
          days: [...new Set(rows.map((r) => r.day))].map((date) => {
            const of = rows.filter((r) => r.day === date);
            return {
              date,
              quantity: of.reduce((s, r) => s + r.quantity, 0),
              amount: of.reduce((s, r) => s + r.amount, 0),
              products: group(of),
            };
          }),
        });
      }
    }
    return null;
  }

  /** Registers a seller as membership's approval does, and gives the person the penjual role. */
  function addSeller(personId: string, cooperativeId: string, sellerId: string, shopName: string) {
    sellers.set(sellerId, {
      sellerId,
      personId,
      cooperativeId,
      shopName,
      description: '',
      handoff: 'drop_off',
      status: 'active',
      since: now(),
      suspendedAt: null,
      suspensionReason: null,
    });
    const grant = people.get(personId)?.grants.find((g) => g.cooperativeId === cooperativeId);
    if (grant && !grant.roles.includes('penjual')) grant.roles.push('penjual');
  }

  /** A listing record of the owner's (their seller's shop on it), its review approved or waiting. */
  function newListing(product: ProductView, ownerPersonId: string, approved: boolean): FakeListing {
    const seller = [...sellers.values()].find(
      (s) => s.personId === ownerPersonId && s.cooperativeId === product.cooperativeId,
    );
    return {
      product,
      ownerPersonId,
      review: {
        state: approved ? 'approved' : 'pending',
        kind: 'listing',
        pendingPrice: null,
        reason: null,
        requestedAt: now(),
        decidedAt: approved ? now() : null,
      },
      photos: [],
      sold: 0,
      history: [],
      seller: seller ? { sellerId: seller.sellerId, shopName: seller.shopName } : null,
    };
  }

  /** Tests: a listing of `personId`'s, already approved (or still waiting) and shown to shoppers. */
  function addListing(personId: string, overrides: Partial<ProductView> = {}, approved = true): FakeListing {
    const person = people.get(personId);
    const seller = [...sellers.values()].find((s) => s.personId === personId);
    n += 1;
    const product: ProductView = {
      id: (0xfeed00 + n).toString(16).padStart(24, 'd'),
      cooperativeId: seller?.cooperativeId ?? 'karangbesuki',
      sellerId: person?.memberId ?? 'mbr_unknown',
      sku: `TEST-${n}`,
      name: 'Rengginang Bu Sri',
      description: 'Rengginang ketan renyah.',
      category: 'makanan-ringan',
      unit: 'pack',
      price: 12_000,
      maxPerOrder: null,
      imageUrl: null,
      status: 'published',
      stock: { available: 10, reserved: 0 },
      inStock: true,
      createdAt: now(),
      ...overrides,
    };
    const l = newListing(product, personId, approved);
    listings.set(product.id, l);
    publish(l);
    return l;
  }

  return {
    handle(
      service: Service,
      method: string,
      path: string,
      url: URL,
      headers: Headers,
      body: Record<string, unknown>,
      raw: BodyInit | null | undefined,
    ): Response | null {
      if (service === 'membership') return membership(method, path, url, headers, body);
      if (service === 'catalog') return catalog(method, path, headers, body, raw);
      if (service === 'payments') return payments(method, path, url, headers, body);
      return null;
    },
    applications,
    sellers,
    listings,
    photos,
    balances,
    statements,
    sales,
    payouts,
    thresholds,
    commission,
    addSeller,
    addListing,
  };
}

export type FakeSellers = ReturnType<typeof fakeSellers>;
