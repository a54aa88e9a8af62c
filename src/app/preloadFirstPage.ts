// On a deep link, the page's code and its module's words start downloading at once, alongside the
// interface words (and the database, for pages that need it first), instead of one after another.
import { rendersBeforeDatabase, type createAppRouter } from './router';
import { loadNamespace, type Language } from './i18n';
import type { LazyDatabase } from './services';

export function preloadFirstPage(
  router: ReturnType<typeof createAppRouter>,
  language: Language,
  database: LazyDatabase,
): void {
  const matches = router.matchRoutes(router.latestLocation);
  // A page that needs the database fetches it now; one that can show itself first fetches it later.
  if (!rendersBeforeDatabase(matches)) void database.load().catch(() => undefined);
  for (const match of matches) {
    void router
      .loadRouteChunk(router.routesById[match.routeId as keyof typeof router.routesById])
      ?.catch(() => undefined);
    const moduleId = (match.params as { moduleId?: string }).moduleId;
    // An unknown module id has no words; the page itself says it was not found.
    if (moduleId) void loadNamespace(language, moduleId).catch(() => undefined);
  }
}
