import {
  CALL_OUTCOMES,
  type CallOutcomeCode,
  DECLINE_REASONS,
  DEFAULT_CALL_SCRIPT,
  DEFAULT_SAFE_CONTACT_GUIDANCE,
  type DeclineReasonCode,
  type FieldError,
  GENDERS,
  INCIDENT_TYPES,
  labelOf,
  PERSON_ROLES,
  planCallOutcome,
  REACHED_OUTCOMES,
  SURVEY_STATUSES,
  type SurveyStatusCode,
} from '@vi/domain';
import {
  describeRequestProblem,
  FieldErrors,
  fieldErrorsFor,
  hasReachAnswers,
  ReachAnswersFieldset,
  type ReachAnswersValue,
  reachAnswersValue,
  useLocale,
  useProblemText,
  useT,
} from '@vi/ui';
import { useId, useState } from 'react';
import { useMutation, useQuery } from 'urql';
import { graphql, type ResultOf } from '../graphql.ts';
import { formatDate, formatDateTime } from './date-format.ts';
import { navigate } from './outreach-routes.tsx';
import { screenMessages } from './outreach-screen-messages.ts';
import { formatPhoneForReading, phoneHref } from './phone-format.ts';
import { carriedMessageFor, carryMessage, currentQueueFilter } from './queue-filter.ts';
import { SurveyLinkNotice } from './survey-link-notice.tsx';
import './call-screen.css';

const CallCaseQuery = graphql(`
  query CallCase($caseId: ID!) {
    callCase(caseId: $caseId) {
      id
      pseudonym
      name
      phone
      incidentType
      occurredOn
      role
      gender
      ageAtIncident
      attemptCount
      maxCallAttempts
      claimExpiresAt
      noMessageReminder
      attempts { at outcome otherIncident }
      reach {
        preferredLanguage
        interpreterNeeded
        interpreterUsed
        childrenAffected
        sameSexRelationship
        mutualViolence
      }
    }
    outreachSettings {
      callScript
      safeContactGuidance
    }
  }
`);

const ReleaseMutation = graphql(`
  mutation ReleaseCase($caseId: ID!) {
    releaseCase(caseId: $caseId)
  }
`);

const RecordMutation = graphql(`
  mutation RecordCallOutcome($caseId: ID!, $input: CallOutcomeInput!) {
    recordCallOutcome(caseId: $caseId, input: $input) {
      caseId
      status
      attemptCount
      nextAttemptAfter
      referralId
      showSafeContactGuidance
      surveyLink { url smsSent expiresAt }
    }
  }
`);

const ClaimNextMutation = graphql(`
  mutation ClaimNextAfterCall($incidentTypes: [IncidentType!], $roles: [PersonRole!]) {
    claimNextCase(incidentTypes: $incidentTypes, roles: $roles) { caseId claimExpiresAt }
  }
`);

type CallResult = NonNullable<ResultOf<typeof RecordMutation>['recordCallOutcome']>;
type EarlierAttempt = NonNullable<ResultOf<typeof CallCaseQuery>['callCase']>['attempts'][number];

/**
 * The earlier calls to this number, newest first. "Not safe to talk" is marked in words and
 * weight, not by colour alone, and repeated in a warning above the list: someone else may
 * answer this phone again.
 */
function EarlierAttempts({ attempts }: { attempts: readonly EarlierAttempt[] }) {
  const t = useT(screenMessages);
  const { locale } = useLocale();
  const unsafe = attempts.filter((a) => a.outcome === 'NOT_SAFE_TO_TALK');
  return (
    <section aria-labelledby="attempts-heading" className="or-call-attempts">
      <h2 id="attempts-heading">{t('call.earlierHeading')}</h2>
      {unsafe.length > 0 ? (
        <p className="or-warning or-attempt-warning">
          <strong>{t('call.earlierUnsafe', { time: formatDateTime(unsafe[0]?.at ?? '', locale) })}</strong>
        </p>
      ) : null}
      {attempts.length === 0 ? (
        <p>{t('call.earlierNone')}</p>
      ) : (
        <ol className="or-attempts">
          {attempts.map((a) => {
            const notSafe = a.outcome === 'NOT_SAFE_TO_TALK';
            return (
              <li
                key={`${a.at}-${a.outcome}`}
                className={notSafe ? 'or-attempt or-attempt--unsafe' : 'or-attempt'}
              >
                <time dateTime={a.at}>{formatDateTime(a.at, locale)}</time>{' '}
                {notSafe ? (
                  <strong>{labelOf(CALL_OUTCOMES, a.outcome, locale)}</strong>
                ) : (
                  labelOf(CALL_OUTCOMES, a.outcome, locale)
                )}
                {a.otherIncident ? (
                  <span className="or-attempt-other"> ({t('call.earlierOther')})</span>
                ) : null}
              </li>
            );
          })}
        </ol>
      )}
    </section>
  );
}

function Paragraphs({ text }: { text: string }) {
  return (
    <>
      {text
        .split(/\n\s*\n/)
        .filter((p) => p.trim() !== '')
        .map((p, i) => (
          // biome-ignore lint/suspicious/noArrayIndexKey: paragraphs of a fixed text, never reordered
          <p key={i}>{p}</p>
        ))}
    </>
  );
}

/** Step 2 and 3: the call itself, the outcome, the survey, and consent to a referral. */
export function CallScreen({ caseId }: { caseId: string }) {
  const t = useT(screenMessages);
  const { locale } = useLocale();
  const problemText = useProblemText();
  const ids = useId();
  const [{ data, error, fetching }] = useQuery({
    query: CallCaseQuery,
    variables: { caseId },
    requestPolicy: 'network-only',
  });
  const [recording, record] = useMutation(RecordMutation);
  const [releasing, release] = useMutation(ReleaseMutation);
  const [claimingNext, claimNext] = useMutation(ClaimNextMutation);
  const [noNext, setNoNext] = useState(false);
  const [notTakenNext, setNotTakenNext] = useState(false);
  const [carried] = useState(() => carriedMessageFor(caseId));
  const [outcome, setOutcome] = useState<CallOutcomeCode | null>(null);
  const [declineReason, setDeclineReason] = useState<DeclineReasonCode | null>(null);
  const [declineText, setDeclineText] = useState('');
  const [survey, setSurvey] = useState<SurveyStatusCode | ''>('');
  const [consent, setConsent] = useState(false);
  const [localErrors, setLocalErrors] = useState<FieldError[]>([]);
  const [result, setResult] = useState<CallResult | null>(null);
  // Who we reach: null until the worker changes something, so an untouched fieldset leaves the
  // recorded answers as they are (and writes no audit row).
  const [reachEdited, setReachEdited] = useState<ReachAnswersValue | null>(null);

  const call = data?.callCase;
  const settings = data?.outreachSettings;
  const guidance = settings?.safeContactGuidance ?? DEFAULT_SAFE_CONTACT_GUIDANCE[locale];
  const serverProblem = recording.error ? describeRequestProblem(recording.error) : null;
  const errorsFor = (field: string) => [
    ...localErrors.filter((e) => e.field === field),
    ...fieldErrorsFor(serverProblem, field),
  ];
  const reached = outcome !== null && REACHED_OUTCOMES.includes(outcome);

  async function submit(takeNext: boolean) {
    if (!call || !outcome) {
      setLocalErrors([
        {
          field: 'outcome',
          code: 'REQUIRED',
          message: { da: 'Vælg et resultat.', en: 'Choose an outcome.' },
        },
      ]);
      return;
    }
    const input = {
      outcome,
      declineReason: outcome === 'DECLINED' ? declineReason : null,
      declineReasonText: outcome === 'DECLINED' && declineReason === 'OTHER' ? declineText : null,
      surveyStatus: reached && survey ? survey : null,
      referralConsent: outcome === 'WANTS_CALL' ? consent : null,
    };
    // The domain's own rule, checked here first so the worker sees every problem at once.
    const plan = planCallOutcome(input, {
      attemptCount: call.attemptCount,
      maxCallAttempts: call.maxCallAttempts,
      now: new Date(),
    });
    if (!plan.ok) {
      setLocalErrors(plan.errors);
      return;
    }
    setLocalErrors([]);
    const response = await record({ caseId, input: reachEdited ? { ...input, reach: reachEdited } : input });
    const saved = response.data?.recordCallOutcome;
    if (!saved) return;
    // A survey link is shown only once: do not move on to the next person before it is passed on.
    if (saved.surveyLink) {
      setNotTakenNext(takeNext);
      setResult(saved);
      return;
    }
    if (takeNext) {
      // Two round trips (record, then claim) on purpose: the gateway's existing mutations, each
      // with its own checks and audit. The next person comes from the part of the queue the
      // worker had filtered to.
      const next = await claimNext(currentQueueFilter());
      const nextId = next.data?.claimNextCase?.caseId;
      if (nextId) {
        carryMessage(nextId, t('call.savedTakeNext', { pseudonym: call.pseudonym }));
        navigate(`/call/${nextId}`);
        return;
      }
      setNoNext(true);
    }
    setResult(saved);
  }

  if (fetching && !data) return <p role="status">{t('common.loading')}</p>;
  if (error || !call) {
    return (
      <section className="or-screen">
        <p role="alert" className="or-alert">
          {error ? problemText(describeRequestProblem(error)) : t('call.lost')}
        </p>
        <p>
          <a href="#/queue">{t('common.backToQueue')}</a>
        </p>
      </section>
    );
  }

  if (result) {
    const done =
      result.status === 'OPEN'
        ? t('call.done.OPEN', {
            time: result.nextAttemptAfter ? formatDateTime(result.nextAttemptAfter, locale) : '',
          })
        : t(`call.done.${result.status as 'REFERRED' | 'DECLINED' | 'WILL_CALL_SELF' | 'UNREACHED'}`);
    return (
      <section aria-labelledby="call-done-heading" className="or-screen">
        <h1 id="call-done-heading">{t('call.heading', { pseudonym: call.pseudonym })}</h1>
        <p role="status" className="or-success">
          {done}
        </p>
        {noNext ? <p>{t('call.noNext')}</p> : null}
        {claimingNext.error ? (
          <p role="alert" className="or-alert">
            {problemText(describeRequestProblem(claimingNext.error))}
          </p>
        ) : null}
        {result.surveyLink ? <SurveyLinkNotice link={result.surveyLink} notTakenNext={notTakenNext} /> : null}
        {result.showSafeContactGuidance ? (
          <aside className="or-notice" aria-labelledby="guidance-after-heading">
            <h2 id="guidance-after-heading">{t('call.guidanceHeading')}</h2>
            <Paragraphs text={guidance} />
          </aside>
        ) : null}
        {call.incidentType === 'HATE_CRIME' ? (
          <p>
            <a className="vi-button vi-button--primary" href={`#/hate-crime-start/${call.id}`}>
              {t('call.startHateCrimeAftercare')}
            </a>
          </p>
        ) : null}
        <p>
          <a className="vi-button" href="#/queue">
            {t('common.backToQueue')}
          </a>
        </p>
      </section>
    );
  }

  const outcomeErrors = errorsFor('outcome');
  const reasonErrors = errorsFor('declineReason');
  const reasonTextErrors = errorsFor('declineReasonText');
  const surveyErrors = errorsFor('surveyStatus');
  const consentErrors = errorsFor('referralConsent');
  const storedReach = reachAnswersValue(call.reach);

  return (
    <section aria-labelledby="call-heading" className="or-screen">
      <h1 id="call-heading">{t('call.heading', { pseudonym: call.pseudonym })}</h1>
      <div className="or-call-layout">
        {/* Notices sit in the left column, so the result form starts right under the heading. */}
        <div className="or-call-notices">
          {carried ? (
            <p role="status" className="or-success">
              {carried}
            </p>
          ) : null}
          {call.claimExpiresAt ? (
            <p>{t('call.claimUntil', { time: formatDateTime(call.claimExpiresAt, locale) })}</p>
          ) : null}
          {call.noMessageReminder ? (
            <aside className="or-warning" aria-labelledby="reminder-heading">
              <h2 id="reminder-heading">{t('call.reminderHeading')}</h2>
              <p>{t('call.reminder')}</p>
            </aside>
          ) : null}
        </div>
        <section aria-labelledby="contact-heading" className="or-call-contact">
          <h2 id="contact-heading">{t('call.contact')}</h2>
          <dl className="or-summary">
            <dt>{t('call.name')}</dt>
            <dd>{call.name ?? t('call.noName')}</dd>
            <dt>{t('call.phone')}</dt>
            <dd>
              {call.phone ? (
                <a className="or-phone" href={phoneHref(call.phone)}>
                  {formatPhoneForReading(call.phone)}
                </a>
              ) : (
                t('common.unknown')
              )}
            </dd>
            <dt>{t('call.incident')}</dt>
            <dd>
              {labelOf(INCIDENT_TYPES, call.incidentType, locale)}, {formatDate(call.occurredOn, locale)}
            </dd>
            <dt>{t('queue.col.role')}</dt>
            <dd>{labelOf(PERSON_ROLES, call.role, locale)}</dd>
            <dt>{t('queue.col.gender')}</dt>
            <dd>{call.gender ? labelOf(GENDERS, call.gender, locale) : t('common.unknown')}</dd>
            <dt>{t('queue.col.age')}</dt>
            <dd>{call.ageAtIncident ?? t('common.unknown')}</dd>
          </dl>
          <p>{t('call.attempts', { count: call.attemptCount, max: call.maxCallAttempts })}</p>
        </section>
        <EarlierAttempts attempts={call.attempts} />
        <form
          className="or-form or-call-form"
          aria-labelledby="outcome-heading"
          noValidate
          onSubmit={(event) => {
            event.preventDefault();
            // The button pressed decides: "save" (Enter, too) or "save and take next".
            const submitter = (event.nativeEvent as SubmitEvent).submitter;
            void submit(submitter?.getAttribute('value') === 'next');
          }}
        >
          <h2 id="outcome-heading">{t('call.outcomeHeading')}</h2>
          <fieldset aria-describedby={outcomeErrors.length ? `${ids}-outcome-errors` : undefined}>
            <legend>{t('call.outcome')}</legend>
            {CALL_OUTCOMES.map((o) => (
              <div key={o.code} className="or-choice">
                <input
                  type="radio"
                  id={`${ids}-outcome-${o.code}`}
                  name="outcome"
                  value={o.code}
                  checked={outcome === o.code}
                  onChange={() => setOutcome(o.code)}
                />
                <label htmlFor={`${ids}-outcome-${o.code}`}>{o.label[locale]}</label>
              </div>
            ))}
            <FieldErrors id={`${ids}-outcome-errors`} errors={outcomeErrors} />
          </fieldset>

          {outcome === 'NOT_SAFE_TO_TALK' ? (
            <aside className="or-notice" aria-labelledby="guidance-heading">
              <p>
                <strong>{t('call.notSafeInfo')}</strong>
              </p>
              <h3 id="guidance-heading">{t('call.guidanceHeading')}</h3>
              <Paragraphs text={guidance} />
            </aside>
          ) : null}

          {outcome === 'DECLINED' ? (
            <fieldset aria-describedby={reasonErrors.length ? `${ids}-reason-errors` : undefined}>
              <legend>{t('call.declineReason')}</legend>
              {DECLINE_REASONS.map((r) => (
                <div key={r.code} className="or-choice">
                  <input
                    type="radio"
                    id={`${ids}-reason-${r.code}`}
                    name="declineReason"
                    value={r.code}
                    checked={declineReason === r.code}
                    onChange={() => setDeclineReason(r.code)}
                  />
                  <label htmlFor={`${ids}-reason-${r.code}`}>{r.label[locale]}</label>
                </div>
              ))}
              <FieldErrors id={`${ids}-reason-errors`} errors={reasonErrors} />
              {declineReason === 'OTHER' ? (
                <div className="vi-field">
                  <label htmlFor={`${ids}-reason-text`}>{t('call.declineReasonText')}</label>
                  <input
                    id={`${ids}-reason-text`}
                    value={declineText}
                    maxLength={200}
                    onChange={(e) => setDeclineText(e.target.value)}
                    aria-invalid={reasonTextErrors.length > 0 || undefined}
                    aria-describedby={reasonTextErrors.length ? `${ids}-reason-text-errors` : undefined}
                  />
                  <FieldErrors id={`${ids}-reason-text-errors`} errors={reasonTextErrors} />
                </div>
              ) : null}
            </fieldset>
          ) : null}

          {reached ? (
            <div className="vi-field">
              <label htmlFor={`${ids}-survey`}>{t('call.survey')}</label>
              <select
                id={`${ids}-survey`}
                value={survey}
                onChange={(e) => setSurvey(e.target.value as SurveyStatusCode | '')}
                aria-invalid={surveyErrors.length > 0 || undefined}
                aria-describedby={surveyErrors.length ? `${ids}-survey-errors` : undefined}
              >
                <option value="">{t('call.surveyChoose')}</option>
                {SURVEY_STATUSES.map((s) => (
                  <option key={s.code} value={s.code}>
                    {labelOf(SURVEY_STATUSES, s.code, locale)}
                  </option>
                ))}
              </select>
              <FieldErrors id={`${ids}-survey-errors`} errors={surveyErrors} />
            </div>
          ) : null}

          {outcome === 'WANTS_CALL' ? (
            <fieldset aria-describedby={consentErrors.length ? `${ids}-consent-errors` : undefined}>
              <legend>{t('call.consentHeading')}</legend>
              <div className="or-choice">
                <input
                  type="checkbox"
                  id={`${ids}-consent`}
                  checked={consent}
                  onChange={(e) => setConsent(e.target.checked)}
                />
                <label htmlFor={`${ids}-consent`}>{t('call.consent')}</label>
              </div>
              <FieldErrors id={`${ids}-consent-errors`} errors={consentErrors} />
            </fieldset>
          ) : null}

          <ReachAnswersFieldset
            value={reachEdited ?? storedReach}
            onChange={setReachEdited}
            errors={serverProblem?.fields ?? []}
            defaultOpen={hasReachAnswers(storedReach)}
          />

          {serverProblem && serverProblem.fields.length === 0 ? (
            <p role="alert" className="or-alert">
              {problemText(serverProblem)}
            </p>
          ) : null}
          <p className="or-call-actions">
            {call.incidentType === 'HATE_CRIME' ? null : (
              // Not for a hate crime: the screen after the call offers to start the aftercare.
              <button
                type="submit"
                name="then"
                value="next"
                className="vi-button vi-button--primary"
                disabled={recording.fetching || claimingNext.fetching}
              >
                {recording.fetching || claimingNext.fetching ? t('call.recording') : t('call.recordAndNext')}
              </button>
            )}
            <button
              type="submit"
              name="then"
              value="stay"
              className={call.incidentType === 'HATE_CRIME' ? 'vi-button vi-button--primary' : 'vi-button'}
              disabled={recording.fetching || claimingNext.fetching}
            >
              {t('call.record')}
            </button>
            <button
              type="button"
              className="vi-button"
              disabled={releasing.fetching || recording.fetching}
              onClick={async () => {
                const response = await release({ caseId });
                if (!response.error) navigate('/queue');
              }}
            >
              {t('call.release')}
            </button>
          </p>
          {releasing.error ? (
            <p role="alert" className="or-alert">
              {problemText(describeRequestProblem(releasing.error))}
            </p>
          ) : null}
        </form>
        <details className="or-script or-call-script" open>
          <summary>
            <h2 id="script-heading">{t('call.scriptHeading')}</h2>
          </summary>
          <Paragraphs text={settings?.callScript ?? DEFAULT_CALL_SCRIPT[locale]} />
        </details>
      </div>
    </section>
  );
}
