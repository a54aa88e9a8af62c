// The route tree does the finding and loading the pages used to repeat: a module route's loader,
// the validated `?lang=` on the root, and a language kept across links.
import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { languageSearch, lessonSearch } from '../../src/app/router';
import { renderApp } from './renderApp';

function wordsLoaded() {
  const namespaces: string[][] = [];
  const loadWords = async (requested: string[]) => {
    namespaces.push(requested);
  };
  return { namespaces, loadWords };
}

describe('the module route', () => {
  it('loads the module’s words once for its overview and its lessons', async () => {
    const words = wordsLoaded();
    const user = userEvent.setup();
    renderApp('/modules/practice', { loadWords: words.loadWords });
    expect(await screen.findByRole('heading', { level: 2, name: 'Lessons' })).toBeInTheDocument();
    expect(words.namespaces).toEqual([['practice']]);
    const lessons = screen.getByRole('region', { name: 'Lessons' });
    await user.click(within(lessons).getAllByRole('link')[0]);
    expect(await screen.findByText(/Lesson 1 of/)).toBeInTheDocument();
    // The lesson is a child of the module route, whose loaded module and words it reuses.
    expect(words.namespaces).toEqual([['practice']]);
  });

  it('says a module that does not exist was not found, inside the site’s layout, and loads no words for it', async () => {
    const words = wordsLoaded();
    const { router } = renderApp('/modules/no-such-module', { loadWords: words.loadWords });
    expect(await screen.findByRole('heading', { level: 1, name: 'Page not found' })).toBeInTheDocument();
    expect(screen.getByRole('navigation', { name: /./ })).toBeInTheDocument();
    expect(words.namespaces).toEqual([]);
    // The loader said so (notFound), not the page: no module page was rendered at all.
    expect(router.state.matches.find((match) => match.routeId === '/modules/$moduleId')?.status).toBe('notFound');
  });

  it('says a lesson of a module that does not exist was not found', async () => {
    renderApp('/modules/no-such-module/lessons/scenario');
    expect(await screen.findByRole('heading', { level: 1, name: 'Page not found' })).toBeInTheDocument();
  });
});

describe('?role= on a lesson', () => {
  it('is kept only for a role the course has; anything else is overridden, not passed on', async () => {
    expect(lessonSearch({ role: 'bad' })).toEqual({ role: undefined });
    const { router } = renderApp('/modules/practice/lessons/scenario?role=bad');
    expect(await screen.findByText(/Lesson \d of/)).toBeInTheDocument();
    expect(router.state.matches.at(-1)?.search).not.toHaveProperty('role', 'bad');
  });
});

describe('?lang= in the address', () => {
  it('accepts only a language the course knows', () => {
    expect(languageSearch({ lang: 'cy' })).toEqual({ lang: 'cy' });
    expect(languageSearch({ lang: 'xx' })).toEqual({});
    expect(languageSearch({ lang: ['cy'] })).toEqual({});
    expect(languageSearch({})).toEqual({});
  });

  it('ignores an unknown language: the page shows in English, with no error', async () => {
    const { router } = renderApp('/?lang=xx');
    expect(await screen.findByRole('heading', { level: 1, name: 'Your training' })).toBeInTheDocument();
    expect(screen.queryByRole('button', { name: 'English' })).not.toBeInTheDocument();
    expect(screen.queryByRole('heading', { name: 'Page not found' })).not.toBeInTheDocument();
    expect(router.state.matches[0].search.lang).toBeUndefined();
    // Nor is it carried on to the next page.
    expect(screen.getByRole('link', { name: 'Your details' })).toHaveAttribute('href', '/profile');
  });

  it('keeps a language chosen by link as the learner follows links', async () => {
    const user = userEvent.setup();
    const { router } = renderApp('/?lang=en');
    await screen.findByRole('heading', { level: 1, name: 'Your training' });
    await user.click(screen.getByRole('link', { name: 'Your details' }));
    expect(await screen.findByRole('heading', { level: 1, name: 'Your details' })).toBeInTheDocument();
    expect(router.state.location.pathname).toBe('/profile');
    expect(router.state.location.search).toEqual({ lang: 'en' });
  });
});
