// What every page needs from outside itself: the course content and the learner's database.
// Passed through router context so tests can hand in their own.
import { useRouteContext } from '@tanstack/react-router';
import type { Catalog } from '../content/catalog';
import type { HeardDatabase } from '../storage/database';

export interface Services {
  catalog: Catalog;
  db: HeardDatabase;
  /** The clock, injectable so tests can fix time. */
  now: () => number;
}

export function useServices(): Services {
  return useRouteContext({ from: '__root__' });
}
