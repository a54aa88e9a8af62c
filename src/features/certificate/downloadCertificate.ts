// Builds the PDF in the browser, offline, and hands it to the learner as a download.
import regularFontUrl from '@expo-google-fonts/atkinson-hyperlegible-next/400Regular/AtkinsonHyperlegibleNext_400Regular.ttf?url';
import boldFontUrl from '@expo-google-fonts/atkinson-hyperlegible-next/700Bold/AtkinsonHyperlegibleNext_700Bold.ttf?url';
import { MARKS, timed } from '../../app/performanceMarks';
import type { CertificatePayload } from '../../certificates/certificateCode';
import type { CertificateLabels } from '../../certificates/certificatePdf';
import { verifyUrl } from '../shared/certificateText';

async function bytes(url: string): Promise<Uint8Array> {
  const response = await fetch(url);
  if (!response.ok) throw new Error(`Could not load ${url}`);
  return new Uint8Array(await response.arrayBuffer());
}

/**
 * The PDF's code and fonts are not part of the offline copy: they are fetched, and kept, the first
 * time a learner makes a PDF. This says that fetch failed, so the page can explain it plainly.
 */
export class PdfNeedsConnection extends Error {}

export async function downloadCertificatePdf(payload: CertificatePayload, code: string, labels: CertificateLabels) {
  const [{ renderCertificatePdf }, regular, bold] = await Promise.all([
    import('../../certificates/certificatePdf'),
    bytes(regularFontUrl),
    bytes(boldFontUrl),
  ]).catch((cause: unknown) => {
    throw new PdfNeedsConnection('The PDF code or fonts could not be fetched', { cause });
  });
  const pdf = await timed(MARKS.certificate, () =>
    renderCertificatePdf({ payload, code, verifyUrl: verifyUrl(code), labels, fonts: { regular, bold } }),
  );
  const url = URL.createObjectURL(new Blob([pdf as BlobPart], { type: 'application/pdf' }));
  const link = document.createElement('a');
  link.href = url;
  link.download = `certificate-${payload.id}.pdf`;
  link.click();
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}
