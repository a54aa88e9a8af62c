// The typed URL contract of the app. Every page is a deep link that survives a reload.
import { createRootRouteWithContext, createRoute, createRouter, type RouterHistory } from '@tanstack/react-router';
import { AppLayout } from './AppLayout';
import type { Services } from './services';
import { DashboardPage } from '../features/dashboard/DashboardPage';
import { ModuleOverviewPage } from '../features/module-overview/ModuleOverviewPage';
import { LessonPage } from '../features/lesson-player/LessonPage';
import { SourcesPage } from '../features/sources/SourcesPage';
import { AboutPage } from '../features/about/AboutPage';
import { SupportPage } from '../features/support/SupportPage';
import { ProfilePage } from '../features/profile/ProfilePage';
import { NotFoundPage } from '../features/shared/NotFoundPage';
import { SettingsPage } from '../features/settings/SettingsPage';
import { MyDataPage } from '../features/my-data/MyDataPage';
import { CertificatesPage } from '../features/certificate/CertificatesPage';
import { CertificatePage } from '../features/certificate/CertificatePage';
import { VerifyPage } from '../features/certificate/VerifyPage';
import { AccessibilityStatementPage } from '../features/accessibility/AccessibilityStatementPage';

const rootRoute = createRootRouteWithContext<Services>()({
  component: AppLayout,
  notFoundComponent: NotFoundPage,
});

const dashboardRoute = createRoute({ getParentRoute: () => rootRoute, path: '/', component: DashboardPage });

export const moduleRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: '/modules/$moduleId',
  component: ModuleOverviewPage,
});

export const lessonRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: '/modules/$moduleId/lessons/$lessonId',
  component: LessonPage,
});

const sourcesRoute = createRoute({ getParentRoute: () => rootRoute, path: '/sources', component: SourcesPage });
const aboutRoute = createRoute({ getParentRoute: () => rootRoute, path: '/about', component: AboutPage });
const supportRoute = createRoute({ getParentRoute: () => rootRoute, path: '/support', component: SupportPage });
const profileRoute = createRoute({ getParentRoute: () => rootRoute, path: '/profile', component: ProfilePage });
const accessibilityRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: '/accessibility',
  component: AccessibilityStatementPage,
});
const myDataRoute = createRoute({ getParentRoute: () => rootRoute, path: '/my-data', component: MyDataPage });
const certificatesRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: '/certificates',
  component: CertificatesPage,
});
const certificateRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: '/certificates/$certificateId',
  component: CertificatePage,
});
const verifyRoute = createRoute({ getParentRoute: () => rootRoute, path: '/verify', component: VerifyPage });
const settingsRoute = createRoute({ getParentRoute: () => rootRoute, path: '/settings', component: SettingsPage });

const routeTree = rootRoute.addChildren([
  dashboardRoute,
  moduleRoute,
  lessonRoute,
  sourcesRoute,
  aboutRoute,
  supportRoute,
  profileRoute,
  settingsRoute,
  accessibilityRoute,
  myDataRoute,
  certificatesRoute,
  certificateRoute,
  verifyRoute,
]);

export function createAppRouter(services: Services, history?: RouterHistory) {
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
