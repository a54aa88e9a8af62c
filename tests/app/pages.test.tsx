import { completeLesson } from '../../src/storage/moduleCompletion';
import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import { saveLesson } from '../../src/storage/progressStore';
import { practiceModule } from '../fixtures/practiceModule';
import { freshDatabase, renderApp } from './renderApp';

describe('dashboard', () => {
  it('lists each module with its length and status, and offers to continue an unfinished lesson', async () => {
    const db = freshDatabase();
    await saveLesson(db, practiceModule, practiceModule.lessons[1], {}, 'call', false, 10);
    renderApp('/', { db });
    const card = (await screen.findByRole('heading', { level: 3, name: 'Practice module' })).closest(
      'li',
    ) as HTMLElement;
    expect(within(card).getByText('CPD: about 10 minutes · 2 lessons')).toBeInTheDocument();
    expect(await within(card).findByText('In progress')).toBeInTheDocument();
    expect(within(card).getByText('0 of 2 lessons done')).toBeInTheDocument();
    expect(await screen.findByRole('link', { name: 'Continue' })).toHaveAttribute(
      'href',
      '/modules/practice/lessons/scenario',
    );
  });

  it('shows a passed module as passed', async () => {
    const db = freshDatabase();
    for (const lesson of practiceModule.lessons) {
      await saveLesson(db, practiceModule, lesson, {}, 'end', true, 10);
      await completeLesson(db, practiceModule, lesson.id, { correct: 2, total: 2, myths: [] }, 10);
    }
    renderApp('/', { db });
    expect(await screen.findByText('Passed')).toBeInTheDocument();
    expect(screen.getByText('2 of 2 lessons done')).toBeInTheDocument();
  });

  it('shows saved progress without loading the database library, which loads on leaving the page', async () => {
    const user = userEvent.setup();
    const db = freshDatabase();
    await saveLesson(db, practiceModule, practiceModule.lessons[1], {}, 'call', false, 10);
    let loads = 0;
    let loaded: typeof db | undefined;
    const database = {
      name: db.name,
      load: async () => {
        loads += 1;
        return (loaded = db);
      },
      loaded: () => loaded,
    };
    renderApp('/', { db, database });
    expect(await screen.findByText('In progress')).toBeInTheDocument();
    expect(loads).toBe(0);
    await user.click(screen.getByRole('link', { name: 'Practice module' }));
    expect(await screen.findByRole('button', { name: 'Start the module again' })).toBeInTheDocument();
    expect(loads).toBe(1);
  });
});

describe('module overview', () => {
  it('shows the content note, outcomes, that scenarios are composites, and where to get support', async () => {
    renderApp('/modules/practice');
    expect(await screen.findByRole('heading', { level: 1, name: 'Practice module' })).toBeInTheDocument();
    const note = screen.getByRole('region', { name: 'Content note' });
    expect(within(note).getByText('Mentions a missing child.')).toBeInTheDocument();
    expect(within(note).getByText('Intensity: low')).toBeInTheDocument();
    expect(screen.getByText('See the child first.')).toBeInTheDocument();
    expect(screen.getByText(/are composites/)).toBeInTheDocument();
    expect(screen.getByText(/^Law and guidance checked to/)).toHaveTextContent(
      'Law and guidance checked to 4 December 2026.',
    );
    expect(screen.getByRole('link', { name: 'Start the module' })).toHaveAttribute(
      'href',
      '/modules/practice/lessons/basics',
    );
    expect(screen.getByRole('link', { name: 'Find support services' })).toHaveAttribute('href', '/support');
  });

  it('starts a module again only after the learner confirms', async () => {
    const user = userEvent.setup();
    const db = freshDatabase();
    await saveLesson(db, practiceModule, practiceModule.lessons[0], {}, 'age', false, 10);
    renderApp('/modules/practice', { db });
    await user.click(await screen.findByRole('button', { name: 'Start the module again' }));
    await user.click(screen.getByRole('button', { name: 'No, keep my progress' }));
    expect(await db.lessonProgress.count()).toBe(1);
    await user.click(screen.getByRole('button', { name: 'Start the module again' }));
    await user.click(screen.getByRole('button', { name: 'Yes, start again' }));
    expect(await screen.findByRole('link', { name: 'Start the module' })).toBeInTheDocument();
    expect(await db.lessonProgress.count()).toBe(0);
  });
});

describe('sources page', () => {
  it('lists each source with its kind and the places in the course that cite it, with where in the source', async () => {
    renderApp('/sources');
    const entry = (await screen.findByText('GOV.UK')).closest('li') as HTMLElement;
    expect(within(entry).getByRole('link', { name: /Open at GOV.UK/ })).toHaveAttribute('href', 'https://www.gov.uk/');
    expect(within(entry).getByText('Government response', { selector: '.source-kind' })).toBeInTheDocument();
    expect(within(entry).getByText('Cited in 2 places')).toBeInTheDocument();
    expect(within(entry).getByText(/Basics › Why it matters/)).toBeInTheDocument();
    const unlinked = screen.getByRole('listitem', { name: /Hansard, A statement/ });
    expect(within(unlinked).queryByRole('link', { name: /Open at/ })).toBeNull();
    expect(within(unlinked).getByText(/No link/)).toBeInTheDocument();
    expect(within(unlinked).getByText(/Why it matters \(at col\. 12\)/)).toBeInTheDocument();
  });

  it('takes a tapped citation to its entry and moves focus there, and shows where in the source', async () => {
    const user = userEvent.setup();
    const scrolled = vi.spyOn(Element.prototype, 'scrollIntoView');
    renderApp('/modules/practice/lessons/basics');
    const citation = await screen.findByRole('link', { name: 'Source: Hansard, 2025, col. 12, A statement' });
    expect(citation).toHaveTextContent('[Hansard, 2025, col. 12]');
    await user.click(citation);
    const entry = await screen.findByRole('listitem', { name: /Hansard, A statement/ });
    await waitFor(() => expect(entry).toHaveFocus());
    expect(scrolled.mock.contexts).toContain(entry);
  });
});

describe('support page', () => {
  it('gives every service a number or its own website, Welsh services included, and leaves nothing unchecked', async () => {
    renderApp('/support');
    const list = (await screen.findByRole('heading', { name: 'Meic (Wales)' })).closest('ul') as HTMLElement;
    const services = within(list).getAllByRole('listitem');
    expect(services).toHaveLength(9);
    for (const service of services) {
      const links = within(service).getAllByRole('link');
      expect(links.length, service.textContent ?? '').toBeGreaterThan(0);
    }
    expect(screen.getByRole('heading', { name: 'Meic (Wales)' })).toBeInTheDocument();
    expect(screen.getByRole('link', { name: '080880 23456' })).toHaveAttribute('href', 'tel:08088023456');
    expect(screen.getByRole('link', { name: /^NAPAC website/ })).toHaveAttribute('href', 'https://napac.org.uk/');
    expect(screen.queryByText(/not yet checked/i)).toBeNull();
  });
});

describe('your details', () => {
  it('keeps the optional name, role and organisation on the device', async () => {
    const user = userEvent.setup();
    const db = freshDatabase();
    renderApp('/profile', { db });
    await user.type(await screen.findByRole('textbox', { name: 'Your name' }), 'Sam');
    await user.selectOptions(screen.getByRole('combobox', { name: 'Your role' }), 'Education');
    await user.click(screen.getByRole('button', { name: 'Save my details' }));
    expect(await screen.findByText('Your details are saved on this device.')).toBeInTheDocument();
    expect(await db.profile.get('learner')).toEqual({
      id: 'learner',
      displayName: 'Sam',
      role: 'education',
      organisation: undefined,
    });
  });
});

describe('display settings', () => {
  it('applies a choice at once and keeps it', async () => {
    const user = userEvent.setup();
    renderApp('/settings');
    await user.click(await screen.findByRole('radio', { name: 'Larger' }));
    expect(document.documentElement.dataset.textSize).toBe('larger');
    expect(JSON.parse(localStorage.getItem('heard.display') as string)).toMatchObject({ textSize: 'larger' });
    expect(screen.getByText('Your display settings are saved on this device.')).toBeInTheDocument();
  });
});
