import {
  checkFollowUp,
  endFormOpen,
  endFormOpensAt,
  FOLLOW_UP_STATUSES,
  fieldError,
  HELPED_ON_TO,
  isIsoDate,
  labelOf,
} from '@vi/domain';
import { type FieldError, FieldErrors, formatDate, TextField, useCurrentUser, useLocale, useT } from '@vi/ui';
import { type FormEvent, useMemo, useState } from 'react';
import { useMutation, useQuery } from 'urql';
import { graphql } from '../graphql.ts';
import { AppLink } from './app-link.tsx';
import { todayIso } from './calendar.ts';
import { FormLinkPanel, type OpenedFormLink } from './form-link-panel.tsx';
import { ProblemAlert, problemOf, StatusMessage } from './form-problem.tsx';
import { withDistinctNames } from './participant-names.ts';
import { screenMessages } from './screen-messages.ts';

const CourseQuery = graphql(`
  query Course($id: ID!) {
    course(id: $id) {
      id name venue startsOn modulePlanName participantCount
      leaders { userId displayName }
      warnings { code messageDa messageEn }
      sessions { id number date title attendance { enrolmentId present } }
      enrolments {
        id participantCode displayName sessionsAttended baselineForm endForm withdrawnOn withdrawnReason
        followUpStatus followUpOn helpedOnTo helpedOnToOther
      }
    }
  }
`);

const RecordAttendanceMutation = graphql(`
  mutation RecordAttendance($sessionId: ID!, $attendance: [AttendanceInput!]!) {
    recordAttendance(sessionId: $sessionId, attendance: $attendance) { id number attendance { enrolmentId present } }
  }
`);

const OpenFormMutation = graphql(`
  mutation OpenParticipantForm($enrolmentId: ID!, $kind: ParticipantFormKind!) {
    openParticipantForm(enrolmentId: $enrolmentId, kind: $kind) { token kind expiresAt }
  }
`);

const WithdrawParticipantMutation = graphql(`
  mutation WithdrawParticipant($enrolmentId: ID!, $on: String!, $reason: WithdrawalReason!) {
    withdrawParticipant(enrolmentId: $enrolmentId, on: $on, reason: $reason) { id withdrawnOn withdrawnReason }
  }
`);

const WITHDRAWAL_REASONS = [
  'PERSONAL_CIRCUMSTANCES',
  'NOT_THE_RIGHT_OFFER',
  'SAFETY',
  'NO_CONTACT',
  'OTHER',
] as const;
type WithdrawalReason = (typeof WITHDRAWAL_REASONS)[number];

const RecordFollowUpMutation = graphql(`
  mutation RecordFollowUp($input: RecordFollowUpInput!) {
    recordFollowUp(input: $input) { id followUpStatus followUpOn helpedOnTo helpedOnToOther }
  }
`);

type Course = NonNullable<NonNullable<ReturnType<typeof useCourse>[0]['data']>['course']>;
type Enrolment = Course['enrolments'][number];

function useCourse(id: string) {
  return useQuery({ query: CourseQuery, variables: { id } });
}

function AttendanceForm({ course, onSaved }: { course: Course; onSaved: (message: string) => void }) {
  const t = useT(screenMessages);
  const firstOpen = course.sessions.find((s) => s.attendance.length === 0) ?? course.sessions[0];
  const [sessionId, setSessionId] = useState(firstOpen?.id ?? '');
  const session = course.sessions.find((s) => s.id === sessionId);
  const active = course.enrolments.filter((e) => !e.withdrawnOn);
  const [present, setPresent] = useState<Record<string, boolean>>({});
  const [result, record] = useMutation(RecordAttendanceMutation);

  function isPresent(enrolmentId: string): boolean {
    if (present[`${sessionId}:${enrolmentId}`] !== undefined) return present[`${sessionId}:${enrolmentId}`]!;
    return session?.attendance.find((a) => a.enrolmentId === enrolmentId)?.present ?? false;
  }

  async function submit(event: FormEvent) {
    event.preventDefault();
    if (!session) return;
    const outcome = await record({
      sessionId: session.id,
      attendance: active.map((e) => ({ enrolmentId: e.id, present: isPresent(e.id) })),
    });
    if (!outcome.error) onSaved(t('course.attendanceSaved', { number: session.number }));
  }

  return (
    <form noValidate onSubmit={submit} className="gc-form" aria-labelledby="attendance-heading">
      <h2 id="attendance-heading">{t('course.attendanceHeading')}</h2>
      <div className="vi-field">
        <label htmlFor="attendance-session">{t('course.session')}</label>
        <select id="attendance-session" value={sessionId} onChange={(e) => setSessionId(e.target.value)}>
          {course.sessions.map((s) => (
            <option key={s.id} value={s.id}>
              {s.number}. {s.title} ({formatDate(s.date)})
            </option>
          ))}
        </select>
      </div>
      <fieldset className="vi-q-item">
        <legend className="vi-q-legend">
          {session ? `${session.number}. ${session.title}` : t('course.chooseSession')}
        </legend>
        <div className="vi-q-options">
          {active.map((enrolment) => (
            <label key={enrolment.id} className="vi-q-option">
              <input
                type="checkbox"
                checked={isPresent(enrolment.id)}
                onChange={(e) =>
                  setPresent((p) => ({ ...p, [`${sessionId}:${enrolment.id}`]: e.target.checked }))
                }
              />
              <span>{t('course.present', { who: enrolment.displayName })}</span>
            </label>
          ))}
        </div>
      </fieldset>
      <ProblemAlert problem={problemOf(result.error)} />
      <button type="submit" className="vi-button vi-button--primary" disabled={result.fetching || !session}>
        {result.fetching ? t('common.saving') : t('course.saveAttendance')}
      </button>
    </form>
  );
}

function FollowUpForm({ enrolment, onSaved }: { enrolment: Enrolment; onSaved: (message: string) => void }) {
  const t = useT(screenMessages);
  const { locale } = useLocale();
  const [status, setStatus] = useState(enrolment.followUpStatus ?? 'BOOKED');
  const [on, setOn] = useState(enrolment.followUpOn ?? todayIso());
  const [helpedOnTo, setHelpedOnTo] = useState<string[]>([...enrolment.helpedOnTo]);
  const [other, setOther] = useState(enrolment.helpedOnToOther ?? '');
  const [errors, setErrors] = useState<FieldError[]>([]);
  const [result, record] = useMutation(RecordFollowUpMutation);
  const prefix = `follow-up-${enrolment.id}`;

  async function submit(event: FormEvent) {
    event.preventDefault();
    const input = {
      enrolmentId: enrolment.id,
      status,
      on,
      helpedOnTo,
      helpedOnToOther: helpedOnTo.includes('OTHER') ? other : null,
    };
    const checked = checkFollowUp(input);
    if (!checked.ok) {
      setErrors(checked.errors);
      return;
    }
    setErrors([]);
    const outcome = await record({ input });
    const problem = problemOf(outcome.error);
    if (problem) setErrors(problem.fields);
    else onSaved(t('course.followUpSaved'));
  }

  return (
    <form noValidate onSubmit={submit} className="gc-form gc-follow-up" aria-labelledby={`${prefix}-heading`}>
      <h3 id={`${prefix}-heading`}>{t('course.followUpFor', { who: enrolment.displayName })}</h3>
      <div className="vi-field">
        <label htmlFor={`${prefix}-status`}>{t('course.followUpStatus')}</label>
        <select
          id={`${prefix}-status`}
          value={status}
          onChange={(e) => setStatus(e.target.value as typeof status)}
        >
          {FOLLOW_UP_STATUSES.map((s) => (
            <option key={s.code} value={s.code}>
              {labelOf(FOLLOW_UP_STATUSES, s.code, locale)}
            </option>
          ))}
        </select>
      </div>
      <div className="vi-field">
        <label htmlFor={`${prefix}-on`}>{t('course.followUpOn')}</label>
        <input id={`${prefix}-on`} type="date" value={on} onChange={(e) => setOn(e.target.value)} />
        <FieldErrors id={`${prefix}-on-errors`} errors={errors.filter((e) => e.field === 'on')} />
      </div>
      <fieldset className="vi-q-item">
        <legend className="vi-q-legend">{t('course.helpedOnTo')}</legend>
        <div className="vi-q-options">
          {HELPED_ON_TO.map((option) => (
            <label key={option.code} className="vi-q-option">
              <input
                type="checkbox"
                checked={helpedOnTo.includes(option.code)}
                onChange={(e) =>
                  setHelpedOnTo((current) =>
                    e.target.checked ? [...current, option.code] : current.filter((c) => c !== option.code),
                  )
                }
              />
              <span>{labelOf(HELPED_ON_TO, option.code, locale)}</span>
            </label>
          ))}
        </div>
        <FieldErrors id={`${prefix}-helped-errors`} errors={errors.filter((e) => e.field === 'helpedOnTo')} />
      </fieldset>
      {helpedOnTo.includes('OTHER') ? (
        <TextField
          id={`${prefix}-other`}
          label={t('course.helpedOnToOther')}
          value={other}
          onValueChange={setOther}
          errors={errors.filter((e) => e.field === 'helpedOnToOther')}
        />
      ) : null}
      <ProblemAlert problem={problemOf(result.error)} />
      <button type="submit" className="vi-button" disabled={result.fetching}>
        {result.fetching ? t('common.saving') : t('course.saveFollowUp')}
      </button>
    </form>
  );
}

/** A participant leaves the course: on which day and why (the reason feeds the drop-out figures). */
function WithdrawForm({ course, onSaved }: { course: Course; onSaved: (message: string) => void }) {
  const t = useT(screenMessages);
  const active = course.enrolments.filter((e) => !e.withdrawnOn);
  const [enrolmentId, setEnrolmentId] = useState('');
  const [on, setOn] = useState(todayIso());
  const [reason, setReason] = useState<WithdrawalReason | ''>('');
  const [errors, setErrors] = useState<FieldError[]>([]);
  const [result, withdraw] = useMutation(WithdrawParticipantMutation);
  const errorsFor = (field: string) => errors.filter((e) => e.field === field);

  async function submit(event: FormEvent) {
    event.preventDefault();
    const found: FieldError[] = [
      ...(enrolmentId ? [] : [fieldError('enrolmentId', 'REQUIRED')]),
      ...(isIsoDate(on) ? [] : [fieldError('on', 'INVALID_DATE')]),
      ...(reason ? [] : [fieldError('reason', 'REQUIRED')]),
    ];
    setErrors(found);
    if (found.length > 0 || !reason) return;
    const outcome = await withdraw({ enrolmentId, on, reason });
    const problem = problemOf(outcome.error);
    if (problem) {
      setErrors(problem.fields);
      return;
    }
    const who = active.find((e) => e.id === enrolmentId)?.displayName ?? '';
    setEnrolmentId('');
    setReason('');
    onSaved(t('course.withdrawn', { who }));
  }

  return (
    <form noValidate onSubmit={submit} className="gc-form" aria-labelledby="withdraw-heading">
      <h2 id="withdraw-heading">{t('course.withdrawHeading')}</h2>
      <p className="gc-muted">{t('course.withdrawNote')}</p>
      <div className="vi-field">
        <label htmlFor="withdraw-who">{t('course.withdrawWho')}</label>
        <select
          id="withdraw-who"
          value={enrolmentId}
          onChange={(e) => setEnrolmentId(e.target.value)}
          aria-describedby={errorsFor('enrolmentId').length ? 'withdraw-who-errors' : undefined}
        >
          <option value="">{t('course.chooseParticipant')}</option>
          {active.map((e) => (
            <option key={e.id} value={e.id}>
              {e.displayName}
            </option>
          ))}
        </select>
        <FieldErrors id="withdraw-who-errors" errors={errorsFor('enrolmentId')} />
      </div>
      <div className="vi-field">
        <label htmlFor="withdraw-on">{t('course.withdrawOn')}</label>
        <input
          id="withdraw-on"
          type="date"
          value={on}
          max={todayIso()}
          onChange={(e) => setOn(e.target.value)}
          aria-describedby={errorsFor('on').length ? 'withdraw-on-errors' : undefined}
        />
        <FieldErrors id="withdraw-on-errors" errors={errorsFor('on')} />
      </div>
      <fieldset
        className="vi-q-item"
        aria-describedby={errorsFor('reason').length ? 'withdraw-reason-errors' : undefined}
      >
        <legend className="vi-q-legend">{t('course.withdrawReason')}</legend>
        <div className="vi-q-options">
          {WITHDRAWAL_REASONS.map((code) => (
            <label key={code} className="vi-q-option">
              <input
                type="radio"
                name="withdraw-reason"
                value={code}
                checked={reason === code}
                onChange={() => setReason(code)}
              />
              <span>{t(`course.withdrawReason.${code}`)}</span>
            </label>
          ))}
        </div>
        <FieldErrors id="withdraw-reason-errors" errors={errorsFor('reason')} />
      </fieldset>
      <ProblemAlert problem={problemOf(result.error)} />
      <button type="submit" className="vi-button" disabled={result.fetching}>
        {result.fetching ? t('common.saving') : t('course.withdrawSubmit')}
      </button>
    </form>
  );
}

/** One course: sessions, attendance, participants with their form status (never answers), form links, follow-up. */
export function CourseScreen({ courseId }: { courseId: string }) {
  const t = useT(screenMessages);
  const { locale } = useLocale();
  const user = useCurrentUser();
  const [course, refetch] = useCourse(courseId);
  const [saved, setSaved] = useState<string | null>(null);
  const [link, setLink] = useState<OpenedFormLink | null>(null);
  const [openResult, openForm] = useMutation(OpenFormMutation);
  const [followUpFor, setFollowUpFor] = useState<string | null>(null);
  const runs = user.roles.some(
    (role) => role === 'GROUP_LEADER' || role === 'PROJECT_LEAD' || role === 'ADMIN',
  );
  const fetched = course.data?.course;
  // Every picker, tick and link below names a participant; two of the same name must differ.
  const data = useMemo(
    () => (fetched ? { ...fetched, enrolments: withDistinctNames(fetched.enrolments) } : fetched),
    [fetched],
  );
  const endFormOpens = data ? endFormOpensAt(data.sessions) : null;
  const endFormOffered = data ? endFormOpen(data.sessions, todayIso()) : false;

  const savedAndReload = (message: string) => {
    setSaved(message);
    refetch({ requestPolicy: 'network-only' });
  };

  async function open(enrolment: Enrolment, kind: 'BASELINE' | 'END') {
    setSaved(null);
    const outcome = await openForm({ enrolmentId: enrolment.id, kind });
    const opened = outcome.data?.openParticipantForm;
    if (opened) {
      setLink({
        token: opened.token,
        kind: opened.kind,
        expiresAt: opened.expiresAt,
        who: enrolment.displayName,
      });
      refetch({ requestPolicy: 'network-only' });
    }
  }

  if (!data) {
    return (
      <>
        <p>
          <AppLink to="courses">{t('common.back')}</AppLink>
        </p>
        {course.error ? (
          <ProblemAlert problem={problemOf(course.error)} />
        ) : (
          <p role="status">{t('common.loading')}</p>
        )}
      </>
    );
  }
  return (
    <>
      <p>
        <AppLink to="courses">{t('common.back')}</AppLink>
      </p>
      <h1>{data.name}</h1>
      <p>
        {t('course.venue', { venue: data.venue })}.{' '}
        {t('course.leaders', { names: data.leaders.map((l) => l.displayName).join(', ') })}
      </p>
      {data.warnings.length > 0 ? (
        <div className="gc-warnings">
          <h2>{t('courses.warnings')}</h2>
          <ul>
            {data.warnings.map((w) => (
              <li key={`${w.code}-${w.messageEn}`}>{locale === 'da' ? w.messageDa : w.messageEn}</li>
            ))}
          </ul>
        </div>
      ) : null}
      <StatusMessage text={saved} />

      <section aria-labelledby="participants-heading">
        <h2 id="participants-heading">{t('course.participants')}</h2>
        <p className="gc-muted">{t('course.formsNote')}</p>
        {runs && endFormOpens && !endFormOffered ? (
          <p className="gc-muted">
            {t('course.endFormFrom', { number: endFormOpens.number, date: formatDate(endFormOpens.date) })}
          </p>
        ) : null}
        <ProblemAlert problem={problemOf(openResult.error)} />
        {/* biome-ignore lint/a11y/noNoninteractiveTabindex: it scrolls sideways on a phone, so a keyboard must reach it (WCAG 2.1.1). */}
        <section className="gc-table-wrap" aria-labelledby="participants-heading" tabIndex={0}>
          <table className="gc-table">
            <thead>
              <tr>
                <th scope="col">{t('course.name')}</th>
                <th scope="col">{t('course.code')}</th>
                <th scope="col">{t('course.attended')}</th>
                <th scope="col">{t('course.baseline')}</th>
                <th scope="col">{t('course.end')}</th>
              </tr>
            </thead>
            <tbody>
              {data.enrolments.map((enrolment) => (
                <tr key={enrolment.id}>
                  <th scope="row">
                    {enrolment.displayName}
                    {enrolment.withdrawnOn ? (
                      <span className="gc-muted gc-block">
                        {enrolment.withdrawnReason
                          ? t('course.withdrawnOn', {
                              date: formatDate(enrolment.withdrawnOn),
                              reason: t(`course.withdrawReason.${enrolment.withdrawnReason}`),
                            })
                          : t('course.withdrawnNoReason', { date: formatDate(enrolment.withdrawnOn) })}
                      </span>
                    ) : null}
                  </th>
                  <td>
                    <code>{enrolment.participantCode}</code>
                  </td>
                  <td>
                    {enrolment.sessionsAttended}/{data.sessions.length}
                  </td>
                  {(['BASELINE', 'END'] as const).map((kind) => {
                    const progress = kind === 'BASELINE' ? enrolment.baselineForm : enrolment.endForm;
                    return (
                      <td key={kind}>
                        <span className={`gc-form-status gc-form-status--${progress}`}>
                          {t(`form.${progress}`)}
                        </span>
                        {runs &&
                        progress !== 'DONE' &&
                        !enrolment.withdrawnOn &&
                        (kind === 'BASELINE' || endFormOffered) ? (
                          <button
                            type="button"
                            className="vi-button gc-small"
                            disabled={openResult.fetching}
                            onClick={() => open(enrolment, kind)}
                          >
                            {kind === 'BASELINE'
                              ? t('course.openBaseline', { who: enrolment.displayName })
                              : t('course.openEnd', { who: enrolment.displayName })}
                          </button>
                        ) : null}
                      </td>
                    );
                  })}
                </tr>
              ))}
            </tbody>
          </table>
        </section>
        {link ? <FormLinkPanel link={link} /> : null}
      </section>

      <section aria-labelledby="sessions-heading">
        <h2 id="sessions-heading">{t('course.sessions')}</h2>
        <ol className="gc-sessions">
          {data.sessions.map((session) => (
            <li key={session.id}>
              {formatDate(session.date)}: {session.title} (
              {session.attendance.filter((a) => a.present).length}/{data.enrolments.length})
            </li>
          ))}
        </ol>
      </section>

      {runs ? <AttendanceForm course={data} onSaved={savedAndReload} /> : null}

      {runs && data.enrolments.some((e) => !e.withdrawnOn) ? (
        <WithdrawForm course={data} onSaved={savedAndReload} />
      ) : null}

      {runs && data.enrolments.length > 0 ? (
        <section aria-labelledby="follow-up-heading">
          <h2 id="follow-up-heading">{t('course.followUpHeading')}</h2>
          <div className="vi-field">
            <label htmlFor="follow-up-person">{t('course.name')}</label>
            <select
              id="follow-up-person"
              value={followUpFor ?? ''}
              onChange={(e) => setFollowUpFor(e.target.value || null)}
            >
              <option value="">–</option>
              {data.enrolments.map((e) => (
                <option key={e.id} value={e.id}>
                  {e.displayName}
                  {e.followUpStatus ? ` (${labelOf(FOLLOW_UP_STATUSES, e.followUpStatus, locale)})` : ''}
                </option>
              ))}
            </select>
          </div>
          {followUpFor
            ? data.enrolments
                .filter((e) => e.id === followUpFor)
                .map((e) => <FollowUpForm key={e.id} enrolment={e} onSaved={savedAndReload} />)
            : null}
        </section>
      ) : null}
    </>
  );
}
