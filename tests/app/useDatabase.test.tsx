// useDatabase() is the one way a page reaches Dexie: it waits (through Suspense) while the database
// loads, loads it once however often the page renders, and never waits once it has loaded.
import { Suspense } from 'react';
import { createMemoryHistory, createRootRouteWithContext, createRouter, RouterProvider } from '@tanstack/react-router';
import { act, render, screen } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { lazyDatabase, useDatabase, type LazyDatabase } from '../../src/app/services';
import type { HeardDatabase } from '../../src/storage/database';
import { freshDatabase } from './renderApp';

function Probe() {
  const db = useDatabase();
  return <p>{`open: ${db.name}`}</p>;
}

function renderProbe(database: LazyDatabase) {
  const root = createRootRouteWithContext<{ database: LazyDatabase }>()({
    component: () => (
      <Suspense fallback={<p>waiting</p>}>
        <Probe />
      </Suspense>
    ),
  });
  const router = createRouter({
    routeTree: root,
    context: { database },
    history: createMemoryHistory({ initialEntries: ['/'] }),
  });
  return render(<RouterProvider router={router as never} />);
}

describe('useDatabase()', () => {
  it('waits while the database loads, loading it once, then gives the page the open database', async () => {
    const db = freshDatabase();
    let creates = 0;
    let finish: (created: HeardDatabase) => void = () => {};
    const database = lazyDatabase(db.name, () => {
      creates += 1;
      return new Promise<HeardDatabase>((resolve) => (finish = resolve));
    });
    renderProbe(database);
    expect(await screen.findByText('waiting')).toBeInTheDocument();
    expect(screen.queryByText(/open:/)).not.toBeInTheDocument();
    await act(async () => finish(db));
    expect(await screen.findByText(`open: ${db.name}`)).toBeInTheDocument();
    expect(creates).toBe(1);
    expect(database.loaded()).toBe(db);
  });

  it('never waits for a database that has loaded already', async () => {
    const db = freshDatabase();
    const database = lazyDatabase(db.name, async () => db);
    await database.load();
    renderProbe(database);
    expect(await screen.findByText(`open: ${db.name}`)).toBeInTheDocument();
    expect(screen.queryByText('waiting')).not.toBeInTheDocument();
  });
});
