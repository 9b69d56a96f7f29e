import { Form, Link } from '@remix-run/react';
import { FieldMessage, TextField } from '~/components/field';
import { SortSelect } from '~/components/sort-select';
import type { SearchField } from '~/schemas/search.schema';
import type { MessageKey } from '~/utils/i18n';
import { useI18n } from '~/utils/use-i18n';
import type { CategoryCount } from '~/utils/views';

interface SearchFiltersProps {
  action: string;
  categories: CategoryCount[];
  values: Partial<Record<SearchField, string>>;
  errors: Partial<Record<SearchField, MessageKey>>;
}

/** The search form: a plain GET form, so results have a URL and it works without JavaScript. */
export function SearchFilters({ action, categories, values, errors }: SearchFiltersProps) {
  const { t, label } = useI18n();
  return (
    <Form method="get" action={action} role="search" className="filters" aria-label={t('search.filters')}>
      <TextField
        name="q"
        type="search"
        label={t('search.q')}
        hint={t('search.qHint')}
        defaultValue={values.q}
        error={errors.q}
      />
      <div className="field">
        <label htmlFor="field-category">{t('search.category')}</label>
        <select id="field-category" name="category" defaultValue={values.category ?? ''}>
          <option value="">{t('search.allCategories')}</option>
          {categories.map((c) => (
            <option key={c.category} value={c.category}>
              {label('category', c.category)} ({c.count})
            </option>
          ))}
        </select>
      </div>
      <div className="field-row">
        <TextField
          name="minPrice"
          inputMode="numeric"
          pattern="[0-9]*"
          label={t('search.minPrice')}
          defaultValue={values.minPrice}
          error={errors.minPrice}
        />
        <TextField
          name="maxPrice"
          inputMode="numeric"
          pattern="[0-9]*"
          label={t('search.maxPrice')}
          defaultValue={values.maxPrice}
          error={errors.maxPrice}
        />
      </div>
      <div className="field field-check">
        <input
          id="field-inStock"
          type="checkbox"
          name="inStock"
          value="true"
          defaultChecked={Boolean(values.inStock)}
        />
        <label htmlFor="field-inStock">{t('search.inStock')}</label>
      </div>
      <SortSelect defaultValue={values.sort} />
      <FieldMessage id="field-sort-error" error={errors.sort} />
      <p className="actions">
        <button type="submit">{t('search.submit')}</button>
        <Link to={action} className="button button-secondary">
          {t('search.reset')}
        </Link>
      </p>
    </Form>
  );
}
