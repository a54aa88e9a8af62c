// Renders a certificate as a real text PDF (A4) with pdf-lib: every word is selectable and
// extractable, the font is embedded so Welsh ŵ and ŷ and accented names render, and the QR code is
// drawn as vector squares. Loaded only when a learner asks for a certificate.
import fontkit from '@pdf-lib/fontkit';
import { PDFDocument, rgb, type PDFFont, type PDFPage } from 'pdf-lib';
import QRCode from 'qrcode';
import type { CertificatePayload } from './certificateCode';

export interface CertificateLabels {
  title: string;
  certifies: string;
  role: string | null;
  /** The nation whose law and guidance the modules were taken for, when the certificate records it. */
  nation?: string | null;
  organisation: string;
  completed: string;
  /** Per module: its line, the lessons completed, and the outcomes those lessons teach. */
  modules: {
    line: string;
    lessons: string;
    outcomesIntro: string;
    outcomes: string[];
    /** "Law and guidance checked to <date>", when the certificate recorded it. */
    lawCheckedTo?: string | null;
  }[];
  /** The organisation whose copy of the course issued it, when the build has one. */
  issuer?: string | null;
  cpd: string;
  issued: string;
  refreshBy: string;
  certificateId: string;
  verifyHeading: string;
  verifyInstructions: string;
  proves: string;
  /** The key fingerprints, each labelled as the learner's or the trainer's. */
  fingerprints: string[];
}

export interface CertificateFonts {
  regular: Uint8Array;
  bold: Uint8Array;
}

const A4 = { width: 595.28, height: 841.89 };
const MARGIN = 56;
const INK = rgb(0.04, 0.05, 0.05);
const BRAND = rgb(0.11, 0.21, 0.34);

/** Characters the embedded font cannot draw are replaced, so one unusual letter never breaks the PDF. */
function drawable(font: PDFFont, text: string): string {
  const supported = new Set(font.getCharacterSet());
  return [...text].map((character) => (supported.has(character.codePointAt(0) as number) ? character : '?')).join('');
}

function wrap(font: PDFFont, text: string, size: number, width: number): string[] {
  const lines: string[] = [];
  let line = '';
  for (const word of text.split(/\s+/)) {
    const candidate = line ? `${line} ${word}` : word;
    if (font.widthOfTextAtSize(candidate, size) <= width || !line) line = candidate;
    else {
      lines.push(line);
      line = word;
    }
  }
  if (line) lines.push(line);
  return lines;
}

/** Breaks a long unspaced string (the verification code) into lines that fit. */
function chop(font: PDFFont, text: string, size: number, width: number): string[] {
  const lines: string[] = [];
  let line = '';
  for (const character of text) {
    if (font.widthOfTextAtSize(line + character, size) > width) {
      lines.push(line);
      line = '';
    }
    line += character;
  }
  if (line) lines.push(line);
  return lines;
}

class Writer {
  y = A4.height - MARGIN;
  constructor(
    private page: PDFPage,
    private fonts: { regular: PDFFont; bold: PDFFont },
  ) {}

  text(
    content: string,
    options: {
      size?: number;
      bold?: boolean;
      color?: ReturnType<typeof rgb>;
      gap?: number;
      width?: number;
      x?: number;
    } = {},
  ) {
    const size = options.size ?? 11;
    const font = options.bold ? this.fonts.bold : this.fonts.regular;
    const width = options.width ?? A4.width - MARGIN * 2;
    for (const line of wrap(font, drawable(font, content), size, width)) {
      this.y -= size * 1.35;
      this.page.drawText(line, { x: options.x ?? MARGIN, y: this.y, size, font, color: options.color ?? INK });
    }
    this.y -= options.gap ?? 4;
  }
}

/** Medium error correction survives wear on paper; a long countersigned code falls back to low. */
function qrFor(text: string): ReturnType<typeof QRCode.create> | null {
  for (const errorCorrectionLevel of ['M', 'L'] as const) {
    try {
      return QRCode.create(text, { errorCorrectionLevel });
    } catch {
      // Too long at this level: try the next.
    }
  }
  return null;
}

function drawQr(page: PDFPage, text: string, x: number, y: number, size: number) {
  const qr = qrFor(text);
  if (!qr) return;
  const count = qr.modules.size;
  const cell = size / (count + 8);
  page.drawRectangle({ x, y, width: size, height: size, color: rgb(1, 1, 1) });
  for (let row = 0; row < count; row++) {
    for (let column = 0; column < count; column++) {
      if (!qr.modules.get(row, column)) continue;
      page.drawRectangle({
        x: x + (column + 4) * cell,
        y: y + size - (row + 5) * cell,
        width: cell,
        height: cell,
        color: rgb(0, 0, 0),
      });
    }
  }
}

export async function renderCertificatePdf(input: {
  payload: CertificatePayload;
  code: string;
  verifyUrl: string;
  labels: CertificateLabels;
  fonts: CertificateFonts;
}): Promise<Uint8Array> {
  const { payload, labels } = input;
  const pdf = await PDFDocument.create();
  pdf.registerFontkit(fontkit);
  pdf.setTitle(`${labels.title}: ${payload.name}`);
  pdf.setSubject(labels.title);
  pdf.setCreator('Heard');
  pdf.setLanguage(payload.language === 'cy' ? 'cy-GB' : 'en-GB');
  const fonts = {
    regular: await pdf.embedFont(input.fonts.regular, { subset: true }),
    bold: await pdf.embedFont(input.fonts.bold, { subset: true }),
  };
  const page = pdf.addPage([A4.width, A4.height]);
  page.drawRectangle({ x: 0, y: A4.height - 14, width: A4.width, height: 14, color: BRAND });
  const write = new Writer(page, fonts);

  write.text(labels.title, { size: 26, bold: true, color: BRAND, gap: labels.issuer ? 2 : 14 });
  if (labels.issuer) write.text(labels.issuer, { size: 12, color: BRAND, gap: 14 });
  write.text(labels.certifies, { size: 12 });
  write.text(payload.name, { size: 22, bold: true, gap: 2 });
  if (labels.role) write.text(labels.role, { size: 12, gap: 0 });
  if (payload.organisation) write.text(labels.organisation, { size: 12 });
  write.y -= 8;
  write.text(labels.completed, { size: 12 });
  for (const courseModule of labels.modules) {
    write.text(courseModule.line, { size: 13, bold: true, gap: 2 });
    write.text(courseModule.lessons, { size: 10.5, gap: 2 });
    write.text(courseModule.outcomesIntro, { size: 10, gap: 0 });
    for (const outcome of courseModule.outcomes)
      write.text(`• ${outcome}`, { size: 10, x: MARGIN + 12, width: A4.width - MARGIN * 2 - 12, gap: 0 });
    if (courseModule.lawCheckedTo) write.text(courseModule.lawCheckedTo, { size: 10, gap: 0 });
    write.y -= 8;
  }
  if (labels.nation) write.text(labels.nation, { size: 11, gap: 0 });
  write.text(labels.cpd, { size: 11, gap: 0 });
  write.text(labels.issued, { size: 11, gap: 0 });
  write.text(labels.refreshBy, { size: 11, gap: 0 });
  write.text(labels.certificateId, { size: 11, bold: true, gap: 12 });

  const qrSize = 150;
  const qrTop = Math.min(write.y, 330);
  drawQr(page, input.verifyUrl, A4.width - MARGIN - qrSize, qrTop - qrSize, qrSize);
  write.y = qrTop;
  const textWidth = A4.width - MARGIN * 2 - qrSize - 16;
  write.text(labels.verifyHeading, { size: 12, bold: true, width: textWidth, gap: 2 });
  write.text(labels.verifyInstructions, { size: 9.5, width: textWidth, gap: 6 });
  write.text(labels.proves, { size: 9.5, width: textWidth, gap: 6 });
  for (const line of labels.fingerprints) write.text(line, { size: 9.5, width: textWidth, gap: 2 });
  write.y = Math.min(write.y, qrTop - qrSize - 10);
  for (const line of chop(fonts.regular, input.code, 6.5, A4.width - MARGIN * 2)) {
    write.y -= 8;
    page.drawText(line, { x: MARGIN, y: write.y, size: 6.5, font: fonts.regular, color: INK });
  }
  return pdf.save();
}
