import { SORTS } from '~/schemas/sorts';
import { useI18n } from '~/utils/use-i18n';

export function SortSelect({ defaultValue }: { defaultValue?: string }) {
  const { t } = useI18n();
  return (
    <div className="field">
      <label htmlFor="field-sort">{t('search.sort')}</label>
      <select id="field-sort" name="sort" defaultValue={defaultValue ?? 'newest'}>
        {SORTS.map((sort) => (
          <option key={sort} value={sort}>
            {t(`sort.${sort}`)}
          </option>
        ))}
      </select>
    </div>
  );
}
