// Starts Debian's nginx on loopback for the deploy tests: a generated nginx.conf whose server
// blocks serve dist/ with the shipped deploy/nginx/heard-site.conf (or another rendering of it),
// everything nginx writes (pid, logs, temporary files) in a temporary prefix folder.
import { type ChildProcess, execFileSync, spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/** Where Debian puts nginx, or wherever it is on the PATH; undefined when it is not installed. */
export function findNginx(): string | undefined {
  if (existsSync('/usr/sbin/nginx')) return '/usr/sbin/nginx';
  try {
    return execFileSync('sh', ['-c', 'command -v nginx'], { encoding: 'utf8' }).trim() || undefined;
  } catch {
    return undefined;
  }
}

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

export interface RunningNginx {
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
 * Runs nginx in the foreground as one process (master_process off: no workers, so it reads dist/
 * as whoever runs the tests, and needs no root-only path or user switch).
 */
export async function startNginx(nginx: string, root: string, sites: NginxSite[]): Promise<RunningNginx> {
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
  const child: ChildProcess = spawn(nginx, ['-p', `${prefix}/`, '-c', configPath, '-e', errorLog], {
    stdio: ['ignore', 'ignore', 'pipe'],
  });
  let stderr = '';
  child.stderr?.on('data', (chunk) => (stderr += String(chunk)));
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  const up = await Promise.race([answers(sites[0].port, 10_000), exited.then(() => false)]);
  if (!up) {
    child.kill('SIGKILL');
    const log = existsSync(errorLog) ? readFileSync(errorLog, 'utf8') : '';
    rmSync(prefix, { recursive: true, force: true });
    throw new Error(`nginx did not start:\n${stderr}\n${log}\n--- nginx.conf ---\n${config}`);
  }
  return {
    prefix,
    stop: async () => {
      if (child.exitCode === null) {
        // QUIT: finish the requests in flight, then exit.
        child.kill('SIGQUIT');
        const timer = setTimeout(() => child.kill('SIGKILL'), 5000);
        await exited;
        clearTimeout(timer);
      }
      rmSync(prefix, { recursive: true, force: true });
    },
  };
}
