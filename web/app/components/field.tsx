import type { InputHTMLAttributes, ReactNode, SelectHTMLAttributes, TextareaHTMLAttributes } from 'react';
import type { FieldError } from '~/schemas/form';
import { useI18n } from '~/utils/use-i18n';

/** The message of a field error, in the shopper's language. */
export function useFieldError(): (error: FieldError | undefined) => string | undefined {
  const { t } = useI18n();
  return (error) => {
    if (!error) return undefined;
    return typeof error === 'string' ? t(error) : t(error.key, error.vars);
  };
}

/** The text under a field that says what is wrong; linked to the input with aria-describedby. */
export function FieldMessage({ id, error }: { id: string; error: FieldError | undefined }) {
  const message = useFieldError()(error);
  if (!message) return null;
  return (
    <p id={id} className="field-error">
      {message}
    </p>
  );
}

/** ids for aria-describedby: the hint first, then the error. */
export function describedBy(id: string, hint: unknown, error: unknown): string | undefined {
  const ids = [hint ? `${id}-hint` : '', error ? `${id}-error` : ''].filter(Boolean);
  return ids.length ? ids.join(' ') : undefined;
}

/** A field's label and its hint (linked by id from aria-describedby). */
function FieldLabel({ id, label, hint }: { id: string; label: ReactNode; hint?: ReactNode }) {
  return (
    <>
      <label htmlFor={id}>{label}</label>
      {hint ? (
        <p id={`${id}-hint`} className="field-hint">
          {hint}
        </p>
      ) : null}
    </>
  );
}

interface TextFieldProps extends Omit<InputHTMLAttributes<HTMLInputElement>, 'name' | 'id'> {
  name: string;
  label: ReactNode;
  hint?: ReactNode;
  error?: FieldError;
  /** Defaults to `field-<name>`. */
  id?: string;
}

/** A labelled input with its hint and error message, marked aria-invalid when wrong. */
export function TextField({ name, label, hint, error, id = `field-${name}`, ...input }: TextFieldProps) {
  return (
    <div className="field">
      <FieldLabel id={id} label={label} hint={hint} />
      <input
        id={id}
        name={name}
        type="text"
        aria-invalid={error ? true : undefined}
        aria-describedby={describedBy(id, hint, error)}
        {...input}
      />
      <FieldMessage id={`${id}-error`} error={error} />
    </div>
  );
}

interface TextAreaFieldProps extends Omit<TextareaHTMLAttributes<HTMLTextAreaElement>, 'name' | 'id'> {
  name: string;
  label: ReactNode;
  hint?: ReactNode;
  error?: FieldError;
  id?: string;
}

/** A labelled textarea with its hint and error message. */
export function TextAreaField({
  name,
  label,
  hint,
  error,
  id = `field-${name}`,
  ...area
}: TextAreaFieldProps) {
  return (
    <div className="field">
      <FieldLabel id={id} label={label} hint={hint} />
      <textarea
        id={id}
        name={name}
        aria-invalid={error ? true : undefined}
        aria-describedby={describedBy(id, hint, error)}
        {...area}
      />
      <FieldMessage id={`${id}-error`} error={error} />
    </div>
  );
}

interface SelectFieldProps extends Omit<SelectHTMLAttributes<HTMLSelectElement>, 'name' | 'id'> {
  name: string;
  label: ReactNode;
  options: readonly { value: string; label: string }[];
  hint?: ReactNode;
  error?: FieldError;
  id?: string;
}

/** A labelled select with its hint and error message. */
export function SelectField({
  name,
  label,
  options,
  hint,
  error,
  id = `field-${name}`,
  ...select
}: SelectFieldProps) {
  return (
    <div className="field">
      <FieldLabel id={id} label={label} hint={hint} />
      <select
        id={id}
        name={name}
        aria-invalid={error ? true : undefined}
        aria-describedby={describedBy(id, hint, error)}
        {...select}
      >
        {options.map((o) => (
          <option key={o.value} value={o.value}>
            {o.label}
          </option>
        ))}
      </select>
      <FieldMessage id={`${id}-error`} error={error} />
    </div>
  );
}
