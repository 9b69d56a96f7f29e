import type { FieldErrors } from '~/schemas/form';
import { useI18n } from '~/utils/use-i18n';
import { FieldMessage } from './field';
import { Notice } from './notice';

/** The summary above a form: "check the marked fields" and/or the form-wide error (wrong password, throttled…). */
export function FormErrors({ errors }: { errors: FieldErrors | undefined }) {
  const { t } = useI18n();
  if (!errors) return null;
  const hasFieldErrors = Object.keys(errors).some((k) => k !== 'form');
  if (!errors.form && !hasFieldErrors) return null;
  return (
    <div className="form-errors" tabIndex={-1}>
      <Notice tone="error">
        {hasFieldErrors ? <p>{t('checkout.fixErrors')}</p> : null}
        <FieldMessage id="form-error" error={errors.form} />
      </Notice>
    </div>
  );
}
