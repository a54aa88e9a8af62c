// Records each shipped lesson's structural hash (src/engine/contentHash.ts) in
// modules/content-hashes.json. Run `npm run content:stamp` after changing a lesson's steps, links or
// options; the content tests fail until the stamp matches, so a structural change is always seen in
// review. Saved progress made on an older structure is migrated when the learner returns.
import { readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { runnerImport } from 'vite';

const root = fileURLToPath(new URL('..', import.meta.url));
export const HASHES_FILE = `${root}modules/content-hashes.json`;

const { module: hashing } = await runnerImport(`${root}src/engine/contentHash.ts`, { configFile: false });
const course = JSON.parse(readFileSync(`${root}modules/course.json`, 'utf8'));
const modules = course.modules.map((id) => JSON.parse(readFileSync(`${root}modules/${id}/module.json`, 'utf8')));
const hashes = hashing.contentHashes(modules);
writeFileSync(HASHES_FILE, `${JSON.stringify(hashes, null, 2)}\n`);
console.log(`Stamped ${Object.values(hashes).reduce((n, lessons) => n + Object.keys(lessons).length, 0)} lessons.`);
