// On a deep link, the page's code and its module's words start downloading at once, alongside the
// database and the interface words, instead of one after another once the router runs.
import type { createAppRouter } from './router';
import { loadNamespace, type Language } from './i18n';

export function preloadFirstPage(router: ReturnType<typeof createAppRouter>, language: Language): void {
  for (const match of router.matchRoutes(router.latestLocation)) {
    void router
      .loadRouteChunk(router.routesById[match.routeId as keyof typeof router.routesById])
      ?.catch(() => undefined);
    const moduleId = (match.params as { moduleId?: string }).moduleId;
    // An unknown module id has no words; the page itself says it was not found.
    if (moduleId) void loadNamespace(language, moduleId).catch(() => undefined);
  }
}
