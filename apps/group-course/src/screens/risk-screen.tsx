import { checkRiskAssessment, labelOf, RISK_ROUTES, type RiskRouteCode } from '@vi/domain';
import { type FieldError, FieldErrors, formatDate, TextField, useCurrentUser, useLocale, useT } from '@vi/ui';
import { type FormEvent, useState } from 'react';
import { useMutation, useQuery } from 'urql';
import { graphql } from '../graphql.ts';
import { todayIso } from './calendar.ts';
import { ProblemAlert, problemOf, StatusMessage } from './form-problem.tsx';
import { screenMessages } from './screen-messages.ts';

const RiskOverviewQuery = graphql(`
  query RiskOverview {
    awaiting: intakes(awaitingAssessment: true) { id personId pseudonym alias name registeredOn }
    reassessmentsDue { id personId pseudonym alias reassessOn }
    me { organization { id riskLevels } }
  }
`);

const RecordRiskAssessmentMutation = graphql(`
  mutation RecordRiskAssessment($input: RecordRiskAssessmentInput!) {
    recordRiskAssessment(input: $input) { id routes }
  }
`);

type Person = { personId: string; who: string };

function RiskForm({
  person,
  riskLevels,
  onSaved,
}: {
  person: Person;
  riskLevels: readonly string[];
  onSaved: () => void;
}) {
  const t = useT(screenMessages);
  const { locale } = useLocale();
  const user = useCurrentUser();
  const anonymous = user.organization?.stance === 'ANONYMOUS';
  const [assessedOn, setAssessedOn] = useState(todayIso());
  const [riskLevel, setRiskLevel] = useState('');
  const [safetyPlan, setSafetyPlan] = useState('');
  const [reassessOn, setReassessOn] = useState('');
  const [routes, setRoutes] = useState<RiskRouteCode[]>([]);
  const [otherSupport, setOtherSupport] = useState('');
  const [errors, setErrors] = useState<FieldError[]>([]);
  const [result, record] = useMutation(RecordRiskAssessmentMutation);
  const errorsFor = (field: string) => errors.filter((e) => e.field === field);

  async function submit(event: FormEvent) {
    event.preventDefault();
    const input = {
      personId: person.personId,
      assessedOn,
      riskLevel: anonymous ? null : riskLevel || null,
      safetyPlan: anonymous ? null : safetyPlan || null,
      reassessOn: reassessOn || null,
      routes,
      otherSupport: routes.includes('OTHER_SUPPORT') ? otherSupport || null : null,
    };
    const checked = checkRiskAssessment(input, {
      stance: anonymous ? 'ANONYMOUS' : 'JOURNALISED',
      riskLevels,
      today: todayIso(),
    });
    if (!checked.ok) {
      setErrors(checked.errors);
      return;
    }
    setErrors([]);
    const outcome = await record({ input });
    const problem = problemOf(outcome.error);
    if (problem) setErrors(problem.fields);
    else onSaved();
  }

  const routeErrors = errorsFor('routes');
  return (
    <form noValidate onSubmit={submit} className="gc-form" aria-labelledby="risk-form-heading">
      <h2 id="risk-form-heading">{t('risk.formHeading', { who: person.who })}</h2>
      {anonymous ? <p className="gc-notice">{t('risk.anonymousNotice')}</p> : null}
      <div className="vi-field">
        <label htmlFor="risk-assessed-on">{t('risk.assessedOn')}</label>
        <input
          id="risk-assessed-on"
          type="date"
          value={assessedOn}
          max={todayIso()}
          onChange={(e) => setAssessedOn(e.target.value)}
          aria-describedby={errorsFor('assessedOn').length ? 'risk-assessed-on-errors' : undefined}
        />
        <FieldErrors id="risk-assessed-on-errors" errors={errorsFor('assessedOn')} />
      </div>
      {anonymous ? null : (
        <>
          <div className="vi-field">
            <label htmlFor="risk-level">{t('risk.riskLevel')}</label>
            <select
              id="risk-level"
              value={riskLevel}
              onChange={(e) => setRiskLevel(e.target.value)}
              aria-describedby={errorsFor('riskLevel').length ? 'risk-level-errors' : undefined}
            >
              <option value="">{t('risk.chooseLevel')}</option>
              {riskLevels.map((level) => (
                <option key={level} value={level}>
                  {level}
                </option>
              ))}
            </select>
            <FieldErrors id="risk-level-errors" errors={errorsFor('riskLevel')} />
          </div>
          <div className="vi-field">
            <label htmlFor="risk-safety-plan">{t('risk.safetyPlan')}</label>
            <textarea
              id="risk-safety-plan"
              rows={4}
              value={safetyPlan}
              onChange={(e) => setSafetyPlan(e.target.value)}
            />
            <FieldErrors id="risk-safety-plan-errors" errors={errorsFor('safetyPlan')} />
          </div>
        </>
      )}
      <div className="vi-field">
        <label htmlFor="risk-reassess-on">{t('risk.reassessOn')}</label>
        <input
          id="risk-reassess-on"
          type="date"
          value={reassessOn}
          onChange={(e) => setReassessOn(e.target.value)}
          aria-describedby={errorsFor('reassessOn').length ? 'risk-reassess-on-errors' : undefined}
        />
        <FieldErrors id="risk-reassess-on-errors" errors={errorsFor('reassessOn')} />
      </div>
      <fieldset
        className="vi-q-item"
        aria-describedby={routeErrors.length ? 'risk-routes-errors' : undefined}
      >
        <legend className="vi-q-legend">{t('risk.routes')}</legend>
        <div className="vi-q-options">
          {RISK_ROUTES.map((route) => (
            <label key={route.code} className="vi-q-option">
              <input
                type="checkbox"
                name="routes"
                value={route.code}
                checked={routes.includes(route.code)}
                onChange={(e) =>
                  setRoutes((current) => {
                    if (!e.target.checked) return current.filter((c) => c !== route.code);
                    if (route.exclusive) return [route.code];
                    const kept = current.filter((c) => !RISK_ROUTES.find((r) => r.code === c)?.exclusive);
                    return [...kept, route.code];
                  })
                }
              />
              <span>{labelOf(RISK_ROUTES, route.code, locale)}</span>
            </label>
          ))}
        </div>
        <FieldErrors id="risk-routes-errors" errors={routeErrors} />
      </fieldset>
      {routes.includes('OTHER_SUPPORT') ? (
        <TextField
          id="risk-other-support"
          label={t('risk.otherSupport')}
          value={otherSupport}
          onValueChange={setOtherSupport}
          errors={errorsFor('otherSupport')}
        />
      ) : null}
      <ProblemAlert problem={problemOf(result.error)} />
      <button type="submit" className="vi-button vi-button--primary" disabled={result.fetching}>
        {result.fetching ? t('common.saving') : t('risk.submit')}
      </button>
    </form>
  );
}

/** Assessors see who awaits an assessment and whose re-assessment is due, and record the decision. */
export function RiskScreen() {
  const t = useT(screenMessages);
  const [overview, refetch] = useQuery({ query: RiskOverviewQuery });
  const [selected, setSelected] = useState<Person | null>(null);
  const [saved, setSaved] = useState<string | null>(null);
  const data = overview.data;
  return (
    <>
      <h1>{t('risk.heading')}</h1>
      <p>{t('risk.intro')}</p>
      <StatusMessage text={saved} />
      <section aria-labelledby="risk-awaiting">
        <h2 id="risk-awaiting">{t('risk.awaitingHeading')}</h2>
        {data?.awaiting.length ? (
          <ul className="gc-list">
            {data.awaiting.map((intake) => {
              const who = intake.name ?? intake.alias ?? intake.pseudonym;
              return (
                <li key={intake.id}>
                  <button
                    type="button"
                    className="vi-button"
                    onClick={() => {
                      setSaved(null);
                      setSelected({ personId: intake.personId, who });
                    }}
                  >
                    {t('risk.assess', { who })}
                  </button>{' '}
                  {intake.pseudonym}, {formatDate(intake.registeredOn)}
                </li>
              );
            })}
          </ul>
        ) : (
          <p>{overview.fetching ? t('common.loading') : t('common.none')}</p>
        )}
      </section>
      <section aria-labelledby="risk-due">
        <h2 id="risk-due">{t('risk.dueHeading')}</h2>
        {data?.reassessmentsDue.length ? (
          <ul className="gc-list">
            {data.reassessmentsDue.map((assessment) => {
              const who = assessment.alias ?? assessment.pseudonym;
              return (
                <li key={assessment.id}>
                  <button
                    type="button"
                    className="vi-button"
                    onClick={() => {
                      setSaved(null);
                      setSelected({ personId: assessment.personId, who });
                    }}
                  >
                    {t('risk.assess', { who })}
                  </button>{' '}
                  {t('risk.reassessDue', {
                    date: assessment.reassessOn ? formatDate(assessment.reassessOn) : '',
                  })}
                </li>
              );
            })}
          </ul>
        ) : (
          <p>{overview.fetching ? t('common.loading') : t('common.none')}</p>
        )}
      </section>
      {selected ? (
        <RiskForm
          key={selected.personId}
          person={selected}
          riskLevels={data?.me?.organization?.riskLevels ?? []}
          onSaved={() => {
            setSelected(null);
            setSaved(t('risk.saved'));
            refetch({ requestPolicy: 'network-only' });
          }}
        />
      ) : null}
    </>
  );
}
