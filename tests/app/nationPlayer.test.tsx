// The lesson player follows the learner's nation: a nation branch sends a learner in Wales to the
// Wales decision, the words shown are the Wales variants where they exist, and a learner whose
// nation changed after taking a lesson is offered the new nation's questions.
import { screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { moduleSchema } from '../../src/engine/contentSchema';
import { practiceModule } from '../fixtures/practiceModule';
import { freshDatabase, practiceCatalog, renderApp } from './renderApp';

const option = (id: string, correct: boolean) => ({ id, correct, sources: [] });
const withNations = moduleSchema.parse({
  ...practiceModule,
  lessons: [
    ...practiceModule.lessons,
    {
      id: 'nations',
      start: 'intro',
      steps: [
        { id: 'intro', kind: 'reading', next: 'by-nation' },
        { id: 'by-nation', kind: 'nationBranch', routes: { wales: 'wales-q' }, otherwise: 'shared-q' },
        { id: 'wales-q', kind: 'question', options: [option('a', true), option('b', false)], next: 'shared-q' },
        { id: 'shared-q', kind: 'question', options: [option('a', true), option('b', false)], next: 'end' },
        { id: 'end', kind: 'summary' },
      ],
    },
  ],
});
const words = {
  'nations.title': 'Nations',
  'nations.intro.title': 'Tell your designated safeguarding lead',
  'nations.intro.title_wales': 'Tell your designated safeguarding person',
  'nations.wales-q.title': 'In Wales',
  'nations.wales-q.prompt': 'What does section 130 ask?',
  'nations.shared-q.title': 'Everywhere',
  'nations.shared-q.prompt': 'What does everyone do?',
  'nations.end.title': 'Done',
  ...Object.fromEntries(
    ['wales-q', 'shared-q'].flatMap((step) =>
      ['a', 'b'].flatMap((id) => [
        [`nations.${step}.option.${id}`, `Option ${id}`],
        [`nations.${step}.option.${id}.why`, `Why ${id}`],
      ]),
    ),
  ),
};
const render = (db = freshDatabase()) =>
  renderApp('/modules/practice/lessons/nations', {
    db,
    catalog: { ...practiceCatalog, modules: [withNations] },
    strings: { practice: words },
  });

describe('a learner’s nation in the lesson player', () => {
  it('shows a learner in Wales the Wales words and the Wales decision', async () => {
    const user = userEvent.setup();
    const db = freshDatabase();
    await db.profile.put({ id: 'learner', role: 'health', nation: 'wales' });
    render(db);
    // The first render of a file loads the app's routes, which can take a while on a busy machine.
    await screen.findByRole('button', { name: 'Continue' }, { timeout: 10_000 });
    expect(await screen.findByRole('heading', { name: 'Tell your designated safeguarding person' })).toBeVisible();
    await user.click(screen.getByRole('button', { name: 'Continue' }));
    expect(await screen.findByRole('group', { name: 'What does section 130 ask?' })).toBeInTheDocument();
  });

  it('shows a learner in England the shared words and takes them past the Wales decision', async () => {
    const user = userEvent.setup();
    const db = freshDatabase();
    await db.profile.put({ id: 'learner', role: 'health', nation: 'england' });
    render(db);
    expect(await screen.findByRole('heading', { name: 'Tell your designated safeguarding lead' })).toBeVisible();
    await user.click(screen.getByRole('button', { name: 'Continue' }));
    expect(await screen.findByRole('group', { name: 'What does everyone do?' })).toBeInTheDocument();
  });

  it('offers the Wales questions to a learner who took the lesson for England and now works in Wales', async () => {
    const user = userEvent.setup();
    const db = freshDatabase();
    await db.profile.put({ id: 'learner', role: 'health', nation: 'england' });
    const { unmount } = render(db);
    await user.click(await screen.findByRole('button', { name: 'Continue' }));
    await user.click(await screen.findByRole('radio', { name: 'Option a' }));
    await user.click(screen.getByRole('button', { name: 'Check my answer' }));
    await screen.findByRole('heading', { name: /Right answer/ });
    await waitFor(async () =>
      expect((await db.lessonProgress.toArray()).some((record) => record.lessonId === 'nations')).toBe(true),
    );
    unmount();
    await db.profile.put({ id: 'learner', role: 'health', nation: 'wales' });
    render(db);
    expect(await screen.findByRole('heading', { name: 'Your details now say you work in Wales' })).toBeVisible();
    await user.click(screen.getByRole('button', { name: 'Take the questions for where I work' }));
    expect(await screen.findByRole('group', { name: 'What does section 130 ask?' })).toBeInTheDocument();
  });
});
