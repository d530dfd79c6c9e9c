import { formatDateTime, useLocale, useT } from '@vi/ui';
import QRCode from 'qrcode';
import { useEffect, useState } from 'react';
import { participantFormUrl } from './app-path.ts';
import { screenMessages } from './screen-messages.ts';

export type OpenedFormLink = { token: string; kind: 'BASELINE' | 'END'; expiresAt: string; who: string };

/**
 * The one-time link just opened for a participant: a QR code for their own phone, the address, and a
 * button to open it on this device when the leader hands the tablet over. The token lives only in
 * this component's state and in the URL fragment, which browsers never send to a server.
 */
export function FormLinkPanel({ link }: { link: OpenedFormLink }) {
  const t = useT(screenMessages);
  const { locale } = useLocale();
  const url = participantFormUrl(link.token);
  const [qr, setQr] = useState<string | null>(null);
  useEffect(() => {
    let cancelled = false;
    QRCode.toDataURL(url, { margin: 2, width: 240, errorCorrectionLevel: 'M' }).then((data) => {
      if (!cancelled) setQr(data);
    });
    return () => {
      cancelled = true;
    };
  }, [url]);
  const form = link.kind === 'BASELINE' ? t('course.baseline') : t('course.end');
  const time = formatDateTime(link.expiresAt, locale);
  return (
    <section className="gc-link-panel" aria-labelledby="form-link-heading">
      <h3 id="form-link-heading">{t('course.linkHeading', { form: form.toLowerCase(), who: link.who })}</h3>
      <p>{t('course.linkHelp', { time })}</p>
      {qr ? <img src={qr} width={240} height={240} alt={t('course.qrAlt')} /> : null}
      <p>
        <span className="gc-muted">{t('course.linkAddress')}: </span>
        <code className="gc-link-address" data-testid="form-link">
          {url}
        </code>
      </p>
      <a className="vi-button" href={url} target="_blank" rel="noreferrer noopener">
        {t('course.handOver')}
      </a>
    </section>
  );
}
