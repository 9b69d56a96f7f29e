import { Form } from '@remix-run/react';
import { useI18n } from '~/utils/use-i18n';

/** A GET form to the market's search page: works without JavaScript. */
export function SearchBox({
  slug,
  market,
  defaultValue,
}: {
  slug: string;
  market: string;
  defaultValue?: string;
}) {
  const { t } = useI18n();
  return (
    <Form method="get" action={`/k/${slug}/cari`} role="search" className="search-box">
      <label htmlFor="search-q">{t('market.searchLabel', { market })}</label>
      <div className="search-box-row">
        <input
          id="search-q"
          name="q"
          type="search"
          defaultValue={defaultValue}
          placeholder={t('search.qHint')}
        />
        <button type="submit">{t('market.search')}</button>
      </div>
    </Form>
  );
}
