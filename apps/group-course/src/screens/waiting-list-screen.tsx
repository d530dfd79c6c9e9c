import { formatDate, useCurrentUser, useLocale, useT } from '@vi/ui';
import { useState } from 'react';
import { useMutation, useQuery } from 'urql';
import { graphql } from '../graphql.ts';
import { todayIso } from './calendar.ts';
import { ProblemAlert, problemOf, StatusMessage } from './form-problem.tsx';
import { screenMessages } from './screen-messages.ts';

const WaitingListQuery = graphql(`
  query WaitingList {
    waitingList { id personId pseudonym alias since daysWaiting overLimit }
    me { organization { id waitingLimitDays } }
  }
`);

const EnrolCoursesQuery = graphql(`
  query EnrolCourses {
    courses { id name startsOn participantCount }
  }
`);

const EnrolMutation = graphql(`
  mutation EnrolParticipant($courseId: ID!, $personId: ID!) {
    enrolParticipant(courseId: $courseId, personId: $personId) {
      enrolment { id participantCode displayName }
      warnings { code messageDa messageEn }
    }
  }
`);

/** People referred to a group course, with days waiting and a flag past the organisation's limit. */
export function WaitingListScreen() {
  const t = useT(screenMessages);
  const { locale } = useLocale();
  const user = useCurrentUser();
  // Risk assessors see the list but do not enrol (and do not see courses).
  const canEnrol = user.roles.some(
    (role) => role === 'INTAKE_COORDINATOR' || role === 'PROJECT_LEAD' || role === 'ADMIN',
  );
  // Always asked again on arrival: a decision or correction on the risk screen changes this list,
  // and the cache cannot tell (those mutations return assessments, not waiting-list entries).
  const [list, refetch] = useQuery({ query: WaitingListQuery, requestPolicy: 'cache-and-network' });
  const [courseList] = useQuery({ query: EnrolCoursesQuery, pause: !canEnrol });
  const [chosen, setChosen] = useState<Record<string, string>>({});
  const [result, enrol] = useMutation(EnrolMutation);
  const [saved, setSaved] = useState<string | null>(null);
  // Only courses that have not started: joining after the first sessions means missing the part of
  // the course the rest build on (recognising the violence). A course whose first session is
  // today still counts, so someone can be enrolled on the morning of the start.
  const courses = (courseList.data?.courses ?? []).filter((course) => course.startsOn >= todayIso());
  const startedOnly = (courseList.data?.courses.length ?? 0) > 0 && courses.length === 0;
  const limit = list.data?.me?.organization?.waitingLimitDays ?? 0;

  async function enrolPerson(personId: string, who: string) {
    const courseId = chosen[personId] ?? courses[0]?.id;
    if (!courseId) return;
    setSaved(null);
    const outcome = await enrol({ courseId, personId });
    const enrolled = outcome.data?.enrolParticipant;
    if (enrolled) {
      const course = courses.find((c) => c.id === courseId)?.name ?? '';
      // Group-size advice (6-8) is shown with the confirmation; it never blocks.
      const notes = enrolled.warnings.map((w) => (locale === 'da' ? w.messageDa : w.messageEn));
      setSaved(
        [t('waiting.enrolled', { who, course, code: enrolled.enrolment.participantCode }), ...notes].join(
          ' ',
        ),
      );
      refetch({ requestPolicy: 'network-only' });
    }
  }

  return (
    <>
      <h1>{t('waiting.heading')}</h1>
      <p>{t('waiting.intro', { limit })}</p>
      <ProblemAlert problem={problemOf(result.error)} />
      <StatusMessage text={saved} />
      {canEnrol && courses.length === 0 && !courseList.fetching ? (
        <p>{startedOnly ? t('waiting.noOpenCourse') : t('waiting.noCourse')}</p>
      ) : null}
      {canEnrol && courses.length > 0 ? <p className="gc-muted">{t('waiting.onlyNotStarted')}</p> : null}
      {list.data?.waitingList.length ? (
        <table className="gc-table">
          <thead>
            <tr>
              <th scope="col">{t('waiting.person')}</th>
              <th scope="col">{t('waiting.since')}</th>
              <th scope="col">{t('waiting.days')}</th>
              {canEnrol ? <th scope="col">{t('waiting.enrol')}</th> : null}
            </tr>
          </thead>
          <tbody>
            {list.data.waitingList.map((entry) => {
              const who = entry.alias ?? entry.pseudonym;
              return (
                <tr key={entry.id} className={entry.overLimit ? 'gc-over-limit' : undefined}>
                  <th scope="row">
                    {who} <span className="gc-muted">({entry.pseudonym})</span>
                  </th>
                  <td>{formatDate(entry.since)}</td>
                  <td>
                    {entry.daysWaiting}
                    {entry.overLimit ? <strong className="gc-flag"> {t('waiting.overLimit')}</strong> : null}
                  </td>
                  {canEnrol ? (
                    <td>
                      {courses.length > 0 ? (
                        <div className="gc-inline">
                          <label className="vi-visually-hidden" htmlFor={`enrol-${entry.id}`}>
                            {t('waiting.course', { who })}
                          </label>
                          <select
                            id={`enrol-${entry.id}`}
                            value={chosen[entry.personId] ?? courses[0]?.id}
                            onChange={(e) => setChosen((c) => ({ ...c, [entry.personId]: e.target.value }))}
                          >
                            {courses.map((course) => (
                              <option key={course.id} value={course.id}>
                                {t('waiting.courseOption', {
                                  name: course.name,
                                  date: formatDate(course.startsOn),
                                })}
                              </option>
                            ))}
                          </select>
                          <button
                            type="button"
                            className="vi-button"
                            disabled={result.fetching}
                            onClick={() => enrolPerson(entry.personId, who)}
                          >
                            {t('waiting.enrol')}
                            <span className="vi-visually-hidden"> {who}</span>
                          </button>
                        </div>
                      ) : null}
                    </td>
                  ) : null}
                </tr>
              );
            })}
          </tbody>
        </table>
      ) : (
        <p>{list.fetching ? t('common.loading') : t('common.none')}</p>
      )}
    </>
  );
}
