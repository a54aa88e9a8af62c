import { useMemo } from 'react';
import QRCode from 'qrcode';

/** A QR code drawn as SVG squares: no canvas, no inline markup, crisp when printed. */
export function QrCode({ text, label }: { text: string; label: string }) {
  const cells = useMemo(() => {
    const qr = QRCode.create(text, { errorCorrectionLevel: 'M' });
    const size = qr.modules.size;
    const squares: { x: number; y: number }[] = [];
    for (let y = 0; y < size; y++) for (let x = 0; x < size; x++) if (qr.modules.get(y, x)) squares.push({ x, y });
    return { size, squares };
  }, [text]);
  const border = 4;
  const extent = cells.size + border * 2;
  return (
    <svg
      className="qr-code"
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
