// A module done below the pass mark says which lessons to take again and offers just those; the
// main action never reopens an old summary; statuses say "done" rather than a green "completed".
import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { completeLesson } from '../../src/storage/moduleCompletion';
import { saveLesson } from '../../src/storage/progressStore';
import { lessonKey } from '../../src/storage/recordKeys';
import type { HeardDatabase } from '../../src/storage/database';
import type { LessonResult } from '../../src/engine/lessonMachine';
import { practiceModule } from '../fixtures/practiceModule';
import { freshDatabase, practiceCatalog, renderApp } from './renderApp';

const [basics, scenario] = practiceModule.lessons;

async function finish(db: HeardDatabase, results: Record<string, LessonResult>) {
  let at = 10;
  for (const lesson of practiceModule.lessons) {
    await saveLesson(db, practiceModule, lesson, {}, 'end', true, at);
    await completeLesson(db, practiceModule, lesson.id, results[lesson.id], at);
    at += 10;
  }
}

/** Basics went badly (0 of 2), the scenario well (2 of 2): 50%, under the 80% pass mark. */
const belowPassMark = {
  basics: { correct: 0, total: 2, myths: ['shes-streetwise'] },
  scenario: { correct: 2, total: 2, myths: [] },
};

describe('a module done below the pass mark', () => {
  it('says so, names the lessons that pulled the score down, and offers just those again', async () => {
    const db = freshDatabase();
    await finish(db, belowPassMark);
    renderApp('/modules/practice', { db });

    expect(await screen.findByText('Done, below the pass mark')).toBeInTheDocument();
    expect(screen.getByText(/Your score: 50% \(2 of 4 decisions\)/)).toBeInTheDocument();
    const route = screen.getByRole('region', { name: 'Your route to passing' });
    expect(within(route).getByText(/below the pass mark of 80%/)).toBeInTheDocument();
    expect(within(route).getByRole('button', { name: 'Take “Basics” again' })).toBeInTheDocument();
    expect(within(route).queryByRole('button', { name: 'Take “A scenario” again' })).not.toBeInTheDocument();

    // No main button that would reopen a finished lesson's summary.
    for (const name of ['Start the module', 'Continue the module', 'Review the module'])
      expect(screen.queryByRole('link', { name })).not.toBeInTheDocument();

    const lessons = screen.getByRole('region', { name: 'Lessons' });
    const basicsItem = within(lessons).getByRole('link', { name: 'Basics' }).closest('li') as HTMLElement;
    expect(within(basicsItem).getByText('Done')).toBeInTheDocument();
    expect(within(basicsItem).getByText(/0 of 2 decisions made well/)).toBeInTheDocument();
    expect(within(lessons).queryByText('Completed')).not.toBeInTheDocument();
  });

  it('takes a lesson again from its start, keeping the other lessons', async () => {
    const user = userEvent.setup();
    const db = freshDatabase();
    await finish(db, belowPassMark);
    renderApp('/modules/practice', { db });

    await user.click(await screen.findByRole('button', { name: 'Take “Basics” again' }));
    expect(await screen.findByRole('heading', { level: 1, name: 'Basics' })).toBeInTheDocument();
    expect(await screen.findByRole('button', { name: 'Continue' })).toBeInTheDocument();
    expect(await db.lessonProgress.get(lessonKey('practice', basics.id))).toBeUndefined();
    expect(await db.lessonProgress.get(lessonKey('practice', scenario.id))).toMatchObject({ status: 'completed' });
  });

  it('offers to continue a lesson already being taken again', async () => {
    const db = freshDatabase();
    await finish(db, belowPassMark);
    await saveLesson(db, practiceModule, basics, {}, 'age', false, 100);
    renderApp('/modules/practice', { db });
    const route = await screen.findByRole('region', { name: 'Your route to passing' });
    expect(within(route).getByRole('link', { name: 'Continue “Basics”' })).toHaveAttribute(
      'href',
      '/modules/practice/lessons/basics',
    );
  });

  it('shows on the dashboard as done below the pass mark, with the lessons to take again', async () => {
    const db = freshDatabase();
    await finish(db, belowPassMark);
    renderApp('/', { db });
    const card = (await screen.findByRole('heading', { level: 3, name: 'Practice module' })).closest(
      'li',
    ) as HTMLElement;
    expect(await within(card).findByText('Done, below the pass mark')).toBeInTheDocument();
    expect(within(card).getByText(/1 lesson to take again/)).toBeInTheDocument();
  });
});

describe('a passed module', () => {
  it('leads to the certificate, not back into an old summary', async () => {
    const db = freshDatabase();
    await finish(db, {
      basics: { correct: 2, total: 2, myths: [] },
      scenario: { correct: 2, total: 2, myths: [] },
    });
    renderApp('/modules/practice', { db });
    expect(await screen.findByText('Passed')).toBeInTheDocument();
    expect(screen.getByRole('link', { name: 'Get your certificate for this module' })).toHaveAttribute(
      'href',
      '/certificates',
    );
    expect(screen.queryByRole('region', { name: 'Your route to passing' })).not.toBeInTheDocument();
    for (const name of ['Start the module', 'Continue the module', 'Review the module'])
      expect(screen.queryByRole('link', { name })).not.toBeInTheDocument();
  });
});

describe('a module under way', () => {
  it('continues with the lesson not yet finished', async () => {
    const db = freshDatabase();
    await saveLesson(db, practiceModule, basics, {}, 'end', true, 10);
    await completeLesson(db, practiceModule, basics.id, { correct: 1, total: 2, myths: [] }, 10);
    renderApp('/modules/practice', { db });
    expect(await screen.findByText('In progress')).toBeInTheDocument();
    expect(screen.getByRole('link', { name: 'Continue the module' })).toHaveAttribute(
      'href',
      '/modules/practice/lessons/scenario',
    );
  });
});

describe('CPD time', () => {
  it('shows the range from the shortest to the longest path, on the module page and the dashboard', async () => {
    const ranged = { ...practiceModule, cpdRange: { shortest: 15, longest: 25 } };
    const catalog = { ...practiceCatalog, modules: [ranged] };
    renderApp('/modules/practice', { catalog });
    expect(await screen.findByText(/CPD: 15 to 25 minutes, depending on your path/)).toBeInTheDocument();
    renderApp('/', { catalog });
    const card = (await screen.findByRole('heading', { level: 3, name: 'Practice module' })).closest(
      'li',
    ) as HTMLElement;
    expect(within(card).getByText(/CPD: 15 to 25 minutes/)).toBeInTheDocument();
  });
});
