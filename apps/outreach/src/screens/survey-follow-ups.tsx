import { describeRequestProblem, useLocale, useProblemText, useT } from '@vi/ui';
import { useState } from 'react';
import { useMutation, useQuery } from 'urql';
import { graphql } from '../graphql.ts';
import { formatDate } from './date-format.ts';
import { surveyStaffMessages } from './survey-staff-messages.ts';
import './survey-staff.css';

const FollowUpsQuery = graphql(`
  query OutreachSurveyFollowUps {
    outreachSurveyFollowUps { id channel contact createdOn doneAt }
  }
`);

const CompleteFollowUpMutation = graphql(`
  mutation CompleteOutreachSurveyFollowUp($id: ID!) {
    completeOutreachSurveyFollowUp(id: $id) { id doneAt contact }
  }
`);

/**
 * The project lead's open follow-up interviews from the outreach user survey, on the lead's start
 * screen: the channel and contact the person chose, and "mark as done", which erases the contact.
 * Reading the list is audited by the gateway, so it is asked for only here.
 */
export function SurveyFollowUps() {
  const t = useT(surveyStaffMessages);
  const { locale } = useLocale();
  const problemText = useProblemText();
  const [{ data, error, fetching }, refetch] = useQuery({
    query: FollowUpsQuery,
    requestPolicy: 'network-only',
  });
  const [completing, complete] = useMutation(CompleteFollowUpMutation);
  const [doneNotice, setDoneNotice] = useState(false);
  const tasks = (data?.outreachSurveyFollowUps ?? []).filter((task) => task.doneAt === null);
  const problem = error ?? completing.error;
  return (
    <section aria-labelledby="follow-ups-heading" className="or-follow-ups">
      <h2 id="follow-ups-heading">{t('followUps.heading')}</h2>
      <p>{t('followUps.intro')}</p>
      <div aria-live="polite">
        {fetching && !data ? <p>{t('followUps.loading')}</p> : null}
        {doneNotice ? <p className="or-success">{t('followUps.done')}</p> : null}
      </div>
      {problem ? (
        <p role="alert" className="or-alert">
          {problemText(describeRequestProblem(problem))}
        </p>
      ) : null}
      {data && tasks.length === 0 ? <p>{t('followUps.none')}</p> : null}
      {tasks.length > 0 ? (
        <ul className="or-follow-up-list">
          {tasks.map((task) => (
            <li key={task.id} className="or-follow-up">
              <dl>
                <dt>{t('followUps.channel')}</dt>
                <dd>{t(`followUps.${task.channel}`)}</dd>
                <dt>{t('followUps.contact')}</dt>
                <dd>
                  {task.contact ? (
                    <a href={task.channel === 'PHONE' ? `tel:${task.contact}` : `mailto:${task.contact}`}>
                      {task.contact}
                    </a>
                  ) : null}
                </dd>
                <dt>{t('followUps.createdOn')}</dt>
                <dd>{formatDate(task.createdOn, locale)}</dd>
              </dl>
              <button
                type="button"
                className="vi-button"
                disabled={completing.fetching}
                aria-label={t('followUps.markDoneFor', {
                  channel: t(`followUps.${task.channel}`),
                  contact: task.contact ?? '',
                })}
                onClick={async () => {
                  setDoneNotice(false);
                  const result = await complete({ id: task.id });
                  if (result.error) return;
                  setDoneNotice(true);
                  refetch({ requestPolicy: 'network-only' });
                }}
              >
                {t('followUps.markDone')}
              </button>
            </li>
          ))}
        </ul>
      ) : null}
    </section>
  );
}
