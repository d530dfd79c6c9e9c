import {
  type Answers,
  checkIntakeAnswers,
  checkIntakeContact,
  itemsOf,
  labelOf,
  REACH_QUESTIONS,
  REGISTRATION_DECISION_ITEMS,
  RISK_ROUTES,
} from '@vi/domain';
import {
  type DraftAnswers,
  EMPTY_REACH_ANSWERS,
  type FieldError,
  FieldErrors,
  formatDate,
  hasReachAnswers,
  QuestionnaireFields,
  ReachAnswersFieldset,
  type ReachAnswersValue,
  TextField,
  useCurrentUser,
  useLocale,
  useLocalized,
  useT,
} from '@vi/ui';
import { type FormEvent, useEffect, useRef, useState } from 'react';
import { useMutation, useQuery } from 'urql';
import { graphql } from '../graphql.ts';
import { todayIso } from './calendar.ts';
import { ProblemAlert, problemOf, StatusMessage } from './form-problem.tsx';
import { screenMessages } from './screen-messages.ts';
import { StaffErrorSummary, type SummaryEntry } from './staff-error-summary.tsx';

export const IntakesQuery = graphql(`
  query Intakes {
    intakes { id personId pseudonym alias name registeredOn referredTo latestRiskAssessment { id } }
  }
`);

const RegisterIntakeMutation = graphql(`
  mutation RegisterIntake($input: RegisterIntakeInput!) {
    registerIntake(input: $input) { id personId pseudonym }
  }
`);

type Contact = { alias: string; name: string; phone: string; reachNote: string; caseReference: string };
const EMPTY_CONTACT: Contact = { alias: '', name: '', phone: '', reachNote: '', caseReference: '' };

/** The contact fields' ids and labels, for the error summary's links. */
const CONTACT_FIELDS = {
  registeredOn: { id: 'intake-registered-on', label: 'intake.registeredOn' },
  alias: { id: 'intake-alias', label: 'intake.alias' },
  name: { id: 'intake-name', label: 'intake.name' },
  caseReference: { id: 'intake-case', label: 'intake.caseReference' },
  phone: { id: 'intake-phone', label: 'intake.phone' },
  reachNote: { id: 'intake-reach', label: 'intake.reachNote' },
} as const;
const REGISTRATION_ITEMS = itemsOf('REGISTRATION');

/**
 * A grid's question up to its first full stop. Each unanswered row is its own entry in the summary,
 * and the violence grid's two-sentence question repeated before each of its seven rows made the
 * summary fill three phone screens; the first sentence still names the question, the row the field.
 */
export function firstSentence(label: string): string {
  const end = label.indexOf('. ');
  return end > 0 ? label.slice(0, end) : label;
}

/** Each error with the name of its field (a grid row named with its question) and where to go. */
function useSummaryEntries(errors: readonly FieldError[]): SummaryEntry[] {
  const t = useT(screenMessages);
  const text = useLocalized();
  return errors.map((error, index) => {
    const key = `${error.field}:${error.code}:${index}`;
    const contact = CONTACT_FIELDS[error.field as keyof typeof CONTACT_FIELDS];
    if (contact) return { key, name: t(contact.label), targetId: contact.id, error };
    if (error.field.startsWith('reach.')) {
      // The "who we reach" fieldset's stable ids (idPrefix below).
      const field = error.field.slice('reach.'.length);
      const question = REACH_QUESTIONS.find((q) => q.field === field);
      return {
        key,
        name: text(question ? question.label : { da: 'Foretrukket sprog', en: 'Preferred language' }),
        targetId: `intake-reach-${field}`,
        error,
      };
    }
    const [itemId = '', row] = error.field.replace(/^answers\./, '').split('.');
    const item = REGISTRATION_ITEMS.find((candidate) => candidate.id === itemId);
    const rowLabel = item?.kind === 'grid' ? item.rows.find((r) => r.code === row)?.label : undefined;
    return {
      key,
      name: item
        ? rowLabel
          ? `${firstSentence(text(item.label))} – ${text(rowLabel)}`
          : text(item.label)
        : error.field,
      // The ids QuestionnaireFields gives a question and a grid row.
      targetId: rowLabel ? `intake-${itemId}-${row}` : `intake-${itemId}`,
      error,
    };
  });
}

/** The coordinator registers everyone who comes forward: contact as the stance allows, and the registration form. */
export function IntakeScreen() {
  const t = useT(screenMessages);
  const { locale } = useLocale();
  const user = useCurrentUser();
  const anonymous = user.organization?.stance === 'ANONYMOUS';
  const [registeredOn, setRegisteredOn] = useState(todayIso());
  const [contact, setContact] = useState<Contact>(EMPTY_CONTACT);
  const [answers, setAnswers] = useState<DraftAnswers>({});
  const [decisionNow, setDecisionNow] = useState(false);
  const [reach, setReach] = useState<ReachAnswersValue>(EMPTY_REACH_ANSWERS);
  const [errors, setErrors] = useState<FieldError[]>([]);
  const [saved, setSaved] = useState<string | null>(null);
  const [result, register] = useMutation(RegisterIntakeMutation);
  const [intakes, refetch] = useQuery({ query: IntakesQuery });
  const summaryRef = useRef<HTMLDivElement>(null);
  const summaryEntries = useSummaryEntries(errors);
  // Each refused submit moves focus to the summary, so the user hears and sees what to fix.
  const [refusals, setRefusals] = useState(0);
  useEffect(() => {
    if (refusals === 0) return;
    summaryRef.current?.scrollIntoView({ block: 'start' });
    summaryRef.current?.focus({ preventScroll: true });
  }, [refusals]);

  const set = (key: keyof Contact) => (value: string) => setContact((c) => ({ ...c, [key]: value }));
  const errorsFor = (field: string) => errors.filter((e) => e.field === field);

  async function submit(event: FormEvent) {
    event.preventDefault();
    setSaved(null);
    const given = decisionNow
      ? answers
      : Object.fromEntries(
          Object.entries(answers).filter(
            ([id]) => !(REGISTRATION_DECISION_ITEMS as readonly string[]).includes(id),
          ),
        );
    // The same domain rules the gateway applies, so mistakes show before anything is sent.
    const contactCheck = checkIntakeContact(anonymous ? 'ANONYMOUS' : 'JOURNALISED', contact);
    const answersCheck = checkIntakeAnswers(given);
    const found = [
      ...(contactCheck.ok ? [] : contactCheck.errors),
      ...(answersCheck.ok ? [] : answersCheck.errors.map((e) => ({ ...e, field: `answers.${e.field}` }))),
    ];
    setErrors(found);
    if (found.length > 0 || !answersCheck.ok) {
      setRefusals((n) => n + 1);
      return;
    }
    const outcome = await register({
      input: {
        registeredOn,
        alias: contact.alias || null,
        phone: contact.phone || null,
        reachNote: contact.reachNote || null,
        ...(anonymous ? {} : { name: contact.name || null, caseReference: contact.caseReference || null }),
        answers: answersCheck.answers as Answers,
        // Who we reach: sent only when something is recorded (nothing else to store).
        ...(hasReachAnswers(reach) ? { reach } : {}),
      },
    });
    const problem = problemOf(outcome.error);
    if (problem) {
      setErrors(problem.fields);
      if (problem.fields.length > 0) setRefusals((n) => n + 1);
      return;
    }
    setSaved(t('intake.registered', { pseudonym: outcome.data?.registerIntake.pseudonym ?? '' }));
    setContact(EMPTY_CONTACT);
    setAnswers({});
    setReach(EMPTY_REACH_ANSWERS);
    refetch({ requestPolicy: 'network-only' });
  }

  const problem = problemOf(result.error);
  return (
    <>
      <h1 id="intake-heading">{t('intake.heading')}</h1>
      <p>{t('intake.intro')}</p>
      <form noValidate onSubmit={submit} className="gc-form gc-intake-form" aria-labelledby="intake-heading">
        <StaffErrorSummary ref={summaryRef} idPrefix="intake" entries={summaryEntries} />
        <h2 id="intake-form-heading">{t('intake.contactHeading')}</h2>
        {anonymous ? <p className="gc-notice">{t('intake.anonymousNotice')}</p> : null}
        <div className="vi-field">
          <label htmlFor="intake-registered-on">{t('intake.registeredOn')}</label>
          <input
            id="intake-registered-on"
            type="date"
            value={registeredOn}
            max={todayIso()}
            onChange={(e) => setRegisteredOn(e.target.value)}
            aria-describedby={errorsFor('registeredOn').length ? 'intake-registered-on-errors' : undefined}
          />
          <FieldErrors id="intake-registered-on-errors" errors={errorsFor('registeredOn')} />
        </div>
        <TextField
          id="intake-alias"
          label={t('intake.alias')}
          value={contact.alias}
          onValueChange={set('alias')}
          errors={errorsFor('alias')}
          autoComplete="off"
        />
        {anonymous ? null : (
          <>
            <TextField
              id="intake-name"
              label={t('intake.name')}
              value={contact.name}
              onValueChange={set('name')}
              errors={errorsFor('name')}
              autoComplete="off"
            />
            <TextField
              id="intake-case"
              label={t('intake.caseReference')}
              value={contact.caseReference}
              onValueChange={set('caseReference')}
              errors={errorsFor('caseReference')}
              autoComplete="off"
            />
          </>
        )}
        <TextField
          id="intake-phone"
          label={t('intake.phone')}
          value={contact.phone}
          onValueChange={set('phone')}
          errors={errorsFor('phone')}
          type="tel"
          autoComplete="off"
        />
        <TextField
          id="intake-reach"
          label={t('intake.reachNote')}
          value={contact.reachNote}
          onValueChange={set('reachNote')}
          errors={errorsFor('reachNote')}
          autoComplete="off"
        />

        <QuestionnaireFields
          kind="REGISTRATION"
          answers={answers}
          onAnswersChange={setAnswers}
          errors={errors.filter((e) => e.field.startsWith('answers.'))}
          idPrefix="intake"
          omitItems={decisionNow ? [] : REGISTRATION_DECISION_ITEMS}
        />
        <div className="gc-checkbox">
          <input
            id="intake-decision-now"
            type="checkbox"
            checked={decisionNow}
            onChange={(e) => setDecisionNow(e.target.checked)}
          />
          <label htmlFor="intake-decision-now">{t('intake.decisionNow')}</label>
        </div>
        {decisionNow ? null : <p className="vi-q-help">{t('intake.decisionLater')}</p>}
        <ReachAnswersFieldset value={reach} onChange={setReach} errors={errors} idPrefix="intake-reach" />
        <ProblemAlert
          problem={
            errors.length > 0 && !problem ? { code: 'VALIDATION', message: null, fields: errors } : problem
          }
        />
        <button type="submit" className="vi-button vi-button--primary" disabled={result.fetching}>
          {result.fetching ? t('common.saving') : t('intake.submit')}
        </button>
        <StatusMessage text={saved} />
      </form>

      <section aria-labelledby="intake-recent">
        <h2 id="intake-recent">{t('intake.recent')}</h2>
        {intakes.data?.intakes.length ? (
          <ul className="gc-list">
            {intakes.data.intakes.slice(0, 20).map((intake) => (
              <li key={intake.id}>
                <strong>{intake.name ?? intake.alias ?? intake.pseudonym}</strong> ({intake.pseudonym}),{' '}
                {formatDate(intake.registeredOn)}
                {' – '}
                {intake.latestRiskAssessment
                  ? intake.referredTo.map((route) => labelOf(RISK_ROUTES, route, locale)).join(', ')
                  : t('intake.awaiting')}
              </li>
            ))}
          </ul>
        ) : (
          <p>{intakes.fetching ? t('common.loading') : t('common.none')}</p>
        )}
      </section>
    </>
  );
}
