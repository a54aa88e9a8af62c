// Starts Debian's nginx, Apache and Caddy on loopback for the deploy tests, each serving dist/ with
// the configuration shipped in deploy/ (or another rendering of it, for an LMS origin), and each
// writing everything it writes (pid, logs, temporary files) in a temporary prefix folder.
import { type ChildProcess, execFileSync, spawn } from 'node:child_process';
import { cpSync, existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/** Where Debian puts a server's program, or wherever it is on the PATH; undefined when it is not installed. */
function findProgram(name: string, debianPath: string): string | undefined {
  if (existsSync(debianPath)) return debianPath;
  try {
    return execFileSync('sh', ['-c', `command -v ${name}`], { encoding: 'utf8' }).trim() || undefined;
  } catch {
    return undefined;
  }
}

export const findNginx = () => findProgram('nginx', '/usr/sbin/nginx');
export const findApache = () => findProgram('apache2', '/usr/sbin/apache2');
export const findCaddy = () => findProgram('caddy', '/usr/bin/caddy');

/** A port nothing listens on now, on 127.0.0.1. */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() =>
        typeof address === 'object' && address ? resolve(address.port) : reject(new Error('no port')),
      );
    });
  });
}

export interface NginxSite {
  port: number;
  /** An nginx file holding the site rules, included inside the server block. */
  siteRules: string;
}

export interface RunningServer {
  prefix: string;
  stop: () => Promise<void>;
}

function mimeTypes(): string {
  // Debian's list; a build of nginx elsewhere may keep it beside its own configuration.
  for (const path of [
    '/etc/nginx/mime.types',
    '/usr/local/nginx/conf/mime.types',
    '/opt/homebrew/etc/nginx/mime.types',
  ]) {
    if (existsSync(path)) return `include ${path};`;
  }
  return 'types { text/html html; text/css css; application/javascript js; image/svg+xml svg; font/woff2 woff2; }';
}

async function answers(port: number, timeoutMs: number): Promise<boolean> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    try {
      await fetch(`http://127.0.0.1:${port}/robots.txt`);
      return true;
    } catch {
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
  }
  return false;
}

/**
 * Starts a server process in the foreground and waits until the first site answers; on failure,
 * stops it and throws with its output, its logs and the configuration it was given.
 */
async function runServer(
  name: string,
  program: string,
  args: string[],
  options: { prefix: string; port: number; config: string; logs: string[]; env?: NodeJS.ProcessEnv },
): Promise<RunningServer> {
  const { prefix, port, config, logs } = options;
  const child: ChildProcess = spawn(program, args, {
    stdio: ['ignore', 'pipe', 'pipe'],
    env: options.env ?? process.env,
  });
  let output = '';
  child.stdout?.on('data', (chunk) => (output += String(chunk)));
  child.stderr?.on('data', (chunk) => (output += String(chunk)));
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  const up = await Promise.race([answers(port, 15_000), exited.then(() => false)]);
  if (!up) {
    child.kill('SIGKILL');
    const logText = logs.map((log) => (existsSync(log) ? readFileSync(log, 'utf8') : '')).join('\n');
    rmSync(prefix, { recursive: true, force: true });
    throw new Error(`${name} did not start:\n${output}\n${logText}\n--- configuration ---\n${config}`);
  }
  return {
    prefix,
    stop: async () => {
      if (child.exitCode === null && child.signalCode === null) {
        // nginx and Apache finish the requests in flight on QUIT and WINCH; Caddy stops on TERM.
        child.kill(name === 'caddy' ? 'SIGTERM' : name === 'apache' ? 'SIGWINCH' : 'SIGQUIT');
        const timer = setTimeout(() => child.kill('SIGKILL'), 5000);
        await exited;
        clearTimeout(timer);
      }
      rmSync(prefix, { recursive: true, force: true });
    },
  };
}

/**
 * Runs nginx in the foreground as one process (master_process off: no workers, so it reads dist/
 * as whoever runs the tests, and needs no root-only path or user switch).
 */
export async function startNginx(nginx: string, root: string, sites: NginxSite[]): Promise<RunningServer> {
  const prefix = mkdtempSync(join(tmpdir(), 'heard-nginx-'));
  const servers = sites
    .map(
      (site) => `  server {
    listen 127.0.0.1:${site.port};
    server_name localhost;
    root ${root};
    include ${site.siteRules};
  }`,
    )
    .join('\n');
  const config = `daemon off;
master_process off;
pid ${join(prefix, 'nginx.pid')};
error_log ${join(prefix, 'error.log')} warn;
events { worker_connections 64; }
http {
  ${mimeTypes()}
  default_type application/octet-stream;
  access_log ${join(prefix, 'access.log')};
  client_body_temp_path ${join(prefix, 'client_body')};
  proxy_temp_path ${join(prefix, 'proxy')};
  fastcgi_temp_path ${join(prefix, 'fastcgi')};
  uwsgi_temp_path ${join(prefix, 'uwsgi')};
  scgi_temp_path ${join(prefix, 'scgi')};
${servers}
}
`;
  const configPath = join(prefix, 'nginx.conf');
  writeFileSync(configPath, config);
  const errorLog = join(prefix, 'error.log');
  // -e: the error log before the configuration is read (Debian's default is under /var/log).
  return runServer('nginx', nginx, ['-p', `${prefix}/`, '-c', configPath, '-e', errorLog], {
    prefix,
    port: sites[0].port,
    config,
    logs: [errorLog],
  });
}

export interface HtaccessSite {
  port: number;
  /** The text of the .htaccess file, put where an organisation puts it: beside the copy of dist/. */
  htaccess: string;
}

/** Debian's module folder, or the one beside a build of Apache elsewhere. */
function apacheModules(apache: string): string {
  for (const folder of ['/usr/lib/apache2/modules', join(apache, '..', '..', 'modules')]) {
    if (existsSync(join(folder, 'mod_rewrite.so'))) return folder;
  }
  throw new Error('Apache is installed without its modules (mod_rewrite.so was not found)');
}

/**
 * Runs Apache in the foreground (-DFOREGROUND) with a configuration of its own: each site is a
 * copy of dist/ with the .htaccess file in it and AllowOverride FileInfo Indexes, as the file's own header
 * asks an organisation to set up. Run as root (as in CI), Apache serves as www-data.
 */
export async function startApache(apache: string, root: string, sites: HtaccessSite[]): Promise<RunningServer> {
  const prefix = mkdtempSync(join(tmpdir(), 'heard-apache-'));
  const modules = apacheModules(apache);
  const hosts = sites.map((site, index) => {
    const documentRoot = join(prefix, `site-${index}`);
    cpSync(root, documentRoot, { recursive: true });
    writeFileSync(join(documentRoot, '.htaccess'), site.htaccess);
    return `Listen 127.0.0.1:${site.port}
<VirtualHost 127.0.0.1:${site.port}>
    DocumentRoot ${documentRoot}
    <Directory ${documentRoot}>
        Require all granted
        AllowOverride FileInfo Indexes
    </Directory>
</VirtualHost>`;
  });
  const asRoot = process.getuid?.() === 0;
  const config = `ServerRoot ${prefix}
ServerName 127.0.0.1
${['mpm_event', 'authz_core', 'dir', 'mime', 'headers', 'rewrite']
  .map((module) => `LoadModule ${module}_module ${join(modules, `mod_${module}.so`)}`)
  .join('\n')}
${asRoot ? 'User www-data\nGroup www-data' : ''}
PidFile ${join(prefix, 'apache.pid')}
DefaultRuntimeDir ${prefix}
Mutex file:${prefix} default
ErrorLog ${join(prefix, 'error.log')}
LogLevel warn
TypesConfig /etc/mime.types
DirectoryIndex index.html
<Directory />
    AllowOverride None
    Require all denied
</Directory>
${hosts.join('\n')}
`;
  const configPath = join(prefix, 'apache.conf');
  writeFileSync(configPath, config);
  if (asRoot) execFileSync('chown', ['-R', 'www-data:www-data', prefix]);
  return runServer('apache', apache, ['-f', configPath, '-DFOREGROUND'], {
    prefix,
    port: sites[0].port,
    config,
    logs: [join(prefix, 'error.log')],
  });
}

export interface CaddySite {
  port: number;
  /** A Caddyfile as shipped (one site block for learning.example.org serving /var/www/heard). */
  caddyfile: string;
}

const SHIPPED_ADDRESS = 'learning.example.org {';
const SHIPPED_ROOT = 'root * /var/www/heard';

/**
 * Runs Caddy with the shipped Caddyfile, changed only where its own header says an organisation
 * changes it: the site address (here plain HTTP on loopback, so no certificate is fetched) and the
 * folder holding dist/. The admin endpoint is off, and Caddy's storage is in the prefix folder.
 */
export async function startCaddy(caddy: string, root: string, sites: CaddySite[]): Promise<RunningServer> {
  const prefix = mkdtempSync(join(tmpdir(), 'heard-caddy-'));
  const blocks = sites.map((site) => {
    if (!site.caddyfile.includes(SHIPPED_ADDRESS) || !site.caddyfile.includes(SHIPPED_ROOT)) {
      throw new Error(`the Caddyfile no longer has "${SHIPPED_ADDRESS}" and "${SHIPPED_ROOT}" to replace`);
    }
    return site.caddyfile
      .replace(SHIPPED_ADDRESS, `http://127.0.0.1:${site.port} {`)
      .replace(SHIPPED_ROOT, `root * ${root}`);
  });
  const config = `{
    admin off
    storage file_system ${join(prefix, 'data')}
}
${blocks.join('\n')}
`;
  const configPath = join(prefix, 'Caddyfile');
  writeFileSync(configPath, config);
  return runServer('caddy', caddy, ['run', '--config', configPath, '--adapter', 'caddyfile'], {
    prefix,
    port: sites[0].port,
    config,
    logs: [],
    env: { ...process.env, HOME: prefix, XDG_DATA_HOME: join(prefix, 'data'), XDG_CONFIG_HOME: join(prefix, 'config') },
  });
}
