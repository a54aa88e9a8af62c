// An organisation's build (issue 18): the support page leads with its contacts, procedures and
// services; a module's closing summary says whom to tell and call there; About names it; its
// default language is used until the learner chooses. The example council's file is the fixture.
import { render, screen, within } from '@testing-library/react';
import { I18nextProvider } from 'react-i18next';
import { describe, expect, it, vi } from 'vitest';
import { createI18n, initialLanguage } from '../../src/app/i18n';
import { OrganisationNextSteps } from '../../src/features/lesson-player/OrganisationNextSteps';
import { localeResources } from '../fixtures/localeResources';
import { renderApp } from './renderApp';

vi.mock('../../src/organisation/organisation', async () => {
  const { resolve } = await import('node:path');
  const { readOrganisationFile } = await import('../../src/organisation/organisationPlugin');
  const organisation = readOrganisationFile(resolve(__dirname, '../../deploy/organisation.example.json'));
  return {
    organisation,
    quickExitUrl: organisation.quickExitUrl,
    organisationLogo: null,
    verifyBase: () => organisation.canonicalUrl,
    deploymentTrust: async () => null,
  };
});

describe('an organisation’s build', () => {
  it('puts the organisation’s contacts, procedures and services before the national services', async () => {
    renderApp('/support');
    const local = await screen.findByRole('region', { name: 'Anytown Borough Council: who to tell and call' });
    expect(within(local).getByRole('heading', { name: 'Your Designated Safeguarding Lead' })).toBeInTheDocument();
    expect(within(local).getByRole('link', { name: '01632 960123' })).toHaveAttribute('href', 'tel:01632960123');
    expect(within(local).getByRole('link', { name: '01632 960456' })).toHaveAttribute('href', 'tel:01632960456');
    expect(within(local).getByRole('link', { name: '101' })).toHaveAttribute('href', 'tel:101');
    expect(
      within(local).getByRole('link', { name: /^Anytown Safeguarding Children Partnership procedures/ }),
    ).toHaveAttribute('href', 'https://procedures.anytown.example.org/');
    expect(within(local).getByRole('heading', { name: 'Anytown Staff Wellbeing Line' })).toBeInTheDocument();
    // Local first, national after.
    const national = screen.getByRole('heading', { name: 'National services' });
    const nspcc = screen.getByRole('heading', { name: /NSPCC/ });
    expect(local.compareDocumentPosition(national) & Node.DOCUMENT_POSITION_FOLLOWING).toBeTruthy();
    expect(national.compareDocumentPosition(nspcc) & Node.DOCUMENT_POSITION_FOLLOWING).toBeTruthy();
  });

  it('says on About who runs this copy', async () => {
    renderApp('/about');
    expect(await screen.findByText('This copy is run by Anytown Borough Council.')).toBeInTheDocument();
  });

  it('ends a module with whom to tell and call in the organisation', async () => {
    render(
      <I18nextProvider i18n={createI18n('en', { en: localeResources().en })}>
        <OrganisationNextSteps />
      </I18nextProvider>,
    );
    const block = await screen.findByRole('region', { name: 'What to do in Anytown Borough Council' });
    expect(block).toHaveTextContent('Tell your Designated Safeguarding Lead: Phone 01632 960789');
    expect(block).toHaveTextContent('contact Anytown Children’s Services Front Door (MASH): 01632 960123');
    expect(within(block).getByRole('link', { name: '01632 960123' })).toHaveAttribute('href', 'tel:01632960123');
    expect(block).toHaveTextContent('If a child is in danger now, call 999.');
  });

  it('opens in the organisation’s language until the learner chooses one', () => {
    const storage = (saved: string | null) => ({ getItem: () => saved });
    expect(initialLanguage('', storage(null), 'cy')).toBe('cy');
    expect(initialLanguage('', storage('en'), 'cy')).toBe('en');
    expect(initialLanguage('?lang=en', storage(null), 'cy')).toBe('en');
    expect(initialLanguage('', storage(null))).toBe('en');
  });
});
