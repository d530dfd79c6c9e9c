import { courseWarnings, proposeSessionDates, validateSessionDates } from '@vi/domain';
import { type FieldError, FieldErrors, formatDate, TextField, useCurrentUser, useLocale, useT } from '@vi/ui';
import { type FormEvent, useMemo, useState } from 'react';
import { useMutation, useQuery } from 'urql';
import { graphql } from '../graphql.ts';
import { AppLink } from './app-link.tsx';
import { todayIso } from './calendar.ts';
import { ProblemAlert, problemOf, StatusMessage } from './form-problem.tsx';
import { ModulePlanEditor } from './module-plan-editor.tsx';
import { screenMessages } from './screen-messages.ts';

const CoursesQuery = graphql(`
  query Courses {
    courses { id name venue startsOn participantCount modulePlanName }
  }
`);

const CourseSetupQuery = graphql(`
  query CourseSetup {
    modulePlans { id name isTemplate modules }
    groupLeaders { userId displayName }
  }
`);

const CreateCourseMutation = graphql(`
  mutation CreateCourse($input: CreateCourseInput!) {
    createCourse(input: $input) {
      course { id name }
      warnings { code messageDa messageEn }
    }
  }
`);

function CreateCourseForm({ onCreated }: { onCreated: (message: string) => void }) {
  const t = useT(screenMessages);
  const { locale } = useLocale();
  const [setup] = useQuery({ query: CourseSetupQuery });
  const plans = setup.data?.modulePlans ?? [];
  const leaders = setup.data?.groupLeaders ?? [];
  const [name, setName] = useState('');
  const [venue, setVenue] = useState('');
  const [planId, setPlanId] = useState('');
  const [dates, setDates] = useState<string[]>(() => proposeSessionDates(todayIso()));
  const [leaderIds, setLeaderIds] = useState<[string, string]>(['', '']);
  const [errors, setErrors] = useState<FieldError[]>([]);
  const [result, create] = useMutation(CreateCourseMutation);
  const plan = plans.find((p) => p.id === planId) ?? plans[0];
  // Warnings are advice, shown while the dates are edited; they never block creating the course.
  const warnings = useMemo(() => courseWarnings({ sessionDates: dates, participants: 6 }), [dates]);
  const errorsFor = (field: string) => errors.filter((e) => e.field === field);

  async function submit(event: FormEvent) {
    event.preventDefault();
    const found: FieldError[] = validateSessionDates(dates);
    setErrors(found);
    if (found.length > 0 || !plan) return;
    const outcome = await create({
      input: {
        name,
        venue,
        modulePlanId: plan.id,
        sessionDates: dates,
        leaderIds: leaderIds.filter(Boolean),
      },
    });
    const problem = problemOf(outcome.error);
    if (problem) {
      setErrors(problem.fields);
      return;
    }
    const created = outcome.data?.createCourse;
    if (created) {
      const notes = created.warnings.map((w) => (locale === 'da' ? w.messageDa : w.messageEn));
      onCreated([t('courses.created', { name: created.course.name }), ...notes].join(' '));
      setName('');
      setVenue('');
    }
  }

  return (
    <form noValidate onSubmit={submit} className="gc-form" aria-labelledby="create-course-heading">
      <h2 id="create-course-heading">{t('courses.create')}</h2>
      <TextField
        id="course-name"
        label={t('courses.name')}
        value={name}
        onValueChange={setName}
        errors={errorsFor('name')}
      />
      <TextField
        id="course-venue"
        label={t('courses.venue')}
        value={venue}
        onValueChange={setVenue}
        errors={errorsFor('venue')}
      />
      <div className="vi-field">
        <label htmlFor="course-plan">{t('courses.plan')}</label>
        <select id="course-plan" value={plan?.id ?? ''} onChange={(e) => setPlanId(e.target.value)}>
          {plans.map((p) => (
            <option key={p.id} value={p.id}>
              {p.isTemplate ? t('courses.template', { name: p.name }) : p.name}
            </option>
          ))}
        </select>
        <FieldErrors id="course-plan-errors" errors={errorsFor('modulePlanId')} />
      </div>
      <div className="vi-field">
        <label htmlFor="course-first">{t('courses.firstSession')}</label>
        <input
          id="course-first"
          type="date"
          value={dates[0] ?? ''}
          onChange={(e) => {
            if (e.target.value) setDates(proposeSessionDates(e.target.value));
          }}
        />
      </div>
      <fieldset className="vi-q-item">
        <legend className="vi-q-legend">{t('course.sessions')}</legend>
        <ol className="gc-session-dates">
          {dates.map((date, index) => {
            const id = `course-session-${index}`;
            const dateErrors = errorsFor(`sessionDates.${index}`);
            return (
              <li key={id} className="vi-field">
                <label htmlFor={id}>
                  {t('courses.sessionDate', { number: index + 1, title: plan?.modules[index] ?? '' })}
                </label>
                <input
                  id={id}
                  type="date"
                  value={date}
                  aria-invalid={dateErrors.length > 0 || undefined}
                  aria-describedby={dateErrors.length ? `${id}-errors` : undefined}
                  onChange={(e) =>
                    setDates((current) => current.map((d, i) => (i === index ? e.target.value : d)))
                  }
                />
                <FieldErrors id={`${id}-errors`} errors={dateErrors} />
              </li>
            );
          })}
        </ol>
        <FieldErrors id="course-sessions-errors" errors={errorsFor('sessionDates')} />
      </fieldset>
      {warnings.length > 0 ? (
        <div className="gc-warnings" role="status">
          <h3>{t('courses.warnings')}</h3>
          <ul>
            {warnings.map((w) => (
              <li key={`${w.code}-${'fromSession' in w ? w.fromSession : ''}`}>{w.message[locale]}</li>
            ))}
          </ul>
        </div>
      ) : null}
      <fieldset className="vi-q-item">
        <legend className="vi-q-legend">{t('courses.leaders')}</legend>
        {[0, 1].map((index) => (
          <div className="vi-field" key={index}>
            <label htmlFor={`course-leader-${index}`}>{t('courses.leader', { number: index + 1 })}</label>
            <select
              id={`course-leader-${index}`}
              value={leaderIds[index]}
              onChange={(e) =>
                setLeaderIds((current) =>
                  index === 0 ? [e.target.value, current[1]] : [current[0], e.target.value],
                )
              }
            >
              <option value="">{t('courses.chooseLeader')}</option>
              {leaders.map((leader) => (
                <option key={leader.userId} value={leader.userId}>
                  {leader.displayName}
                </option>
              ))}
            </select>
            <FieldErrors id={`course-leader-${index}-errors`} errors={errorsFor(`leaderIds.${index}`)} />
          </div>
        ))}
        <FieldErrors id="course-leaders-errors" errors={errorsFor('leaderIds')} />
      </fieldset>
      <ProblemAlert problem={problemOf(result.error)} />
      <button type="submit" className="vi-button vi-button--primary" disabled={result.fetching}>
        {result.fetching ? t('common.saving') : t('courses.submit')}
      </button>
    </form>
  );
}

/** The courses the user may see; project leads create new ones from a module plan. */
export function CoursesScreen() {
  const t = useT(screenMessages);
  const user = useCurrentUser();
  const [courses, refetch] = useQuery({ query: CoursesQuery });
  const [saved, setSaved] = useState<string | null>(null);
  const manages = user.roles.includes('PROJECT_LEAD') || user.roles.includes('ADMIN');
  return (
    <>
      <h1>{t('courses.heading')}</h1>
      <StatusMessage text={saved} />
      <section aria-labelledby="course-list">
        <h2 id="course-list">{t('courses.list')}</h2>
        {courses.data?.courses.length ? (
          <ul className="gc-list">
            {courses.data.courses.map((course) => (
              <li key={course.id}>
                <AppLink to={`courses/${course.id}`}>{course.name}</AppLink>
                {' – '}
                {t('courses.starts', { date: formatDate(course.startsOn) })}, {course.venue},{' '}
                {t('courses.participants', { count: course.participantCount })}
              </li>
            ))}
          </ul>
        ) : (
          <p>{courses.fetching ? t('common.loading') : t('common.none')}</p>
        )}
      </section>
      {manages ? <ModulePlanEditor /> : null}
      {manages ? (
        <CreateCourseForm
          onCreated={(message) => {
            setSaved(message);
            refetch({ requestPolicy: 'network-only' });
          }}
        />
      ) : null}
    </>
  );
}
