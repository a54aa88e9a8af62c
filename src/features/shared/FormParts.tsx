import type { HTMLAttributes, ReactNode } from 'react';
import { useTranslation } from 'react-i18next';

/**
 * A labelled text field, the form field every page of the app uses, laid out as GOV.UK's: label,
 * then the hint, then the error message (its "Error:" spoken to screen readers, not shown), then
 * the input, which screen readers describe by the hint and the error. With `rows` it is a textarea.
 */
export function TextField({
  id,
  label,
  value,
  onChange,
  autoComplete,
  type = 'text',
  hint,
  error,
  rows,
  maxLength,
  min,
  max,
  step,
  inputMode,
}: {
  id: string;
  label: string;
  value: string;
  onChange: (value: string) => void;
  autoComplete?: string;
  type?: 'text' | 'url' | 'password' | 'number' | 'date';
  /** Help shown under the label. */
  hint?: ReactNode;
  /** What is wrong with the value, in words; the field is marked invalid while it is set. */
  error?: ReactNode;
  /** A multi-line field of this many rows. */
  rows?: number;
  maxLength?: number;
  min?: number | string;
  max?: number | string;
  step?: number;
  inputMode?: HTMLAttributes<HTMLInputElement>['inputMode'];
}) {
  const { t } = useTranslation('ui');
  const hintId = `${id}-hint`;
  const errorId = `${id}-error`;
  const describedBy = [hint ? hintId : undefined, error ? errorId : undefined].filter(Boolean).join(' ') || undefined;
  const shared = {
    id,
    value,
    maxLength,
    'aria-describedby': describedBy,
    'aria-invalid': error ? true : undefined,
  };
  return (
    <div className={error ? 'field field--error' : 'field'}>
      <label htmlFor={id}>{label}</label>
      {hint && (
        <p id={hintId} className="hint">
          {hint}
        </p>
      )}
      {error && (
        <p id={errorId} className="error-message">
          <span className="visually-hidden">{t('form.errorPrefix')}</span> {error}
        </p>
      )}
      {rows ? (
        <textarea {...shared} rows={rows} onChange={(event) => onChange(event.target.value)} />
      ) : (
        <input
          {...shared}
          type={type}
          autoComplete={autoComplete}
          min={min}
          max={max}
          step={step}
          inputMode={inputMode}
          onChange={(event) => onChange(event.target.value)}
        />
      )}
    </div>
  );
}

/**
 * The outcome of an action in words: a polite status when it worked, an alert when it did not.
 * The status region is always present so screen readers hear it when its text appears.
 */
export function FormMessage({ status, alert }: { status?: ReactNode; alert?: ReactNode }) {
  return (
    <>
      <p role="status">{status ?? ''}</p>
      {alert && (
        <p role="alert" className="panel panel--warning">
          {alert}
        </p>
      )}
    </>
  );
}
