// The shared text field: its hint and its error reach screen readers through the field's
// description, the error as GOV.UK writes it ("Error:" spoken, not shown).
import { render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { useState } from 'react';
import { I18nextProvider } from 'react-i18next';
import { describe, expect, it } from 'vitest';
import { createI18n } from '../../src/app/i18n';
import { TextField } from '../../src/features/shared/FormParts';
import { localeResources } from '../fixtures/localeResources';

function Field({ error, rows, language = 'en' }: { error?: string; rows?: number; language?: 'en' | 'cy' }) {
  const [value, setValue] = useState('');
  return (
    <I18nextProvider i18n={createI18n(language, { [language]: localeResources()[language]! })}>
      <TextField
        id="probe"
        label="Team"
        hint="As your learners know it."
        error={error}
        rows={rows}
        value={value}
        onChange={setValue}
      />
      <output>{value}</output>
    </I18nextProvider>
  );
}

describe('TextField', () => {
  it('describes the field by its hint, and is valid without an error', () => {
    render(<Field />);
    const field = screen.getByRole('textbox', { name: 'Team' });
    expect(field).toHaveAccessibleDescription('As your learners know it.');
    expect(field).not.toHaveAttribute('aria-invalid');
    expect(field.tagName).toBe('INPUT');
  });

  it('marks an error invalid and says it after the hint, with "Error:" for screen readers only', () => {
    render(<Field error="Enter the team's name." />);
    const field = screen.getByRole('textbox', { name: 'Team' });
    expect(field).toHaveAttribute('aria-invalid', 'true');
    expect(field).toHaveAccessibleDescription("As your learners know it. Error: Enter the team's name.");
    expect(screen.getByText('Error:')).toHaveClass('visually-hidden');
  });

  it('says "Error" in Welsh on a Welsh page', () => {
    render(<Field error="Rhowch enw'r tîm." language="cy" />);
    expect(screen.getByRole('textbox', { name: 'Team' })).toHaveAccessibleDescription(
      "As your learners know it. Gwall: Rhowch enw'r tîm.",
    );
  });

  it('is a textarea with rows, and reports what is typed', async () => {
    render(<Field rows={3} />);
    const field = screen.getByRole('textbox', { name: 'Team' });
    expect(field.tagName).toBe('TEXTAREA');
    await userEvent.type(field, 'North');
    expect(screen.getByRole('status')).toHaveTextContent('North');
  });
});
