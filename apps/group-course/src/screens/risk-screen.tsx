import { checkRiskAssessment, fieldError, labelOf, RISK_ROUTES, type RiskRouteCode } from '@vi/domain';
import { type FieldError, FieldErrors, formatDate, TextField, useCurrentUser, useLocale, useT } from '@vi/ui';
import { type FormEvent, useEffect, useRef, useState } from 'react';
import { useMutation, useQuery } from 'urql';
import { graphql } from '../graphql.ts';
import { todayIso } from './calendar.ts';
import { ProblemAlert, problemOf, StatusMessage } from './form-problem.tsx';
import { RiskRoutesField } from './risk-routes-field.tsx';
import { screenMessages } from './screen-messages.ts';

const RiskOverviewQuery = graphql(`
  query RiskOverview {
    awaiting: intakes(awaitingAssessment: true) { id personId pseudonym alias name registeredOn }
    reassessmentsDue { id personId pseudonym alias reassessOn }
    recentRiskDecisions { id personId pseudonym alias assessedOn reassessOn routes otherSupport }
    me { organization { id riskLevels } }
  }
`);

const RecordRiskAssessmentMutation = graphql(`
  mutation RecordRiskAssessment($input: RecordRiskAssessmentInput!) {
    recordRiskAssessment(input: $input) { id routes }
  }
`);

const CorrectRiskDecisionMutation = graphql(`
  mutation CorrectRiskDecision($input: CorrectRiskDecisionInput!) {
    correctRiskDecision(input: $input) { id routes reassessOn otherSupport }
  }
`);

type Person = { personId: string; who: string };
type Decision = {
  id: string;
  who: string;
  assessedOn: string;
  reassessOn: string | null;
  routes: readonly RiskRouteCode[];
  otherSupport: string | null;
};

const CORRECTION_REASONS = ['RECORDED_BY_MISTAKE', 'NEW_INFORMATION', 'PERSON_CHANGED_MIND'] as const;
type CorrectionReason = (typeof CORRECTION_REASONS)[number];

/**
 * The form opens below the lists, far out of sight on a long list: bring it into view and move
 * focus to its heading, so keyboard and screen-reader users land where the work continues.
 */
function useFocusOnOpen() {
  const ref = useRef<HTMLHeadingElement>(null);
  useEffect(() => {
    const heading = ref.current;
    if (!heading) return;
    heading.scrollIntoView({ block: 'start' });
    heading.focus({ preventScroll: true });
  }, []);
  return ref;
}

function RiskForm({
  person,
  riskLevels,
  onSaved,
  onCancel,
}: {
  person: Person;
  riskLevels: readonly string[];
  onSaved: () => void;
  onCancel: () => void;
}) {
  const t = useT(screenMessages);
  const user = useCurrentUser();
  const anonymous = user.organization?.stance === 'ANONYMOUS';
  const headingRef = useFocusOnOpen();
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

  return (
    <form noValidate onSubmit={submit} className="gc-form" aria-labelledby="risk-form-heading">
      <h2 id="risk-form-heading" ref={headingRef} tabIndex={-1}>
        {t('risk.formHeading', { who: person.who })}
      </h2>
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
      <RiskRoutesField
        idPrefix="risk"
        routes={routes}
        onRoutesChange={setRoutes}
        errors={errorsFor('routes')}
      />
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
      <div className="gc-inline">
        <button type="submit" className="vi-button vi-button--primary" disabled={result.fetching}>
          {result.fetching ? t('common.saving') : t('risk.submit')}
        </button>
        <button type="button" className="vi-button" onClick={onCancel}>
          {t('common.cancel')}
        </button>
      </div>
    </form>
  );
}

/** Corrects a saved decision: new routes (and re-assessment date) with a reason, audited by the gateway. */
function CorrectionForm({
  decision,
  onSaved,
  onCancel,
}: {
  decision: Decision;
  onSaved: () => void;
  onCancel: () => void;
}) {
  const t = useT(screenMessages);
  const { locale } = useLocale();
  const headingRef = useFocusOnOpen();
  const [routes, setRoutes] = useState<RiskRouteCode[]>([...decision.routes]);
  const [reassessOn, setReassessOn] = useState(decision.reassessOn ?? '');
  const [otherSupport, setOtherSupport] = useState(decision.otherSupport ?? '');
  const [reason, setReason] = useState<CorrectionReason | ''>('');
  const [errors, setErrors] = useState<FieldError[]>([]);
  const [result, correct] = useMutation(CorrectRiskDecisionMutation);
  const errorsFor = (field: string) => errors.filter((e) => e.field === field);

  async function submit(event: FormEvent) {
    event.preventDefault();
    const input = {
      assessedOn: decision.assessedOn,
      reassessOn: reassessOn || null,
      routes,
      otherSupport: routes.includes('OTHER_SUPPORT') ? otherSupport || null : null,
    };
    // The decision's own rules. The result and date stay as saved, so the check runs as for an
    // organisation that stores no result (nothing to require) on the assessment's own day.
    const checked = checkRiskAssessment(input, {
      stance: 'ANONYMOUS',
      riskLevels: [],
      today: decision.assessedOn,
    });
    const found = [
      ...(checked.ok ? [] : checked.errors),
      ...(reason ? [] : [fieldError('reason', 'REQUIRED')]),
    ];
    setErrors(found);
    if (found.length > 0 || !reason) return;
    const outcome = await correct({
      input: {
        assessmentId: decision.id,
        routes,
        reassessOn: input.reassessOn,
        otherSupport: input.otherSupport,
        reason,
      },
    });
    const problem = problemOf(outcome.error);
    if (problem) setErrors(problem.fields);
    else onSaved();
  }

  return (
    <form noValidate onSubmit={submit} className="gc-form" aria-labelledby="risk-correct-heading">
      <h2 id="risk-correct-heading" ref={headingRef} tabIndex={-1}>
        {t('risk.correctHeading', { who: decision.who })}
      </h2>
      <p>
        {t('risk.correctSaved', {
          date: formatDate(decision.assessedOn),
          routes: decision.routes.map((code) => labelOf(RISK_ROUTES, code, locale)).join(', '),
        })}
      </p>
      <RiskRoutesField
        idPrefix="risk-correct"
        routes={routes}
        onRoutesChange={setRoutes}
        errors={errorsFor('routes')}
      />
      {routes.includes('OTHER_SUPPORT') ? (
        <TextField
          id="risk-correct-other-support"
          label={t('risk.otherSupport')}
          value={otherSupport}
          onValueChange={setOtherSupport}
          errors={errorsFor('otherSupport')}
        />
      ) : null}
      <div className="vi-field">
        <label htmlFor="risk-correct-reassess-on">{t('risk.reassessOn')}</label>
        <input
          id="risk-correct-reassess-on"
          type="date"
          value={reassessOn}
          onChange={(e) => setReassessOn(e.target.value)}
          aria-describedby={errorsFor('reassessOn').length ? 'risk-correct-reassess-on-errors' : undefined}
        />
        <FieldErrors id="risk-correct-reassess-on-errors" errors={errorsFor('reassessOn')} />
      </div>
      <fieldset
        className="vi-q-item"
        aria-describedby={errorsFor('reason').length ? 'risk-correct-reason-errors' : undefined}
      >
        <legend className="vi-q-legend">{t('risk.reason')}</legend>
        <div className="vi-q-options">
          {CORRECTION_REASONS.map((code) => (
            <label key={code} className="vi-q-option">
              <input
                type="radio"
                name="risk-correct-reason"
                value={code}
                checked={reason === code}
                onChange={() => setReason(code)}
              />
              <span>{t(`risk.reason.${code}`)}</span>
            </label>
          ))}
        </div>
        <FieldErrors id="risk-correct-reason-errors" errors={errorsFor('reason')} />
      </fieldset>
      <p className="gc-muted">{t('risk.correctAudited')}</p>
      <FieldErrors id="risk-correct-assessment-errors" errors={errorsFor('assessmentId')} />
      <ProblemAlert problem={problemOf(result.error)} />
      <div className="gc-inline">
        <button type="submit" className="vi-button vi-button--primary" disabled={result.fetching}>
          {result.fetching ? t('common.saving') : t('risk.correctSubmit')}
        </button>
        <button type="button" className="vi-button" onClick={onCancel}>
          {t('common.cancel')}
        </button>
      </div>
    </form>
  );
}

/** "Vurdér Mette (P-7K3M) igen, forfalden siden 01.11.2026": who, and how urgent, on the button itself. */
function useReassessLabel() {
  const t = useT(screenMessages);
  return (who: string, pseudonym: string, reassessOn: string | null): string => {
    const person = who === pseudonym ? pseudonym : `${who} (${pseudonym})`;
    if (!reassessOn) return t('risk.reassessPerson', { who: person });
    return reassessOn <= todayIso()
      ? t('risk.reassessOverdue', { who: person, date: formatDate(reassessOn) })
      : t('risk.reassessComing', { who: person, date: formatDate(reassessOn) });
  };
}

type Open = { kind: 'assess'; person: Person } | { kind: 'correct'; decision: Decision } | null;

/** Assessors see who awaits an assessment and whose re-assessment is due, record the decision, and correct one. */
export function RiskScreen() {
  const t = useT(screenMessages);
  const { locale } = useLocale();
  const reassessLabel = useReassessLabel();
  const [overview, refetch] = useQuery({ query: RiskOverviewQuery });
  const [open, setOpen] = useState<Open>(null);
  const [saved, setSaved] = useState<string | null>(null);
  const data = overview.data;

  const done = (message: string) => {
    setOpen(null);
    setSaved(message);
    refetch({ requestPolicy: 'network-only' });
  };

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
                      setOpen({ kind: 'assess', person: { personId: intake.personId, who } });
                    }}
                  >
                    {t('risk.assess', { who })}
                  </button>{' '}
                  {t('risk.registeredOn', {
                    pseudonym: intake.pseudonym,
                    date: formatDate(intake.registeredOn),
                  })}
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
                      setOpen({ kind: 'assess', person: { personId: assessment.personId, who } });
                    }}
                  >
                    {reassessLabel(who, assessment.pseudonym, assessment.reassessOn ?? null)}
                  </button>
                </li>
              );
            })}
          </ul>
        ) : (
          <p>{overview.fetching ? t('common.loading') : t('common.none')}</p>
        )}
      </section>
      <section aria-labelledby="risk-recent">
        <h2 id="risk-recent">{t('risk.recentHeading')}</h2>
        <p className="gc-muted">{t('risk.recentIntro')}</p>
        {data?.recentRiskDecisions.length ? (
          <ul className="gc-list">
            {data.recentRiskDecisions.map((decision) => {
              const who = decision.alias ?? decision.pseudonym;
              return (
                <li key={decision.id}>
                  <strong>{who}</strong> ({decision.pseudonym}), {formatDate(decision.assessedOn)}:{' '}
                  {decision.routes.map((code) => labelOf(RISK_ROUTES, code, locale)).join(', ')}{' '}
                  <button
                    type="button"
                    className="vi-button gc-small"
                    onClick={() => {
                      setSaved(null);
                      setOpen({
                        kind: 'correct',
                        decision: {
                          id: decision.id,
                          who,
                          assessedOn: decision.assessedOn,
                          reassessOn: decision.reassessOn ?? null,
                          routes: decision.routes,
                          otherSupport: decision.otherSupport ?? null,
                        },
                      });
                    }}
                  >
                    {t('risk.correct', { who })}
                  </button>
                </li>
              );
            })}
          </ul>
        ) : (
          <p>{overview.fetching ? t('common.loading') : t('common.none')}</p>
        )}
      </section>
      {open?.kind === 'assess' ? (
        <RiskForm
          key={open.person.personId}
          person={open.person}
          riskLevels={data?.me?.organization?.riskLevels ?? []}
          onSaved={() => done(t('risk.saved'))}
          onCancel={() => setOpen(null)}
        />
      ) : null}
      {open?.kind === 'correct' ? (
        <CorrectionForm
          key={open.decision.id}
          decision={open.decision}
          onSaved={() => done(t('risk.corrected', { who: open.decision.who }))}
          onCancel={() => setOpen(null)}
        />
      ) : null}
    </>
  );
}
