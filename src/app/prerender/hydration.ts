// Whether the HTML in #root was prerendered for the page the browser is on, in the language the app
// starts in. Only then may main.tsx hydrate it; otherwise (the app shell, a host that ignores
// ?lang=, a page for another address) it renders afresh. Pure, so it is tested without a browser.

export interface Prerendered {
  /** The address the page was rendered at: a path, and ?lang= when it is not the default language. */
  address: string;
  language: string;
}

/** What #root says about its HTML, or null for the app shell. */
export function prerenderedOf(root: Pick<HTMLElement, 'dataset'>): Prerendered | null {
  const { prerendered, prerenderedLang } = root.dataset;
  return prerendered && prerenderedLang ? { address: prerendered, language: prerenderedLang } : null;
}

/**
 * True when the page's links and words would come out the same as the prerendered ones: the same
 * path (a trailing slash aside) and the same ?lang= (links carry it on), in the same language.
 */
export function matchesPrerendered(
  prerendered: Prerendered | null,
  location: { pathname: string; search: string },
  language: string,
): boolean {
  if (!prerendered || prerendered.language !== language) return false;
  const rendered = new URL(prerendered.address, 'http://heard.invalid');
  const trim = (path: string) => (path.length > 1 ? path.replace(/\/+$/, '') : path);
  return (
    trim(rendered.pathname) === trim(location.pathname) &&
    (rendered.searchParams.get('lang') ?? '') === (new URLSearchParams(location.search).get('lang') ?? '')
  );
}
