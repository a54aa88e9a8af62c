import type { ReactNode } from 'react';

/** A labelled one-line text input, the form field every page of the app uses. */
export function TextField({
  id,
  label,
  value,
  onChange,
  autoComplete,
  type = 'text',
}: {
  id: string;
  label: string;
  value: string;
  onChange: (value: string) => void;
  autoComplete?: string;
  type?: 'text' | 'url' | 'password';
}) {
  return (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      <input
        id={id}
        type={type}
        autoComplete={autoComplete}
        value={value}
        onChange={(event) => onChange(event.target.value)}
      />
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
