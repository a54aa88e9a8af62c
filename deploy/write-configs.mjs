#!/usr/bin/env node
// Writes the server configurations from deploy/securityHeaders.mjs.
//
//   npm run deploy:config                      rewrites the standalone site's files in deploy/
//   npm run deploy:config -- --check           fails if a file in deploy/ is out of date
//   npm run deploy:config -- --out my-site --frame-ancestors https://moodle.example.org \
//       --connect-src https://lrs.example.org
//                                              files for an LMS package served from your own host:
//                                              only the LMS may frame it, and it may reach the LRS
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { originSource, renderConfigs } from './renderConfigs.mjs';

const here = dirname(fileURLToPath(import.meta.url));

function main() {
  const { values } = parseArgs({
    options: {
      out: { type: 'string' },
      'frame-ancestors': { type: 'string', multiple: true, default: [] },
      'connect-src': { type: 'string', multiple: true, default: [] },
      check: { type: 'boolean', default: false },
    },
  });
  const split = (list) => list.flatMap((item) => item.split(/[\s,]+/)).filter(Boolean);
  const options = {
    frameAncestors: split(values['frame-ancestors']).map(originSource),
    connectTo: split(values['connect-src']).map(originSource),
  };
  const custom = options.frameAncestors.length > 0 || options.connectTo.length > 0;
  if (custom && !values.out) {
    throw new Error('give --out <folder> with --frame-ancestors or --connect-src: deploy/ keeps the standalone files');
  }
  const out = values.out ? resolve(values.out) : here;
  const stale = [];
  for (const [path, text] of Object.entries(renderConfigs(options))) {
    const target = join(out, path);
    if (values.check) {
      let current = '';
      try {
        current = readFileSync(target, 'utf8');
      } catch {
        // A missing file is out of date too.
      }
      if (current !== text) stale.push(path);
      continue;
    }
    mkdirSync(dirname(target), { recursive: true });
    writeFileSync(target, text);
    console.log(`wrote ${target}`);
  }
  if (stale.length > 0) {
    console.error(`out of date in ${out}: ${stale.join(', ')}. Run: npm run deploy:config`);
    process.exitCode = 1;
  }
}

try {
  main();
} catch (error) {
  console.error(`deploy:config: ${error instanceof Error ? error.message : String(error)}`);
  process.exitCode = 1;
}
