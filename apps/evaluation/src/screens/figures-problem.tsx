import {
  describeRequestProblem,
  FieldErrors,
  type RequestProblem,
  useLocale,
  useProblemText,
  useT,
} from '@vi/ui';
import type { ReactNode } from 'react';
import type { CombinedError } from 'urql';
import { filterFieldOf, type SelectionUsage } from './dashboard-filters.tsx';
import { dashboardMessages } from './dashboard-messages.ts';

/** Why no figures came: today's selection limit reached, a refused filter, or another problem. */
export function FiguresProblem({ problem }: { problem: RequestProblem }) {
  const t = useT(dashboardMessages);
  const { locale } = useLocale();
  const problemText = useProblemText();
  if (problem.code === 'EVALUATION_LIMIT') {
    return (
      <div role="alert" className="ev-alert ev-alert--limit" data-testid="evaluation-limit">
        <h2>{t('dashboard.limitHeading')}</h2>
        <p>{problem.message ? problem.message[locale] : problemText(problem)}</p>
        <p>{t('dashboard.limitHint')}</p>
      </div>
    );
  }
  if (problem.code === 'VALIDATION') {
    // Errors of a filter field are shown beside the field; anything else is listed here.
    const elsewhere = problem.fields.filter((field) => filterFieldOf(field.field) === null);
    return (
      <div role="alert" className="ev-alert">
        <p>{t('dashboard.fixFilters')}</p>
        <FieldErrors id="ev-filter-problems" errors={elsewhere} />
      </div>
    );
  }
  return (
    <div role="alert" className="ev-alert">
      <p>
        {t('dashboard.failed')} {problemText(problem)}
      </p>
      <FieldErrors id="ev-filter-problems" errors={problem.fields} />
    </div>
  );
}

/**
 * What a section with a request of its own shows while its figures are not in (`waiting`): its
 * problem, or progress under `loading`. The same filter gives that request the dashboard's own
 * refusals (today's limit, a refused filter), which the dashboard already shows beside the filters:
 * only other problems are shown here.
 */
export function OwnRequestStatus({
  error,
  fetching,
  waiting,
  loading,
}: {
  error: CombinedError | undefined;
  fetching: boolean;
  waiting: boolean;
  loading: string;
}) {
  const problem = error ? describeRequestProblem(error) : null;
  const ownProblem =
    problem && problem.code !== 'EVALUATION_LIMIT' && problem.code !== 'VALIDATION' ? problem : null;
  return (
    <>
      {ownProblem && waiting ? <FiguresProblem problem={ownProblem} /> : null}
      {fetching && waiting ? (
        <div className="ev-progress" role="status">
          <progress aria-label={loading} />
          <span>{loading}</span>
        </div>
      ) : null}
    </>
  );
}

/** A section with a request of its own: its status until the answer is in, then the section drawn from it. */
export function OwnRequestFigures<Evaluation>({
  result,
  loading,
  children,
}: {
  result: { data?: { evaluation?: Evaluation | null } | null; fetching: boolean; error?: CombinedError };
  loading: string;
  children: (evaluation: Evaluation) => ReactNode;
}) {
  const evaluation = result.data?.evaluation;
  return (
    <>
      <OwnRequestStatus
        error={result.error}
        fetching={result.fetching}
        waiting={!evaluation}
        loading={loading}
      />
      {evaluation ? children(evaluation) : null}
    </>
  );
}

/** The usage an EVALUATION_LIMIT error reports (`extensions.usedToday`, `extensions.limit`), if any. */
export function usageOfLimitError(error: CombinedError | undefined): SelectionUsage | null {
  const extensions = error?.graphQLErrors[0]?.extensions as Record<string, unknown> | undefined;
  if (extensions?.code !== 'EVALUATION_LIMIT') return null;
  const { usedToday, limit } = extensions;
  return typeof usedToday === 'number' && typeof limit === 'number' ? { used: usedToday, limit } : null;
}
