// Where "Exit this page" goes. By default the neutral page shipped with the course (a soup recipe
// on this site, which works offline and is in the service worker's cache). An organisation may
// choose an outside site instead, as GOV.UK does with BBC Weather: the organisation file's
// `quickExitUrl`, or HEARD_QUICK_EXIT_URL when building (both checked at build time).
import { quickExitUrl } from '../../organisation/organisation';

/** The neutral page, relative to the app's base, so the copy inside an LMS package finds its own. */
export const NEUTRAL_PAGE = `${import.meta.env.BASE_URL}neutral.html`;

declare const __HEARD_QUICK_EXIT_URL__: string | undefined;

/** The organisation's choice, then the build's, or '' when neither made one (and in tests, where nothing defines it). */
function configuredAtBuild(): string {
  if (quickExitUrl) return quickExitUrl;
  return typeof __HEARD_QUICK_EXIT_URL__ === 'string' ? __HEARD_QUICK_EXIT_URL__ : '';
}

/** Only an https:// address replaces the neutral page; anything else would leave the learner on an error page. */
export function exitDestination(configured: string = configuredAtBuild()): string {
  if (!configured) return NEUTRAL_PAGE;
  try {
    const url = new URL(configured);
    return url.protocol === 'https:' ? url.href : NEUTRAL_PAGE;
  } catch {
    return NEUTRAL_PAGE;
  }
}
