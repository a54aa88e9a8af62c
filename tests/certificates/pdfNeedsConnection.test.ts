// The PDF's code and fonts are fetched on first use (they are not in the offline copy), so a fetch
// that fails must come back as the one error the certificate page explains in plain words.
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { CertificatePayload } from '../../src/certificates/certificateCode';
import type { CertificateLabels } from '../../src/certificates/certificatePdf';
import { downloadCertificatePdf, PdfNeedsConnection } from '../../src/features/certificate/downloadCertificate';

describe('making a PDF without a connection', () => {
  afterEach(() => vi.unstubAllGlobals());

  it('says it needs a connection when its fonts cannot be fetched', async () => {
    const fetch = vi.fn(() => Promise.reject(new TypeError('Failed to fetch')));
    vi.stubGlobal('fetch', fetch);
    const made = downloadCertificatePdf({} as CertificatePayload, 'code', {} as CertificateLabels);
    await expect(made).rejects.toBeInstanceOf(PdfNeedsConnection);
    expect(fetch).toHaveBeenCalled();
  });
});
