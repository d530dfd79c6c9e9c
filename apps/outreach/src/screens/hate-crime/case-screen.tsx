// One aftercare case at the sending organisation: the needs assessment, the offer it decides,
// a referral with explicit consent to each offered track (only the fields the track may receive,
// from the domain's allow-list), and the referrals' statuses, which is all the sender sees of them.
import {
  AGE_GROUPS,
  HATE_CRIME_ENTRY_POINTS,
  HATE_CRIME_MOTIVE_CATEGORIES,
  HATE_CRIME_MOTIVE_SOURCE,
  HATE_CRIME_NEED_ANSWERS,
  HATE_CRIME_NEEDS,
  HATE_CRIME_REFERRAL_STATUSES,
  HATE_CRIME_TRACKS,
  type HateCrimeNeedAnswerCode,
  type HateCrimeTrackCode,
  LEGAL_TASK_KINDS,
  type LegalTaskKindCode,
  labelOf,
  PSYCHOLOGICAL_SUPPORT_FORMS,
  type PsychologicalSupportFormCode,
  referralFieldsFor,
} from '@vi/domain';
import { FieldErrors, TextField, useLocale, useT } from '@vi/ui';
import { useId, useState } from 'react';
import { useMutation, useQuery } from 'urql';
import { graphql, type ResultOf } from '../../graphql.ts';
import { formatDate } from '../date-format.ts';
import { navigate } from '../outreach-routes.tsx';
import { hateCrimeMessages } from './hate-crime-messages.ts';
import { DateField, errorsOf, ProblemAlert, problemOf, todayIso } from './hate-crime-ui.tsx';

const CaseQuery = graphql(`
  query HateCrimeCase($id: ID!) {
    hateCrimeCase(id: $id) {
      id
      pseudonym
      alias
      entryPoint
      openedOn
      needs { assessedOn individualPsychologist legalFinancial group }
      offer { noOffer tracks { track firmness forms } }
      referrals { id track status sentOn statusChangedOn receiverName }
    }
  }
`);

const NeedsMutation = graphql(`
  mutation RecordHateCrimeNeeds($id: ID!, $input: HateCrimeNeedsInput!) {
    recordHateCrimeNeeds(hateCrimeCaseId: $id, input: $input) {
      id
      needs { assessedOn individualPsychologist legalFinancial group }
      offer { noOffer tracks { track firmness forms } }
    }
  }
`);

const WithdrawMutation = graphql(`
  mutation WithdrawHateCrimeReferral($id: ID!, $input: WithdrawHateCrimeReferralInput!) {
    withdrawHateCrimeReferral(hateCrimeReferralId: $id, input: $input) { id status statusChangedOn }
  }
`);

const CloseMutation = graphql(`
  mutation CloseHateCrimeCase($id: ID!, $input: CloseHateCrimeCaseInput!) {
    closeHateCrimeCase(hateCrimeCaseId: $id, input: $input) { id closedOn }
  }
`);

const ReceiversQuery = graphql(`
  query HateCrimeReceivers($track: HateCrimeTrack!) {
    hateCrimeReceivers(track: $track) { id name }
  }
`);

const ReferMutation = graphql(`
  mutation ReferHateCrimeCase($id: ID!, $input: HateCrimeReferralInput!) {
    referHateCrimeCase(hateCrimeCaseId: $id, input: $input) { id track status sentOn statusChangedOn receiverName }
  }
`);

// The police list's motive of the call's incident, asked for only while a form that may carry it
// is shown (each read is audited at the gateway), to pre-select it.
const IncidentMotiveQuery = graphql(`
  query HateCrimeCaseIncidentMotive($id: ID!) {
    hateCrimeCase(id: $id) { id incidentMotive }
  }
`);

type CaseData = NonNullable<ResultOf<typeof CaseQuery>['hateCrimeCase']>;
type TrackOffer = NonNullable<CaseData['offer']>['tracks'][number];
type NeedKey = 'individualPsychologist' | 'legalFinancial' | 'group';
const NEED_KEYS: Record<(typeof HATE_CRIME_NEEDS)[number]['code'], NeedKey> = {
  INDIVIDUAL_PSYCHOLOGIST: 'individualPsychologist',
  LEGAL_FINANCIAL: 'legalFinancial',
  GROUP: 'group',
};

function NeedsForm({ data }: { data: CaseData }) {
  const t = useT(hateCrimeMessages);
  const { locale } = useLocale();
  const ids = useId();
  const [answers, setAnswers] = useState<Partial<Record<NeedKey, HateCrimeNeedAnswerCode>>>(() =>
    data.needs
      ? {
          individualPsychologist: data.needs.individualPsychologist,
          legalFinancial: data.needs.legalFinancial,
          group: data.needs.group,
        }
      : {},
  );
  const [assessedOn, setAssessedOn] = useState(data.needs?.assessedOn ?? todayIso());
  const [saved, setSaved] = useState(false);
  const [state, save] = useMutation(NeedsMutation);
  const problem = problemOf(state.error);
  const complete = HATE_CRIME_NEEDS.every((n) => answers[NEED_KEYS[n.code]]);
  return (
    <form
      className="or-form"
      noValidate
      aria-labelledby={`${ids}-heading`}
      onSubmit={async (event) => {
        event.preventDefault();
        setSaved(false);
        const { individualPsychologist, legalFinancial, group } = answers;
        if (!individualPsychologist || !legalFinancial || !group) return;
        const response = await save({
          id: data.id,
          input: { assessedOn, individualPsychologist, legalFinancial, group },
        });
        if (response.data) setSaved(true);
      }}
    >
      <h2 id={`${ids}-heading`}>{t('needs.heading')}</h2>
      <p>{t('needs.intro')}</p>
      {HATE_CRIME_NEEDS.map((need) => {
        const key = NEED_KEYS[need.code];
        return (
          <fieldset key={need.code}>
            <legend>{labelOf(HATE_CRIME_NEEDS, need.code, locale)}</legend>
            {HATE_CRIME_NEED_ANSWERS.map((answer) => (
              <div key={answer.code} className="or-choice">
                <input
                  type="radio"
                  id={`${ids}-${need.code}-${answer.code}`}
                  name={`${ids}-${need.code}`}
                  checked={answers[key] === answer.code}
                  onChange={() => setAnswers((a) => ({ ...a, [key]: answer.code }))}
                />
                <label htmlFor={`${ids}-${need.code}-${answer.code}`}>
                  {labelOf(HATE_CRIME_NEED_ANSWERS, answer.code, locale)}
                </label>
              </div>
            ))}
          </fieldset>
        );
      })}
      <DateField
        id={`${ids}-assessed`}
        label={t('needs.assessedOn')}
        value={assessedOn}
        max={todayIso()}
        onChange={setAssessedOn}
        errors={errorsOf(problem, 'assessedOn')}
      />
      <ProblemAlert problem={problem} fields={['assessedOn']} />
      <div aria-live="polite">{saved ? <p className="or-success">{t('needs.saved')}</p> : null}</div>
      <button type="submit" className="vi-button vi-button--primary" disabled={!complete || state.fetching}>
        {t('needs.submit')}
      </button>
    </form>
  );
}

function ReferralForm({
  caseId,
  fromCall,
  offer,
  onSent,
}: {
  caseId: string;
  /** The case was started from the outreach call: its incident may hold the police list's motive. */
  fromCall: boolean;
  offer: TrackOffer;
  onSent: () => void;
}) {
  const t = useT(hateCrimeMessages);
  const { locale } = useLocale();
  const ids = useId();
  const track = offer.track as HateCrimeTrackCode;
  const [{ data: receivers }] = useQuery({ query: ReceiversQuery, variables: { track } });
  const [receiver, setReceiver] = useState('');
  const [consent, setConsent] = useState(false);
  const [text, setText] = useState<Record<string, string>>({});
  const [flags, setFlags] = useState<Record<string, boolean>>({});
  const [incidentDate, setIncidentDate] = useState('');
  const [kinds, setKinds] = useState<LegalTaskKindCode[]>([]);
  const [forms, setForms] = useState<PsychologicalSupportFormCode[]>(
    offer.forms as PsychologicalSupportFormCode[],
  );
  const [ageGroup, setAgeGroup] = useState('');
  // null until the worker picks one: until then the police list's motive (if any) is chosen.
  const [motive, setMotive] = useState<string | null>(null);
  const [sentTo, setSentTo] = useState<string | null>(null);
  const [state, refer] = useMutation(ReferMutation);
  const problem = problemOf(state.error);
  const allowed = new Set<string>(referralFieldsFor(track, kinds));
  const [{ data: incident }] = useQuery({
    query: IncidentMotiveQuery,
    variables: { id: caseId },
    pause: !fromCall || !allowed.has('hateMotive'),
  });
  const policeMotive = incident?.hateCrimeCase.incidentMotive ?? null;
  const chosenMotive = motive ?? policeMotive ?? '';
  const policeMotiveLabel = HATE_CRIME_MOTIVE_CATEGORIES.find((m) => m.code === policeMotive)?.policeCategory[
    locale
  ];
  const trackLabel = labelOf(HATE_CRIME_TRACKS, track, locale);
  const textField = (
    name: 'alias' | 'phone' | 'contactTimes' | 'preferredLanguage' | 'policeJournalNumber',
  ) =>
    allowed.has(name) ? (
      <TextField
        id={`${ids}-${name}`}
        label={t(`refer.${name}`)}
        type={name === 'phone' ? 'tel' : 'text'}
        value={text[name] ?? ''}
        onValueChange={(v) => setText((s) => ({ ...s, [name]: v }))}
        errors={errorsOf(problem, name)}
        autoComplete="off"
      />
    ) : null;
  const flag = (name: 'interpreterNeeded' | 'policeReportFiled') =>
    allowed.has(name) ? (
      <div className="or-choice">
        <input
          type="checkbox"
          id={`${ids}-${name}`}
          checked={flags[name] ?? false}
          onChange={(e) => setFlags((s) => ({ ...s, [name]: e.target.checked }))}
        />
        <label htmlFor={`${ids}-${name}`}>{t(`refer.${name}`)}</label>
      </div>
    ) : null;

  if (sentTo) {
    return (
      <p role="status" className="or-success">
        {t('refer.sent', { receiver: sentTo })}
      </p>
    );
  }
  return (
    <form
      className="or-form"
      noValidate
      aria-labelledby={`${ids}-heading`}
      onSubmit={async (event) => {
        event.preventDefault();
        const input = {
          track,
          receiverOrganizationId: receiver,
          consentGiven: consent,
          ...Object.fromEntries(Object.entries(text).filter(([k, v]) => allowed.has(k) && v.trim() !== '')),
          ...Object.fromEntries(Object.entries(flags).filter(([k, v]) => allowed.has(k) && v)),
          ...(allowed.has('incidentDate') && incidentDate ? { incidentDate } : {}),
          ...(allowed.has('legalTaskKinds') && kinds.length ? { legalTaskKinds: kinds } : {}),
          ...(allowed.has('psychologicalForms') && forms.length ? { psychologicalForms: forms } : {}),
          ...(allowed.has('ageGroup') && ageGroup ? { ageGroup } : {}),
          ...(allowed.has('hateMotive') && chosenMotive ? { hateMotive: chosenMotive } : {}),
        };
        const response = await refer({ id: caseId, input: input as never });
        const sent = response.data?.referHateCrimeCase;
        if (sent) {
          setSentTo(sent.receiverName);
          onSent();
        }
      }}
    >
      <h3 id={`${ids}-heading`}>{t('refer.heading', { track: trackLabel })}</h3>
      <p>{t('offer.firmness', { firmness: labelOf(HATE_CRIME_NEED_ANSWERS, offer.firmness, locale) })}</p>
      {receivers && receivers.hateCrimeReceivers.length === 0 ? <p>{t('refer.noReceiver')}</p> : null}
      <div className="vi-field">
        <label htmlFor={`${ids}-receiver`}>{t('refer.receiver')}</label>
        <select
          id={`${ids}-receiver`}
          value={receiver}
          onChange={(e) => setReceiver(e.target.value)}
          aria-invalid={errorsOf(problem, 'receiverOrganizationId').length > 0 || undefined}
          aria-describedby={
            errorsOf(problem, 'receiverOrganizationId').length > 0 ? `${ids}-receiver-errors` : undefined
          }
        >
          <option value="">{t('common.choose')}</option>
          {receivers?.hateCrimeReceivers.map((r) => (
            <option key={r.id} value={r.id}>
              {r.name}
            </option>
          ))}
        </select>
        <FieldErrors id={`${ids}-receiver-errors`} errors={errorsOf(problem, 'receiverOrganizationId')} />
      </div>
      <p>{t('refer.fieldsIntro')}</p>
      {textField('alias')}
      {textField('phone')}
      {textField('contactTimes')}
      {textField('preferredLanguage')}
      {flag('interpreterNeeded')}
      {allowed.has('legalTaskKinds') ? (
        <fieldset>
          <legend>{t('refer.legalTaskKinds')}</legend>
          {LEGAL_TASK_KINDS.map((k) => (
            <div key={k.code} className="or-choice">
              <input
                type="checkbox"
                id={`${ids}-kind-${k.code}`}
                checked={kinds.includes(k.code)}
                onChange={(e) =>
                  setKinds((s) => (e.target.checked ? [...s, k.code] : s.filter((c) => c !== k.code)))
                }
              />
              <label htmlFor={`${ids}-kind-${k.code}`}>{labelOf(LEGAL_TASK_KINDS, k.code, locale)}</label>
            </div>
          ))}
        </fieldset>
      ) : null}
      {allowed.has('incidentDate') ? (
        <DateField
          id={`${ids}-incident`}
          label={t('refer.incidentDate')}
          value={incidentDate}
          max={todayIso()}
          onChange={setIncidentDate}
          errors={errorsOf(problem, 'incidentDate')}
        />
      ) : null}
      {flag('policeReportFiled')}
      {textField('policeJournalNumber')}
      {allowed.has('psychologicalForms') ? (
        <fieldset>
          <legend>{t('refer.psychologicalForms')}</legend>
          {PSYCHOLOGICAL_SUPPORT_FORMS.map((f) => (
            <div key={f.code} className="or-choice">
              <input
                type="checkbox"
                id={`${ids}-form-${f.code}`}
                checked={forms.includes(f.code)}
                onChange={(e) =>
                  setForms((s) => (e.target.checked ? [...s, f.code] : s.filter((c) => c !== f.code)))
                }
              />
              <label htmlFor={`${ids}-form-${f.code}`}>
                {labelOf(PSYCHOLOGICAL_SUPPORT_FORMS, f.code, locale)}
              </label>
            </div>
          ))}
        </fieldset>
      ) : null}
      {allowed.has('ageGroup') ? (
        <div className="vi-field">
          <label htmlFor={`${ids}-age`}>{t('refer.ageGroup')}</label>
          <select id={`${ids}-age`} value={ageGroup} onChange={(e) => setAgeGroup(e.target.value)}>
            <option value="">{t('common.choose')}</option>
            {AGE_GROUPS.map((g) => (
              <option key={g.code} value={g.code}>
                {labelOf(AGE_GROUPS, g.code, locale)}
              </option>
            ))}
          </select>
        </div>
      ) : null}
      {allowed.has('hateMotive') ? (
        <div className="vi-field">
          <label htmlFor={`${ids}-motive`}>{t('refer.hateMotive')}</label>
          <select
            id={`${ids}-motive`}
            value={chosenMotive}
            onChange={(e) => setMotive(e.target.value)}
            aria-describedby={[
              policeMotiveLabel ? `${ids}-motive-police` : '',
              `${ids}-motive-source`,
              errorsOf(problem, 'hateMotive').length > 0 ? `${ids}-motive-errors` : '',
            ]
              .filter(Boolean)
              .join(' ')}
          >
            <option value="">{t('common.none')}</option>
            {HATE_CRIME_MOTIVE_CATEGORIES.map((m) => (
              <option key={m.code} value={m.code}>
                {m.policeCategory[locale]}
              </option>
            ))}
          </select>
          {policeMotiveLabel ? (
            <p id={`${ids}-motive-police`} className="or-hint">
              {t('refer.motiveFromPolice', { motive: policeMotiveLabel })}
            </p>
          ) : null}
          <p id={`${ids}-motive-source`} className="or-hint">
            {t('refer.motiveSource', { source: HATE_CRIME_MOTIVE_SOURCE[locale] })}
          </p>
          <FieldErrors id={`${ids}-motive-errors`} errors={errorsOf(problem, 'hateMotive')} />
        </div>
      ) : null}
      <div className="or-choice">
        <input
          type="checkbox"
          id={`${ids}-consent`}
          checked={consent}
          onChange={(e) => setConsent(e.target.checked)}
          aria-invalid={errorsOf(problem, 'consentGiven').length > 0 || undefined}
          aria-describedby={
            errorsOf(problem, 'consentGiven').length > 0 ? `${ids}-consent-errors` : undefined
          }
        />
        <label htmlFor={`${ids}-consent`}>{t('refer.consent')}</label>
      </div>
      <FieldErrors id={`${ids}-consent-errors`} errors={errorsOf(problem, 'consentGiven')} />
      <ProblemAlert
        problem={problem}
        fields={[
          'receiverOrganizationId',
          'consentGiven',
          'alias',
          'phone',
          'contactTimes',
          'preferredLanguage',
          'incidentDate',
          'policeJournalNumber',
          'hateMotive',
        ]}
      />
      <button type="submit" className="vi-button vi-button--primary" disabled={state.fetching}>
        {t('refer.submit')}
      </button>
    </form>
  );
}

function CloseForm({ caseId }: { caseId: string }) {
  const t = useT(hateCrimeMessages);
  const ids = useId();
  const [closedOn, setClosedOn] = useState(todayIso());
  const [state, close] = useMutation(CloseMutation);
  const problem = problemOf(state.error);
  return (
    <form
      className="or-form"
      noValidate
      aria-labelledby={`${ids}-heading`}
      onSubmit={async (event) => {
        event.preventDefault();
        const response = await close({ id: caseId, input: { closedOn } });
        if (response.data?.closeHateCrimeCase) navigate('/hate-crime');
      }}
    >
      <h2 id={`${ids}-heading`}>{t('close.heading')}</h2>
      <DateField
        id={`${ids}-closed`}
        label={t('close.closedOn')}
        value={closedOn}
        max={todayIso()}
        onChange={setClosedOn}
        errors={errorsOf(problem, 'closedOn')}
      />
      <ProblemAlert problem={problem} fields={['closedOn']} />
      <button type="submit" className="vi-button" disabled={state.fetching}>
        {t('close.submit')}
      </button>
    </form>
  );
}

/** The sender's case: needs, offer, referrals with consent, and the statuses that come back. */
export function HateCrimeCaseScreen({ caseId }: { caseId: string }) {
  const t = useT(hateCrimeMessages);
  const { locale } = useLocale();
  const [{ data, error, fetching }, reexecute] = useQuery({
    query: CaseQuery,
    variables: { id: caseId },
    requestPolicy: 'cache-and-network',
  });
  const [withdrawState, withdrawReferral] = useMutation(WithdrawMutation);
  const c = data?.hateCrimeCase;
  if (fetching && !c) return <p role="status">{t('common.loading')}</p>;
  if (!c) {
    return (
      <section className="or-screen">
        <ProblemAlert problem={problemOf(error)} fields={[]} />
        <a href="#/hate-crime">{t('case.back')}</a>
      </section>
    );
  }
  const closed = (status: string) => HATE_CRIME_REFERRAL_STATUSES.some((s) => s.code === status && s.closed);
  const openTracks = new Set(c.referrals.filter((r) => !closed(r.status)).map((r) => r.track));
  const withdraw = async (id: string) => {
    await withdrawReferral({ id, input: { on: todayIso() } });
    reexecute({ requestPolicy: 'network-only' });
  };
  return (
    <section aria-labelledby="hc-case-heading" className="or-screen">
      <h1 id="hc-case-heading">{t('case.heading', { pseudonym: c.pseudonym })}</h1>
      <p>
        <a href="#/hate-crime">{t('case.back')}</a>
      </p>
      <dl className="or-summary">
        <dt>{t('register.alias')}</dt>
        <dd>{c.alias ?? t('common.none')}</dd>
        <dt>{t('case.entry')}</dt>
        <dd>{labelOf(HATE_CRIME_ENTRY_POINTS, c.entryPoint, locale)}</dd>
        <dt>{t('case.opened')}</dt>
        <dd>{formatDate(c.openedOn, locale)}</dd>
      </dl>
      <NeedsForm key={c.id} data={c} />
      {c.offer ? (
        <section aria-labelledby="hc-offer-heading">
          <h2 id="hc-offer-heading">{t('offer.heading')}</h2>
          {c.offer.noOffer ? <p>{t('offer.none')}</p> : null}
          {!c.offer.noOffer && c.offer.tracks.every((o) => openTracks.has(o.track)) ? (
            <p>{t('offer.allReferred')}</p>
          ) : null}
          {c.offer.tracks
            .filter((o) => !openTracks.has(o.track))
            .map((o) => (
              <ReferralForm
                key={o.track}
                caseId={c.id}
                fromCall={c.entryPoint === 'OUTREACH_CALL'}
                offer={o}
                onSent={() => reexecute({ requestPolicy: 'network-only' })}
              />
            ))}
        </section>
      ) : null}
      <section aria-labelledby="hc-status-heading">
        <h2 id="hc-status-heading">{t('status.heading')}</h2>
        <p>{t('status.intro')}</p>
        {c.referrals.length === 0 ? (
          <p>{t('status.empty')}</p>
        ) : (
          <div className="or-table-scroll">
            <table className="or-table">
              <caption>{t('status.caption')}</caption>
              <thead>
                <tr>
                  <th scope="col">{t('status.col.track')}</th>
                  <th scope="col">{t('status.col.receiver')}</th>
                  <th scope="col">{t('status.col.status')}</th>
                  <th scope="col">{t('status.col.sent')}</th>
                  <th scope="col">{t('status.col.changed')}</th>
                  <th scope="col">{t('status.col.action')}</th>
                </tr>
              </thead>
              <tbody>
                {c.referrals.map((r) => (
                  <tr key={r.id}>
                    <th scope="row">{labelOf(HATE_CRIME_TRACKS, r.track, locale)}</th>
                    <td>{r.receiverName}</td>
                    <td>{labelOf(HATE_CRIME_REFERRAL_STATUSES, r.status, locale)}</td>
                    <td>{formatDate(r.sentOn, locale)}</td>
                    <td>{formatDate(r.statusChangedOn, locale)}</td>
                    <td>
                      {closed(r.status) ? null : (
                        <button
                          type="button"
                          className="vi-button"
                          disabled={withdrawState.fetching}
                          aria-label={t('status.withdraw', {
                            track: labelOf(HATE_CRIME_TRACKS, r.track, locale),
                          })}
                          onClick={() => withdraw(r.id)}
                        >
                          {t('status.withdrawShort')}
                        </button>
                      )}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
        <ProblemAlert problem={problemOf(withdrawState.error)} fields={[]} />
      </section>
      {openTracks.size === 0 ? <CloseForm caseId={c.id} /> : <p>{t('close.waiting')}</p>}
    </section>
  );
}
