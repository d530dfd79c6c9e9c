// What the adviser's and the psychologist's workspaces share: the received referral's handed-over
// fields (only those the sender was allowed to send) and the status change.
import {
  AGE_GROUPS,
  HATE_CRIME_MOTIVE_CATEGORIES,
  HATE_CRIME_NEED_ANSWERS,
  HATE_CRIME_REFERRAL_STATUSES,
  LEGAL_TASK_KINDS,
  labelOf,
  PSYCHOLOGICAL_SUPPORT_FORMS,
} from '@vi/domain';
import { FieldErrors, useLocale, useT } from '@vi/ui';
import { type ReactNode, useId, useRef, useState } from 'react';
import { useMutation } from 'urql';
import { graphql, type ResultOf } from '../../graphql.ts';
import { formatDate, formatDateTime } from '../date-format.ts';
import { formatPhoneForReading, phoneHref } from '../phone-format.ts';
import { hateCrimeMessages } from './hate-crime-messages.ts';
import { DateField, errorsOf, ProblemAlert, problemOf, todayIso } from './hate-crime-ui.tsx';

export const ReceivedFields = graphql(`
  fragment ReceivedFields on ReceivedHateCrimeReferral {
    id
    pseudonym
    senderName
    track
    status
    nextStatuses
    sentOn
    startedOn
    consentGivenAt
    alias
    phone
    contactTimes
    preferredLanguage
    interpreterNeeded
    needFirmness
    incidentDate
    policeReportFiled
    policeJournalNumber
    legalTaskKinds
    psychologicalForms
    ageGroup
    hateMotive
  }
`);

export type Received = ResultOf<typeof ReceivedFields>;

/** The handed-over fields as a definition list; a field the track does not receive is not shown. */
export function HandedOver({ referral }: { referral: Received }) {
  const t = useT(hateCrimeMessages);
  const { locale } = useLocale();
  const yesNo = (v: boolean | null) => (v === null ? null : v ? t('common.yes') : t('common.no'));
  // The number as people read and dial it, a link as on the counsellor's screen (issue 13).
  const phone = referral.phone ? (
    <a className="or-phone" href={phoneHref(referral.phone)}>
      {formatPhoneForReading(referral.phone)}
    </a>
  ) : null;
  const rows: Array<[string, ReactNode]> = [
    [t('inbox.sentOn'), formatDate(referral.sentOn, locale)],
    [t('inbox.consentAt'), formatDateTime(referral.consentGivenAt, locale)],
    [t('inbox.status'), labelOf(HATE_CRIME_REFERRAL_STATUSES, referral.status, locale)],
    [t('inbox.need'), labelOf(HATE_CRIME_NEED_ANSWERS, referral.needFirmness, locale)],
    [t('register.alias'), referral.alias],
    [t('register.phone'), phone],
    [t('refer.contactTimes'), referral.contactTimes],
    [t('refer.preferredLanguage'), referral.preferredLanguage],
    [t('refer.interpreterNeeded'), yesNo(referral.interpreterNeeded)],
    [t('refer.incidentDate'), referral.incidentDate ? formatDate(referral.incidentDate, locale) : null],
    [t('refer.policeReportFiled'), yesNo(referral.policeReportFiled)],
    [t('refer.policeJournalNumber'), referral.policeJournalNumber],
    [
      t('refer.legalTaskKinds'),
      referral.legalTaskKinds.length
        ? referral.legalTaskKinds.map((k) => labelOf(LEGAL_TASK_KINDS, k, locale)).join(', ')
        : null,
    ],
    [
      t('refer.psychologicalForms'),
      referral.psychologicalForms.length
        ? referral.psychologicalForms.map((f) => labelOf(PSYCHOLOGICAL_SUPPORT_FORMS, f, locale)).join(', ')
        : null,
    ],
    [t('refer.ageGroup'), referral.ageGroup ? labelOf(AGE_GROUPS, referral.ageGroup as never, locale) : null],
    [
      t('refer.hateMotive'),
      referral.hateMotive
        ? (HATE_CRIME_MOTIVE_CATEGORIES.find((m) => m.code === referral.hateMotive)?.policeCategory[locale] ??
          null)
        : null,
    ],
  ];
  return (
    <dl className="or-summary">
      {rows
        .filter(([, value]) => value !== null)
        .map(([label, value]) => (
          <div key={label} className="or-summary-row">
            <dt>{label}</dt>
            <dd>{value}</dd>
          </div>
        ))}
    </dl>
  );
}

const LegalStatusMutation = graphql(`
  mutation ChangeLegalReferralStatus($id: ID!, $input: HateCrimeReferralStatusInput!) {
    changeLegalReferralStatus(hateCrimeReferralId: $id, input: $input) { id status nextStatuses startedOn }
  }
`);

const PsychologicalStatusMutation = graphql(`
  mutation ChangePsychologicalReferralStatus($id: ID!, $input: HateCrimeReferralStatusInput!) {
    changePsychologicalReferralStatus(hateCrimeReferralId: $id, input: $input) { id status nextStatuses startedOn }
  }
`);

/** Moves the referral to one of the statuses the domain allows next. */
export function StatusForm({ referral }: { referral: Received }) {
  const t = useT(hateCrimeMessages);
  const { locale } = useLocale();
  const ids = useId();
  const [to, setTo] = useState(referral.nextStatuses[0] ?? '');
  const [on, setOn] = useState(todayIso());
  const [legalState, changeLegal] = useMutation(LegalStatusMutation);
  const [psychState, changePsych] = useMutation(PsychologicalStatusMutation);
  const legal = referral.track === 'LEGAL_FINANCIAL';
  const state = legal ? legalState : psychState;
  const change = legal ? changeLegal : changePsych;
  const problem = problemOf(state.error);
  if (referral.nextStatuses.length === 0) return null;
  return (
    <form
      className="or-form or-inline-form"
      noValidate
      aria-label={`${t('inbox.change')} ${referral.pseudonym}`}
      onSubmit={async (event) => {
        event.preventDefault();
        if (to) await change({ id: referral.id, input: { status: to as Received['status'], on } });
      }}
    >
      <div className="vi-field">
        <label htmlFor={`${ids}-to`}>{t('inbox.moveTo')}</label>
        <select
          id={`${ids}-to`}
          value={to}
          onChange={(e) => setTo(e.target.value as Received['status'])}
          aria-invalid={errorsOf(problem, 'status').length > 0 || undefined}
          aria-describedby={errorsOf(problem, 'status').length > 0 ? `${ids}-to-errors` : undefined}
        >
          {referral.nextStatuses.map((s) => (
            <option key={s} value={s}>
              {labelOf(HATE_CRIME_REFERRAL_STATUSES, s, locale)}
            </option>
          ))}
        </select>
        <FieldErrors id={`${ids}-to-errors`} errors={errorsOf(problem, 'status')} />
      </div>
      <DateField
        id={`${ids}-on`}
        label={t('inbox.on')}
        value={on}
        max={todayIso()}
        onChange={setOn}
        errors={errorsOf(problem, 'on')}
      />
      <ProblemAlert problem={problem} fields={['status', 'on']} />
      <button type="submit" className="vi-button" disabled={state.fetching}>
        {t('inbox.change')}
      </button>
    </form>
  );
}

/**
 * The received referrals to work on first, the finished ones (no status left to move to) folded
 * below: with a year's referrals every card opened made the adviser's start screen ~25,000 px on a
 * phone. A referral open when the screen was first shown stays in the open list for this visit,
 * so a card just closed does not jump away from under the user's hands.
 */
export function useOpenReferralsFirst<T>(
  items: readonly T[] | undefined,
  referralOf: (item: T) => Received,
): { open: T[]; finished: T[] } {
  const openAtLoad = useRef<Set<string> | null>(null);
  if (items && openAtLoad.current === null)
    openAtLoad.current = new Set(
      items.map(referralOf).flatMap((r) => (r.nextStatuses.length > 0 ? [r.id] : [])),
    );
  const open: T[] = [];
  const finished: T[] = [];
  for (const item of items ?? []) {
    const referral = referralOf(item);
    if (referral.nextStatuses.length > 0 || openAtLoad.current?.has(referral.id)) open.push(item);
    else finished.push(item);
  }
  return { open, finished };
}

/** The finished referrals, folded under their count. */
export function FinishedReferrals({ count, children }: { count: number; children: ReactNode }) {
  const t = useT(hateCrimeMessages);
  if (count === 0) return null;
  return (
    <details className="or-finished">
      <summary>{t('inbox.finished', { count })}</summary>
      {children}
    </details>
  );
}
