import { INCIDENT_TYPES, LOST_REASONS, labelOf, PERSON_ROLES, type ReferralResultCode } from '@vi/domain';
import { describeRequestProblem, FieldErrors, fieldErrorsFor, useLocale, useProblemText, useT } from '@vi/ui';
import { useId, useState } from 'react';
import { useMutation, useQuery } from 'urql';
import { graphql, type ResultOf } from '../graphql.ts';
import { screenMessages } from './outreach-screen-messages.ts';

const ReferralsQuery = graphql(`
  query Referrals {
    waitingReferrals { id pseudonym incidentType role daysWaiting }
    myReferrals { id pseudonym incidentType role daysWaiting name phone }
  }
`);

const TakeMutation = graphql(`
  mutation TakeReferral($referralId: ID!) {
    takeReferral(referralId: $referralId) { id status }
  }
`);

const ResultMutation = graphql(`
  mutation RecordReferralResult($referralId: ID!, $input: ReferralResultInput!) {
    recordReferralResult(referralId: $referralId, input: $input) { id status }
  }
`);

type MyReferral = ResultOf<typeof ReferralsQuery>['myReferrals'][number];
type LostReasonCode = (typeof LOST_REASONS)[number]['code'];
const RESULTS: readonly ReferralResultCode[] = ['CONVERSATION_HELD', 'REGISTERED_OTHER', 'LOST'];

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
      <h3 id={`${ids}-heading`}>{t('referrals.result', { pseudonym: referral.pseudonym })}</h3>
      <p>
        {t('referrals.call', {
          name: referral.name ?? t('call.noName'),
          phone: referral.phone ?? t('common.unknown'),
        })}
        {referral.phone ? (
          <>
            {' '}
            <a href={`tel:${referral.phone}`}>{referral.phone}</a>
          </>
        ) : null}
      </p>
      <p>
        {labelOf(INCIDENT_TYPES, referral.incidentType, locale)} ·{' '}
        {labelOf(PERSON_ROLES, referral.role, locale)}
      </p>
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
        <ResultForm
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
