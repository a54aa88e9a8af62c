// Self-declared certificates are never offered as Open Badges: the trainer's badge button reads the
// code's payload and shows only for a countersigned one, and issuing refuses a self-declared code.
import { describe, expect, it } from 'vitest';
import { encodeCertificate, readCertificatePayload } from '../../src/certificates/certificateCode';
import { generateSigningKeys } from '../../src/certificates/signing';
import { HeardDatabase } from '../../src/storage/database';
import { BadgeIssueError, issueOpenBadge } from '../../src/trainer/openBadgeIssue';

const payload = {
  v: 1 as const,
  id: 'ABCD-EFGH-JKLM',
  name: 'Siân Learner',
  role: null,
  organisation: '',
  modules: [{ id: 'practice', lessons: ['basics'], correct: 2, total: 2, completedAt: '2026-11-24' }],
  cpdMinutes: 5,
  issuedAt: '2026-11-25',
  refreshBy: '2029-11-25',
  language: 'en',
};

describe('Open Badges are offered only for countersigned certificates', () => {
  it('reads a self-declared code as having no countersignature, and refuses to issue it', async () => {
    const code = await encodeCertificate(payload, await generateSigningKeys());
    expect(readCertificatePayload(code)).toMatchObject({ id: 'ABCD-EFGH-JKLM' });
    expect(readCertificatePayload(code)?.countersign).toBeUndefined();
    expect(readCertificatePayload('not a code')).toBeNull();
    const db = new HeardDatabase(`badge-offer-${Math.random()}`);
    const words = { name: 'x', description: 'x', criteria: 'x', evidenceName: 'x' };
    await expect(issueOpenBadge(db, code, { words, now: 0, verifyBase: null })).rejects.toEqual(
      new BadgeIssueError('self-declared'),
    );
  });
});
