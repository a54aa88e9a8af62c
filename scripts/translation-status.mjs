#!/usr/bin/env node
// Translator workflow: for every locale, lists keys that are missing, keys whose English source
// changed since they were translated (each translation records a hash of the English it came
// from), and values left identical to the English. `--stamp <lang>` records the current English
// hashes for a locale after its translation has been brought up to date. A nation variant of a key
// (`K_wales`, rarely `K_england`; read with i18next's `context`) is a key like any other, needed in
// every locale once English has it, and reported as `orphan` where its shared key `K` is missing.
//
//   npm run i18n:status            report; exits 1 if anything needs a translator
//   npm run i18n:stamp -- cy       mark every present cy key as translated from today's English
import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

const PLURAL = /_(zero|one|two|few|many|other)$/;
/** A nation variant: `K_wales` or `K_england`, before any plural suffix (i18next puts context first). */
const VARIANT = /_(wales|england)(?=(_(zero|one|two|few|many|other))?$)/;

/** The shared key a nation variant varies (plural suffix kept), or null for a key that is not one. */
export function variantBase(key) {
  return VARIANT.test(key) ? key.replace(VARIANT, '') : null;
}

/** Whether a key's shared form exists (plural forms of it count). */
function hasBase(base, strings) {
  if (base in strings) return true;
  const stem = base.replace(PLURAL, '');
  return Object.keys(strings).some((candidate) => candidate.replace(PLURAL, '') === stem);
}
export const HASH_FILE = '.source-hashes.json';
export const SAME_AS_ENGLISH_FILE = '.same-as-english.json';

export function sourceHash(text) {
  return createHash('sha256').update(text).digest('hex').slice(0, 12);
}

/** The English key a translated key comes from: plural forms map to the English "other" form. */
function englishKeyFor(key, english) {
  if (key in english) return key;
  if (PLURAL.test(key)) {
    const other = key.replace(PLURAL, '_other');
    if (other in english) return other;
  }
  return null;
}

/**
 * @param {Record<string, Record<string, string>>} english namespace → strings
 * @param {Record<string, Record<string, string>>} translated namespace → strings
 * @param {Record<string, Record<string, string>>} hashes namespace → key → source hash
 * @param {string[]} sameAsEnglish "namespace:key" entries allowed to equal the English (names, cognates)
 */
export function translationReport(english, translated, hashes, sameAsEnglish = []) {
  const allowed = new Set(sameAsEnglish);
  const report = { missing: [], stale: [], unchanged: [], extra: [], orphan: [] };
  for (const [namespace, strings] of Object.entries(english)) {
    const target = translated[namespace] ?? {};
    const recorded = hashes[namespace] ?? {};
    for (const [key, text] of Object.entries(strings)) {
      const forms = PLURAL.test(key)
        ? Object.keys(target).filter((candidate) => candidate.replace(PLURAL, '') === key.replace(PLURAL, ''))
        : [key];
      if (!forms.some((form) => target[form]?.trim())) {
        report.missing.push(`${namespace}:${key}`);
        continue;
      }
      if (!PLURAL.test(key) && target[key] === text && !allowed.has(`${namespace}:${key}`))
        report.unchanged.push(`${namespace}:${key}`);
      if (recorded[key] !== sourceHash(text)) report.stale.push(`${namespace}:${key}`);
    }
    for (const key of Object.keys(target)) if (!englishKeyFor(key, strings)) report.extra.push(`${namespace}:${key}`);
    for (const key of Object.keys(strings)) {
      const base = variantBase(key);
      if (base !== null && !hasBase(base, strings)) report.orphan.push(`${namespace}:${key}`);
    }
  }
  return report;
}

function readJson(path, fallback) {
  return existsSync(path) ? JSON.parse(readFileSync(path, 'utf8')) : fallback;
}

/** @returns {Record<string, Record<string, string>>} namespace → strings */
export function readLocale(folder) {
  /** @type {Record<string, Record<string, string>>} */
  const strings = {};
  for (const file of readdirSync(folder)) {
    if (file.endsWith('.json') && !file.startsWith('.'))
      strings[file.replace(/\.json$/, '')] = readJson(join(folder, file), {});
  }
  return strings;
}

function main() {
  const root = 'locales';
  const english = readLocale(join(root, 'en'));
  const languages = readdirSync(root, { withFileTypes: true })
    .filter((entry) => entry.isDirectory() && entry.name !== 'en')
    .map((entry) => entry.name);
  const stampIndex = process.argv.indexOf('--stamp');
  if (stampIndex >= 0) {
    const language = process.argv[stampIndex + 1];
    if (!languages.includes(language)) throw new Error(`No locale folder locales/${language}`);
    const translated = readLocale(join(root, language));
    const hashes = {};
    for (const [namespace, strings] of Object.entries(english)) {
      hashes[namespace] = {};
      for (const [key, text] of Object.entries(strings)) {
        const present = Object.keys(translated[namespace] ?? {}).some(
          (candidate) => candidate === key || candidate.replace(PLURAL, '') === key.replace(PLURAL, ''),
        );
        if (present) hashes[namespace][key] = sourceHash(text);
      }
    }
    writeFileSync(join(root, language, HASH_FILE), `${JSON.stringify(hashes, null, 2)}\n`);
    console.log(`Recorded the English source of every ${language} translation.`);
    return;
  }
  let problems = 0;
  for (const language of languages) {
    const folder = join(root, language);
    const report = translationReport(
      english,
      readLocale(folder),
      readJson(join(folder, HASH_FILE), {}),
      readJson(join(folder, SAME_AS_ENGLISH_FILE), []),
    );
    console.log(
      `\n${language}: ${report.missing.length} missing, ${report.stale.length} changed in English since translated, ${report.unchanged.length} identical to English, ${report.extra.length} not in English, ${report.orphan.length} nation variants without their shared key`,
    );
    for (const [label, keys] of Object.entries(report)) for (const key of keys) console.log(`  ${label}: ${key}`);
    problems += Object.values(report).reduce((sum, keys) => sum + keys.length, 0);
  }
  process.exitCode = problems > 0 ? 1 : 0;
}

if (import.meta.url === `file://${process.argv[1]}`) main();
