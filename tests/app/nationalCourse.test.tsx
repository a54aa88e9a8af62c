// Without an organisation file the course is the national one, exactly as before: no local block
// on the support page, no "run by" on About, nothing added to a module's closing summary.
import { render, screen } from '@testing-library/react';
import { I18nextProvider, useTranslation } from 'react-i18next';
import { describe, expect, it } from 'vitest';
import { createI18n } from '../../src/app/i18n';
import { OrganisationNextSteps } from '../../src/features/lesson-player/OrganisationNextSteps';
import { organisation } from '../../src/organisation/organisation';
import { localeResources } from '../fixtures/localeResources';
import { renderApp } from './renderApp';

/** The summary block next to a translated word, so the test knows the render finished. */
function Beside() {
  const { t } = useTranslation();
  return (
    <div>
      <p>{t('summary.backToModule')}</p>
      <OrganisationNextSteps />
    </div>
  );
}

describe('the national course (no organisation file)', () => {
  it('is built without an organisation', () => {
    expect(organisation).toBeNull();
  });

  it('lists the national services only', async () => {
    renderApp('/support');
    expect(await screen.findByRole('heading', { name: /NSPCC/ })).toBeInTheDocument();
    expect(screen.queryByRole('region', { name: /who to tell and call/ })).toBeNull();
    expect(screen.queryByRole('heading', { name: 'National services' })).toBeNull();
  });

  it('names no organisation on About or in a module summary', async () => {
    renderApp('/about');
    expect(await screen.findByRole('heading', { level: 1 })).toBeInTheDocument();
    expect(screen.queryByText(/This copy is run by/)).toBeNull();
    render(
      <I18nextProvider i18n={createI18n('en', { en: localeResources().en })}>
        <Beside />
      </I18nextProvider>,
    );
    // Rendered (its neighbour's words are there), and adds nothing.
    const marker = await screen.findByText('Back to the module');
    expect(marker.parentElement?.parentElement?.textContent).toBe('Back to the module');
  });
});
