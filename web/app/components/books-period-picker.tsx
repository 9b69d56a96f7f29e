import { Form } from '@remix-run/react';
import type { ReactNode } from 'react';
import type { FieldErrors } from '~/schemas/form';
import { type BookPeriod, MONTHS, monthName } from '~/utils/books';
import { useI18n } from '~/utils/use-i18n';
import { SelectField } from './field';

/**
 * The period of a report: a year, or one month of it. A GET form (works without JavaScript); `hidden`
 * keeps the page's other query fields, `children` adds fields of its own (the account of a ledger).
 */
export function BooksPeriodPicker({
  period,
  years,
  errors,
  monthly = true,
  hidden = {},
  children,
}: {
  period: BookPeriod;
  years: readonly number[];
  errors?: FieldErrors | null;
  /** false: the year only (the overview, the periods page). */
  monthly?: boolean;
  hidden?: Record<string, string>;
  children?: ReactNode;
}) {
  const { t, lang } = useI18n();
  return (
    <Form method="get" className="filters filters-inline" aria-label={t('books.period.choose')}>
      {Object.entries(hidden).map(([name, value]) => (
        <input key={name} type="hidden" name={name} value={value} />
      ))}
      {children}
      <SelectField
        name="tahun"
        id="period-year"
        label={t('books.period.year')}
        options={years.map((y) => ({ value: String(y), label: String(y) }))}
        defaultValue={String(period.year)}
        error={errors?.tahun}
      />
      {monthly ? (
        <SelectField
          name="bulan"
          id="period-month"
          label={t('books.period.month')}
          options={[
            { value: '', label: t('books.period.wholeYear') },
            ...MONTHS.map((m) => ({ value: m, label: monthName(m, lang) })),
          ]}
          defaultValue={period.month ?? ''}
          error={errors?.bulan}
        />
      ) : null}
      <button type="submit">{t('books.period.show')}</button>
    </Form>
  );
}
