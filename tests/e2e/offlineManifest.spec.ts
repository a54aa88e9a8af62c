// Checks the built offline copy (dist/sw.js) without a browser: it holds every page's code, every
// module and every language file, and leaves out only the certificate PDF's code and fonts and the
// Open Badges code, which are fetched on first use. Both are found by what they contain, not by
// file name, so a renamed or re-split chunk fails here rather than slipping into (or out of) the
// precache.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect, test } from '@playwright/test';

const DIST = 'dist';
const serviceWorker = readFileSync(join(DIST, 'sw.js'), 'utf8');
const precached = [...serviceWorker.matchAll(/url:"([^"]+)"/g)].map((match) => match[1]!);
const assets = readdirSync(join(DIST, 'assets')).map((file) => `assets/${file}`);
const text = (file: string) => readFileSync(join(DIST, file), 'utf8');
const precachedText = precached.filter((file) => file.endsWith('.js') || file.endsWith('.html')).map(text);

/** pdf-lib's own error text: present in whichever chunk carries the PDF library. */
const PDF_LIBRARY_MARKER = 'Failed to parse PDF document';
const pdfCode = assets.filter((file) => file.endsWith('.js') && text(file).includes(PDF_LIBRARY_MARKER));
const pdfOnlyFonts = assets.filter((file) => file.includes('AtkinsonHyperlegibleNext'));
/** The eddsa-rdfc-2022 cryptosuite's name: present in whichever chunk carries the credential libraries. */
const BADGE_LIBRARY_MARKER = 'eddsa-rdfc-2022';
const badgeCode = assets.filter((file) => file.endsWith('.js') && text(file).includes(BADGE_LIBRARY_MARKER));

test('the precache leaves out the certificate PDF code and its fonts, and nothing precached needs them', () => {
  expect(pdfCode).toHaveLength(1);
  expect(pdfOnlyFonts).toHaveLength(2);
  for (const file of [...pdfCode, ...pdfOnlyFonts]) expect(precached).not.toContain(file);
  // Only a dynamic import() may point at the PDF chunk: a static one would break pages offline.
  const pdfChunk = pdfCode[0]!.replace('assets/', '');
  for (const source of precachedText) {
    expect(source).not.toMatch(new RegExp(`(?:from|import)\\s*"\\./${pdfChunk.replace(/[.-]/g, '\\$&')}"`));
  }
  // The runtime route that keeps them once fetched is in the service worker.
  expect(serviceWorker).toContain('heard-certificate-pdf');
  expect(serviceWorker).toContain('CacheFirst');
});

test('the precache leaves out the Open Badges code, which only a dynamic import reaches', () => {
  expect(badgeCode).toHaveLength(1);
  expect(precached).not.toContain(badgeCode[0]);
  const badgeChunk = badgeCode[0]!.replace('assets/', '');
  for (const source of precachedText) {
    expect(source).not.toMatch(new RegExp(`(?:from|import)\\s*"\\./${badgeChunk.replace(/[.-]/g, '\\$&')}"`));
  }
  expect(serviceWorker).toContain('heard-open-badge');
});

test('the precache holds every other built file the course uses', () => {
  const expected = assets.filter(
    (file) =>
      !pdfCode.includes(file) &&
      !pdfOnlyFonts.includes(file) &&
      !badgeCode.includes(file) &&
      !file.endsWith('.woff') &&
      // The credentials context package names its .jsonld files in its metadata, so the bundler
      // emits them; the app reads the same contexts from the package's JavaScript and never fetches these.
      !file.endsWith('.jsonld'),
  );
  expect(precached).toEqual(expect.arrayContaining([...expected, 'index.html', 'neutral.html', 'neutral.css']));
});

test('the precache holds every module and every language file', () => {
  const everything = precachedText.join('\n');
  // The shipped modules are the ones course.json lists (modules/ also holds shared files such as the changelog).
  const shipped = (JSON.parse(readFileSync('modules/course.json', 'utf8')) as { modules: string[] }).modules;
  for (const moduleId of shipped) {
    const courseModule = JSON.parse(readFileSync(`modules/${moduleId}/module.json`, 'utf8')) as {
      id: string;
      lessons: { id: string }[];
    };
    // A lesson id as a whole string literal (a bundler may write it with any quote mark).
    for (const lesson of courseModule.lessons) {
      expect(new RegExp(`[\`"']${lesson.id}[\`"']`).test(everything), `${moduleId}: ${lesson.id}`).toBe(true);
    }
  }
  for (const language of readdirSync('locales').filter((name) => !name.includes('.'))) {
    for (const file of readdirSync(join('locales', language)).filter((name) => /^[\w-]+\.json$/.test(name))) {
      const words = Object.values(JSON.parse(readFileSync(join('locales', language, file), 'utf8')) as object);
      // Sentences with nothing a bundler would escape, so they appear in the chunk exactly as written.
      const samples = words.filter(
        (value): value is string => typeof value === 'string' && /^[^`"'\\$\n]{40,}$/.test(value),
      );
      expect(samples.length, `${language}/${file}`).toBeGreaterThan(0);
      for (const sample of samples.slice(0, 3)) expect(everything.includes(sample), `${language}/${file}`).toBe(true);
    }
  }
});
