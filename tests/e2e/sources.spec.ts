import { readFileSync } from 'node:fs';
import { expect, test } from '@playwright/test';

interface SourceEntry {
  id: string;
  publisher: string;
  title: string;
  url?: string;
}
const sources = JSON.parse(readFileSync('modules/sources.json', 'utf8')) as SourceEntry[];

test('tapping a citation opens its entry on the Sources page, scrolled into view and focused, with where in it', async ({
  page,
}) => {
  await page.goto('/modules/adultification/lessons/law-and-record');
  const citation = page.getByRole('link', { name: /^Source: legislation\.gov\.uk .*, section 6, / });
  await expect(citation).toHaveText('[legislation.gov.uk (The National Archives), 2003, section 6]');
  await citation.click();
  await expect(page).toHaveURL(/\/sources#L3$/);
  const entry = page.locator('li#L3');
  await expect(entry).toBeFocused();
  await expect(entry).toBeInViewport();
  await expect(entry).toContainText('Assault of a child under 13 by penetration');
  await entry.getByText(/^Cited in \d+ place/).click();
  await expect(entry.getByText(/\(at section 6\)/).first()).toBeVisible();
});

test('the Sources page shows each document once, with its kind, linked at its publisher or cited by title', async ({
  page,
}) => {
  await page.goto('/sources');
  await expect(page.locator('.source-list > li')).toHaveCount(sources.length);
  for (const source of sources.filter((entry) => entry.id === 'S1' || entry.id === 'S3')) {
    const entry = page.locator(`li#${source.id}`);
    if (source.url) await expect(entry.getByRole('link', { name: /^Open at / })).toHaveAttribute('href', source.url);
    else await expect(entry.getByText(/^No link:/)).toBeVisible();
  }
  await expect(page.locator('li#S3 .source-kind')).toHaveText('Parliamentary record');
});
