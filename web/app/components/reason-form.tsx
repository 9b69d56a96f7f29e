import { Form } from '@remix-run/react';
import type { FieldErrors } from '~/schemas/form';
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
