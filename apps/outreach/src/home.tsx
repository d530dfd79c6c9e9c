import { describeRequestProblem, useCurrentUser, useProblemText, useT } from '@vi/ui';
import { useState } from 'react';
import { useMutation, useQuery } from 'urql';
import { outreachMessages } from './app-messages.ts';
import { graphql } from './graphql.ts';
import { LegalScreen } from './screens/hate-crime/legal-screen.tsx';
import { PsychologyScreen } from './screens/hate-crime/psychology-screen.tsx';
import { HomeLinks, navigate } from './screens/outreach-routes.tsx';
import { screenMessages } from './screens/outreach-screen-messages.ts';
import { OverviewScreen } from './screens/overview-screen.tsx';
import { ReferralsScreen } from './screens/referrals-screen.tsx';
import { SurveyFollowUps } from './screens/survey-follow-ups.tsx';

const QueueCountQuery = graphql(`
  query HomeQueueCount {
    callQueue(first: 1) { totalCount totalCountCapped }
  }
`);

const ClaimNextMutation = graphql(`
  mutation HomeClaimNext {
    claimNextCase { caseId claimExpiresAt }
  }
`);

/** The outreach worker's start: how many can be called now, and the next call one click away. */
function WorkerStart({ name }: { name: string }) {
  const t = useT(outreachMessages);
  const ts = useT(screenMessages);
  const problemText = useProblemText();
  const [{ data, error, fetching }] = useQuery({
    query: QueueCountQuery,
    requestPolicy: 'cache-and-network',
  });
  const [claiming, claimNext] = useMutation(ClaimNextMutation);
  const [nobody, setNobody] = useState(false);
  const queue = data?.callQueue;
  const problem = error ?? claiming.error;
  return (
    <section aria-labelledby="home-heading" className="or-screen">
      <h1 id="home-heading">{t('home.heading', { name })}</h1>
      <div aria-live="polite" className="or-status">
        {fetching && !queue ? <p>{ts('common.loading')}</p> : null}
        {queue ? (
          <p className="or-home-count">
            {t(queue.totalCountCapped ? 'home.queueCountCapped' : 'home.queueCount', {
              count: queue.totalCount,
            })}
          </p>
        ) : null}
        {nobody ? <p>{ts('queue.empty')}</p> : null}
      </div>
      {problem ? (
        <p role="alert" className="or-alert">
          {problemText(describeRequestProblem(problem))}
        </p>
      ) : null}
      <p className="or-call-actions">
        <button
          type="button"
          className="vi-button vi-button--primary"
          disabled={claiming.fetching || queue?.totalCount === 0}
          onClick={async () => {
            setNobody(false);
            const result = await claimNext({});
            const caseId = result.data?.claimNextCase?.caseId;
            if (caseId) navigate(`/call/${caseId}`);
            else if (!result.error) setNobody(true);
          }}
        >
          {ts('queue.takeNext')}
        </button>
        <a className="vi-button" href="#/queue">
          {t('home.openQueue')}
        </a>
      </p>
    </section>
  );
}

/**
 * The first screen after login is each role's own start: the worker's queue, the counsellor's
 * referrals, the lead's overview, a hate-crime track's received referrals. Anyone else (the
 * administrator, someone working both tracks) gets a welcome and the links of their screens.
 */
export function Home() {
  const t = useT(outreachMessages);
  const user = useCurrentUser();
  if (user.roles.includes('OUTREACH_WORKER')) return <WorkerStart name={user.displayName} />;
  if (user.roles.includes('COUNSELLOR')) return <ReferralsScreen />;
  if (user.roles.includes('PROJECT_LEAD'))
    return (
      <>
        <OverviewScreen />
        <SurveyFollowUps />
      </>
    );
  const legal = user.roles.includes('LEGAL_FINANCIAL_ADVISER');
  const psychology = user.roles.includes('PSYCHOLOGIST');
  if (legal && !psychology) return <LegalScreen />;
  if (psychology && !legal) return <PsychologyScreen />;
  return (
    <>
      <h1>{t('home.heading', { name: user.displayName })}</h1>
      <p>{t('home.choose')}</p>
      <HomeLinks />
    </>
  );
}
