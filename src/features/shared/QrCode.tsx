import { useMemo, type ReactNode } from 'react';
import QRCode from 'qrcode';

/**
 * A QR code drawn as SVG squares: no canvas, no inline markup (the CSP allows no inline styles),
 * crisp when printed. Text too long for any QR code shows `tooLong` instead.
 */
export function QrCode({
  text,
  label,
  errorCorrectionLevel = 'M',
  className = 'qr-code',
  tooLong = null,
}: {
  text: string;
  label: string;
  /** 'L' fits longer text (a signed assignment or receipt); 'M' survives more wear on paper. */
  errorCorrectionLevel?: 'L' | 'M';
  className?: string;
  tooLong?: ReactNode;
}) {
  const cells = useMemo(() => {
    try {
      const qr = QRCode.create(text, { errorCorrectionLevel });
      const size = qr.modules.size;
      const squares: { x: number; y: number }[] = [];
      for (let y = 0; y < size; y++) for (let x = 0; x < size; x++) if (qr.modules.get(y, x)) squares.push({ x, y });
      return { size, squares };
    } catch {
      return null;
    }
  }, [text, errorCorrectionLevel]);
  if (!cells) return tooLong;
  const border = 4;
  const extent = cells.size + border * 2;
  return (
    <svg
      className={className}
      viewBox={`0 0 ${extent} ${extent}`}
      role="img"
      aria-label={label}
      shapeRendering="crispEdges"
    >
      <rect width={extent} height={extent} fill="#fff" />
      {cells.squares.map(({ x, y }) => (
        <rect key={`${x}-${y}`} x={x + border} y={y + border} width={1} height={1} fill="#000" />
      ))}
    </svg>
  );
}
