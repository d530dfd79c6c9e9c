import {
  AGE_GROUPS,
  entryOf,
  GENDERS,
  INCIDENT_TYPES,
  INTERVENTION_MODELS,
  PERSON_ROLES,
  type Taxonomy,
} from '@vi/domain';
import { describeRequestProblem, FieldErrors, type Locale, useLocale, useProblemText, useT } from '@vi/ui';
import { useMemo } from 'react';
import { useQuery } from 'urql';
import { type FragmentOf, graphql } from '../graphql.ts';
import { CostSection, CostSectionFields } from './cost-section.tsx';
import { CourseSection, CourseSectionFields } from './course-section.tsx';
import { DashboardContext } from './dashboard-context.tsx';
import { type DashboardFilter, DashboardFilters, filterVariables } from './dashboard-filters.tsx';
import { dashboardMessages } from './dashboard-messages.ts';
import { IntakeSection, IntakeSectionFields } from './intake-section.tsx';
import { OutreachSection, OutreachSectionFields } from './outreach-section.tsx';
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
    OutreachSectionFields,
    IntakeSectionFields,
    CourseSectionFields,
    RecoverySectionFields,
    CostSectionFields,
    ReadinessSectionFields,
  ],
);

/**
 * With @include the result type cannot know which flags were sent, so a section's data is typed as
 * possibly absent; the caller passes the same flag it sent, which is what decides it at run time.
 */
function included<Data>(data: unknown, flag: boolean): Data | null {
  return flag ? (data as Data) : null;
}

function Progress({ label }: { label: string }) {
  return (
    <div className="ev-progress" role="status">
      <progress aria-label={label} />
      <span>{label}</span>
    </div>
  );
}

/** "Køn: Kvinde; Rolle: Offer, Vidne" for the scope line, so a screenshot or printout says what it shows. */
function chosenFilters(
  filter: DashboardFilter,
  locale: Locale,
  names: Record<'model' | 'incidentTypes' | 'genders' | 'ageGroups' | 'roles', string>,
): string[] {
  const list = (name: string, taxonomy: Taxonomy, codes: readonly string[]) =>
    codes.length
      ? [`${name}: ${codes.map((code) => entryOf(taxonomy, code)?.label[locale] ?? code).join(', ')}`]
      : [];
  return [
    ...list(names.model, INTERVENTION_MODELS, filter.model === 'ALL' ? [] : [filter.model]),
    ...list(names.incidentTypes, INCIDENT_TYPES, filter.incidentTypes),
    ...list(names.genders, GENDERS, filter.genders),
    ...list(names.ageGroups, AGE_GROUPS, filter.ageGroups),
    ...list(names.roles, PERSON_ROLES, filter.roles),
  ];
}

function Figures({ filter }: { filter: DashboardFilter }) {
  const t = useT(dashboardMessages);
  const { locale } = useLocale();
  const problemText = useProblemText();
  const variables = useMemo(
    () => ({
      filter: filterVariables(filter),
      outreach: filter.model !== 'GROUP_COURSE',
      courses: filter.model !== 'OUTREACH',
    }),
    [filter],
  );
  const [{ data, fetching, error }] = useQuery({ query: DashboardQuery, variables });
  const evaluation = data?.evaluation;
  const context = useMemo(
    () => ({
      ...(evaluation?.from ? { from: evaluation.from } : {}),
      ...(evaluation?.to ? { to: evaluation.to } : {}),
      organizationNames: new Map((evaluation?.organizations ?? []).map((org) => [org.id, org.name])),
    }),
    [evaluation],
  );

  if (fetching && !evaluation) return <Progress label={t('dashboard.loading')} />;
  if (error && !evaluation) {
    const problem = describeRequestProblem(error);
    return (
      <div role="alert" className="ev-alert">
        <p>
          {t('dashboard.failed')} {problemText(problem)}
        </p>
        <FieldErrors id="ev-filter-problems" errors={problem.fields} />
      </div>
    );
  }
  if (!evaluation) return null;
  const outreach = included<FragmentOf<typeof OutreachSectionFields>>(evaluation, variables.outreach);
  const intake = included<FragmentOf<typeof IntakeSectionFields>>(evaluation, variables.courses);
  const course = included<FragmentOf<typeof CourseSectionFields>>(evaluation, variables.courses);
  const recovery = included<FragmentOf<typeof RecoverySectionFields>>(evaluation, variables.courses);
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
      {error ? (
        <p role="alert" className="ev-alert">
          {problemText(describeRequestProblem(error))}
        </p>
      ) : null}
      <p className="ev-scope" data-testid="evaluation-scope">
        {t('dashboard.scope', { organizations: names })}{' '}
        {evaluation.from || evaluation.to
          ? t('dashboard.period', { from: evaluation.from ?? '…', to: evaluation.to ?? '…' })
          : t('dashboard.allTime')}{' '}
        {chosen.length > 0 ? t('dashboard.activeFilters', { filters: chosen.join('; ') }) : null}
      </p>
      <nav className="ev-toc" aria-label={t('dashboard.contents')}>
        <ul>
          {filter.model !== 'GROUP_COURSE' ? (
            <li>
              <a href="#outreach">{t('outreach.heading')}</a>
            </li>
          ) : null}
          {filter.model !== 'OUTREACH' ? (
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
            <a href="#costs">{t('costs.heading')}</a>
          </li>
          <li>
            <a href="#readiness">{t('readiness.heading')}</a>
          </li>
        </ul>
      </nav>
      {outreach ? <OutreachSection data={outreach} /> : null}
      {intake ? <IntakeSection data={intake} /> : null}
      {course ? <CourseSection data={course} /> : null}
      {recovery ? <RecoverySection data={recovery} /> : null}
      <CostSection data={evaluation} model={filter.model} />
      <ReadinessSection data={evaluation} model={filter.model} />
    </DashboardContext.Provider>
  );
}

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
        <>
          <DashboardFilters organizations={granted} applied={filter} onApply={onFilter} />
          <Figures filter={filter} />
        </>
      )}
    </div>
  );
}
