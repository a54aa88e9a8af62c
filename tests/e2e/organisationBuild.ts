// A build of the app for one organisation file, served on its own port: the organisation and trust
// end-to-end tests each need a deployment other than the default build that Playwright serves.
import { execFileSync, spawn, type ChildProcess } from 'node:child_process';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';

const ROOT = process.cwd();
const VITE = join(ROOT, 'node_modules/vite/bin/vite.js');

/** Builds the app with `HEARD_ORGANISATION=organisationFile` into its own folder. */
export function buildForOrganisation(organisationFile: string, outDir: string): string {
  mkdirSync(outDir, { recursive: true });
  execFileSync(process.execPath, [VITE, 'build', '--outDir', outDir, '--emptyOutDir'], {
    cwd: ROOT,
    env: { ...process.env, HEARD_ORGANISATION: organisationFile },
    stdio: 'pipe',
  });
  return outDir;
}

export interface PreviewServer {
  origin: string;
  stop(): Promise<void>;
}

/** Serves a built folder with `vite preview` on 127.0.0.1 and waits until it answers. */
export async function servePreview(outDir: string, port: number): Promise<PreviewServer> {
  const origin = `http://127.0.0.1:${port}`;
  const server: ChildProcess = spawn(
    process.execPath,
    [VITE, 'preview', '--host', '127.0.0.1', '--port', String(port), '--strictPort', '--outDir', outDir],
    { cwd: ROOT, stdio: 'ignore' },
  );
  const stop = async () => {
    if (server.exitCode !== null) return;
    const exited = new Promise((done) => server.once('exit', done));
    server.kill();
    await exited;
  };
  for (let attempt = 0; attempt < 100; attempt++) {
    try {
      if ((await fetch(origin)).ok) return { origin, stop };
    } catch {
      // Not listening yet.
    }
    await new Promise((done) => setTimeout(done, 200));
  }
  await stop();
  throw new Error(`vite preview did not start on ${origin}`);
}
