import type { FieldErrors } from '~/schemas/form';
import { useI18n } from '~/utils/use-i18n';
import { SelectField, TextAreaField, TextField } from './field';

export interface ListingValues {
  name?: string;
  description?: string;
  category?: string;
  unit?: string;
  price?: string;
  maxPerOrder?: string;
  stock?: string;
}

/**
 * The fields of a listing; category, unit and the first stock only when it is new (their options come
 * from the loader, so the contracts' schemas stay out of the browser bundle).
 */
export function ListingFields({
  values,
  errors,
  options,
}: {
  values: ListingValues;
  errors: FieldErrors | undefined;
  /** A new listing: the categories and units to choose from. */
  options?: { categories: readonly string[]; units: readonly string[] };
}) {
  const { t, label } = useI18n();
  return (
    <>
      <TextField
        name="name"
        label={t('sell.listing.name')}
        required
        minLength={2}
        maxLength={120}
        defaultValue={values.name}
        error={errors?.name}
      />
      <TextAreaField
        name="description"
        label={t('sell.listing.description')}
        hint={t('sell.listing.descriptionHint')}
        maxLength={2000}
        rows={4}
        defaultValue={values.description}
        error={errors?.description}
      />
      {options ? (
        <>
          <SelectField
            name="category"
            label={t('sell.listing.category')}
            options={options.categories.map((c) => ({ value: c, label: label('category', c) }))}
            defaultValue={values.category ?? 'makanan-ringan'}
            error={errors?.category}
          />
          <SelectField
            name="unit"
            label={t('sell.listing.unit')}
            options={options.units.map((u) => ({ value: u, label: label('unitName', u) }))}
            defaultValue={values.unit ?? 'pcs'}
            error={errors?.unit}
          />
        </>
      ) : null}
      <TextField
        name="price"
        label={t('sell.listing.price')}
        hint={t('sell.listing.priceHint')}
        inputMode="numeric"
        autoComplete="off"
        required
        defaultValue={values.price}
        error={errors?.price}
      />
      <TextField
        name="maxPerOrder"
        label={t('sell.listing.maxPerOrder')}
        hint={t('sell.listing.maxPerOrderHint')}
        inputMode="numeric"
        autoComplete="off"
        defaultValue={values.maxPerOrder}
        error={errors?.maxPerOrder}
      />
      {options ? (
        <TextField
          name="stock"
          label={t('sell.listing.stock')}
          hint={t('sell.listing.stockHint')}
          inputMode="numeric"
          autoComplete="off"
          required
          defaultValue={values.stock ?? '0'}
          error={errors?.stock}
        />
      ) : null}
    </>
  );
}

/** The camera/file picker: on a phone it opens the back camera; WebP sizes are made by catalog. */
export function PhotoField({ error, required = false }: { error?: FieldErrors[string]; required?: boolean }) {
  const { t } = useI18n();
  return (
    <TextField
      name="photo"
      type="file"
      accept="image/*"
      capture="environment"
      label={t('sell.photo.label')}
      hint={t('sell.photo.hint')}
      required={required}
      error={error}
    />
  );
}
