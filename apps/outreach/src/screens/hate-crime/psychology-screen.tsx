// The psychologist's workspace at the receiving organisation: received referrals (only the
// handed-over fields), their status, individual sessions counted, or a place in one of the
// organisation's psychologist-led groups (the course machinery).
import { labelOf, PSYCHOLOGICAL_SUPPORT_FORMS } from '@vi/domain';
import { FieldErrors, TextField, useLocale, useT } from '@vi/ui';
import { useId, useState } from 'react';
import { useMutation, useQuery } from 'urql';
import { graphql, type ResultOf, readFragment } from '../../graphql.ts';
import { formatDate } from '../date-format.ts';
import { hateCrimeMessages } from './hate-crime-messages.ts';
import { DateField, errorsOf, ProblemAlert, problemOf, todayIso } from './hate-crime-ui.tsx';
import {
  FinishedReferrals,
  HandedOver,
  type Received,
  ReceivedFields,
  StatusForm,
  useOpenReferralsFirst,
} from './received-referral.tsx';

const PsychologyQuery = graphql(
  `
  query PsychologicalReferrals {
    receivedHateCrimeReferrals(track: PSYCHOLOGICAL) {
      ...ReceivedFields
      psychologicalSupport { id form sessionsHeld lastSessionOn groupName startedOn }
    }
    hateCrimeGroupCourses { id name startsOn }
  }
`,
  [ReceivedFields],
);

const SessionsMutation = graphql(`
  mutation RecordHateCrimeSessions($id: ID!, $input: HateCrimeSessionsInput!) {
    recordHateCrimeSessions(hateCrimeReferralId: $id, input: $input) {
      id
      status
      psychologicalSupport { id form sessionsHeld lastSessionOn }
    }
  }
`);

const GroupMutation = graphql(`
  mutation PlaceHateCrimeInGroup($id: ID!, $input: HateCrimeGroupPlaceInput!) {
    placeHateCrimeInGroup(hateCrimeReferralId: $id, input: $input) {
      id
      status
      psychologicalSupport { id form groupName }
    }
  }
`);

type Data = ResultOf<typeof PsychologyQuery>;
type Support = Data['receivedHateCrimeReferrals'][number]['psychologicalSupport'][number];

function SessionsForm({ referral, current }: { referral: Received; current: Support | undefined }) {
  const t = useT(hateCrimeMessages);
  const ids = useId();
  const [held, setHeld] = useState(String((current?.sessionsHeld ?? 0) + 1));
  const [last, setLast] = useState(todayIso());
  const [state, save] = useMutation(SessionsMutation);
  const problem = problemOf(state.error);
  return (
    <form
      className="or-form or-inline-form"
      noValidate
      aria-labelledby={`${ids}-heading`}
      onSubmit={async (event) => {
        event.preventDefault();
        await save({
          id: referral.id,
          input: { sessionsHeld: Number.parseInt(held, 10) || 0, lastSessionOn: last },
        });
      }}
    >
      <h3 id={`${ids}-heading`}>{t('sessions.heading')}</h3>
      <TextField
        id={`${ids}-held`}
        label={t('sessions.held')}
        inputMode="numeric"
        value={held}
        onValueChange={setHeld}
        errors={errorsOf(problem, 'sessionsHeld')}
      />
      <DateField
        id={`${ids}-last`}
        label={t('sessions.last')}
        value={last}
        max={todayIso()}
        onChange={setLast}
        errors={errorsOf(problem, 'lastSessionOn')}
      />
      <ProblemAlert problem={problem} fields={['sessionsHeld', 'lastSessionOn']} />
      <button type="submit" className="vi-button" disabled={state.fetching}>
        {t('sessions.submit')}
      </button>
    </form>
  );
}

function GroupForm({ referral, groups }: { referral: Received; groups: Data['hateCrimeGroupCourses'] }) {
  const t = useT(hateCrimeMessages);
  const ids = useId();
  const [courseId, setCourseId] = useState('');
  const [on, setOn] = useState(todayIso());
  const [state, place] = useMutation(GroupMutation);
  const problem = problemOf(state.error);
  return (
    <form
      className="or-form or-inline-form"
      noValidate
      aria-labelledby={`${ids}-heading`}
      onSubmit={async (event) => {
        event.preventDefault();
        await place({ id: referral.id, input: { courseId, on } });
      }}
    >
      <h3 id={`${ids}-heading`}>{t('group.heading')}</h3>
      {groups.length === 0 ? (
        <p>{t('group.none')}</p>
      ) : (
        <>
          <div className="vi-field">
            <label htmlFor={`${ids}-course`}>{t('group.course')}</label>
            <select
              id={`${ids}-course`}
              value={courseId}
              onChange={(e) => setCourseId(e.target.value)}
              aria-invalid={errorsOf(problem, 'courseId').length > 0 || undefined}
              aria-describedby={errorsOf(problem, 'courseId').length > 0 ? `${ids}-course-errors` : undefined}
            >
              <option value="">{t('common.choose')}</option>
              {groups.map((g) => (
                <option key={g.id} value={g.id}>
                  {g.name}
                </option>
              ))}
            </select>
            <FieldErrors id={`${ids}-course-errors`} errors={errorsOf(problem, 'courseId')} />
          </div>
          <DateField
            id={`${ids}-on`}
            label={t('group.on')}
            value={on}
            max={todayIso()}
            onChange={setOn}
            errors={errorsOf(problem, 'on')}
          />
          <ProblemAlert problem={problem} fields={['courseId', 'on']} />
          <button type="submit" className="vi-button" disabled={state.fetching || !courseId}>
            {t('group.submit')}
          </button>
        </>
      )}
    </form>
  );
}

/** The psychologist's received referrals, each with its hand-over, status and support. */
export function PsychologyScreen() {
  const t = useT(hateCrimeMessages);
  const { locale } = useLocale();
  const [{ data, error, fetching }] = useQuery({
    query: PsychologyQuery,
    requestPolicy: 'cache-and-network',
  });
  const referrals = useOpenReferralsFirst(data?.receivedHateCrimeReferrals, (item) =>
    readFragment(ReceivedFields, item),
  );
  const card = (item: (typeof referrals.open)[number]) => {
    const referral = readFragment(ReceivedFields, item);
    const working = referral.status === 'ACCEPTED' || referral.status === 'STARTED';
    const sessions = item.psychologicalSupport.find((s) => s.form === 'INDIVIDUAL_SESSIONS');
    const group = item.psychologicalSupport.find((s) => s.form === 'GROUP_PLACE');
    return (
      <article key={referral.id} aria-labelledby={`ref-${referral.id}`} className="or-card">
        <h2 id={`ref-${referral.id}`}>
          {t('inbox.referral', { pseudonym: referral.pseudonym, sender: referral.senderName })}
        </h2>
        <HandedOver referral={referral} />
        <ul className="or-task-list">
          {sessions?.sessionsHeld != null && sessions.lastSessionOn ? (
            <li>
              {labelOf(PSYCHOLOGICAL_SUPPORT_FORMS, 'INDIVIDUAL_SESSIONS', locale)}:{' '}
              {t('sessions.line', {
                count: sessions.sessionsHeld,
                date: formatDate(sessions.lastSessionOn, locale),
              })}
            </li>
          ) : null}
          {group?.groupName ? <li>{t('group.line', { course: group.groupName })}</li> : null}
        </ul>
        {working ? (
          <SessionsForm key={sessions?.sessionsHeld ?? 0} referral={referral} current={sessions} />
        ) : null}
        {working && !group && data ? (
          <GroupForm referral={referral} groups={data.hateCrimeGroupCourses} />
        ) : null}
        <StatusForm key={referral.status} referral={referral} />
      </article>
    );
  };
  return (
    <section aria-labelledby="hc-psych-heading" className="or-screen">
      <h1 id="hc-psych-heading">{t('inbox.psychHeading')}</h1>
      <p>{t('inbox.intro')}</p>
      {fetching && !data ? <p role="status">{t('common.loading')}</p> : null}
      <ProblemAlert problem={problemOf(error)} fields={[]} />
      {data && data.receivedHateCrimeReferrals.length === 0 ? <p>{t('inbox.empty')}</p> : null}
      {referrals.open.map(card)}
      <FinishedReferrals count={referrals.finished.length}>{referrals.finished.map(card)}</FinishedReferrals>
    </section>
  );
}
