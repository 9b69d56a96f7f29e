import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from '@remix-run/node';
import { Form, Link, useActionData, useLoaderData } from '@remix-run/react';
import { SelectField, TextField } from '~/components/field';
import { FlashNotice } from '~/components/flash-notice';
import { FormErrors } from '~/components/form-errors';
import { ListingFields, PhotoField } from '~/components/listing-fields';
import { ProductImage } from '~/components/product-card';
import { ReviewBadge } from '~/components/review-badge';
import { RouteErrorBoundary } from '~/components/route-error-boundary';
import { formAction } from '~/utils/action.server';
import { pageTitle } from '~/utils/meta';
import { formatRupiah } from '~/utils/money';
import { STOCK_REASONS } from '~/utils/sellers';
import { useI18n } from '~/utils/use-i18n';
import { useSellerShell } from '~/utils/use-seller';
import { ListingHistory } from './listing-history';
import { listingAction, loadListing } from './listing.server';

export const loader = (args: LoaderFunctionArgs) => loadListing(args);
export const action = formAction((args: ActionFunctionArgs) => listingAction(args));

export const meta: MetaFunction<typeof loader> = ({ data, matches }) => [
  { title: pageTitle(matches, null, undefined, data?.listing.name) },
];

export default function ListingPage() {
  const { listing, history, me, notice } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const { cooperative } = useSellerShell();
  const { t, label } = useI18n();
  const errorsOf = (intent: string) => (actionData?.intent === intent ? actionData.errors : undefined);
  const valuesOf = (intent: string) => (actionData?.intent === intent ? actionData.values : undefined);
  const edited = valuesOf('edit');
  const archived = listing.status === 'archived';
  return (
    <>
      <p>
        <Link to={`/jual/${cooperative.slug}`}>← {t('sell.section.listings')}</Link>
      </p>
      <h1>{listing.name}</h1>
      <FlashNotice notice={notice} />
      <p>
        <ReviewBadge status={listing.status} review={listing.review} />
      </p>
      {listing.review?.state === 'pending' && listing.review.pendingPrice ? (
        <p>{t('sell.review.proposedPrice', { price: formatRupiah(listing.review.pendingPrice) })}</p>
      ) : null}
      <p className="muted">
        {t('sell.listings.stockSold', { available: listing.stock.available, sold: listing.stock.sold })}
      </p>

      <section aria-labelledby="photos-title">
        <h2 id="photos-title">{t('sell.photo.title')}</h2>
        {listing.photos.length === 0 ? (
          <p className="muted">{t('sell.photo.none')}</p>
        ) : (
          <ul className="photo-list">
            {listing.photos.map((photo, i) => (
              <li key={photo.photoId} data-testid="listing-photo">
                <ProductImage
                  product={{ ...listing, photos: [photo] }}
                  size={96}
                  load={i === 0 ? 'eager' : 'lazy'}
                />
                <Form method="post">
                  <input type="hidden" name="intent" value="remove-photo" />
                  <input type="hidden" name="photoId" value={photo.photoId} />
                  <button type="submit" className="link-button">
                    {t('sell.photo.remove')}
                  </button>
                </Form>
              </li>
            ))}
          </ul>
        )}
        <FormErrors errors={errorsOf('photo') ?? errorsOf('remove-photo')} />
        <Form method="post" encType="multipart/form-data" noValidate>
          <input type="hidden" name="intent" value="photo" />
          <PhotoField error={errorsOf('photo')?.photo} required />
          <button type="submit">{t('sell.photo.upload')}</button>
        </Form>
      </section>

      <section aria-labelledby="edit-title">
        <h2 id="edit-title">{t('sell.listing.editTitle')}</h2>
        <p className="muted">{t('sell.listing.priceReviewHelp')}</p>
        <FormErrors errors={errorsOf('edit')} />
        <Form method="post" noValidate>
          <input type="hidden" name="intent" value="edit" />
          <ListingFields
            values={
              edited ?? {
                name: listing.name,
                description: listing.description,
                price: String(listing.price),
                maxPerOrder: listing.maxPerOrder === null ? '' : String(listing.maxPerOrder),
              }
            }
            errors={errorsOf('edit')}
          />
          <p className="muted">
            {label('category', listing.category)} · {label('unit', listing.unit)}
          </p>
          <button type="submit">{t('sell.listing.save')}</button>
        </Form>
      </section>

      <section aria-labelledby="stock-title">
        <h2 id="stock-title">{t('sell.stock.title')}</h2>
        <FormErrors errors={errorsOf('stock')} />
        <Form method="post" noValidate className="filters-inline">
          <input type="hidden" name="intent" value="stock" />
          <SelectField
            name="direction"
            id="stock-direction"
            label={t('sell.stock.direction')}
            options={[
              { value: 'in', label: t('sell.stock.in') },
              { value: 'out', label: t('sell.stock.out') },
            ]}
            defaultValue={valuesOf('stock')?.direction ?? 'in'}
            error={errorsOf('stock')?.direction}
          />
          <TextField
            name="quantity"
            id="stock-quantity"
            label={t('sell.stock.quantity')}
            inputMode="numeric"
            autoComplete="off"
            required
            defaultValue={valuesOf('stock')?.quantity}
            error={errorsOf('stock')?.quantity}
          />
          <SelectField
            name="reason"
            id="stock-reason"
            label={t('sell.stock.reason')}
            options={STOCK_REASONS.map((r) => ({ value: r, label: t(`sell.stock.reason.${r}`) }))}
            defaultValue={valuesOf('stock')?.reason ?? 'received'}
            error={errorsOf('stock')?.reason}
          />
          <TextField
            name="note"
            id="stock-note"
            label={t('sell.stock.note')}
            maxLength={200}
            defaultValue={valuesOf('stock')?.note}
            error={errorsOf('stock')?.note}
          />
          <button type="submit">{t('sell.stock.submit')}</button>
        </Form>
      </section>

      {archived ? null : (
        <section aria-labelledby="archive-title">
          <h2 id="archive-title">{t('sell.listing.archiveTitle')}</h2>
          <p className="muted">{t('sell.listing.archiveHelp')}</p>
          <FormErrors errors={errorsOf('archive')} />
          <Form method="post">
            <input type="hidden" name="intent" value="archive" />
            <button type="submit" className="button-secondary">
              {t('sell.listing.archive')}
            </button>
          </Form>
        </section>
      )}

      <section aria-labelledby="history-title">
        <h2 id="history-title">{t('sell.history.title')}</h2>
        <ListingHistory entries={history} me={me} />
      </section>
    </>
  );
}

export const ErrorBoundary = RouteErrorBoundary;
