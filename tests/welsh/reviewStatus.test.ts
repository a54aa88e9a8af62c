// The course calls its Welsh a draft until a fluent speaker's review is recorded, and a recorded
// review holds only while the Welsh it covered is unchanged (locales/cy/REVIEWING.md).
import { existsSync, readFileSync } from 'node:fs';
import { screen } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import reviewStatus from '../../locales/review-status.json';
import { changedSinceReview, REVIEWED_HASH_FILE, reviewedHashes } from '../../scripts/record-review.mjs';
import { localeResources } from '../fixtures/localeResources';
import { renderApp } from '../app/renderApp';

const welsh = localeResources().cy as Record<string, Record<string, string>>;
const hashFile = `locales/cy/${REVIEWED_HASH_FILE}`;

describe('the Welsh review record', () => {
  it('claims a review only with a reviewer, a real past date and the hashes of what was read', () => {
    const { reviewed, reviewedOn, reviewer } = reviewStatus.cy as {
      reviewed: boolean;
      reviewedOn: string | null;
      reviewer: string | null;
    };
    if (!reviewed) {
      // A date or a name without the sign-off would read as one.
      expect({ reviewedOn, reviewer }).toEqual({ reviewedOn: null, reviewer: null });
      return;
    }
    expect(reviewer?.trim()).toBeTruthy();
    expect(reviewedOn).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    expect(Date.parse(reviewedOn ?? '')).toBeLessThanOrEqual(Date.now());
    expect(existsSync(hashFile), `${hashFile} (made by npm run i18n:reviewed)`).toBe(true);
  });

  it('lapses when any Welsh string changes after the review', () => {
    if (!reviewStatus.cy.reviewed) return;
    const hashes = JSON.parse(readFileSync(hashFile, 'utf8'));
    expect(
      changedSinceReview(welsh, hashes),
      'Welsh changed since the recorded review: have these keys re-read, then record the review again',
    ).toEqual([]);
  });

  it('finds a changed and a new string as not reviewed', () => {
    const reviewedText = { ui: { a: 'Helo', b: 'Hwyl' } };
    const hashes = reviewedHashes(reviewedText);
    expect(changedSinceReview(reviewedText, hashes)).toEqual([]);
    expect(changedSinceReview({ ui: { a: 'Helo!', b: 'Hwyl', c: 'Newydd' } }, hashes)).toEqual(['ui:a', 'ui:c']);
  });
});

describe('the draft label', () => {
  afterEach(() => {
    vi.doUnmock('../../locales/review-status.json');
    vi.resetModules();
  });

  it('says the Welsh is a draft on the About page and in the accessibility statement until it is reviewed', async () => {
    if (reviewStatus.cy.reviewed) return;
    const about = renderApp('/about');
    expect(await screen.findByText(/Cymraeg \(Welsh\): a complete draft translation, not yet reviewed/)).toBeVisible();
    about.unmount();
    renderApp('/accessibility');
    expect(await screen.findByText(/The Welsh translation is a complete draft/)).toBeVisible();
  });

  it('says who-reviewed-when and drops the known gap once a review is recorded', async () => {
    vi.doMock('../../locales/review-status.json', () => ({
      default: { cy: { reviewed: true, reviewedOn: '2027-01-31', reviewer: 'A fluent reviewer' } },
    }));
    vi.resetModules();
    const { renderApp: renderReviewedApp } = await import('../app/renderApp');
    const about = renderReviewedApp('/about');
    expect(await screen.findByText('Cymraeg (Welsh): reviewed by a fluent Welsh speaker on 2027-01-31.')).toBeVisible();
    about.unmount();
    renderReviewedApp('/accessibility');
    expect(await screen.findByRole('heading', { level: 1 })).toBeVisible();
    expect(screen.queryByText(/The Welsh translation is a complete draft/)).toBeNull();
  });
});
