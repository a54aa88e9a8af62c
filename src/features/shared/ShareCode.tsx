import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { QrCode } from './QrCode';
import { downloadText } from './downloadText';

/** Signed codes are long, so the QR code uses the lowest error correction, which fits the most. */
function ShareQr({ text, label }: { text: string; label: string }) {
  const { t } = useTranslation('trainer');
  return (
    <QrCode
      text={text}
      label={label}
      errorCorrectionLevel="L"
      className="share-qr"
      tooLong={<p className="hint">{t('share.qrTooLong')}</p>}
    />
  );
}

/** A signed link three ways: to copy, as a QR code, and as a small file that holds the link. */
export function ShareCode({
  id,
  link,
  linkLabel,
  copyLabel,
  qrLabel,
  fileName,
  downloadLabel,
}: {
  id: string;
  link: string;
  linkLabel: string;
  /** Names what is copied, so two copy buttons on one page never share a name. */
  copyLabel: string;
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
          {copyLabel}
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
