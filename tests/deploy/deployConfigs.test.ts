// The server configurations in deploy/ are written from deploy/securityHeaders.mjs, the source of
// the build's meta-tag policy too; these tests fail when a file there has drifted from it.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { originSource, renderConfigs } from '../../deploy/renderConfigs.mjs';
import { contentSecurityPolicy, securityHeaders } from '../../deploy/securityHeaders.mjs';

const deployFolder = join(__dirname, '..', '..', 'deploy');

describe('the shipped server configurations', () => {
  it.each(Object.entries(renderConfigs()))('%s is what deploy/write-configs.mjs writes today', (path, text) => {
    const shipped = readFileSync(join(deployFolder, path), 'utf8');
    expect(shipped, `deploy/${path} is out of date: run npm run deploy:config`).toBe(text);
  });

  it('every file carries the build policy with frame-ancestors none, and the other headers', () => {
    const policy = `${contentSecurityPolicy()}; frame-ancestors 'none'`;
    for (const [path, text] of Object.entries(renderConfigs())) {
      if (path.endsWith('_redirects')) continue;
      expect(text, path).toContain(policy);
      for (const [name, value] of securityHeaders()) {
        expect(text, `${path}: ${name}`).toContain(name);
        expect(text, `${path}: ${name}`).toContain(value);
      }
    }
  });

  it('the build puts the same policy in its meta tag', () => {
    const config = readFileSync(join(__dirname, '..', '..', 'vite.config.ts'), 'utf8');
    expect(config).toContain("from './deploy/securityHeaders.mjs'");
    expect(config).not.toMatch(/script-src/);
  });
});

describe('files for a package an LMS frames', () => {
  const configs = renderConfigs({
    frameAncestors: ['https://moodle.example.org'],
    connectTo: ['https://lrs.example.org'],
  });

  it('let only that LMS frame the course, and reach its LRS', () => {
    for (const [path, text] of Object.entries(configs)) {
      if (path.endsWith('_redirects')) continue;
      expect(text, path).toContain("connect-src 'self' https://lrs.example.org");
      expect(text, path).toContain('frame-ancestors https://moodle.example.org');
      expect(text, path).not.toContain("frame-ancestors 'none'");
      // Neither can name an allowed framer or opener, so both would break the package.
      expect(text, path).not.toContain('X-Frame-Options');
      expect(text, path).not.toContain('Cross-Origin-Opener-Policy');
    }
  });

  it('take origins only, and say plainly what is wrong with anything else', () => {
    expect(originSource('https://moodle.example.org/course/view.php?id=4')).toBe('https://moodle.example.org');
    expect(originSource("'self'")).toBe("'self'");
    expect(() => originSource('moodle.example.org')).toThrow(/not a web address/);
    expect(() => originSource('ftp://moodle.example.org')).toThrow(/must start with https:\/\//);
  });
});

describe('the quick-exit destination given at build time', () => {
  it('takes a whole https:// address, and stops the build with a plain message for anything else', async () => {
    const { quickExitUrl } = await import('../../vite.config');
    expect(quickExitUrl('')).toBe('');
    expect(quickExitUrl('https://www.bbc.co.uk/weather')).toBe('https://www.bbc.co.uk/weather');
    expect(() => quickExitUrl('http://www.bbc.co.uk/weather')).toThrow(
      /HEARD_QUICK_EXIT_URL must be a whole https:\/\//,
    );
    expect(() => quickExitUrl('www.bbc.co.uk')).toThrow(/not "www.bbc.co.uk"/);
  });
});
