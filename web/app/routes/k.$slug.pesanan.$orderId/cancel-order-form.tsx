import { Form, useNavigation } from '@remix-run/react';
import type { MessageKey } from '~/utils/i18n';
import { useI18n } from '~/utils/use-i18n';

/** "Batalkan pesanan", shown while the order can still be cancelled. */
export function CancelOrderForm({ error }: { error?: MessageKey }) {
  const { t } = useI18n();
  const busy = useNavigation().formData?.get('intent') === 'cancel';
  return (
    <Form method="post" className="cancel-order">
      <p className="muted">{t('order.cancelHelp')}</p>
      <button
        type="submit"
        name="intent"
        value="cancel"
        className="button-danger"
        disabled={busy}
        aria-describedby={error ? 'cancel-error' : undefined}
      >
        {t('order.cancel')}
      </button>
      {error ? (
        <p id="cancel-error" className="field-error" role="alert">
          {t(error)}
        </p>
      ) : null}
    </Form>
  );
}
