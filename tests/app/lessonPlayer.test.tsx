import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { encodeAssignment } from '../../src/trainer/assignmentCode';
import { assignmentPayload, keyPair } from '../trainer/fixtures';
import { freshDatabase, renderApp } from './renderApp';

const lessonPath = '/modules/practice/lessons/basics';

describe('lesson player', () => {
  it('explains why a wrong answer is wrong, and shows the other options’ explanations on request', async () => {
    const user = userEvent.setup();
    renderApp(lessonPath);
    // The first test in the file also waits for the lesson page's code to load, slow on a busy machine.
    expect(await screen.findByRole('heading', { level: 1, name: 'Basics' }, { timeout: 5000 })).toBeInTheDocument();
    expect(await screen.findByText('Children must be treated as children.')).toBeInTheDocument();
    await user.click(screen.getByRole('button', { name: 'Continue' }));

    const question = await screen.findByRole('group', { name: 'Who is a child?' });
    await user.click(within(question).getByRole('radio', { name: 'A mature 15-year-old is an adult' }));
    await user.click(screen.getByRole('button', { name: 'Check my answer' }));

    const verdict = await screen.findByRole('heading', { level: 2, name: /Not the best answer/ });
    expect(verdict).toHaveFocus();
    expect(screen.getByText('Not quite. Seeming mature does not make a child an adult.')).toBeVisible();
    expect(screen.queryByText('Right. Anyone under 18 is a child.')).not.toBeVisible();
    expect(
      screen.getByText('Not the best answer Not quite. Seeming mature does not make a child an adult.'),
    ).toHaveAttribute('aria-live', 'polite');

    const toggle = screen.getByRole('button', { name: 'Show why the other answers are right or wrong' });
    expect(toggle).toHaveAttribute('aria-expanded', 'false');
    await user.click(toggle);
    expect(screen.getByRole('button', { name: 'Hide the other answers' })).toHaveAttribute('aria-expanded', 'true');
    expect(screen.getByText('Right. Anyone under 18 is a child.')).toBeVisible();
  });

  it('asks for an answer before checking, and says why a right answer is right', async () => {
    const user = userEvent.setup();
    renderApp(lessonPath);
    await user.click(await screen.findByRole('button', { name: 'Continue' }));
    await user.click(await screen.findByRole('button', { name: 'Check my answer' }));
    expect(screen.getByRole('alert')).toHaveTextContent('Choose an answer before you check it.');
    await user.click(screen.getByRole('radio', { name: 'Anyone under 18' }));
    await user.click(screen.getByRole('button', { name: 'Check my answer' }));
    expect(await screen.findByRole('heading', { name: /Right answer/ })).toBeInTheDocument();
    expect(screen.getByText('Right. Anyone under 18 is a child.')).toBeVisible();
  });

  it('finishes with a summary of the decisions and the myths to look at again', async () => {
    const user = userEvent.setup();
    renderApp(lessonPath);
    await user.click(await screen.findByRole('button', { name: 'Continue' }));
    await user.click(await screen.findByRole('radio', { name: 'A mature 15-year-old is an adult' }));
    await user.click(screen.getByRole('button', { name: 'Check my answer' }));
    await user.click(await screen.findByRole('button', { name: 'Continue' }));
    await user.click(await screen.findByRole('checkbox', { name: 'Streetwise' }));
    await user.click(screen.getByRole('checkbox', { name: 'Lifestyle choice' }));
    await user.click(screen.getByRole('button', { name: 'Check my answer' }));
    await user.click(await screen.findByRole('button', { name: 'Continue' }));

    expect(await screen.findByRole('heading', { level: 2, name: 'What you learned' })).toBeInTheDocument();
    expect(screen.getByText('You made 1 of 2 decisions well.')).toBeInTheDocument();
    expect(screen.getByRole('heading', { name: 'Ideas to look at again' })).toBeInTheDocument();
    expect(screen.getByText('“She’s streetwise and old for her age”')).toBeInTheDocument();
    expect(screen.getByRole('link', { name: 'Next lesson' })).toHaveAttribute(
      'href',
      '/modules/practice/lessons/scenario',
    );
  });

  it('keeps a trainer’s role path on Next lesson, and leads back to the assignment only from its last lesson', async () => {
    const finish = async (path: string, db = freshDatabase()) => {
      const user = userEvent.setup();
      const view = renderApp(path, { db });
      await user.click(await screen.findByRole('button', { name: 'Continue' }));
      await user.click(await screen.findByRole('radio', { name: 'Anyone under 18' }));
      await user.click(screen.getByRole('button', { name: 'Check my answer' }));
      await user.click(await screen.findByRole('button', { name: 'Continue' }));
      await user.click(await screen.findByRole('checkbox', { name: 'Streetwise' }));
      await user.click(screen.getByRole('button', { name: 'Check my answer' }));
      await user.click(await screen.findByRole('button', { name: 'Continue' }));
      await screen.findByRole('heading', { level: 2, name: 'What you learned' });
      return view;
    };
    /** A database holding an imported assignment of these lessons of the practice module. */
    const withAssignment = async (lessonIds: string[]) => {
      const db = freshDatabase();
      const { keys, publicKey } = await keyPair();
      const items = lessonIds.map((lessonId) => ({ moduleId: 'practice', lessonId }));
      const code = await encodeAssignment(assignmentPayload(publicKey, { items, role: 'police' }), keys.privateKey);
      await db.assignments.add({ id: 'AAAAAAAAAAAAAAAAAAAAAA', code, importedAt: 1 });
      return db;
    };
    const assigned = `${lessonPath}?role=police&assignment=AAAAAAAAAAAAAAAAAAAAAA`;

    const first = await finish(`${lessonPath}?role=police`);
    expect(screen.getByRole('link', { name: 'Next lesson' })).toHaveAttribute(
      'href',
      '/modules/practice/lessons/scenario?role=police',
    );
    expect(screen.queryByRole('link', { name: 'Back to the assignment' })).toBeNull();
    first.unmount();

    // Not the assignment's last lesson: on to its next one, still on the role path and the assignment.
    const second = await finish(assigned, await withAssignment(['basics', 'scenario']));
    expect(await screen.findByRole('link', { name: 'Next lesson' })).toHaveAttribute(
      'href',
      '/modules/practice/lessons/scenario?role=police&assignment=AAAAAAAAAAAAAAAAAAAAAA',
    );
    expect(screen.queryByRole('link', { name: 'Back to the assignment' })).toBeNull();
    second.unmount();

    // The assignment's last lesson: back to the assignment, not on to a lesson it did not set.
    await finish(assigned, await withAssignment(['basics']));
    expect(await screen.findByRole('link', { name: 'Back to the assignment' })).toHaveAttribute(
      'href',
      '/assignments/AAAAAAAAAAAAAAAAAAAAAA',
    );
    expect(screen.queryByRole('link', { name: 'Next lesson' })).toBeNull();
  }, 30_000);

  it('comes back to the same step with the same feedback after the page is closed', async () => {
    const user = userEvent.setup();
    const db = freshDatabase();
    const first = renderApp(lessonPath, { db });
    await user.click(await screen.findByRole('button', { name: 'Continue' }));
    await user.click(await screen.findByRole('radio', { name: 'Anyone under 18' }));
    await user.click(screen.getByRole('button', { name: 'Check my answer' }));
    await screen.findByRole('heading', { name: /Right answer/ });
    expect(await screen.findByText('Progress saved on this device.')).toBeInTheDocument();
    first.unmount();

    renderApp(lessonPath, { db });
    expect(await screen.findByRole('heading', { name: /Right answer/ })).toBeInTheDocument();
    expect(screen.getByText('Right. Anyone under 18 is a child.')).toBeVisible();
    expect(screen.getByText('Step 2 of about 4')).toBeInTheDocument();
  });

  it('follows a scenario branch to a different stage', async () => {
    const user = userEvent.setup();
    renderApp('/modules/practice/lessons/scenario');
    await user.click(await screen.findByRole('radio', { name: 'Wait for her to tell you' }));
    await user.click(screen.getByRole('button', { name: 'Check my answer' }));
    await user.click(await screen.findByRole('button', { name: 'Continue' }));
    expect(await screen.findByRole('heading', { level: 2, name: 'A missed chance' })).toHaveFocus();
  });

  it('shows a clear message for a lesson that does not exist', async () => {
    renderApp('/modules/practice/lessons/nope');
    expect(await screen.findByRole('heading', { level: 1, name: 'Page not found' })).toBeInTheDocument();
  });
});
