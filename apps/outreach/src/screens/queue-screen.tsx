import { GENDERS, INCIDENT_TYPES, labelOf, PERSON_ROLES } from '@vi/domain';
import { describeRequestProblem, useLocale, useProblemText, useT } from '@vi/ui';
import { useEffect, useId, useState } from 'react';
import { useMutation, useQuery } from 'urql';
import { graphql } from '../graphql.ts';
import { formatDate } from './date-format.ts';
import { navigate } from './outreach-routes.tsx';
import { screenMessages } from './outreach-screen-messages.ts';
import { currentQueueFilter, rememberQueueFilter } from './queue-filter.ts';

const QueueQuery = graphql(`
  query CallQueue($first: Int, $after: String, $incidentTypes: [IncidentType!], $roles: [PersonRole!]) {
    callQueue(first: $first, after: $after, incidentTypes: $incidentTypes, roles: $roles) {
      totalCount
      totalCountCapped
      hasNextPage
      endCursor
      entries {
        caseId
        pseudonym
        incidentType
        occurredOn
        role
        gender
        ageAtIncident
        callableUntil
        attemptCount
        claimedByMe
      }
    }
  }
`);

const ClaimNextMutation = graphql(`
  mutation ClaimNextCase($incidentTypes: [IncidentType!], $roles: [PersonRole!]) {
    claimNextCase(incidentTypes: $incidentTypes, roles: $roles) { caseId claimExpiresAt }
  }
`);

const ClaimCaseMutation = graphql(`
  mutation ClaimCase($caseId: ID!) {
    claimCase(caseId: $caseId) { caseId claimExpiresAt }
  }
`);

type IncidentTypeCode = (typeof INCIDENT_TYPES)[number]['code'];
type PersonRoleCode = (typeof PERSON_ROLES)[number]['code'];

const PAGE_SIZE = 25;

/** Step 2: who to call now. Opening a person claims them, so no colleague calls them too. */
export function QueueScreen() {
  const t = useT(screenMessages);
  const { locale } = useLocale();
  const problemText = useProblemText();
  const typeId = useId();
  const roleId = useId();
  const [incidentType, setIncidentType] = useState<IncidentTypeCode | ''>(
    () => currentQueueFilter().incidentTypes?.[0] ?? '',
  );
  const [role, setRole] = useState<PersonRoleCode | ''>(() => currentQueueFilter().roles?.[0] ?? '');
  const [cursors, setCursors] = useState<string[]>([]);
  const filter = {
    incidentTypes: incidentType ? [incidentType] : null,
    roles: role ? [role] : null,
  };
  // "Gem og tag næste" on the call screen continues in the part of the queue chosen here.
  useEffect(() => {
    rememberQueueFilter({ incidentTypes: incidentType ? [incidentType] : null, roles: role ? [role] : null });
  }, [incidentType, role]);
  const [{ data, fetching, error }] = useQuery({
    query: QueueQuery,
    variables: { first: PAGE_SIZE, after: cursors.at(-1) ?? null, ...filter },
    requestPolicy: 'cache-and-network',
  });
  const [claimNext, runClaimNext] = useMutation(ClaimNextMutation);
  const [claim, runClaim] = useMutation(ClaimCaseMutation);
  const [nobody, setNobody] = useState(false);
  const problem = error ?? claimNext.error ?? claim.error;
  const queue = data?.callQueue;

  async function takeNext() {
    setNobody(false);
    const result = await runClaimNext(filter);
    const caseId = result.data?.claimNextCase?.caseId;
    if (caseId) navigate(`/call/${caseId}`);
    else if (!result.error) setNobody(true);
  }

  async function open(caseId: string) {
    const result = await runClaim({ caseId });
    if (result.data?.claimCase) navigate(`/call/${caseId}`);
  }

  return (
    <section aria-labelledby="queue-heading" className="or-screen">
      <h1 id="queue-heading">{t('queue.heading')}</h1>
      <p>{t('queue.intro')}</p>
      <div className="or-filters">
        <div className="vi-field">
          <label htmlFor={typeId}>{t('queue.filterType')}</label>
          <select
            id={typeId}
            value={incidentType}
            onChange={(e) => {
              setIncidentType(e.target.value as IncidentTypeCode | '');
              setCursors([]);
            }}
          >
            <option value="">{t('queue.all')}</option>
            {INCIDENT_TYPES.map((type) => (
              <option key={type.code} value={type.code}>
                {labelOf(INCIDENT_TYPES, type.code, locale)}
              </option>
            ))}
          </select>
        </div>
        <div className="vi-field">
          <label htmlFor={roleId}>{t('queue.filterRole')}</label>
          <select
            id={roleId}
            value={role}
            onChange={(e) => {
              setRole(e.target.value as PersonRoleCode | '');
              setCursors([]);
            }}
          >
            <option value="">{t('queue.all')}</option>
            {PERSON_ROLES.map((r) => (
              <option key={r.code} value={r.code}>
                {labelOf(PERSON_ROLES, r.code, locale)}
              </option>
            ))}
          </select>
        </div>
        <button
          type="button"
          className="vi-button vi-button--primary"
          disabled={claimNext.fetching || queue?.totalCount === 0}
          onClick={() => void takeNext()}
        >
          {t('queue.takeNext')}
        </button>
      </div>
      <div aria-live="polite" className="or-status">
        {fetching && !queue ? <p>{t('common.loading')}</p> : null}
        {queue ? (
          <p>
            {t(queue.totalCountCapped ? 'queue.totalCapped' : 'queue.total', { count: queue.totalCount })}
          </p>
        ) : null}
        {nobody || (queue && queue.entries.length === 0) ? <p>{t('queue.empty')}</p> : null}
      </div>
      {problem ? (
        <p role="alert" className="or-alert">
          {problemText(describeRequestProblem(problem))}
        </p>
      ) : null}
      {queue && queue.entries.length > 0 ? (
        // Nine columns do not fit a phone: the table scrolls in its own box, the page does not.
        // biome-ignore lint/a11y/noNoninteractiveTabindex: it scrolls sideways on a phone, so a keyboard must reach it (WCAG 2.1.1).
        <section className="or-table-wide" aria-label={t('queue.caption')} tabIndex={0}>
          <table className="or-table">
            <caption className="vi-visually-hidden">{t('queue.caption')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('queue.col.person')}</th>
                <th scope="col">{t('queue.col.type')}</th>
                <th scope="col">{t('queue.col.date')}</th>
                <th scope="col">{t('queue.col.role')}</th>
                <th scope="col">{t('queue.col.gender')}</th>
                <th scope="col">{t('queue.col.age')}</th>
                <th scope="col">{t('queue.col.until')}</th>
                <th scope="col">{t('queue.col.attempts')}</th>
                <th scope="col">{t('queue.col.action')}</th>
              </tr>
            </thead>
            <tbody>
              {queue.entries.map((entry) => (
                <tr key={entry.caseId}>
                  <th scope="row">
                    {entry.pseudonym} {entry.claimedByMe ? t('queue.mine') : null}
                  </th>
                  <td>{labelOf(INCIDENT_TYPES, entry.incidentType, locale)}</td>
                  <td>{formatDate(entry.occurredOn, locale)}</td>
                  <td>{labelOf(PERSON_ROLES, entry.role, locale)}</td>
                  <td>{entry.gender ? labelOf(GENDERS, entry.gender, locale) : t('common.unknown')}</td>
                  <td>{entry.ageAtIncident ?? t('common.unknown')}</td>
                  <td>{formatDate(entry.callableUntil, locale)}</td>
                  <td>{entry.attemptCount}</td>
                  <td>
                    <button
                      type="button"
                      className="vi-button"
                      disabled={claim.fetching}
                      onClick={() => void open(entry.caseId)}
                    >
                      {t('queue.open', { pseudonym: entry.pseudonym })}
                    </button>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </section>
      ) : null}
      <div className="or-paging">
        {cursors.length > 0 ? (
          <button type="button" className="vi-button" onClick={() => setCursors([])}>
            {t('queue.first')}
          </button>
        ) : null}
        {queue?.hasNextPage && queue.endCursor ? (
          <button
            type="button"
            className="vi-button"
            onClick={() => setCursors([...cursors, queue.endCursor as string])}
          >
            {t('queue.next')}
          </button>
        ) : null}
      </div>
    </section>
  );
}
