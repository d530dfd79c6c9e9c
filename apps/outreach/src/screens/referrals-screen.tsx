import type { FieldError } from '@vi/domain';
import {
  INCIDENT_TYPES,
  LOST_REASONS,
  labelOf,
  PERSON_ROLES,
  REFERRAL_ATTEMPT_KINDS,
  type ReferralAttemptKindCode,
  type ReferralResultCode,
} from '@vi/domain';
import { describeRequestProblem, FieldErrors, fieldErrorsFor, useLocale, useProblemText, useT } from '@vi/ui';
import { useId, useState } from 'react';
import { useMutation, useQuery } from 'urql';
import { graphql, type ResultOf } from '../graphql.ts';
import { formatDate, formatDateTime } from './date-format.ts';
import { screenMessages } from './outreach-screen-messages.ts';
import { formatPhoneForReading, phoneHref } from './phone-format.ts';

const ReferralsQuery = graphql(`
  query Referrals {
    waitingReferrals { id pseudonym incidentType role daysWaiting }
    myReferrals {
      id
      pseudonym
      incidentType
      occurredOn
      role
      daysWaiting
      name
      phone
      attempts { id at kind note }
    }
  }
`);

const TakeMutation = graphql(`
  mutation TakeReferral($referralId: ID!) {
    takeReferral(referralId: $referralId) { id status }
  }
`);

const LogAttemptMutation = graphql(`
  mutation LogReferralAttempt($referralId: ID!, $input: ReferralAttemptInput!) {
    logReferralAttempt(referralId: $referralId, input: $input) { id status attempts { id at kind note } }
  }
`);

const ResultMutation = graphql(`
  mutation RecordReferralResult($referralId: ID!, $input: ReferralResultInput!) {
    recordReferralResult(referralId: $referralId, input: $input) { id status }
  }
`);

type MyReferral = ResultOf<typeof ReferralsQuery>['myReferrals'][number];
type LostReasonCode = (typeof LOST_REASONS)[number]['code'];
// "Registreret som andet" is not offered: an artefact of the old survey tool (before spring 2019
// outreach referrals could not be registered as such). Old referrals keep it; the gateway refuses it
// for new closures, and its label stays in the catalogue so old ones read right.
const RESULTS: readonly ReferralResultCode[] = ['CONVERSATION_HELD', 'LOST'];

type AttemptKind = ReferralAttemptKindCode;
const ATTEMPT_KINDS: readonly AttemptKind[] = REFERRAL_ATTEMPT_KINDS.map((kind) => kind.code);
const MAX_NOTE_LENGTH = 500;

/** The counsellor's own call-backs and notes on the referral, newest first, and a form to add one. */
function AttemptLog({ referral }: { referral: MyReferral }) {
  const t = useT(screenMessages);
  const { locale } = useLocale();
  const problemText = useProblemText();
  const ids = useId();
  const [kind, setKind] = useState<AttemptKind | null>(null);
  const [note, setNote] = useState('');
  const [localErrors, setLocalErrors] = useState<FieldError[]>([]);
  const [saved, setSaved] = useState(false);
  const [state, log] = useMutation(LogAttemptMutation);
  const problem = state.error ? describeRequestProblem(state.error) : null;
  const errorsFor = (field: string) => [
    ...localErrors.filter((e) => e.field === field),
    ...fieldErrorsFor(problem, field),
  ];
  const kindErrors = errorsFor('kind');
  const noteErrors = errorsFor('note');

  return (
    <section aria-labelledby={`${ids}-log-heading`} className="or-referral-log">
      <h4 id={`${ids}-log-heading`}>{t('referrals.log.heading')}</h4>
      {referral.attempts.length === 0 ? (
        <p>{t('referrals.log.none')}</p>
      ) : (
        <ol className="or-attempts">
          {referral.attempts.map((a) => (
            <li
              key={a.id}
              className={a.kind === 'NOT_SAFE_TO_TALK' ? 'or-attempt or-attempt--unsafe' : 'or-attempt'}
            >
              <time dateTime={a.at}>{formatDateTime(a.at, locale)}</time>{' '}
              {a.kind === 'NOT_SAFE_TO_TALK' ? (
                <strong>{labelOf(REFERRAL_ATTEMPT_KINDS, a.kind, locale)}</strong>
              ) : (
                labelOf(REFERRAL_ATTEMPT_KINDS, a.kind, locale)
              )}
              {a.note ? <>: {a.note}</> : null}
            </li>
          ))}
        </ol>
      )}
      <form
        className="or-form"
        aria-labelledby={`${ids}-form-heading`}
        noValidate
        onSubmit={async (event) => {
          event.preventDefault();
          setSaved(false);
          const errors: FieldError[] = [];
          if (!kind) {
            errors.push({
              field: 'kind',
              code: 'REQUIRED',
              message: { da: 'Vælg hvad der skete.', en: 'Choose what happened.' },
            });
          }
          if (kind === 'NOTE' && note.trim() === '') {
            errors.push({
              field: 'note',
              code: 'REQUIRED',
              message: { da: 'Skriv noten.', en: 'Write the note.' },
            });
          }
          setLocalErrors(errors);
          if (errors.length > 0 || !kind) return;
          const response = await log({
            referralId: referral.id,
            input: { kind, note: note.trim() === '' ? null : note },
          });
          if (response.data?.logReferralAttempt) {
            setKind(null);
            setNote('');
            setSaved(true);
          }
        }}
      >
        <h5 id={`${ids}-form-heading`} className="vi-visually-hidden">
          {t('referrals.log.form', { pseudonym: referral.pseudonym })}
        </h5>
        <fieldset aria-describedby={kindErrors.length ? `${ids}-kind-errors` : undefined}>
          <legend>{t('referrals.log.kind')}</legend>
          {ATTEMPT_KINDS.map((code) => (
            <div key={code} className="or-choice">
              <input
                type="radio"
                id={`${ids}-kind-${code}`}
                name={`${ids}-kind`}
                checked={kind === code}
                onChange={() => setKind(code)}
              />
              <label htmlFor={`${ids}-kind-${code}`}>{labelOf(REFERRAL_ATTEMPT_KINDS, code, locale)}</label>
            </div>
          ))}
          <FieldErrors id={`${ids}-kind-errors`} errors={kindErrors} />
        </fieldset>
        <div className="vi-field">
          <label htmlFor={`${ids}-note`}>{t('referrals.log.note', { max: MAX_NOTE_LENGTH })}</label>
          <textarea
            id={`${ids}-note`}
            rows={2}
            maxLength={MAX_NOTE_LENGTH}
            value={note}
            onChange={(e) => setNote(e.target.value)}
            aria-invalid={noteErrors.length > 0 || undefined}
            aria-describedby={noteErrors.length ? `${ids}-note-errors` : undefined}
          />
          <FieldErrors id={`${ids}-note-errors`} errors={noteErrors} />
        </div>
        <div aria-live="polite">
          {saved ? <p className="or-success">{t('referrals.log.saved')}</p> : null}
        </div>
        {problem && problem.fields.length === 0 ? (
          <p role="alert" className="or-alert">
            {problemText(problem)}
          </p>
        ) : null}
        <button type="submit" className="vi-button" disabled={state.fetching}>
          {state.fetching ? t('common.saving') : t('referrals.log.save')}
        </button>
      </form>
    </section>
  );
}

/** One referral the counsellor holds: whom to call (once), the incident, the call-back log, the result. */
function MyReferralCard({
  referral,
  onClosed,
}: {
  referral: MyReferral;
  onClosed: (pseudonym: string) => void;
}) {
  const t = useT(screenMessages);
  const { locale } = useLocale();
  const ids = useId();
  return (
    <article aria-labelledby={`${ids}-heading`} className="or-referral">
      <h3 id={`${ids}-heading`}>{referral.pseudonym}</h3>
      <p>
        {t('referrals.callName', { name: referral.name ?? t('call.noName') })}{' '}
        {referral.phone ? (
          <a className="or-phone" href={phoneHref(referral.phone)}>
            {formatPhoneForReading(referral.phone)}
          </a>
        ) : (
          t('common.unknown')
        )}
      </p>
      <p>
        {t('referrals.incident', {
          type: labelOf(INCIDENT_TYPES, referral.incidentType, locale),
          date: formatDate(referral.occurredOn, locale),
        })}{' '}
        · {labelOf(PERSON_ROLES, referral.role, locale)}
      </p>
      <AttemptLog referral={referral} />
      <ResultForm referral={referral} onClosed={onClosed} />
    </article>
  );
}

function ResultForm({ referral, onClosed }: { referral: MyReferral; onClosed: (pseudonym: string) => void }) {
  const t = useT(screenMessages);
  const { locale } = useLocale();
  const problemText = useProblemText();
  const ids = useId();
  const [result, setResult] = useState<ReferralResultCode | null>(null);
  const [lostReason, setLostReason] = useState<LostReasonCode | ''>('');
  const [state, save] = useMutation(ResultMutation);
  const problem = state.error ? describeRequestProblem(state.error) : null;
  const lostErrors = fieldErrorsFor(problem, 'lostReason');

  return (
    <form
      className="or-form"
      aria-labelledby={`${ids}-heading`}
      onSubmit={async (event) => {
        event.preventDefault();
        if (!result) return;
        const response = await save({
          referralId: referral.id,
          input: { result, lostReason: result === 'LOST' && lostReason ? lostReason : null },
        });
        if (response.data?.recordReferralResult) onClosed(referral.pseudonym);
      }}
    >
      <h4 id={`${ids}-heading`}>{t('referrals.result', { pseudonym: referral.pseudonym })}</h4>
      <fieldset>
        <legend className="vi-visually-hidden">
          {t('referrals.result', { pseudonym: referral.pseudonym })}
        </legend>
        {RESULTS.map((code) => (
          <div key={code} className="or-choice">
            <input
              type="radio"
              id={`${ids}-${code}`}
              name={`${ids}-result`}
              checked={result === code}
              onChange={() => setResult(code)}
            />
            <label htmlFor={`${ids}-${code}`}>{t(`referrals.result.${code}`)}</label>
          </div>
        ))}
      </fieldset>
      {result === 'LOST' ? (
        <div className="vi-field">
          <label htmlFor={`${ids}-lost`}>{t('referrals.lostReason')}</label>
          <select
            id={`${ids}-lost`}
            value={lostReason}
            onChange={(e) => setLostReason(e.target.value as LostReasonCode | '')}
            aria-invalid={lostErrors.length > 0 || undefined}
            aria-describedby={lostErrors.length ? `${ids}-lost-errors` : undefined}
          >
            <option value="">{t('referrals.choose')}</option>
            {LOST_REASONS.map((r) => (
              <option key={r.code} value={r.code}>
                {labelOf(LOST_REASONS, r.code, locale)}
              </option>
            ))}
          </select>
          <FieldErrors id={`${ids}-lost-errors`} errors={lostErrors} />
        </div>
      ) : null}
      {problem && problem.fields.length === 0 ? (
        <p role="alert" className="or-alert">
          {problemText(problem)}
        </p>
      ) : null}
      <button type="submit" className="vi-button vi-button--primary" disabled={!result || state.fetching}>
        {t('referrals.close')}
      </button>
    </form>
  );
}

/** Step 3 and 4 at the counsellor: referrals waiting (days waiting), take one, record the result. */
export function ReferralsScreen() {
  const t = useT(screenMessages);
  const { locale } = useLocale();
  const problemText = useProblemText();
  // Taking or closing a referral returns a Referral, so urql refetches this query by itself.
  const [{ data, error, fetching }] = useQuery({
    query: ReferralsQuery,
    requestPolicy: 'cache-and-network',
  });
  const [taking, take] = useMutation(TakeMutation);
  const [closedMessage, setClosedMessage] = useState<string | null>(null);
  const problem = error ?? taking.error;

  return (
    <section aria-labelledby="referrals-heading" className="or-screen">
      <h1 id="referrals-heading">{t('referrals.heading')}</h1>
      <div aria-live="polite" className="or-status">
        {fetching && !data ? <p>{t('common.loading')}</p> : null}
        {closedMessage ? <p className="or-success">{closedMessage}</p> : null}
      </div>
      {problem ? (
        <p role="alert" className="or-alert">
          {problemText(describeRequestProblem(problem))}
        </p>
      ) : null}
      <h2>{t('referrals.mineHeading')}</h2>
      {data && data.myReferrals.length === 0 ? <p>{t('referrals.mineEmpty')}</p> : null}
      {data?.myReferrals.map((referral) => (
        <MyReferralCard
          key={referral.id}
          referral={referral}
          onClosed={(pseudonym) => setClosedMessage(t('referrals.closed', { pseudonym }))}
        />
      ))}
      <h2>{t('referrals.waitingHeading')}</h2>
      {data && data.waitingReferrals.length === 0 ? <p>{t('referrals.waitingEmpty')}</p> : null}
      {data && data.waitingReferrals.length > 0 ? (
        <table className="or-table">
          <caption className="vi-visually-hidden">{t('referrals.caption')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('referrals.col.person')}</th>
              <th scope="col">{t('referrals.col.type')}</th>
              <th scope="col">{t('referrals.col.role')}</th>
              <th scope="col">{t('referrals.col.days')}</th>
              <th scope="col">{t('referrals.col.action')}</th>
            </tr>
          </thead>
          <tbody>
            {data.waitingReferrals.map((r) => (
              <tr key={r.id}>
                <th scope="row">{r.pseudonym}</th>
                <td>{labelOf(INCIDENT_TYPES, r.incidentType, locale)}</td>
                <td>{labelOf(PERSON_ROLES, r.role, locale)}</td>
                <td>{r.daysWaiting}</td>
                <td>
                  <button
                    type="button"
                    className="vi-button"
                    disabled={taking.fetching}
                    onClick={async () => {
                      setClosedMessage(null);
                      await take({ referralId: r.id });
                    }}
                  >
                    {t('referrals.take', { pseudonym: r.pseudonym })}
                  </button>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      ) : null}
    </section>
  );
}
