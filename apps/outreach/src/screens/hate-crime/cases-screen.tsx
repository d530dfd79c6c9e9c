// The sending organisation's list of hate-crime aftercare cases, registering a case that did not
// come from the outreach call, and starting one from the call of a hate-crime victim.
import {
  HATE_CRIME_ENTRY_POINTS,
  HATE_CRIME_REFERRAL_STATUSES,
  HATE_CRIME_TRACKS,
  labelOf,
} from '@vi/domain';
import { TextField, useLocale, useT } from '@vi/ui';
import { useId, useState } from 'react';
import { useMutation, useQuery } from 'urql';
import { graphql } from '../../graphql.ts';
import { formatDate } from '../date-format.ts';
import { navigate } from '../outreach-routes.tsx';
import { hateCrimeMessages } from './hate-crime-messages.ts';
import { DateField, errorsOf, ProblemAlert, problemOf, todayIso } from './hate-crime-ui.tsx';

const CasesQuery = graphql(`
  query HateCrimeCases {
    hateCrimeCases {
      id
      pseudonym
      entryPoint
      openedOn
      referrals { id track status }
    }
  }
`);

const StartMutation = graphql(`
  mutation StartHateCrimeAftercare($input: StartHateCrimeAftercareInput!) {
    startHateCrimeAftercare(input: $input) { id }
  }
`);

type EntryPoint = (typeof HATE_CRIME_ENTRY_POINTS)[number]['code'];
const REGISTERED: readonly EntryPoint[] = ['POLICE_HATE_CRIME_UNIT', 'SELF', 'OTHER'];

function RegisterForm() {
  const t = useT(hateCrimeMessages);
  const { locale } = useLocale();
  const ids = useId();
  const [entryPoint, setEntryPoint] = useState<EntryPoint>('POLICE_HATE_CRIME_UNIT');
  const [otherEntryText, setOtherEntryText] = useState('');
  const [alias, setAlias] = useState('');
  const [phone, setPhone] = useState('');
  const [openedOn, setOpenedOn] = useState(todayIso());
  const [state, start] = useMutation(StartMutation);
  const problem = problemOf(state.error);
  return (
    <form
      className="or-form"
      noValidate
      aria-labelledby={`${ids}-heading`}
      onSubmit={async (event) => {
        event.preventDefault();
        const response = await start({
          input: {
            entryPoint,
            openedOn,
            alias,
            phone: phone || null,
            otherEntryText: entryPoint === 'OTHER' ? otherEntryText : null,
          },
        });
        const id = response.data?.startHateCrimeAftercare.id;
        if (id) navigate(`/hate-crime-case/${id}`);
      }}
    >
      <h2 id={`${ids}-heading`}>{t('register.heading')}</h2>
      <fieldset>
        <legend>{t('register.entryPoint')}</legend>
        {REGISTERED.map((code) => (
          <div key={code} className="or-choice">
            <input
              type="radio"
              id={`${ids}-${code}`}
              name={`${ids}-entry`}
              checked={entryPoint === code}
              onChange={() => setEntryPoint(code)}
            />
            <label htmlFor={`${ids}-${code}`}>{labelOf(HATE_CRIME_ENTRY_POINTS, code, locale)}</label>
          </div>
        ))}
      </fieldset>
      {entryPoint === 'OTHER' ? (
        <TextField
          id={`${ids}-other`}
          label={t('register.otherEntryText')}
          value={otherEntryText}
          onValueChange={setOtherEntryText}
          errors={errorsOf(problem, 'otherEntryText')}
          autoComplete="off"
        />
      ) : null}
      <TextField
        id={`${ids}-alias`}
        label={t('register.alias')}
        value={alias}
        onValueChange={setAlias}
        errors={errorsOf(problem, 'alias')}
        autoComplete="off"
      />
      <TextField
        id={`${ids}-phone`}
        label={t('register.phone')}
        type="tel"
        value={phone}
        onValueChange={setPhone}
        errors={errorsOf(problem, 'phone')}
        autoComplete="off"
      />
      <DateField
        id={`${ids}-opened`}
        label={t('start.openedOn')}
        value={openedOn}
        max={todayIso()}
        onChange={setOpenedOn}
        errors={errorsOf(problem, 'openedOn')}
      />
      <ProblemAlert problem={problem} fields={['otherEntryText', 'alias', 'phone', 'openedOn']} />
      <button type="submit" className="vi-button vi-button--primary" disabled={state.fetching}>
        {t('register.submit')}
      </button>
    </form>
  );
}

/** The sender's cases: pseudonym, entry, start date and each referral's status (nothing more). */
export function HateCrimeCasesScreen() {
  const t = useT(hateCrimeMessages);
  const { locale } = useLocale();
  const [{ data, error, fetching }] = useQuery({ query: CasesQuery, requestPolicy: 'cache-and-network' });
  return (
    <section aria-labelledby="hc-cases-heading" className="or-screen">
      <h1 id="hc-cases-heading">{t('cases.heading')}</h1>
      <p>{t('cases.intro')}</p>
      {fetching && !data ? <p role="status">{t('common.loading')}</p> : null}
      <ProblemAlert problem={problemOf(error)} fields={[]} />
      {data && data.hateCrimeCases.length === 0 ? <p>{t('cases.empty')}</p> : null}
      {data && data.hateCrimeCases.length > 0 ? (
        <div className="or-table-scroll">
          <table className="or-table">
            <caption>{t('cases.caption')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('cases.col.person')}</th>
                <th scope="col">{t('cases.col.entry')}</th>
                <th scope="col">{t('cases.col.opened')}</th>
                <th scope="col">{t('cases.col.referrals')}</th>
              </tr>
            </thead>
            <tbody>
              {data.hateCrimeCases.map((c) => (
                <tr key={c.id}>
                  <th scope="row">
                    <a
                      href={`#/hate-crime-case/${c.id}`}
                      aria-label={t('cases.open', { pseudonym: c.pseudonym })}
                    >
                      {c.pseudonym}
                    </a>
                  </th>
                  <td>{labelOf(HATE_CRIME_ENTRY_POINTS, c.entryPoint, locale)}</td>
                  <td>{formatDate(c.openedOn, locale)}</td>
                  <td>
                    {c.referrals.length === 0
                      ? t('common.none')
                      : c.referrals
                          .map(
                            (r) =>
                              `${labelOf(HATE_CRIME_TRACKS, r.track, locale)}: ${labelOf(HATE_CRIME_REFERRAL_STATUSES, r.status, locale)}`,
                          )
                          .join('; ')}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      ) : null}
      <RegisterForm />
    </section>
  );
}

/** Starts aftercare from the outreach case of a hate-crime victim (the call screen links here). */
export function StartFromCallScreen({ outreachCaseId }: { outreachCaseId: string }) {
  const t = useT(hateCrimeMessages);
  const ids = useId();
  const [openedOn, setOpenedOn] = useState(todayIso());
  const [state, start] = useMutation(StartMutation);
  const problem = problemOf(state.error);
  return (
    <section aria-labelledby={`${ids}-heading`} className="or-screen">
      <h1 id={`${ids}-heading`}>{t('start.heading')}</h1>
      <p>{t('start.intro')}</p>
      <form
        className="or-form"
        noValidate
        aria-labelledby={`${ids}-heading`}
        onSubmit={async (event) => {
          event.preventDefault();
          const response = await start({ input: { entryPoint: 'OUTREACH_CALL', outreachCaseId, openedOn } });
          const id = response.data?.startHateCrimeAftercare.id;
          if (id) navigate(`/hate-crime-case/${id}`);
        }}
      >
        <DateField
          id={`${ids}-opened`}
          label={t('start.openedOn')}
          value={openedOn}
          max={todayIso()}
          onChange={setOpenedOn}
          errors={errorsOf(problem, 'openedOn')}
        />
        <ProblemAlert problem={problem} fields={['openedOn']} />
        <button type="submit" className="vi-button vi-button--primary" disabled={state.fetching}>
          {t('start.submit')}
        </button>
      </form>
    </section>
  );
}
