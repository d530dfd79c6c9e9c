import './survey-staff.css';
import { formTokenFromFragment } from '@vi/domain';
import { useLocale, useT } from '@vi/ui';
import { useState } from 'react';
import { formatDateTime } from './date-format.ts';
import { surveyStaffMessages } from './survey-staff-messages.ts';

/** The link's token in groups of four, so a worker can read it out over the phone without losing place. */
export function tokenGroups(url: string): string[] {
  const hash = url.includes('#') ? url.slice(url.indexOf('#')) : '';
  const token = formTokenFromFragment(hash) ?? '';
  return token.match(/.{1,4}/g) ?? [];
}

export type IssuedSurveyLink = { url: string; smsSent: boolean; expiresAt: string };

/**
 * The survey link the gateway returned for this call, shown once: only its hash is stored, so
 * after this screen nobody can see it again. Says whether the SMS went, and gives the worker a
 * copy button and the code in groups to read out when it did not.
 */
export function SurveyLinkNotice({ link, notTakenNext }: { link: IssuedSurveyLink; notTakenNext: boolean }) {
  const t = useT(surveyStaffMessages);
  const { locale } = useLocale();
  const [copied, setCopied] = useState<'yes' | 'failed' | null>(null);
  const groups = tokenGroups(link.url);
  return (
    <aside className="or-notice or-survey-link" aria-labelledby="survey-link-heading">
      <h2 id="survey-link-heading">{t('link.heading')}</h2>
      <p>{t(link.smsSent ? 'link.smsSent' : 'link.smsNotSent')}</p>
      <p>{t('link.once', { date: formatDateTime(link.expiresAt, locale) })}</p>
      <p>
        <span className="or-survey-link__label">{t('link.address')}: </span>
        <code className="or-survey-link__url" data-testid="survey-link-url">
          {link.url}
        </code>
      </p>
      <p className="or-call-actions">
        <button
          type="button"
          className="vi-button"
          onClick={async () => {
            try {
              await navigator.clipboard.writeText(link.url);
              setCopied('yes');
            } catch {
              setCopied('failed');
            }
          }}
        >
          {t('link.copy')}
        </button>
      </p>
      <p role="status">{copied ? t(copied === 'yes' ? 'link.copied' : 'link.copyFailed') : null}</p>
      {groups.length > 0 ? (
        <>
          <p>{t('link.readAloud')}</p>
          <p className="or-survey-link__groups" translate="no">
            {groups.join(' ')}
          </p>
        </>
      ) : null}
      {notTakenNext ? <p>{t('link.notTakenNext')}</p> : null}
    </aside>
  );
}
