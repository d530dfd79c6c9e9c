// The project lead's view of hate-crime aftercare: the year's volume against the pre-study's
// expected volume and the organisation's capacity, and cost against the yearly budget (domain
// capacity-budget.ts via the gateway), with the year's own figures entered here.
import { HATE_CRIME_TRACKS, labelOf } from '@vi/domain';
import { TextField, useLocale, useT } from '@vi/ui';
import { useId, useState } from 'react';
import { useMutation, useQuery } from 'urql';
import { graphql, type ResultOf } from '../../graphql.ts';
import { hateCrimeMessages } from './hate-crime-messages.ts';
import { errorsOf, ProblemAlert, problemOf, todayIso } from './hate-crime-ui.tsx';

const LeadQuery = graphql(`
  query HateCrimeLeadView($year: Int!) {
    hateCrimeLeadView(year: $year) {
      year
      casesOpened
      victimsWithAftercare
      tracks { track sent started completed }
      inputsEntered
      capacityPerYear
      expectedStartUpLow
      expectedStartUpHigh
      expectedNeedLow
      expectedNeedHigh
      capacityStatus
      utilisation
      legalFinancialYearly
      psychologicalYearly
      otherYearly
      yearlyCost
      yearlyBudget
      budgetYears
      budgetUse
      overBudget
      meetsMinimumYears
      costPerVictim
      preStudyPerVictimLow
      preStudyPerVictimHigh
    }
  }
`);

const SaveMutation = graphql(`
  mutation SaveHateCrimeBudget($year: Int!, $input: HateCrimeBudgetInput!) {
    saveHateCrimeBudget(year: $year, input: $input) { year inputsEntered yearlyCost yearlyBudget capacityPerYear }
  }
`);

type View = ResultOf<typeof LeadQuery>['hateCrimeLeadView'];
const INPUTS = [
  'capacityPerYear',
  'legalFinancialYearly',
  'psychologicalYearly',
  'otherYearly',
  'yearlyBudget',
  'budgetYears',
] as const;
type InputKey = (typeof INPUTS)[number];

function InputsForm({ view, onSaved }: { view: View; onSaved: () => void }) {
  const t = useT(hateCrimeMessages);
  const ids = useId();
  const [values, setValues] = useState<Record<InputKey, string>>(() => ({
    capacityPerYear: String(view.capacityPerYear),
    legalFinancialYearly: String(view.legalFinancialYearly),
    psychologicalYearly: String(view.psychologicalYearly),
    otherYearly: String(view.otherYearly),
    yearlyBudget: String(view.yearlyBudget),
    budgetYears: String(view.budgetYears),
  }));
  const [saved, setSaved] = useState(false);
  const [state, save] = useMutation(SaveMutation);
  const problem = problemOf(state.error);
  const number = (v: string) => Number(v.replace(/\s|\./g, '').replace(',', '.'));
  return (
    <form
      className="or-form"
      noValidate
      aria-labelledby={`${ids}-heading`}
      onSubmit={async (event) => {
        event.preventDefault();
        setSaved(false);
        const response = await save({
          year: view.year,
          input: {
            capacityPerYear: Math.trunc(number(values.capacityPerYear)),
            legalFinancialYearly: number(values.legalFinancialYearly),
            psychologicalYearly: number(values.psychologicalYearly),
            otherYearly: number(values.otherYearly),
            yearlyBudget: number(values.yearlyBudget),
            budgetYears: Math.trunc(number(values.budgetYears)),
          },
        });
        if (response.data) {
          setSaved(true);
          onSaved();
        }
      }}
    >
      <h2 id={`${ids}-heading`}>{t('lead.inputsHeading')}</h2>
      {INPUTS.map((key) => (
        <TextField
          key={key}
          id={`${ids}-${key}`}
          label={t(`lead.in.${key}`)}
          inputMode="numeric"
          value={values[key]}
          onValueChange={(v) => setValues((s) => ({ ...s, [key]: v }))}
          errors={errorsOf(problem, key)}
        />
      ))}
      <ProblemAlert problem={problem} fields={[...INPUTS]} />
      <div aria-live="polite">{saved ? <p className="or-success">{t('lead.saved')}</p> : null}</div>
      <button type="submit" className="vi-button vi-button--primary" disabled={state.fetching}>
        {t('common.save')}
      </button>
    </form>
  );
}

export function HateCrimeLeadScreen() {
  const t = useT(hateCrimeMessages);
  const { locale } = useLocale();
  const ids = useId();
  const [year, setYear] = useState(Number(todayIso().slice(0, 4)));
  const [{ data, error, fetching }, reexecute] = useQuery({
    query: LeadQuery,
    variables: { year },
    requestPolicy: 'cache-and-network',
  });
  const v = data?.hateCrimeLeadView;
  const kr = (amount: number) =>
    t('lead.kroner', { amount: amount.toLocaleString(locale === 'da' ? 'da-DK' : 'en-GB') });
  const pct = (share: number | null) =>
    share === null
      ? '–'
      : `${(share * 100).toLocaleString(locale === 'da' ? 'da-DK' : 'en-GB', { maximumFractionDigits: 0 })} %`;
  const thisYear = Number(todayIso().slice(0, 4));
  return (
    <section aria-labelledby="hc-lead-heading" className="or-screen">
      <h1 id="hc-lead-heading">{t('lead.heading')}</h1>
      <div className="vi-field">
        <label htmlFor={`${ids}-year`}>{t('lead.year')}</label>
        <select id={`${ids}-year`} value={year} onChange={(e) => setYear(Number(e.target.value))}>
          {[thisYear, thisYear - 1, thisYear - 2].map((y) => (
            <option key={y} value={y}>
              {y}
            </option>
          ))}
        </select>
      </div>
      {fetching && !v ? <p role="status">{t('common.loading')}</p> : null}
      <ProblemAlert problem={problemOf(error)} fields={[]} />
      {v ? (
        <>
          <section aria-labelledby="hc-volume-heading">
            <h2 id="hc-volume-heading">{t('lead.volumeHeading')}</h2>
            <dl className="or-summary">
              <dt>{t('lead.casesOpened')}</dt>
              <dd>{v.casesOpened}</dd>
              <dt>{t('lead.victims')}</dt>
              <dd>{v.victimsWithAftercare}</dd>
              <dt>{t('lead.capacity')}</dt>
              <dd>{v.capacityPerYear}</dd>
              <dt>{t('lead.utilisation')}</dt>
              <dd>{pct(v.utilisation)}</dd>
            </dl>
            <p>
              <strong>{t(`lead.status.${v.capacityStatus as 'BELOW_START_UP'}`)}</strong>.{' '}
              {t('lead.expected', {
                low: v.expectedStartUpLow,
                high: v.expectedStartUpHigh,
                needLow: v.expectedNeedLow,
                needHigh: v.expectedNeedHigh,
              })}
            </p>
            <div className="or-table-scroll">
              <table className="or-table">
                <caption>{t('lead.tracksCaption')}</caption>
                <thead>
                  <tr>
                    <th scope="col">{t('lead.col.track')}</th>
                    <th scope="col">{t('lead.col.sent')}</th>
                    <th scope="col">{t('lead.col.started')}</th>
                    <th scope="col">{t('lead.col.completed')}</th>
                  </tr>
                </thead>
                <tbody>
                  {v.tracks.map((row) => (
                    <tr key={row.track}>
                      <th scope="row">{labelOf(HATE_CRIME_TRACKS, row.track, locale)}</th>
                      <td>{row.sent}</td>
                      <td>{row.started}</td>
                      <td>{row.completed}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          </section>
          <section aria-labelledby="hc-budget-heading">
            <h2 id="hc-budget-heading">{t('lead.budgetHeading')}</h2>
            {v.inputsEntered ? null : <p className="or-notice">{t('lead.example')}</p>}
            <dl className="or-summary">
              <dt>{t('lead.yearlyCost')}</dt>
              <dd>{kr(v.yearlyCost)}</dd>
              <dt>{t('lead.yearlyBudget')}</dt>
              <dd>{kr(v.yearlyBudget)}</dd>
              <dt>{t('lead.budgetUse')}</dt>
              <dd>{pct(v.budgetUse)}</dd>
              <dt>{t('lead.perVictim')}</dt>
              <dd>{v.costPerVictim === null ? '–' : kr(v.costPerVictim)}</dd>
            </dl>
            <p>
              {t('lead.preStudyRange', {
                low: v.preStudyPerVictimLow.toLocaleString('da-DK'),
                high: v.preStudyPerVictimHigh.toLocaleString('da-DK'),
              })}
            </p>
            {v.overBudget ? <p className="or-warning">{t('lead.overBudget')}</p> : null}
            {v.meetsMinimumYears ? null : <p className="or-warning">{t('lead.minimumYears')}</p>}
          </section>
          <InputsForm
            key={`${v.year}-${v.inputsEntered}`}
            view={v}
            onSaved={() => reexecute({ requestPolicy: 'network-only' })}
          />
        </>
      ) : null}
    </section>
  );
}
