import { formatDate, useCurrentUser, useT } from '@vi/ui';
import { useQuery } from 'urql';
import { graphql } from '../graphql.ts';
import { AppLink } from './app-link.tsx';
import { todayIso } from './calendar.ts';
import { screenMessages } from './screen-messages.ts';
import { ShelterStaysScreen } from './shelter-stays-screen.tsx';

type Role = ReturnType<typeof useCurrentUser>['roles'][number];

const StartAwaitingQuery = graphql(`
  query StartAwaiting {
    awaiting: intakes(awaitingAssessment: true) { id pseudonym alias name registeredOn }
  }
`);

const StartDueQuery = graphql(`
  query StartDue {
    reassessmentsDue { id pseudonym alias reassessOn }
  }
`);

const StartWaitingQuery = graphql(`
  query StartWaiting {
    waitingList { id }
  }
`);

const StartCoursesQuery = graphql(`
  query StartCourses {
    courses { id name participantCount sessions { id number date title } }
  }
`);

/** The longest list a start screen shows; the full list is one link away. Counts are asked again on every visit. */
const SHOWN = 8;

function holds(roles: readonly Role[], wanted: readonly Role[]): boolean {
  return roles.some((role) => wanted.includes(role));
}

function AwaitingStart() {
  const t = useT(screenMessages);
  const [result] = useQuery({ query: StartAwaitingQuery, requestPolicy: 'cache-and-network' });
  const awaiting = result.data?.awaiting ?? [];
  return (
    <section aria-labelledby="start-awaiting">
      <h2 id="start-awaiting">
        {t('home.intakeHeading')} ({result.fetching ? '…' : awaiting.length})
      </h2>
      {awaiting.length > 0 ? (
        <ul className="gc-list">
          {awaiting.slice(0, SHOWN).map((intake) => (
            <li key={intake.id}>
              {t('home.registeredOn', {
                who: intake.name ?? intake.alias ?? intake.pseudonym,
                pseudonym: intake.pseudonym,
                date: formatDate(intake.registeredOn),
              })}
            </li>
          ))}
        </ul>
      ) : (
        <p>{result.fetching ? t('common.loading') : t('common.none')}</p>
      )}
    </section>
  );
}

function DueStart({ assesses }: { assesses: boolean }) {
  const t = useT(screenMessages);
  const [result] = useQuery({ query: StartDueQuery, requestPolicy: 'cache-and-network' });
  const due = result.data?.reassessmentsDue ?? [];
  return (
    <section aria-labelledby="start-due">
      <h2 id="start-due">
        {t('home.dueHeading')} ({result.fetching ? '…' : due.length})
      </h2>
      {due.length > 0 ? (
        <ul className="gc-list">
          {due.slice(0, SHOWN).map((assessment) => (
            <li key={assessment.id}>
              {assessment.reassessOn && assessment.reassessOn <= todayIso() ? (
                <strong className="gc-flag">
                  {t('home.dueItem', {
                    who: assessment.alias ?? assessment.pseudonym,
                    pseudonym: assessment.pseudonym,
                    date: formatDate(assessment.reassessOn),
                  })}
                </strong>
              ) : (
                t('home.dueItem', {
                  who: assessment.alias ?? assessment.pseudonym,
                  pseudonym: assessment.pseudonym,
                  date: assessment.reassessOn ? formatDate(assessment.reassessOn) : '',
                })
              )}
            </li>
          ))}
        </ul>
      ) : (
        <p>{result.fetching ? t('common.loading') : t('common.none')}</p>
      )}
      {assesses ? (
        <p>
          <AppLink to="risk">{t('home.toRisk')}</AppLink>
        </p>
      ) : null}
    </section>
  );
}

function WaitingStart() {
  const t = useT(screenMessages);
  const [result] = useQuery({ query: StartWaitingQuery, requestPolicy: 'cache-and-network' });
  if (!result.data) return null;
  return (
    <p>
      {t('home.waitingCount', { count: result.data.waitingList.length })}{' '}
      <AppLink to="waiting">{t('home.toWaiting')}</AppLink>
    </p>
  );
}

function CoursesStart() {
  const t = useT(screenMessages);
  const [result] = useQuery({ query: StartCoursesQuery, requestPolicy: 'cache-and-network' });
  const today = todayIso();
  const courses = (result.data?.courses ?? [])
    .map((course) => ({
      ...course,
      next: [...course.sessions].sort((a, b) => a.number - b.number).find((s) => s.date >= today) ?? null,
    }))
    // Running courses first, by their next session; finished ones after.
    .sort((a, b) => (a.next?.date ?? '9999').localeCompare(b.next?.date ?? '9999'));
  return (
    <section aria-labelledby="start-courses">
      <h2 id="start-courses">{t('home.coursesHeading')}</h2>
      {courses.length > 0 ? (
        <ul className="gc-list">
          {courses.slice(0, SHOWN).map((course) => (
            <li key={course.id}>
              <AppLink to={`courses/${course.id}`}>{course.name}</AppLink>,{' '}
              {t('home.participants', { count: course.participantCount })}.{' '}
              {course.next
                ? t('home.nextSession', {
                    number: course.next.number,
                    title: course.next.title,
                    date: formatDate(course.next.date),
                  })
                : t('home.courseOver')}
            </li>
          ))}
        </ul>
      ) : (
        <p>{result.fetching ? t('common.loading') : t('common.none')}</p>
      )}
      <p>
        <AppLink to="courses">{t('home.toCourses')}</AppLink>
      </p>
    </section>
  );
}

/**
 * The start screen after login: each role's own work, with counts, one link from the screen that
 * does it. Intake coordinators and assessors see the new registrations awaiting assessment and the
 * re-assessments due (coordinators book the talks); group leaders their courses with the next
 * session; leads the waiting list and every course. Shelter staff start at their stays.
 */
export function HomeScreen({ heading }: { heading: string }) {
  const t = useT(screenMessages);
  const user = useCurrentUser();
  const roles = user.roles;
  const groupCourseRoles: Role[] = [
    'INTAKE_COORDINATOR',
    'RISK_ASSESSOR',
    'GROUP_LEADER',
    'PROJECT_LEAD',
    'ADMIN',
  ];
  if (roles.includes('SHELTER_STAFF') && !holds(roles, groupCourseRoles)) return <ShelterStaysScreen />;
  return (
    <>
      <h1>{heading}</h1>
      <p>{t('home.intro')}</p>
      {holds(roles, ['INTAKE_COORDINATOR', 'ADMIN']) ? (
        <p>
          <AppLink to="intake">{t('home.toIntake')}</AppLink>
        </p>
      ) : null}
      {holds(roles, ['INTAKE_COORDINATOR', 'RISK_ASSESSOR', 'ADMIN']) ? <AwaitingStart /> : null}
      {holds(roles, ['INTAKE_COORDINATOR', 'RISK_ASSESSOR', 'ADMIN']) ? (
        <DueStart assesses={holds(roles, ['RISK_ASSESSOR', 'ADMIN'])} />
      ) : null}
      {holds(roles, ['INTAKE_COORDINATOR', 'PROJECT_LEAD', 'ADMIN']) ? <WaitingStart /> : null}
      {holds(roles, ['GROUP_LEADER', 'INTAKE_COORDINATOR', 'PROJECT_LEAD', 'ADMIN']) ? (
        <CoursesStart />
      ) : null}
    </>
  );
}
