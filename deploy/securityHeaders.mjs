// The one definition of the headers Heard is served with. vite.config.ts builds the meta-tag
// Content-Security-Policy from it, and deploy/write-configs.mjs writes every server configuration
// in deploy/ from it, so the policy a browser gets from the page and from the server never drift
// apart (tests/deploy/deployConfigs.test.ts fails when a written file is out of date).
import { createHash } from 'node:crypto';

/**
 * The one inline script, in the head of every prerendered page (src/app/prerender/), allowed by its
 * hash. It runs before the page's words are painted, which the app's own script cannot:
 * - a learner who chose a language other than the page's (kept in localStorage, which a server
 *   never sees) is sent on to the same page with ?lang=, which the server answers with the
 *   prerendered copy in their language, so they never see the other language first;
 * - in a tab that used Exit this page, the page stays covered until the app has checked whether
 *   the learner came Back to it (src/features/safety/quickExit.ts), so its words never flash up;
 * - a button pressed before the app has taken the page over (Continue, Exit this page, Cymraeg)
 *   is remembered, and pressed again by main.tsx as soon as the app has, so no press is lost.
 * Its text is fixed (the page's language is read from <html lang>), so its hash is too.
 */
export const PRERENDER_HEAD_SCRIPT =
  'try{if(sessionStorage.getItem("heard.exited")==="1")document.documentElement.classList.add("quick-exit-leaving");' +
  'var s=localStorage.getItem("heard.language"),u=new URL(location.href);' +
  'if((s==="en"||s==="cy")&&s!==document.documentElement.lang&&!u.searchParams.has("lang")){u.searchParams.set("lang",s);location.replace(u.href)}}catch(e){}' +
  'var q=window.heardEarlyPresses=[];document.addEventListener("click",function(e){var b=!q.done&&e.target.closest&&e.target.closest("#root button");if(b){e.preventDefault();q.push(b)}},true);';

/** The script's CSP source. */
export const PRERENDER_HEAD_SCRIPT_HASH = `'sha256-${createHash('sha256').update(PRERENDER_HEAD_SCRIPT).digest('base64')}'`;

/**
 * No inline script but the one above (by its hash), no eval, nothing from another origin. This part
 * can travel in a meta tag.
 * @param {string[]} [connectTo] other origins the page may connect to (an LMS package's LRS)
 */
export function contentSecurityPolicy(connectTo = []) {
  return [
    "default-src 'self'",
    `script-src 'self' ${PRERENDER_HEAD_SCRIPT_HASH}`,
    "style-src 'self'",
    "img-src 'self' data: blob:",
    "font-src 'self'",
    ["connect-src 'self'", ...connectTo].join(' '),
    "worker-src 'self'",
    "manifest-src 'self'",
    "object-src 'none'",
    "base-uri 'self'",
    "form-action 'self'",
  ].join('; ');
}

/**
 * The policy as an HTTP header, which alone can say who may frame the course: nobody for the
 * standalone site, only the LMS's own origin where an organisation serves a package's files itself.
 * @param {{ connectTo?: string[], frameAncestors?: string[] }} [options]
 */
export function headerContentSecurityPolicy({ connectTo = [], frameAncestors = [] } = {}) {
  const ancestors = frameAncestors.length > 0 ? frameAncestors.join(' ') : "'none'";
  return `${contentSecurityPolicy(connectTo)}; frame-ancestors ${ancestors}`;
}

/** Powerful features the course never uses, switched off for it and anything it might embed. */
export const PERMISSIONS_POLICY = [
  'accelerometer=()',
  'autoplay=()',
  'camera=()',
  'display-capture=()',
  'geolocation=()',
  'gyroscope=()',
  'magnetometer=()',
  'microphone=()',
  'midi=()',
  'payment=()',
  'usb=()',
].join(', ');

/**
 * Two years, without includeSubDomains or preload: an organisation's other sites on its domain may
 * not all be on HTTPS yet. Browsers ignore the header on plain HTTP.
 */
export const STRICT_TRANSPORT_SECURITY = 'max-age=63072000';

/** index.html, sw.js and every other unhashed file: always ask the server, so updates arrive. */
export const REVALIDATE = 'no-cache';
/** Files under /assets/ carry a hash of their content in their name, so they never change. */
export const IMMUTABLE = 'public, max-age=31536000, immutable';

/**
 * Every header sent with every response, in order.
 * @param {{ connectTo?: string[], frameAncestors?: string[] }} [options]
 * @returns {[string, string][]}
 */
export function securityHeaders({ connectTo = [], frameAncestors = [] } = {}) {
  const framed = frameAncestors.length > 0;
  return [
    ['Content-Security-Policy', headerContentSecurityPolicy({ connectTo, frameAncestors })],
    ['X-Content-Type-Options', 'nosniff'],
    ['Referrer-Policy', 'no-referrer'],
    ['Permissions-Policy', PERMISSIONS_POLICY],
    // For browsers too old for frame-ancestors; it cannot name an allowed origin, so a framed
    // package goes without it.
    ...(framed ? [] : [['X-Frame-Options', 'DENY']]),
    // Keeps other sites' windows from scripting the course's; an LMS that opens the course in a
    // pop-up finds the SCORM API through window.opener, so a framed package goes without it.
    ...(framed ? [] : [['Cross-Origin-Opener-Policy', 'same-origin']]),
    ['Strict-Transport-Security', STRICT_TRANSPORT_SECURITY],
  ];
}
