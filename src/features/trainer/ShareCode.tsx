import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import QRCode from 'qrcode';
import { downloadText } from './downloadText';

/** A QR code drawn as SVG squares (the CSP allows no inline styles); null when the text is too long for one. */
function ShareQr({ text, label }: { text: string; label: string }) {
  const cells = useMemo(() => {
    try {
      const qr = QRCode.create(text, { errorCorrectionLevel: 'L' });
      const size = qr.modules.size;
      const squares: { x: number; y: number }[] = [];
      for (let y = 0; y < size; y++) for (let x = 0; x < size; x++) if (qr.modules.get(y, x)) squares.push({ x, y });
      return { size, squares };
    } catch {
      return null;
    }
  }, [text]);
  const { t } = useTranslation('trainer');
  if (!cells) return <p className="hint">{t('share.qrTooLong')}</p>;
  const border = 4;
  const extent = cells.size + border * 2;
  return (
    <svg
      className="share-qr"
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

/** A signed link three ways: to copy, as a QR code, and as a small file that holds the link. */
export function ShareCode({
  id,
  link,
  linkLabel,
  qrLabel,
  fileName,
  downloadLabel,
}: {
  id: string;
  link: string;
  linkLabel: string;
  /** Omit for no QR code. */
  qrLabel?: string;
  fileName: string;
  downloadLabel: string;
}) {
  const { t } = useTranslation('trainer');
  const [copied, setCopied] = useState<'yes' | 'no' | null>(null);
  const copy = async () => {
    try {
      await navigator.clipboard.writeText(link);
      setCopied('yes');
    } catch {
      setCopied('no');
    }
  };
  return (
    <div className="share">
      <div className="field">
        <label htmlFor={id}>{linkLabel}</label>
        <input
          id={id}
          type="text"
          readOnly
          value={link}
          onFocus={(event) => event.target.select()}
          className="share__link"
        />
      </div>
      <div className="button-row">
        <button type="button" className="button button--secondary" onClick={() => void copy()}>
          {t('share.copy')}
        </button>
        <button type="button" className="button button--secondary" onClick={() => downloadText(fileName, `${link}\n`)}>
          {downloadLabel}
        </button>
      </div>
      <p role="status">{copied === 'yes' ? t('share.copied') : copied === 'no' ? t('share.copyFailed') : ''}</p>
      {qrLabel && <ShareQr text={link} label={qrLabel} />}
    </div>
  );
}
