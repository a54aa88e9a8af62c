// The lesson player's choices around the questions: the role asked in place before a role's
// question, "Start this lesson again" asking first, and choose-all feedback naming what was missed.
import { screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { moduleSchema } from '../../src/engine/contentSchema';
import { practiceModule } from '../fixtures/practiceModule';
import { freshDatabase, practiceCatalog, renderApp } from './renderApp';

const option = (id: string, correct: boolean) => ({ id, correct, sources: [] });
const withRoles = moduleSchema.parse({
  ...practiceModule,
  lessons: [
    ...practiceModule.lessons,
    {
      id: 'roles',
      start: 'intro',
      steps: [
        { id: 'intro', kind: 'reading', next: 'by-role' },
        { id: 'by-role', kind: 'roleBranch', routes: { police: 'police-q' }, otherwise: 'general-q' },
        { id: 'police-q', kind: 'question', options: [option('a', true), option('b', false)], next: 'end' },
        { id: 'general-q', kind: 'question', options: [option('a', true), option('b', false)], next: 'end' },
        { id: 'end', kind: 'summary' },
      ],
    },
  ],
});
const roleWords = {
  'roles.title': 'Roles',
  'roles.intro.title': 'Before the role question',
  'roles.police-q.title': 'For police',
  'roles.police-q.prompt': 'What do police do?',
  'roles.general-q.title': 'For everyone',
  'roles.general-q.prompt': 'What does everyone do?',
  'roles.end.title': 'Done',
  ...Object.fromEntries(
    ['police-q', 'general-q'].flatMap((step) =>
      ['a', 'b'].flatMap((id) => [
        [`roles.${step}.option.${id}`, `Option ${id}`],
        [`roles.${step}.option.${id}.why`, `Why ${id}`],
      ]),
    ),
  ),
};
const renderRoles = (db = freshDatabase()) =>
  renderApp('/modules/practice/lessons/roles', {
    db,
    catalog: { ...practiceCatalog, modules: [withRoles] },
    strings: { practice: roleWords },
  });

describe('the role question', () => {
  it('is asked in place the first time a lesson reaches a role’s question, and saved to the profile', async () => {
    const user = userEvent.setup();
    const { db } = renderRoles();
    await user.click(await screen.findByRole('button', { name: 'Continue' }));
    // A learner who has given neither is asked both, in one form.
    expect(await screen.findByRole('heading', { name: 'Your role and where you work' })).toBeInTheDocument();
    await user.click(screen.getByRole('button', { name: 'Continue' }));
    const alerts = screen.getAllByRole('alert').map((alert) => alert.textContent);
    expect(alerts).toEqual([expect.stringMatching(/Choose a role/), expect.stringMatching(/Choose England or Wales/)]);
    await user.click(screen.getByRole('radio', { name: 'Police' }));
    await user.click(screen.getByRole('button', { name: 'Continue' }));
    expect(screen.getByRole('alert')).toHaveTextContent(/Choose England or Wales/);
    expect(screen.getByRole('group', { name: 'Where you work' })).toBeInTheDocument();
    await user.click(screen.getByRole('radio', { name: 'Wales' }));
    await user.click(screen.getByRole('button', { name: 'Continue' }));
    expect(await screen.findByRole('group', { name: 'What do police do?' })).toBeInTheDocument();
    await waitFor(async () =>
      expect(await db.profile.get('learner')).toMatchObject({ role: 'police', nation: 'wales' }),
    );
  });

  it('says when the question is the one written for everyone', async () => {
    const user = userEvent.setup();
    const { db } = renderRoles();
    await user.click(await screen.findByRole('button', { name: 'Continue' }));
    await user.click(await screen.findByRole('radio', { name: 'Prefer not to say' }));
    await user.click(screen.getByRole('radio', { name: 'England' }));
    await user.click(screen.getByRole('button', { name: 'Continue' }));
    expect(await screen.findByRole('group', { name: 'What does everyone do?' })).toBeInTheDocument();
    expect(screen.getByText(/You have not given a role, so this is the version/)).toBeVisible();
    await waitFor(async () => expect((await db.profile.get('learner'))?.roleDeclined).toBe(true));
  });

  it('is not asked of a learner whose profile has a role', async () => {
    const user = userEvent.setup();
    const db = freshDatabase();
    await db.profile.put({ id: 'learner', role: 'health' });
    renderRoles(db);
    await user.click(await screen.findByRole('button', { name: 'Continue' }));
    expect(await screen.findByRole('group', { name: 'What does everyone do?' })).toBeInTheDocument();
    expect(screen.getByText(/no version of this question written for Health/)).toBeVisible();
  });
});

describe('starting a lesson again', () => {
  it('asks first, says what is cleared and kept, and keeps the place when the learner says no', async () => {
    const user = userEvent.setup();
    renderApp('/modules/practice/lessons/basics');
    await user.click(await screen.findByRole('button', { name: 'Continue' }));
    await user.click(await screen.findByRole('radio', { name: 'Anyone under 18' }));
    await user.click(screen.getByRole('button', { name: 'Check my answer' }));
    // The learner sees the feedback (its code may still be loading) before asking to start again.
    await screen.findByRole('heading', { name: /Right answer/ });
    await user.click(await screen.findByRole('button', { name: 'Start this lesson again' }));
    expect(screen.getByRole('heading', { name: 'Start this lesson again?' })).toHaveFocus();
    expect(screen.getByText(/clears your place and your answers in this lesson/)).toBeVisible();
    expect(screen.getByText(/your other lessons and your certificates are kept/)).toBeVisible();
    await user.click(screen.getByRole('button', { name: 'No, keep my place' }));
    expect(screen.getByRole('heading', { name: /Right answer/ })).toBeInTheDocument();
    await user.click(screen.getByRole('button', { name: 'Start this lesson again' }));
    await user.click(screen.getByRole('button', { name: 'Yes, start the lesson again' }));
    expect(await screen.findByText('Children must be treated as children.')).toBeVisible();
  });
});

describe('choose-all feedback', () => {
  it('names the right answer the learner missed, with its explanation', async () => {
    const user = userEvent.setup();
    renderApp('/modules/practice/lessons/basics');
    await user.click(await screen.findByRole('button', { name: 'Continue' }));
    await user.click(await screen.findByRole('radio', { name: 'Anyone under 18' }));
    await user.click(screen.getByRole('button', { name: 'Check my answer' }));
    await user.click(await screen.findByRole('button', { name: 'Continue' }));
    await user.click(await screen.findByRole('checkbox', { name: 'Streetwise' }));
    await user.click(screen.getByRole('button', { name: 'Check my answer' }));
    expect(await screen.findByRole('heading', { name: /Not the best answer/ })).toBeInTheDocument();
    expect(screen.getAllByText('You did not choose this right answer:')[0]).toBeVisible();
    expect(screen.getByText('Right: it blames the child.')).toBeVisible();
    // The wrong option not chosen stays behind "Show why the other answers…".
    expect(screen.queryByText('Not quite: this wording is accurate.')).not.toBeVisible();
  });
});

describe('saving each step', () => {
  it('logs each answer once, however fast the learner moves on', async () => {
    const user = userEvent.setup();
    const { db } = renderApp('/modules/practice/lessons/scenario');
    await user.click(await screen.findByRole('radio', { name: 'Act now' }));
    await user.click(screen.getByRole('button', { name: 'Check my answer' }));
    await user.click(await screen.findByRole('button', { name: 'Continue' }));
    await user.click(await screen.findByRole('radio', { name: 'Share with partners' }));
    await user.click(screen.getByRole('button', { name: 'Check my answer' }));
    await user.click(await screen.findByRole('button', { name: 'Continue' }));
    expect(await screen.findByRole('heading', { level: 2, name: 'Good ending' })).toBeInTheDocument();
    await waitFor(async () => expect((await db.moduleProgress.get('practice'))?.status).toBe('in-progress'));
    const answers = await db.answers.toArray();
    expect(answers.map((answer) => answer.stepId)).toEqual(['call', 'follow-up']);
  });
});
