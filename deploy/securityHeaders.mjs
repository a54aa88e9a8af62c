// The one definition of the headers Heard is served with. vite.config.ts builds the meta-tag
// Content-Security-Policy from it, and deploy/write-configs.mjs writes every server configuration
// in deploy/ from it, so the policy a browser gets from the page and from the server never drift
// apart (tests/deploy/deployConfigs.test.ts fails when a written file is out of date).

/**
 * No inline script, no eval, nothing from another origin. This part can travel in a meta tag.
 * @param {string[]} [connectTo] other origins the page may connect to (an LMS package's LRS)
 */
export function contentSecurityPolicy(connectTo = []) {
  return [
    "default-src 'self'",
    "script-src 'self'",
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
