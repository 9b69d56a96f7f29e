import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from '@remix-run/node';
import { Form, useActionData, useLoaderData } from '@remix-run/react';
import { FormErrors } from '~/components/form-errors';
import { ListingFields, PhotoField } from '~/components/listing-fields';
import { RouteErrorBoundary } from '~/components/route-error-boundary';
import { formAction } from '~/utils/action.server';
import { pageTitle } from '~/utils/meta';
import { useI18n } from '~/utils/use-i18n';
import { loadNewListing, newListingAction } from './new-listing.server';

export const loader = (args: LoaderFunctionArgs) => loadNewListing(args);
export const action = formAction((args: ActionFunctionArgs) => newListingAction(args));

export const meta: MetaFunction = ({ matches }) => [{ title: pageTitle(matches, 'sell.section.new') }];

export default function NewListingPage() {
  const { options } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const { t } = useI18n();
  return (
    <>
      <h1>{t('sell.section.new')}</h1>
      <p className="muted">{t('sell.listing.reviewHelp')}</p>
      <FormErrors errors={actionData?.errors} />
      <Form method="post" encType="multipart/form-data" noValidate>
        <ListingFields values={actionData?.values ?? {}} errors={actionData?.errors} options={options} />
        <PhotoField error={actionData?.errors.photo} />
        <button type="submit">{t('sell.listing.create')}</button>
      </Form>
    </>
  );
}

export const ErrorBoundary = RouteErrorBoundary;
