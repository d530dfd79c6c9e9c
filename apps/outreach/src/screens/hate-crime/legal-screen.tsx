// The legal and financial adviser's workspace at the receiving organisation: received referrals
// (only the handed-over fields), their status, and the tasks: open, work, close with an outcome.
import {
  LEGAL_TASK_KINDS,
  LEGAL_TASK_OUTCOMES,
  LEGAL_TASK_STATUSES,
  type LegalTaskKindCode,
  labelOf,
} from '@vi/domain';
import { FieldErrors, useLocale, useT } from '@vi/ui';
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

const LegalQuery = graphql(
  `
  query LegalReferrals {
    receivedHateCrimeReferrals(track: LEGAL_FINANCIAL) {
      ...ReceivedFields
      legalTasks { id kind status openedOn closedOn outcome nextStatuses possibleOutcomes }
    }
  }
`,
  [ReceivedFields],
);

const OpenTaskMutation = graphql(`
  mutation OpenHateCrimeLegalTask($id: ID!, $input: OpenHateCrimeLegalTaskInput!) {
    openHateCrimeLegalTask(hateCrimeReferralId: $id, input: $input) { id status legalTasks { id kind status } }
  }
`);

const TaskStatusMutation = graphql(`
  mutation ChangeHateCrimeLegalTaskStatus($id: ID!, $input: HateCrimeLegalTaskStatusInput!) {
    changeHateCrimeLegalTaskStatus(legalTaskId: $id, input: $input) { id legalTasks { id status outcome closedOn } }
  }
`);

type Item = ResultOf<typeof LegalQuery>['receivedHateCrimeReferrals'][number];
type Task = Item['legalTasks'][number];

function OpenTaskForm({ referral }: { referral: Received }) {
  const t = useT(hateCrimeMessages);
  const { locale } = useLocale();
  const ids = useId();
  const [kind, setKind] = useState<LegalTaskKindCode>(referral.legalTaskKinds[0] ?? 'COMPENSATION_CLAIM');
  const [openedOn, setOpenedOn] = useState(todayIso());
  const [state, open] = useMutation(OpenTaskMutation);
  const problem = problemOf(state.error);
  return (
    <form
      className="or-form or-inline-form"
      noValidate
      aria-label={`${t('tasks.open')} ${referral.pseudonym}`}
      onSubmit={async (event) => {
        event.preventDefault();
        await open({ id: referral.id, input: { kind, openedOn } });
      }}
    >
      <div className="vi-field">
        <label htmlFor={`${ids}-kind`}>{t('tasks.kind')}</label>
        <select
          id={`${ids}-kind`}
          value={kind}
          onChange={(e) => setKind(e.target.value as LegalTaskKindCode)}
        >
          {LEGAL_TASK_KINDS.map((k) => (
            <option key={k.code} value={k.code}>
              {labelOf(LEGAL_TASK_KINDS, k.code, locale)}
            </option>
          ))}
        </select>
      </div>
      <DateField
        id={`${ids}-opened`}
        label={t('tasks.openedOn')}
        value={openedOn}
        max={todayIso()}
        onChange={setOpenedOn}
        errors={errorsOf(problem, 'openedOn')}
      />
      <ProblemAlert problem={problem} fields={['openedOn']} />
      <button type="submit" className="vi-button" disabled={state.fetching}>
        {t('tasks.open')}
      </button>
    </form>
  );
}

function TaskRow({ task }: { task: Task }) {
  const t = useT(hateCrimeMessages);
  const { locale } = useLocale();
  const ids = useId();
  const [status, setStatus] = useState(task.nextStatuses[0] ?? '');
  const [outcome, setOutcome] = useState('');
  const [on, setOn] = useState(todayIso());
  const [state, change] = useMutation(TaskStatusMutation);
  const problem = problemOf(state.error);
  const kind = labelOf(LEGAL_TASK_KINDS, task.kind, locale);
  const line =
    task.status === 'CLOSED' && task.outcome && task.closedOn
      ? t('tasks.closedLine', {
          kind,
          date: formatDate(task.closedOn, locale),
          outcome: labelOf(LEGAL_TASK_OUTCOMES, task.outcome, locale),
        })
      : t('tasks.line', { kind, status: labelOf(LEGAL_TASK_STATUSES, task.status, locale) });
  return (
    <li>
      <p>{line}</p>
      {task.nextStatuses.length > 0 ? (
        <form
          className="or-form or-inline-form"
          noValidate
          aria-label={`${t('tasks.change')}: ${kind}`}
          onSubmit={async (event) => {
            event.preventDefault();
            await change({
              id: task.id,
              input: {
                status: status as Task['status'],
                on,
                outcome:
                  status === 'CLOSED' && outcome ? (outcome as Task['possibleOutcomes'][number]) : null,
              },
            });
          }}
        >
          <div className="vi-field">
            <label htmlFor={`${ids}-status`}>{t('tasks.status')}</label>
            <select id={`${ids}-status`} value={status} onChange={(e) => setStatus(e.target.value)}>
              {task.nextStatuses.map((s) => (
                <option key={s} value={s}>
                  {labelOf(LEGAL_TASK_STATUSES, s, locale)}
                </option>
              ))}
            </select>
          </div>
          {status === 'CLOSED' ? (
            <div className="vi-field">
              <label htmlFor={`${ids}-outcome`}>{t('tasks.outcome')}</label>
              <select
                id={`${ids}-outcome`}
                value={outcome}
                onChange={(e) => setOutcome(e.target.value)}
                aria-invalid={errorsOf(problem, 'outcome').length > 0 || undefined}
                aria-describedby={
                  errorsOf(problem, 'outcome').length > 0 ? `${ids}-outcome-errors` : undefined
                }
              >
                <option value="">{t('common.choose')}</option>
                {task.possibleOutcomes.map((o) => (
                  <option key={o} value={o}>
                    {labelOf(LEGAL_TASK_OUTCOMES, o, locale)}
                  </option>
                ))}
              </select>
              <FieldErrors id={`${ids}-outcome-errors`} errors={errorsOf(problem, 'outcome')} />
            </div>
          ) : null}
          <DateField
            id={`${ids}-on`}
            label={t('tasks.on')}
            value={on}
            max={todayIso()}
            onChange={setOn}
            errors={[...errorsOf(problem, 'on'), ...errorsOf(problem, 'closedOn')]}
          />
          <ProblemAlert problem={problem} fields={['outcome', 'on', 'closedOn']} />
          <button type="submit" className="vi-button" disabled={state.fetching}>
            {t('tasks.change')}
          </button>
        </form>
      ) : null}
    </li>
  );
}

/** The adviser's received referrals, each with its hand-over, status and tasks. */
export function LegalScreen() {
  const t = useT(hateCrimeMessages);
  const [{ data, error, fetching }] = useQuery({ query: LegalQuery, requestPolicy: 'cache-and-network' });
  const referrals = useOpenReferralsFirst(data?.receivedHateCrimeReferrals, (item) =>
    readFragment(ReceivedFields, item),
  );
  const card = (item: (typeof referrals.open)[number]) => {
    const referral = readFragment(ReceivedFields, item);
    const working = referral.status === 'ACCEPTED' || referral.status === 'STARTED';
    return (
      <article key={referral.id} aria-labelledby={`ref-${referral.id}`} className="or-card">
        <h2 id={`ref-${referral.id}`}>
          {t('inbox.referral', { pseudonym: referral.pseudonym, sender: referral.senderName })}
        </h2>
        <HandedOver referral={referral} />
        <h3>{t('tasks.heading')}</h3>
        {item.legalTasks.length === 0 ? <p>{t('tasks.empty')}</p> : null}
        <ul className="or-task-list">
          {item.legalTasks.map((task) => (
            <TaskRow key={`${task.id}-${task.status}`} task={task} />
          ))}
        </ul>
        {working ? <OpenTaskForm referral={referral} /> : null}
        <StatusForm key={referral.status} referral={referral} />
      </article>
    );
  };
  return (
    <section aria-labelledby="hc-legal-heading" className="or-screen">
      <h1 id="hc-legal-heading">{t('inbox.legalHeading')}</h1>
      <p>{t('inbox.intro')}</p>
      {fetching && !data ? <p role="status">{t('common.loading')}</p> : null}
      <ProblemAlert problem={problemOf(error)} fields={[]} />
      {data && data.receivedHateCrimeReferrals.length === 0 ? <p>{t('inbox.empty')}</p> : null}
      {referrals.open.map(card)}
      <FinishedReferrals count={referrals.finished.length}>{referrals.finished.map(card)}</FinishedReferrals>
    </section>
  );
}
