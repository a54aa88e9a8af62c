// Generates a real certificate PDF, then reads it back with poppler's pdftotext (the same text a
// screen reader or an auditor's tools would get) and renders page 1 to PNG with pdftoppm.
import { execFileSync } from 'node:child_process';
import { mkdirSync, readFileSync, writeFileSync, existsSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { encodeCertificate, decodeCertificate, type CertificatePayload } from '../../src/certificates/certificateCode';
import { renderCertificatePdf } from '../../src/certificates/certificatePdf';
import { generateSigningKeys } from '../../src/certificates/signing';

const fontFolder = 'node_modules/@expo-google-fonts/atkinson-hyperlegible-next';
const fonts = {
  regular: new Uint8Array(readFileSync(`${fontFolder}/400Regular/AtkinsonHyperlegibleNext_400Regular.ttf`)),
  bold: new Uint8Array(readFileSync(`${fontFolder}/700Bold/AtkinsonHyperlegibleNext_700Bold.ttf`)),
};

const payload: Omit<CertificatePayload, 'key'> = {
  v: 1,
  id: 'ABCD-EFGH-JKLM',
  name: 'Siân Ŵyn-Dafydd Ŷr',
  role: 'health',
  organisation: 'Bwrdd Iechyd Example',
  modules: [{ id: 'adultification', correct: 12, total: 13, completedAt: '2026-11-20' }],
  cpdMinutes: 45,
  issuedAt: '2026-11-23',
  refreshBy: '2029-11-23',
  language: 'en',
};

describe('certificate PDF', () => {
  it('is a real text PDF with every field, and page 1 renders to PNG', async () => {
    const code = await encodeCertificate(payload, await generateSigningKeys());
    const verified = await decodeCertificate(code);
    if (!verified.ok) throw new Error('certificate did not verify');
    const pdf = await renderCertificatePdf({
      payload: verified.payload,
      code,
      verifyUrl: `https://heard.example/verify#${code}`,
      fonts,
      labels: {
        title: 'Certificate of completion',
        issuer: 'Training provided by Anytown Borough Council',
        certifies: 'This is to certify that',
        role: 'Role: Health',
        organisation: 'Organisation: Bwrdd Iechyd Example',
        completed: 'completed the Heard safeguarding training module:',
        modules: [
          {
            line: 'Adultification: seeing the child: 92% (12 of 13 decisions), completed 20 November 2026',
            lessons: 'Part of the module, 2 of its 3 lessons: Seeing the child; The law and the record.',
            outcomesIntro: 'What these lessons teach:',
            outcomes: ['Explain what adultification is.'],
            lawCheckedTo: 'Law and guidance checked to 4 December 2026.',
          },
        ],
        cpd: 'CPD: 45 minutes',
        issued: 'Issued 23 November 2026.',
        refreshBy: 'Refresh by 23 November 2029.',
        certificateId: 'Certificate ID: ABCD-EFGH-JKLM',
        verifyHeading: 'Check this certificate',
        verifyInstructions: 'Scan the QR code.',
        proves: 'What this proves: self-declared.',
        fingerprints: ['Learner’s device key fingerprint: 0123 4567 89AB CDEF 0123 4567 89AB CDEF'],
      },
    });
    mkdirSync('reports', { recursive: true });
    writeFileSync('reports/certificate.pdf', pdf);
    const text = execFileSync('pdftotext', ['-layout', 'reports/certificate.pdf', '-'], { encoding: 'utf8' }).replace(
      /\s+/g,
      ' ',
    );
    for (const field of [
      'Certificate of completion',
      'Siân Ŵyn-Dafydd Ŷr',
      'Role: Health',
      'Part of the module, 2 of its 3 lessons',
      'What these lessons teach:',
      'Learner’s device key fingerprint: 0123 4567 89AB CDEF 0123 4567 89AB CDEF',
      'Bwrdd Iechyd Example',
      'Adultification: seeing the child: 92% (12 of 13 decisions)',
      'completed 20 November 2026',
      'Explain what adultification is.',
      'Training provided by Anytown Borough Council',
      'Law and guidance checked to 4 December 2026.',
      'CPD: 45 minutes',
      'Refresh by 23 November 2029.',
      'ABCD-EFGH-JKLM',
      'self-declared',
    ]) {
      expect(text).toContain(field);
    }
    execFileSync('pdftoppm', ['-png', '-r', '50', '-singlefile', 'reports/certificate.pdf', 'reports/certificate']);
    expect(existsSync('reports/certificate.png')).toBe(true);
  });
});
