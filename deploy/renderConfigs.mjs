// Renders the server configurations in deploy/ from deploy/securityHeaders.mjs. Each says the same
// thing in its server's own words: the security headers on every response, no-cache for the
// unhashed files (index.html, sw.js), a year's immutable cache for /assets/, each prerendered page
// served for its address (/modules/adultification gets modules/adultification.html, and with
// ?lang=cy modules/adultification.cy.html; the dashboard is index.html and index.cy.html), and every
// other address (a deep link such as /trainer) answered with the app shell, app.html.
import { IMMUTABLE, REVALIDATE, securityHeaders } from './securityHeaders.mjs';

const GENERATED = 'Written by deploy/write-configs.mjs from deploy/securityHeaders.mjs; change those, not this file.';

/** @param {{ frameAncestors?: string[], connectTo?: string[] }} options */
function describe(options) {
  const framing = options.frameAncestors?.length
    ? `Only ${options.frameAncestors.join(' ')} may frame the course (an LMS serving a package).`
    : 'No other site may frame the course (the standalone site).';
  return [GENERATED, framing];
}

/** Headers are written inside double quotes by every server here; none of ours contains one. */
function quoted(value) {
  if (value.includes('"')) throw new Error(`a header value may not contain a double quote: ${value}`);
  return `"${value}"`;
}

/** @param {{ frameAncestors?: string[], connectTo?: string[] }} options */
function nginxSite(options) {
  const headers = securityHeaders(options);
  const block = (cacheControl, indent = '    ') =>
    [...headers, ['Cache-Control', cacheControl]]
      .map(([name, value]) => `${indent}add_header ${name} ${quoted(value)} always;`)
      .join('\n');
  return `# Heard: the site rules for nginx. Include this file inside your server block, after root:
#     root /var/www/heard;            # the contents of dist/
#     include snippets/heard-site.conf;
# (see deploy/nginx/heard.conf for a whole server block with HTTPS).
${describe(options)
  .map((line) => `# ${line}`)
  .join('\n')}
# nginx sends a location's add_header lines only, never the server's, so each location repeats them.

index index.html;
server_tokens off;
gzip on;
gzip_types text/css application/javascript application/json image/svg+xml application/manifest+json;

# Content-hashed files: cache for a year; a missing one is a real 404, never the app.
location /assets/ {
    try_files $uri =404;
${block(IMMUTABLE)}
}

# Debian's nginx does not know the web app manifest's type.
location = /manifest.webmanifest {
    default_type application/manifest+json;
${block(REVALIDATE)}
}

# ?lang=en or ?lang=cy picks the page prerendered in that language, where there is one.
set $heard_lang "";
if ($arg_lang ~ "^(en|cy)$") {
    set $heard_lang .$1;
}

# Everything else, index.html and sw.js included: ask the server every time, so a new version
# arrives. A prerendered page (the dashboard, a module, a lesson's first step, the static pages) is
# served for its address, in the language asked for; any other address that is not a file (a deep
# link) gets the app shell, which shows the right page.
location / {
    try_files $uri$heard_lang.html \${uri}index$heard_lang.html $uri.html $uri /app.html;
${block(REVALIDATE)}
}
`;
}

/** @param {{ frameAncestors?: string[], connectTo?: string[] }} options */
function staticHeaders(options) {
  const all = securityHeaders(options)
    .map(([name, value]) => `  ${name}: ${value}`)
    .join('\n');
  const cache = (path, value) => `${path}\n  Cache-Control: ${value}`;
  // Netlify and Cloudflare Pages join the values of every rule that matches, so Cache-Control is
  // set by exact paths only. Both hosts serve a prerendered page (modules/x.html) for its address
  // (/modules/x) themselves, and revalidate HTML by default; neither can pick a file by ?lang=, so
  // there a Welsh address gets the English page, which the app then shows in Welsh.
  return `# Heard: headers for Netlify or Cloudflare Pages. Copy this file and _redirects into dist/
# before publishing it (see the README, "Deploy it for your organisation").
${describe(options)
  .map((line) => `# ${line}`)
  .join('\n')}
/*
${all}
${cache('/', REVALIDATE)}
${cache('/index.html', REVALIDATE)}
${cache('/sw.js', REVALIDATE)}
${cache('/manifest.webmanifest', REVALIDATE)}
${cache('/assets/*', IMMUTABLE)}
`;
}

const staticRedirects = `# Heard: a deep link that was not prerendered (such as /trainer) gets the app shell. Files that
# exist, prerendered pages included (/modules/adultification is modules/adultification.html), are
# served as they are, so this never hides one.
/*    /app.html    200
`;

/** @param {{ frameAncestors?: string[], connectTo?: string[] }} options */
function apache(options) {
  const headers = securityHeaders(options)
    .map(([name, value]) => `    Header always set ${name} ${quoted(value)}`)
    .join('\n');
  return `# Heard: .htaccess for Apache 2.4 (mod_headers and mod_rewrite). Put it in the folder that holds
# the contents of dist/, which needs AllowOverride FileInfo Indexes (or copy it into the <Directory>
# block of your site).
${describe(options)
  .map((line) => `# ${line}`)
  .join('\n')}

AddType application/manifest+json .webmanifest

# /modules/adultification is a prerendered page (modules/adultification.html) and also a folder (its
# lessons' pages): with Apache's default, the address is answered with a redirect to
# /modules/adultification/ before the rules below can serve the page. (No folder is ever listed:
# the last rule gives any address that is not a file the app shell.)
<IfModule mod_dir.c>
    DirectorySlash Off
</IfModule>

<IfModule mod_headers.c>
${headers}
    Header set Cache-Control ${quoted(REVALIDATE)}
    <If "%{REQUEST_URI} =~ m#^/assets/#">
        Header set Cache-Control ${quoted(IMMUTABLE)}
    </If>
</IfModule>

# A prerendered page is served for its address (with ?lang=en or ?lang=cy, in that language where
# there is a copy); any other deep link gets the app shell; files that exist, and anything under
# /assets/, are left alone.
<IfModule mod_rewrite.c>
    RewriteEngine On
    RewriteRule ^ - [E=HEARD_LANG:]
    RewriteCond %{QUERY_STRING} (?:^|&)lang=(en|cy)(?:&|$)
    RewriteRule ^ - [E=HEARD_LANG:.%1]
    RewriteCond %{REQUEST_URI} =/
    RewriteCond %{DOCUMENT_ROOT}/index%{ENV:HEARD_LANG}.html -f
    RewriteRule ^ index%{ENV:HEARD_LANG}.html [L]
    RewriteRule ^$ index.html [L]
    RewriteCond %{REQUEST_FILENAME}%{ENV:HEARD_LANG}.html -f
    RewriteRule ^ %{REQUEST_URI}%{ENV:HEARD_LANG}.html [L]
    RewriteCond %{REQUEST_FILENAME}.html -f
    RewriteRule ^ %{REQUEST_URI}.html [L]
    RewriteCond %{REQUEST_FILENAME} !-f
    RewriteCond %{REQUEST_URI} !^/assets/
    RewriteRule ^ app.html [L]
</IfModule>
`;
}

/** @param {{ frameAncestors?: string[], connectTo?: string[] }} options */
function caddy(options) {
  const headers = securityHeaders(options)
    .map(([name, value]) => `        ${name} ${quoted(value)}`)
    .join('\n');
  return `# Heard: a Caddyfile for Caddy 2, which gets and renews the HTTPS certificate itself. Replace
# learning.example.org with your address and /var/www/heard with the folder holding dist/.
${describe(options)
  .map((line) => `# ${line}`)
  .join('\n')}
learning.example.org {
    root * /var/www/heard
    encode zstd gzip

    header {
${headers}
        # "?" sets it only where the /assets/ rule below has not.
        ?Cache-Control ${quoted(REVALIDATE)}
    }
    header /assets/* Cache-Control ${quoted(IMMUTABLE)}
    # Caddy 2.6 sends the web app manifest with no Content-Type at all; name it, as the other servers do.
    header /manifest.webmanifest Content-Type "application/manifest+json"

    handle /assets/* {
        file_server
    }
    # A prerendered page for its address, in the language ?lang= asks for where there is a copy;
    # any other deep link gets the app shell.
    @english query lang=en
    handle @english {
        try_files {path}.en.html {path}index.en.html {path}.html {path} /app.html
        file_server
    }
    @welsh query lang=cy
    handle @welsh {
        try_files {path}.cy.html {path}index.cy.html {path}.html {path} /app.html
        file_server
    }
    handle {
        try_files {path}.html {path}index.html {path} /app.html
        file_server
    }
}
`;
}

/**
 * Every configuration, by its path under deploy/.
 * @param {{ frameAncestors?: string[], connectTo?: string[] }} [options]
 * @returns {Record<string, string>}
 */
export function renderConfigs(options = {}) {
  return {
    'nginx/heard-site.conf': nginxSite(options),
    'static-host/_headers': staticHeaders(options),
    'static-host/_redirects': staticRedirects,
    'apache/.htaccess': apache(options),
    'caddy/Caddyfile': caddy(options),
  };
}

/**
 * An origin as a CSP source: https://lms.example.org (a path is dropped), or 'self'.
 * @param {string} value
 */
export function originSource(value) {
  if (value === "'self'") return value;
  let url;
  try {
    url = new URL(value);
  } catch {
    throw new Error(`"${value}" is not a web address; give one such as https://lms.example.org`);
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') {
    throw new Error(`"${value}" must start with https:// (or http:// for a test server)`);
  }
  return url.origin;
}
