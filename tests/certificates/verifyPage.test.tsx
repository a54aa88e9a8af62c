// /verify and the certificate page on an organisation's deployment: plain words for each answer,
// the tick only for an endorsed trainer, and the learner's and trainer's fingerprints labelled.
import { screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { beforeAll, describe, expect, it, vi } from 'vitest';
import { encodeCertificate } from '../../src/certificates/certificateCode';
import { fingerprint } from '../../src/certificates/signing';
import { countersignCertificate } from '../../src/trainer/countersign';
import { renderApp } from '../app/renderApp';
import { practiceModule } from '../fixtures/practiceModule';
import {
  ANYTOWN,
  anytownKeys,
  endorsementFor,
  fixtureTrainerKeys,
  signEndorsement,
  type FixtureKeys,
} from '../fixtures/trust';
import { assignmentPayload, keyPair, receiptPayloadFor } from '../trainer/fixtures';

vi.mock('../../src/organisation/organisation', async () => {
  const { trustAnchor } = await import('../../src/organisation/trust');
  const { anytownKeys: keys, ANYTOWN: name } = await import('../fixtures/trust');
  const organisation = { name, shortName: 'Anytown', canonicalUrl: 'https://heard.anytown.example' };
  return {
    organisation,
    quickExitUrl: null,
    organisationLogo: null,
    verifyBase: () => organisation.canonicalUrl,
    deploymentTrust: async () => trustAnchor(name, { publicKey: (await keys()).publicKey, withdrawals: [] }),
  };
});

const NOW = 1_750_000_000_000; // renderApp's clock: 15 June 2025.
let trainer: FixtureKeys;
let learner: Awaited<ReturnType<typeof keyPair>>;
let endorsement: string;

beforeAll(async () => {
  const anytown = await anytownKeys();
  trainer = await fixtureTrainerKeys();
  learner = await keyPair();
  endorsement = await signEndorsement(endorsementFor(trainer.publicKey, { from: '2025-01-01' }), anytown);
});

const countersigned = (withEndorsement: boolean) =>
  countersignCertificate(
    assignmentPayload(trainer.publicKey),
    receiptPayloadFor(learner.publicKey, { completedAt: '2025-06-14T10:00:00.000Z' }),
    [practiceModule],
    trainer.keys,
    {
      now: NOW,
      language: 'en',
      id: 'ABCD-EFGH-JKLM',
      endorsement: withEndorsement ? endorsement : undefined,
    },
  );

describe('/verify on an organisation’s deployment', { timeout: 30_000 }, () => {
  it('names the endorsed trainer and the organisation, with both fingerprints labelled', async () => {
    renderApp(`/verify#${await countersigned(true)}`);
    expect(
      await screen.findByRole(
        'heading',
        { name: `Countersigned by Sam Okafor, endorsed by ${ANYTOWN}` },
        { timeout: 8000 },
      ),
    ).toBeInTheDocument();
    expect(
      screen.getByRole('heading', { name: `Countersigned by Sam Okafor, endorsed by ${ANYTOWN}` }).textContent,
    ).toContain('✓');
    expect(screen.getByText(await fingerprint(trainer.publicKey))).toBeInTheDocument();
    expect(screen.getByText(await fingerprint(learner.publicKey))).toBeInTheDocument();
    expect(screen.getByText('Trainer’s key fingerprint')).toBeInTheDocument();
    expect(screen.getByText('Learner’s device key fingerprint')).toBeInTheDocument();
  });

  it('says "a key this site does not know" without an endorsement, with no tick', async () => {
    renderApp(`/verify#${await countersigned(false)}`);
    const heading = await screen.findByRole(
      'heading',
      { name: 'Signed by a key this site does not know' },
      { timeout: 8000 },
    );
    expect(heading.textContent).not.toContain('✓');
    expect(
      screen.getByText(new RegExp(`compare the key’s fingerprint: ${await fingerprint(trainer.publicKey)}`)),
    ).toBeInTheDocument();
  });

  it('calls a self-study certificate self-declared, never with a tick', async () => {
    const code = await encodeCertificate(
      {
        v: 1,
        id: 'ABCD-EFGH-JKLM',
        name: 'Sam',
        role: null,
        organisation: '',
        modules: [{ id: 'practice', correct: 4, total: 4, completedAt: '2025-06-14' }],
        cpdMinutes: 10,
        issuedAt: '2025-06-15',
        refreshBy: '2028-06-15',
        language: 'en',
      },
      learner.keys,
    );
    renderApp(`/verify#${code}`);
    const heading = await screen.findByRole(
      'heading',
      {
        name: 'Self-declared: made on the learner’s own device, not checked by anyone',
      },
      { timeout: 8000 },
    );
    expect(heading.textContent).not.toContain('✓');
  });

  it('says "changed or damaged", with the reason', async () => {
    const code = await countersigned(true);
    renderApp(`/verify#${code.slice(0, -4)}AAAA`);
    expect(await screen.findByRole('heading', { name: 'Changed or damaged' }, { timeout: 8000 })).toBeInTheDocument();
    expect(screen.getByText(/The signature does not match/)).toBeInTheDocument();
  });

  it('takes a pasted or opened Open Badge file, and names what is wrong with one that is not a Heard badge', async () => {
    const user = userEvent.setup();
    renderApp('/verify');
    const file = new File([JSON.stringify({ type: ['VerifiableCredential'] })], 'badge.json', {
      type: 'application/json',
    });
    await user.upload(await screen.findByLabelText('Or open an Open Badge file (.json)'), file);
    expect(await screen.findByRole('heading', { name: 'Changed or damaged' }, { timeout: 8000 })).toBeInTheDocument();
    expect(screen.getByText(/That is not an Open Badge from Heard/)).toBeInTheDocument();
    await user.clear(screen.getByRole('textbox', { name: 'Certificate code or link' }));
    await user.click(screen.getByRole('textbox', { name: 'Certificate code or link' }));
    await user.paste('{"type": "OpenBadgeCredential"');
    await user.click(screen.getByRole('button', { name: 'Check the certificate' }));
    expect(await screen.findByText(/could not be read/)).toBeInTheDocument();
  });

  it('the certificate page shows the same standing and the trainer’s fingerprint labelled as the trainer’s', async () => {
    const code = await countersigned(true);
    const view = renderApp('/certificates');
    await view.db.certificates.put({
      id: 'ABCD-EFGH-JKLM',
      moduleIds: ['practice'],
      code,
      issuedAt: '2025-06-15',
      refreshBy: '2028-06-15',
    });
    view.unmount();
    renderApp('/certificates/ABCD-EFGH-JKLM', { db: view.db });
    expect(
      await screen.findByRole(
        'heading',
        { name: `Countersigned by Sam Okafor, endorsed by ${ANYTOWN}` },
        { timeout: 8000 },
      ),
    ).toBeInTheDocument();
    expect(screen.getByText(`Trainer’s key fingerprint: ${await fingerprint(trainer.publicKey)}`)).toBeInTheDocument();
    expect(
      screen.getByText(`Learner’s device key fingerprint: ${await fingerprint(learner.publicKey)}`),
    ).toBeInTheDocument();
    expect(screen.getByText(/Verify page at https:\/\/heard\.anytown\.example\/verify/)).toBeInTheDocument();
    // The organisation whose copy issued it, and how current the law taught was (issue 16).
    expect(screen.getByText(`Training provided by ${ANYTOWN}`)).toBeInTheDocument();
    expect(screen.getByText('Law and guidance checked to 4 December 2026.')).toBeInTheDocument();
  });
});
