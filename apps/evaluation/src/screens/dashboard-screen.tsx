import {
  AGE_GROUPS,
  entryOf,
  GENDERS,
  INCIDENT_TYPES,
  INTERVENTION_MODELS,
  PERSON_ROLES,
  type Taxonomy,
} from '@vi/domain';
import { describeRequestProblem, type Locale, useLocale, useT } from '@vi/ui';
import { useEffect, useMemo, useState } from 'react';
import { type CombinedError, useQuery } from 'urql';
import { type FragmentOf, graphql, type ResultOf } from '../graphql.ts';
import { AftercareFigures, aftercareSections } from './aftercare-figures.tsx';
import { aftercareMessages } from './aftercare-messages.ts';
import { CostSection, CostSectionFields } from './cost-section.tsx';
import { CourseSection, CourseSectionFields } from './course-section.tsx';
import { DashboardContext } from './dashboard-context.tsx';
import {
  type DashboardFilter,
  DashboardFilters,
  filterVariables,
  formatDate,
  type SelectionUsage,
} from './dashboard-filters.tsx';
import { dashboardMessages } from './dashboard-messages.ts';
import { DISCLOSURE_HELP_ID } from './data-table-view.tsx';
import { DisclosureHelp, DisclosureHelpFields } from './disclosure-help.tsx';
import { FiguresProblem, usageOfLimitError } from './figures-problem.tsx';
import { IntakeSection, IntakeSectionFields } from './intake-section.tsx';
import { OutreachSection, OutreachSectionFields } from './outreach-section.tsx';
import { outreachSurveyMessages } from './outreach-survey-messages.ts';
import { OutreachSurveyFigures } from './outreach-survey-section.tsx';
import { reachMessages } from './reach-messages.ts';
import { ReachFigures } from './reach-section.tsx';
import { ReadinessSection, ReadinessSectionFields } from './readiness-section.tsx';
import { RecoverySection, RecoverySectionFields } from './recovery-section.tsx';

const GrantsQuery = graphql(`
  query EvaluatorGrants {
    me {
      id
      memberships {
        roles
        organization { id name }
      }
    }
  }
`);

/**
 * One request for the whole dashboard: each section declares its fragment, and the model filter
 * leaves out the sections (and their SQL) of the other model.
 */
const DashboardQuery = graphql(
  `
  query EvaluationDashboard($filter: EvaluationFilterInput, $outreach: Boolean!, $courses: Boolean!) {
    evaluation(filter: $filter) {
      from
      to
      organizations { id name }
      disclosure { usedToday dailyLimit }
      ...DisclosureHelp
      ...OutreachSection @include(if: $outreach)
      ...IntakeSection @include(if: $courses)
      ...CourseSection @include(if: $courses)
      ...RecoverySection @include(if: $courses)
      ...CostSection
      ...ReadinessSection
    }
  }
`,
  [
    DisclosureHelpFields,
    OutreachSectionFields,
    IntakeSectionFields,
    CourseSectionFields,
    RecoverySectionFields,
    CostSectionFields,
    ReadinessSectionFields,
  ],
);

/** The older models' sections a model choice shows (the aftercare ones: aftercareSections). */
function modelSections(model: DashboardFilter['model']): { outreach: boolean; courses: boolean } {
  return {
    outreach: model === 'ALL' || model === 'OUTREACH',
    courses: model === 'ALL' || model === 'GROUP_COURSE',
  };
}

/**
 * With @include the result type cannot know which flags were sent, so a section's data is typed as
 * possibly absent; the caller passes the same flag it sent, which is what decides it at run time.
 */
function included<Data>(data: unknown, flag: boolean, field: string): Data | null {
  // While a new choice of model is fetched, urql still holds the previous answer, which may lack
  // the section now asked for: a section renders only once its own first figure is in the answer.
  return flag && typeof data === 'object' && data !== null && field in data ? (data as Data) : null;
}

function Progress({ label }: { label: string }) {
  return (
    <div className="ev-progress" role="status">
      <progress aria-label={label} />
      <span>{label}</span>
    </div>
  );
}

/** "Køn: Kvinde; Rolle: Offer" for the scope line, so a screenshot or printout says what it shows. */
function chosenFilters(
  filter: DashboardFilter,
  locale: Locale,
  names: Record<'model' | 'incidentTypes' | 'genders' | 'ageGroups' | 'roles', string>,
): string[] {
  const one = (name: string, taxonomy: Taxonomy, code: string) =>
    code ? [`${name}: ${entryOf(taxonomy, code)?.label[locale] ?? code}`] : [];
  return [
    ...one(names.model, INTERVENTION_MODELS, filter.model === 'ALL' ? '' : filter.model),
    ...one(names.incidentTypes, INCIDENT_TYPES, filter.incidentType),
    ...one(names.genders, GENDERS, filter.gender),
    ...one(names.ageGroups, AGE_GROUPS, filter.ageGroup),
    ...one(names.roles, PERSON_ROLES, filter.role),
  ];
}

type EvaluationData = NonNullable<ResultOf<typeof DashboardQuery>['evaluation']>;

function Figures({
  filter,
  evaluation,
  fetching,
  error,
}: {
  filter: DashboardFilter;
  evaluation: EvaluationData | undefined;
  fetching: boolean;
  error: CombinedError | undefined;
}) {
  const t = useT(dashboardMessages);
  const { locale } = useLocale();
  const variables = modelSections(filter.model);
  const aftercare = aftercareSections(filter.model);
  const ta = useT(aftercareMessages);
  const ts = useT(outreachSurveyMessages);
  const tr = useT(reachMessages);
  const context = useMemo(
    () => ({
      ...(evaluation?.from ? { from: evaluation.from } : {}),
      ...(evaluation?.to ? { to: evaluation.to } : {}),
      organizationNames: new Map((evaluation?.organizations ?? []).map((org) => [org.id, org.name])),
    }),
    [evaluation],
  );

  if (fetching && !evaluation) return <Progress label={t('dashboard.loading')} />;
  if (error && !evaluation) return <FiguresProblem problem={describeRequestProblem(error)} />;
  if (!evaluation) return null;
  const outreach = included<FragmentOf<typeof OutreachSectionFields>>(
    evaluation,
    variables.outreach,
    'outreachFunnel',
  );
  const intake = included<FragmentOf<typeof IntakeSectionFields>>(
    evaluation,
    variables.courses,
    'intakeCountsByYear',
  );
  const course = included<FragmentOf<typeof CourseSectionFields>>(
    evaluation,
    variables.courses,
    'courseDelivery',
  );
  const recovery = included<FragmentOf<typeof RecoverySectionFields>>(
    evaluation,
    variables.courses,
    'recovery',
  );
  const chosen = chosenFilters(filter, locale, {
    model: t('filters.model'),
    incidentTypes: t('filters.incidentTypes'),
    genders: t('filters.genders'),
    ageGroups: t('filters.ageGroups'),
    roles: t('filters.roles'),
  });
  const names = evaluation.organizations.map((org) => org.name).join(', ');
  return (
    <DashboardContext.Provider value={context}>
      {fetching ? <Progress label={t('dashboard.refreshing')} /> : null}
      {error ? <FiguresProblem problem={describeRequestProblem(error)} /> : null}
      <p className="ev-scope" data-testid="evaluation-scope">
        {t('dashboard.scope', { organizations: names })}{' '}
        {evaluation.from || evaluation.to
          ? t('dashboard.period', {
              from: evaluation.from ? formatDate(evaluation.from) : '…',
              to: evaluation.to ? formatDate(evaluation.to) : '…',
            })
          : t('dashboard.allTime')}{' '}
        {chosen.length > 0 ? t('dashboard.activeFilters', { filters: chosen.join('; ') }) : null}
      </p>
      <nav className="ev-toc" aria-label={t('dashboard.contents')}>
        <ul>
          {variables.outreach ? (
            <>
              <li>
                <a href="#outreach">{t('outreach.heading')}</a>
              </li>
              <li>
                <a href="#outreach-user-survey">{ts('survey.heading')}</a>
              </li>
            </>
          ) : null}
          {variables.courses ? (
            <>
              <li>
                <a href="#intake">{t('intake.heading')}</a>
              </li>
              <li>
                <a href="#courses">{t('courses.heading')}</a>
              </li>
              <li>
                <a href="#recovery">{t('recovery.heading')}</a>
              </li>
            </>
          ) : null}
          <li>
            <a href="#reach">{tr('reach.heading')}</a>
          </li>
          {aftercare.hateCrime ? (
            <li>
              <a href="#hate-crime">{ta('hateCrime.heading')}</a>
            </li>
          ) : null}
          {aftercare.shelter ? (
            <li>
              <a href="#shelter">{ta('shelter.heading')}</a>
            </li>
          ) : null}
          <li>
            <a href="#costs">{t('costs.heading')}</a>
          </li>
          <li>
            <a href="#readiness">{t('readiness.heading')}</a>
          </li>
          <li>
            <a href={`#${DISCLOSURE_HELP_ID}`}>{t('help.heading')}</a>
          </li>
        </ul>
      </nav>
      {outreach ? <OutreachSection data={outreach} /> : null}
      {intake ? <IntakeSection data={intake} /> : null}
      {course ? <CourseSection data={course} /> : null}
      {recovery ? <RecoverySection data={recovery} /> : null}
      <OutreachSurveyFigures filter={filter} />
      <ReachFigures filter={filter} />
      <AftercareFigures filter={filter} />
      <CostSection data={evaluation} model={filter.model} />
      <ReadinessSection data={evaluation} model={filter.model} />
    </DashboardContext.Provider>
  );
}

/**
 * Filters, figures and the help on the disclosure method, around one query. The gateway's answer
 * also says how many selections the evaluator has used today; a refused filter's errors go back to
 * the form, beside their fields.
 */
function Dashboard({
  organizations,
  filter,
  onFilter,
}: {
  organizations: ReadonlyArray<{ id: string; name: string }>;
  filter: DashboardFilter;
  onFilter: (filter: DashboardFilter) => void;
}) {
  const variables = useMemo(
    () => ({
      filter: filterVariables(filter),
      ...modelSections(filter.model),
    }),
    [filter],
  );
  // Cached figures are shown at once, and asked again so today's count of selections stays current
  // (asking for a selection already used today does not count again).
  const [{ data, fetching, stale, error }] = useQuery({
    query: DashboardQuery,
    variables,
    requestPolicy: 'cache-and-network',
  });
  const evaluation = data?.evaluation ?? undefined;
  const problem = error ? describeRequestProblem(error) : null;
  const [usage, setUsage] = useState<SelectionUsage | null>(null);
  const latest = evaluation?.disclosure;
  const limitReached = problem?.code === 'EVALUATION_LIMIT';
  const reported = usageOfLimitError(error);
  useEffect(() => {
    if (latest) setUsage({ used: latest.usedToday, limit: latest.dailyLimit });
  }, [latest]);
  // Refused for today's limit: the error says how many were used; without that, all of them.
  const reportedUsed = reported?.used;
  const reportedLimit = reported?.limit;
  useEffect(() => {
    if (!limitReached) return;
    setUsage((previous) =>
      reportedUsed !== undefined && reportedLimit !== undefined
        ? { used: reportedUsed, limit: reportedLimit }
        : previous
          ? { ...previous, used: previous.limit }
          : previous,
    );
  }, [limitReached, reportedUsed, reportedLimit]);
  return (
    <>
      <DashboardFilters
        organizations={organizations}
        applied={filter}
        onApply={onFilter}
        serverErrors={problem?.code === 'VALIDATION' ? problem.fields : []}
        usage={usage}
      />
      {/* A cached answer shown while it is asked again is still "updating". The skip link lands here. */}
      <div id={FIGURES_ID} tabIndex={-1} className="ev-figures">
        <Figures filter={filter} evaluation={evaluation} fetching={fetching || stale} error={error} />
      </div>
      {fetching && !evaluation ? null : <DisclosureHelp data={evaluation ?? null} />}
    </>
  );
}

/** Where the skip link to the figures lands. */
export const FIGURES_ID = 'ev-figures';

/** The evaluators' dashboard: filters, then every figure as chart and table with CSV export. */
export function DashboardScreen({
  filter,
  onFilter,
}: {
  /** Kept by the caller so the choice survives a visit to GraphiQL (and ends with the session). */
  filter: DashboardFilter;
  onFilter: (filter: DashboardFilter) => void;
}) {
  const t = useT(dashboardMessages);
  const [{ data, fetching }] = useQuery({ query: GrantsQuery });
  const granted = (data?.me?.memberships ?? [])
    .filter((membership) => membership.roles.includes('EVALUATOR'))
    .map((membership) => membership.organization)
    .sort((a, b) => a.name.localeCompare(b.name, 'da'));

  return (
    <div className="ev-dashboard">
      {/* Past the filters in one Tab: the figures are what most visits come for. */}
      <a className="ev-skip-figures" href={`#${FIGURES_ID}`}>
        {t('dashboard.skipToFigures')}
      </a>
      <h1>{t('dashboard.heading')}</h1>
      <p className="ev-lead">{t('dashboard.intro')}</p>
      <p className="ev-note">{t('csv.format')}</p>
      {fetching && !data ? (
        <Progress label={t('dashboard.loading')} />
      ) : granted.length === 0 ? (
        <p role="alert" className="ev-alert">
          {t('dashboard.notEvaluator')}
        </p>
      ) : (
        <Dashboard organizations={granted} filter={filter} onFilter={onFilter} />
      )}
    </div>
  );
}
