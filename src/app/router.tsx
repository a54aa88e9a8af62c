// The typed URL contract of the app. Every page is a deep link that survives a reload. Pages other
// than the dashboard load on first visit, and so does the database (Dexie), keeping the first
// download small: the dashboard reads saved progress without it.
import { lazy } from 'react';
import {
  createRootRouteWithContext,
  createRoute,
  createRouter,
  lazyRouteComponent,
  notFound,
  retainSearchParams,
  type RouterHistory,
} from '@tanstack/react-router';
import { AppLayout } from './AppLayout';
import { isKnownLanguage, type Language } from './i18n';
import type { RootContext } from './services';
import { findModule } from '../content/catalog';
import { ROLES, type Role } from '../engine/content';
import { DashboardPage } from '../features/dashboard/DashboardPage';
import { NotFoundPage } from '../features/shared/NotFoundPage';

const DASHBOARD_PATH = '/';

declare module '@tanstack/router-core' {
  interface StaticDataRouteOption {
    /** The page shows its first screen from IndexedDB directly and loads Dexie itself when it needs it. */
    rendersBeforeDatabase?: boolean;
  }
}

/** True when no page in the match needs Dexie before it can show anything. */
export const rendersBeforeDatabase = (matches: { staticData?: { rendersBeforeDatabase?: boolean } }[]) =>
  matches.some((match) => match.staticData?.rendersBeforeDatabase === true);

/**
 * `?lang=` opens a page in a language; an unknown value is ignored (the saved or default language
 * stays). It is set to undefined rather than left out, because the router keeps any search param a
 * validator does not return, and would carry the bad value on to every link.
 */
export function languageSearch(search: Record<string, unknown>): { lang?: Language } {
  return { lang: isKnownLanguage(search.lang) ? search.lang : undefined };
}

const rootRoute = createRootRouteWithContext<RootContext>()({
  validateSearch: languageSearch,
  // A language picked by link stays picked as the learner moves around.
  search: { middlewares: [retainSearchParams(['lang'])] },
  // Runs on every navigation, so leaving the dashboard loads the database before the next page
  // (whose `useDatabase()` then never waits).
  beforeLoad: async ({ context, matches }) => {
    if (!rendersBeforeDatabase(matches)) await context.database.load();
  },
  component: AppLayout,
  notFoundComponent: NotFoundPage,
});

// Features never import each other, so the shell hands the dashboard the learner's assigned work;
// its code loads only when the dashboard has assignments to show.
const AssignedWork = lazy(() =>
  import('../features/assignments/AssignedWork').then((module) => ({ default: module.AssignedWork })),
);
const dashboardRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: DASHBOARD_PATH,
  staticData: { rendersBeforeDatabase: true },
  component: function DashboardRoute() {
    return <DashboardPage assignedWork={<AssignedWork />} />;
  },
});

/** Every page under a module: the module is found (or the page is not found) and its words load first. */
export const moduleRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: '/modules/$moduleId',
  loader: async ({ context, params }) => {
    const courseModule = findModule(context.catalog, params.moduleId);
    if (!courseModule) throw notFound();
    await context.loadWords?.([courseModule.id]);
    return courseModule;
  },
  notFoundComponent: NotFoundPage,
});

const moduleOverviewRoute = createRoute({
  getParentRoute: () => moduleRoute,
  path: '/',
  component: lazyRouteComponent(() => import('../features/module-overview/ModuleOverviewPage'), 'ModuleOverviewPage'),
});

/**
 * `?role=` opens a lesson on a trainer's chosen role path; `?assignment=` says the learner came
 * from that assignment (its last summary leads back to it); anything else is set to undefined, so
 * the router does not keep it (see `languageSearch`).
 */
export function lessonSearch(search: Record<string, unknown>): { role?: Role; assignment?: string } {
  const assignment =
    typeof search.assignment === 'string' && /^[A-Za-z0-9_-]{16,40}$/.test(search.assignment)
      ? search.assignment
      : undefined;
  return { role: ROLES.includes(search.role as Role) ? (search.role as Role) : undefined, assignment };
}

export const lessonRoute = createRoute({
  getParentRoute: () => moduleRoute,
  path: 'lessons/$lessonId',
  validateSearch: lessonSearch,
  staticData: { rendersBeforeDatabase: true },
  loader: async ({ params, parentMatchPromise }) => {
    const courseModule = (await parentMatchPromise).loaderData;
    const lesson = courseModule?.lessons.find((candidate) => candidate.id === params.lessonId);
    if (!courseModule || !lesson) throw notFound();
    return { courseModule, lesson };
  },
  notFoundComponent: NotFoundPage,
  component: lazyRouteComponent(() => import('../features/lesson-player/LessonPage'), 'LessonPage'),
});

const sourcesRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: '/sources',
  component: lazyRouteComponent(() => import('../features/sources/SourcesPage'), 'SourcesPage'),
});
const aboutRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: '/about',
  component: lazyRouteComponent(() => import('../features/about/AboutPage'), 'AboutPage'),
});
const supportRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: '/support',
  component: lazyRouteComponent(() => import('../features/support/SupportPage'), 'SupportPage'),
});
// The safety page of GOV.UK's "Exit a page quickly" pattern: staying private on this device.
const safetyRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: '/safety',
  component: lazyRouteComponent(() => import('../features/safety/SafetyPage'), 'SafetyPage'),
});
const profileRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: '/profile',
  component: lazyRouteComponent(() => import('../features/profile/ProfilePage'), 'ProfilePage'),
});
const accessibilityRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: '/accessibility',
  component: lazyRouteComponent(
    () => import('../features/accessibility/AccessibilityStatementPage'),
    'AccessibilityStatementPage',
  ),
});
const myDataRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: '/my-data',
  component: lazyRouteComponent(() => import('../features/my-data/MyDataPage'), 'MyDataPage'),
});
const certificatesRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: '/certificates',
  staticData: { rendersBeforeDatabase: true },
  component: lazyRouteComponent(() => import('../features/certificate/CertificatesPage'), 'CertificatesPage'),
});
const certificateRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: '/certificates/$certificateId',
  component: lazyRouteComponent(() => import('../features/certificate/CertificatePage'), 'CertificatePage'),
});
const verifyRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: '/verify',
  component: lazyRouteComponent(() => import('../features/certificate/VerifyPage'), 'VerifyPage'),
});
const settingsRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: '/settings',
  component: lazyRouteComponent(() => import('../features/settings/SettingsPage'), 'SettingsPage'),
});

/**
 * A route whose loader imports the code in the link's `#…`: once on arriving, and again only when
 * the hash changes (the router reloads a page it stays on only when told; a language switch on the
 * page must not import again). The last hash is kept per app, keyed by its database.
 */
const importedHashes = new WeakMap<object, string>();
function importsTheHash<T>(load: (context: RootContext, hash: string) => Promise<T>) {
  return {
    loader: ({ context, location }: { context: RootContext; location: { hash: string } }) => {
      importedHashes.set(context.database, location.hash);
      return load(context, location.hash);
    },
    shouldReload: ({
      context,
      location,
      cause,
    }: {
      context: RootContext;
      location: { hash: string };
      cause: 'enter' | 'stay' | 'preload';
    }) => cause === 'enter' || importedHashes.get(context.database) !== location.hash,
  };
}

// Assignments: the trainer area, and the learner's side (opening an assignment, sending a receipt,
// adding a countersigned certificate). They load only when visited.
// The trainer's pages share a layout route, which loads the trainer's words before either shows.
const trainerRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: '/trainer',
  loader: ({ context }) => context.loadWords?.(['trainer']),
});
const trainerHomeRoute = createRoute({
  getParentRoute: () => trainerRoute,
  path: '/',
  component: lazyRouteComponent(() => import('../features/trainer/TrainerPage'), 'TrainerPage'),
});
const trainerAssignmentRoute = createRoute({
  getParentRoute: () => trainerRoute,
  path: 'assignments/$assignmentId',
  component: lazyRouteComponent(() => import('../features/trainer/TrainerAssignmentPage'), 'TrainerAssignmentPage'),
});
const assignmentImportRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: '/assignment',
  // The link's `#…` is imported here, once per visit, before the page shows the outcome.
  ...importsTheHash(async (context, hash) =>
    (await import('../features/assignments/AssignmentImportPage')).importFromLink(context, hash),
  ),
  component: lazyRouteComponent(() => import('../features/assignments/AssignmentImportPage'), 'AssignmentImportPage'),
});
const assignedWorkRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: '/assignments/$assignmentId',
  component: lazyRouteComponent(() => import('../features/assignments/AssignedWorkPage'), 'AssignedWorkPage'),
});
const receiptLinkRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: '/receipt',
  component: lazyRouteComponent(() => import('../features/trainer/ReceiptLinkPage'), 'ReceiptLinkPage'),
});
const certificateImportRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: '/certificates/import',
  ...importsTheHash(async (context, hash) =>
    (await import('../features/assignments/CertificateImportPage')).importFromLink(context, hash),
  ),
  component: lazyRouteComponent(() => import('../features/assignments/CertificateImportPage'), 'CertificateImportPage'),
});

const routeTree = rootRoute.addChildren([
  dashboardRoute,
  moduleRoute.addChildren([moduleOverviewRoute, lessonRoute]),
  sourcesRoute,
  aboutRoute,
  supportRoute,
  safetyRoute,
  profileRoute,
  settingsRoute,
  accessibilityRoute,
  myDataRoute,
  certificatesRoute,
  certificateRoute,
  verifyRoute,
  trainerRoute.addChildren([trainerHomeRoute, trainerAssignmentRoute]),
  assignmentImportRoute,
  assignedWorkRoute,
  receiptLinkRoute,
  certificateImportRoute,
]);

export function createAppRouter(services: RootContext, history?: RouterHistory) {
  return createRouter({
    routeTree,
    context: services,
    history,
    defaultPreload: false,
    scrollRestoration: true,
  });
}

declare module '@tanstack/react-router' {
  interface Register {
    router: ReturnType<typeof createAppRouter>;
  }
}
