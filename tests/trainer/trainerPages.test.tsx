import { act, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { decodeAssignment, encodeAssignment } from '../../src/trainer/assignmentCode';
import { encodeReceipt } from '../../src/trainer/receiptCode';
import { trainerKeys } from '../../src/trainer/trainerKeys';
import { exportPublicKey } from '../../src/certificates/signing';
import { decodeCertificate } from '../../src/certificates/certificateCode';
import { fingerprint } from '../../src/certificates/signing';
import { freshDatabase, renderApp } from '../app/renderApp';
import { assignmentPayload, keyPair, receiptPayloadFor } from './fixtures';

describe('creating an assignment', () => {
  it('names each problem in words, then signs the assignment and offers its link', async () => {
    const user = userEvent.setup();
    const { db } = renderApp('/trainer');
    await screen.findByRole('heading', { level: 1, name: 'Trainer area' });
    await user.click(screen.getByRole('button', { name: 'Create and sign the assignment' }));

    const summary = await screen.findByRole('alert');
    expect(within(summary).getByRole('heading', { name: 'There are 3 problems to fix' })).toBeInTheDocument();
    const title = screen.getByRole('textbox', { name: 'Title' });
    expect(title).toHaveAttribute('aria-invalid', 'true');
    // GOV.UK's error message: "Error:" is spoken before the words, not shown.
    expect(title).toHaveAccessibleDescription('Error: Enter a title for the assignment.');
    expect(screen.getByRole('textbox', { name: 'Your name' })).toHaveAccessibleDescription(
      expect.stringContaining('Enter your name, so learners know who sent it.'),
    );
    expect(screen.getByRole('group', { name: 'What to do' })).toHaveAccessibleDescription(
      expect.stringContaining('Choose at least one module or lesson.'),
    );

    await user.type(title, 'Practice refresher');
    await user.type(screen.getByRole('textbox', { name: 'Cohort (optional)' }), 'Team A');
    await user.type(screen.getByRole('textbox', { name: 'Your name' }), 'Jo Trainer');
    await user.click(screen.getByRole('checkbox', { name: 'Basics' }));
    // A module's branching scenario can be chosen on its own, and says what it is.
    expect(screen.getByRole('checkbox', { name: 'A scenario Branching scenario' })).not.toBeChecked();
    const passMark = screen.getByRole('spinbutton', { name: 'Pass mark (% of decisions right)' });
    await user.clear(passMark);
    await user.type(passMark, '150');
    await user.click(screen.getByRole('button', { name: 'Create and sign the assignment' }));
    expect(
      within(await screen.findByRole('alert')).getByRole('heading', { name: 'There is 1 problem to fix' }),
    ).toBeInTheDocument();
    expect(passMark).toHaveAccessibleDescription('Error: Enter a pass mark as a whole number from 0 to 100.');
    expect(await db.trainerAssignments.count()).toBe(0);

    await user.clear(passMark);
    await user.type(passMark, '75');
    await user.type(screen.getByRole('textbox', { name: 'Note to learners (optional)' }), 'Before Friday, please.');
    await user.click(screen.getByRole('button', { name: 'Create and sign the assignment' }));

    // Signing and the page change can take a while on a loaded machine.
    expect(
      await screen.findByRole('heading', { level: 1, name: 'Practice refresher' }, { timeout: 5000 }),
    ).toBeInTheDocument();
    const link = (screen.getByRole('textbox', { name: 'Assignment link' }) as HTMLInputElement).value;
    expect(link).toMatch(/\/assignment#[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+$/);
    const decoded = await decodeAssignment(link);
    expect(decoded.ok && decoded.payload).toMatchObject({
      title: 'Practice refresher',
      cohort: 'Team A',
      items: [{ moduleId: 'practice', lessonId: 'basics' }],
      passMark: 75,
      due: null,
      note: 'Before Friday, please.',
      trainer: { name: 'Jo Trainer' },
    });
    expect(screen.getByRole('img', { name: 'QR code of the assignment link' })).toBeInTheDocument();
    expect(await db.trainerAssignments.count()).toBe(1);
  }, 20_000);
});

async function trainerWithAssignment() {
  const db = freshDatabase();
  const keys = await trainerKeys(db, 1);
  const payload = assignmentPayload(await exportPublicKey(keys.publicKey));
  const code = await encodeAssignment(payload, keys.privateKey);
  await db.trainerAssignments.add({ id: payload.id, code, createdAt: 1 });
  return { db, payload, code };
}

const textFile = (name: string, text: string) => new File([`${text}\n`], name, { type: 'text/plain' });

describe('importing receipts on the assignment page', () => {
  it('reports each file and link on its own, shows the cohort, and countersigns', async () => {
    const user = userEvent.setup();
    const { db, payload } = await trainerWithAssignment();
    const learner = await keyPair();
    const good = await encodeReceipt(receiptPayloadFor(learner.publicKey), learner.keys.privateKey);
    const other = await encodeReceipt(
      receiptPayloadFor(learner.publicKey, { assignmentId: 'CCCCCCCCCCCCCCCCCCCCCC' }),
      learner.keys.privateKey,
    );
    const [, signature] = good.split('.');
    const raised = (
      await encodeReceipt(receiptPayloadFor(learner.publicKey, { seconds: 1 }), learner.keys.privateKey)
    ).split('.')[0];
    renderApp(`/trainer/assignments/${payload.id}`, { db });
    expect(await screen.findByRole('heading', { level: 1, name: 'Orientation refresher' })).toBeInTheDocument();
    expect(screen.getByText('No receipts yet. Results appear here as you import them.')).toBeInTheDocument();

    await user.upload(screen.getByLabelText('Choose receipt files, or drop them here'), [
      textFile('sian.txt', `https://heard.example/receipt#${good}`),
      textFile('tampered.txt', `${raised}.${signature}`),
      textFile('other.txt', other),
    ]);
    const results = await screen.findByRole('region', { name: 'Import results' }, { timeout: 5000 });
    expect(within(results).getByText('1 receipt imported. 2 not imported.')).toBeInTheDocument();
    const items = within(results).getAllByRole('listitem');
    expect(items.map((item) => item.textContent)).toEqual([
      'sian.txt: imported the receipt from Siân Learner.',
      'tampered.txt: not imported: it has been changed since the learner’s device signed it.',
      'other.txt: not imported: this receipt from Siân Learner is for a different assignment.',
    ]);

    await user.click(screen.getByRole('textbox', { name: 'Or paste receipt links' }));
    await user.paste(good);
    await user.click(screen.getByRole('button', { name: 'Import the pasted links' }));
    await waitFor(() =>
      expect(
        within(screen.getByRole('region', { name: 'Import results' }))
          .getAllByRole('listitem')
          .map((item) => item.textContent),
      ).toEqual(['Link 1: not imported: you already have this receipt from Siân Learner. Nothing was changed.']),
    );
    expect(await db.receipts.count()).toBe(1);

    const table = await screen.findByRole('table', { name: /Who finished/ });
    const row = within(table).getByRole('row', { name: /Siân Learner/ });
    expect(within(row).getByText('100% (2 of 2)')).toBeInTheDocument();
    expect(within(row).getByText('Met the pass mark')).toBeInTheDocument();
    expect(
      await within(row).findByText(`· learner’s device key ${await fingerprint(learner.publicKey)}`, { exact: false }),
    ).toBeInTheDocument();
    const question = screen.getByRole('region', { name: 'Basics: The age question' });
    const childRow = within(question).getByRole('row', { name: /Anyone under 18/ });
    expect(
      within(childRow)
        .getAllByRole('cell')
        .map((cell) => cell.textContent),
    ).toEqual(['1', '100%']);
    expect(screen.getByText('No learner chose an answer that shows a myth.')).toBeInTheDocument();

    await user.click(within(row).getByRole('button', { name: 'Countersign a certificate for Siân Learner' }));
    const certificateLink = (await screen.findByRole('textbox', {
      name: 'Certificate link for Siân Learner',
    })) as HTMLInputElement;
    expect(certificateLink.value).toContain('/certificates/import#');
    const verified = await decodeCertificate(certificateLink.value);
    expect(verified.ok && verified.payload.countersign?.name).toBe('Jo Trainer');
    await waitFor(async () => expect((await db.receipts.toArray())[0].countersignedCode).toBeTruthy());

    // A countersigned certificate can also be an Open Badge, once the trainer's endorsement has its
    // Open Badges part; this trainer has none yet, so the page says how to get one and nothing is saved.
    await user.click(screen.getByRole('button', { name: 'Save Siân Learner’s certificate as an Open Badge (.json)' }));
    expect(await screen.findByText(/Your endorsement on this device has no Open Badges part yet/)).toBeInTheDocument();
  }, 20_000);
});

describe('a learner opening an assignment link', () => {
  it('adds it once and lists it under Assigned to you', async () => {
    const trainer = await keyPair();
    const code = await encodeAssignment(assignmentPayload(trainer.publicKey), trainer.keys.privateKey);
    const db = freshDatabase();
    const first = renderApp(`/assignment#${code}`, { db });
    expect(await screen.findByRole('heading', { name: /Assignment added/ })).toBeInTheDocument();
    expect(screen.getByText(/Checked: not changed since the trainer’s key/)).toBeInTheDocument();
    // The national course knows no organisation, so the name is only what the signer wrote.
    expect(
      await screen.findByText(/Jo Trainer: not endorsed by any organisation this copy of Heard trusts/),
    ).toBeInTheDocument();
    first.unmount();

    const second = renderApp(`/assignment#${code}`, { db });
    expect(
      await screen.findByRole('heading', { name: /You already have this assignment. Nothing was changed./ }),
    ).toBeInTheDocument();
    second.unmount();
    expect(await db.assignments.count()).toBe(1);

    renderApp('/', { db });
    const section = await screen.findByRole('region', { name: 'Assigned to you' });
    expect(within(section).getByRole('link', { name: 'Orientation refresher' })).toHaveAttribute(
      'href',
      `/assignments/${assignmentPayload('').id}`,
    );
    expect(within(section).getByText(/From Jo Trainer/)).toBeInTheDocument();
    expect(await within(section).findByText('Not started')).toBeInTheDocument();
  });

  it('imports it in the route’s loader, once, though StrictMode renders the page and runs its effects twice', async () => {
    const trainer = await keyPair();
    const code = await encodeAssignment(assignmentPayload(trainer.publicKey), trainer.keys.privateKey);
    const db = freshDatabase();
    let checks = 0;
    const get = db.assignments.get.bind(db.assignments);
    // Each import first looks for the assignment; a second import would say "already added".
    db.assignments.get = ((...args: Parameters<typeof get>) => {
      checks += 1;
      return get(...args);
    }) as typeof get;
    const { router } = renderApp(`/assignment#${code}`, { db, strict: true });
    expect(await screen.findByRole('heading', { name: /Assignment added/ })).toBeInTheDocument();
    // Long enough for a second import, had React's double effects started one, to finish.
    await new Promise((resolve) => setTimeout(resolve, 500));
    expect(screen.getByRole('heading', { name: /Assignment added/ })).toBeInTheDocument();
    expect(screen.queryByText(/You already have this assignment/)).not.toBeInTheDocument();
    expect(router.state.matches.at(-1)?.loaderData).toMatchObject({ ok: true, alreadyImported: false });
    expect(await db.assignments.count()).toBe(1);
    expect(checks).toBe(1);
  });

  it('imports a new link opened on the same page, but not again when only the language changes', async () => {
    const trainer = await keyPair();
    const code = await encodeAssignment(assignmentPayload(trainer.publicKey), trainer.keys.privateKey);
    const { router } = renderApp(`/assignment#${code}`);
    expect(await screen.findByRole('heading', { name: /Assignment added/ })).toBeInTheDocument();
    await act(() => router.navigate({ to: '/assignment', hash: code, search: { lang: 'en' } }));
    expect(screen.getByRole('heading', { name: /Assignment added/ })).toBeInTheDocument();
    const tampered = `${code.slice(0, 10)}${code[10] === 'A' ? 'B' : 'A'}${code.slice(11)}`;
    await act(() => router.navigate({ to: '/assignment', hash: tampered }));
    expect(await screen.findByRole('heading', { name: /This assignment could not be opened/ })).toBeInTheDocument();
  });

  it('refuses a tampered assignment with a clear message and stores nothing', async () => {
    const trainer = await keyPair();
    const other = await keyPair();
    const forged = await encodeAssignment(assignmentPayload(trainer.publicKey), other.keys.privateKey);
    const { db } = renderApp(`/assignment#${forged}`);
    expect(await screen.findByRole('heading', { name: /This assignment could not be opened/ })).toBeInTheDocument();
    expect(screen.getByText(/has been changed since your trainer signed it/)).toBeInTheDocument();
    expect(await db.assignments.count()).toBe(0);
  });
});
