#!/usr/bin/env node
// Records a fluent speaker's sign-off of a translation (see locales/cy/REVIEWING.md):
//
//   npm run i18n:reviewed -- cy --reviewer "Name, role" [--date 2027-01-31]
//
// It marks the locale reviewed in locales/review-status.json (the About page and the accessibility
// statement then stop calling it a draft) and records a hash of every reviewed string in
// locales/<lang>/.reviewed-hashes.json. tests/welsh/reviewStatus.test.ts fails as soon as a string
// changes after the review, listing the keys to re-read, so "reviewed" never outlives the text.
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { readLocale, sourceHash } from './translation-status.mjs';

export const REVIEWED_HASH_FILE = '.reviewed-hashes.json';
export const REVIEW_STATUS_FILE = join('locales', 'review-status.json');

/** namespace → key → hash of the translated text, for every string of a locale. */
export function reviewedHashes(strings) {
  const hashes = {};
  for (const [namespace, words] of Object.entries(strings)) {
    hashes[namespace] = {};
    for (const [key, text] of Object.entries(words)) hashes[namespace][key] = sourceHash(text);
  }
  return hashes;
}

/** Keys whose text differs from what was reviewed, or that were added since ("namespace:key"). */
export function changedSinceReview(strings, hashes) {
  const changed = [];
  for (const [namespace, words] of Object.entries(strings)) {
    for (const [key, text] of Object.entries(words)) {
      if (hashes[namespace]?.[key] !== sourceHash(text)) changed.push(`${namespace}:${key}`);
    }
  }
  return changed;
}

function option(name) {
  const index = process.argv.indexOf(name);
  return index >= 0 ? process.argv[index + 1] : undefined;
}

function main() {
  const language = process.argv[2];
  const reviewer = option('--reviewer');
  const date = option('--date') ?? new Date().toISOString().slice(0, 10);
  if (!language || language.startsWith('--') || !reviewer) {
    console.error('Usage: npm run i18n:reviewed -- <language> --reviewer "Name, role" [--date YYYY-MM-DD]');
    process.exitCode = 1;
    return;
  }
  if (!/^\d{4}-\d{2}-\d{2}$/.test(date) || Number.isNaN(Date.parse(date))) {
    console.error(`Give the date as YYYY-MM-DD, not "${date}".`);
    process.exitCode = 1;
    return;
  }
  const folder = join('locales', language);
  const strings = readLocale(folder);
  writeFileSync(join(folder, REVIEWED_HASH_FILE), `${JSON.stringify(reviewedHashes(strings), null, 2)}\n`);
  const status = JSON.parse(readFileSync(REVIEW_STATUS_FILE, 'utf8'));
  status[language] = { reviewed: true, reviewedOn: date, reviewer };
  writeFileSync(REVIEW_STATUS_FILE, `${JSON.stringify(status, null, 2)}\n`);
  console.log(`Recorded ${reviewer}'s review of every ${language} string on ${date}.`);
}

if (import.meta.url === `file://${process.argv[1]}`) main();
