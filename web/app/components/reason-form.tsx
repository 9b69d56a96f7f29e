import { Form } from '@remix-run/react';
import type { FieldErrors } from '~/schemas/form';
import { useI18n } from '~/utils/use-i18n';
import { TextField } from './field';

/**
 * A staff decision on one row: hidden fields naming it, an optional reason the other side reads,
 * and the button. `errors` are this row's (the action names its target).
 */
export function DecisionForm({
  intent,
  hidden,
  button,
  label,
  reason,
  errors,
  secondary = false,
}: {
  intent: string;
  hidden: Record<string, string>;
  button: string;
  /** The form's accessible name ("Tolak Keripik Bu Sri"). */
  label: string;
  reason?: { label: string; hint?: string; id: string; defaultValue?: string };
  errors?: FieldErrors;
  secondary?: boolean;
}) {
  return (
    <Form method="post" noValidate aria-label={label} className="decision-form">
      <input type="hidden" name="intent" value={intent} />
      {Object.entries(hidden).map(([name, value]) => (
        <input key={name} type="hidden" name={name} value={value} />
      ))}
      {reason ? (
        <TextField
          id={reason.id}
          name="reason"
          label={reason.label}
          hint={reason.hint}
          required
          minLength={3}
          maxLength={500}
          autoComplete="off"
          defaultValue={reason.defaultValue}
          error={errors?.reason}
        />
      ) : null}
      <button type="submit" className={secondary ? 'button-secondary' : undefined}>
        {button}
      </button>
    </Form>
  );
}

/** The pair a pengurus sees on a row waiting for them: approve, or refuse with a reason. */
export function ApproveOrRefuse({
  hidden,
  approve,
  refuse,
  errors,
  reasonValue,
}: {
  hidden: Record<string, string>;
  approve: { intent: string; button: string; label: string };
  refuse: { intent: string; button: string; label: string; reasonLabel: string; id: string };
  /** This row's errors (the action named it as its target). */
  errors?: FieldErrors;
  reasonValue?: string;
}) {
  const { t } = useI18n();
  return (
    <>
      <DecisionForm intent={approve.intent} hidden={hidden} button={approve.button} label={approve.label} />
      <DecisionForm
        intent={refuse.intent}
        hidden={hidden}
        button={refuse.button}
        label={refuse.label}
        reason={{
          id: refuse.id,
          label: refuse.reasonLabel,
          hint: t('staff.reasonHint'),
          defaultValue: errors ? reasonValue : undefined,
        }}
        errors={errors}
        secondary
      />
    </>
  );
}
