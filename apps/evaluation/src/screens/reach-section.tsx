import { entryOf, INTERVENTION_MODELS, PHASES, TARGET_GROUPS } from '@vi/domain';
import { useLocale, useT } from '@vi/ui';
import { useMemo } from 'react';
import { useQuery } from 'urql';
import { type FragmentOf, graphql, readFragment } from '../graphql.ts';
import { RateBarChart } from './charts.tsx';
import { type DashboardFilter, filterVariables } from './dashboard-filters.tsx';
import { dashboardMessages } from './dashboard-messages.ts';
import { DataTableView, useCellMarks } from './data-table-view.tsx';
import { barsSummary, rateBar, rateCells } from './figure-cells.ts';
import { OwnRequestFigures } from './figures-problem.tsx';
import { reachMessages } from './reach-messages.ts';
import { FigureBlock, SectionFrame } from './section-frame.tsx';
import { countCell, type DataTable, textCell } from './table-model.ts';
import { CountFields, RateFields } from './value-fragments.ts';

/**
 * Who we reach (issue 14): per intervention model, headed by its phase of the national action
 * plan's frame, the plan's target groups with reached, accepted and the acceptance rate beside
 * everybody reached, and what places a person in each group (the domain's `basis`). Every count
 * is the gateway's perturbed, published count; hidden cells read as everywhere else.
 */
export const ReachSectionFields = graphql(
  `
  fragment ReachSection on Evaluation {
    reach(models: $reachModels) {
      models {
        model
        phase
        groups { group reached { ...CountFields } accepted { ...CountFields } acceptance { ...RateFields } }
        ignoredFilters
      }
    }
  }
`,
  [CountFields, RateFields],
);

/** Its own request beside the dashboard's (as the outreach survey's): the door limits a document's size. */
const ReachQuery = graphql(
  `
  query EvaluationReach($filter: EvaluationFilterInput, $reachModels: [ReachModel!]) {
    evaluation(filter: $filter) {
      ...ReachSection
    }
  }
`,
  [ReachSectionFields],
);

type ReachModel = 'OUTREACH' | 'GROUP_COURSE';

/** The models with reach data that a model choice covers; empty = the choice has none. */
export function reachModels(model: DashboardFilter['model']): ReachModel[] {
  if (model === 'ALL') return ['OUTREACH', 'GROUP_COURSE'];
  return model === 'OUTREACH' || model === 'GROUP_COURSE' ? [model] : [];
}

export function ReachSection({ data }: { data: FragmentOf<typeof ReachSectionFields> }) {
  const t = useT(reachMessages);
  const d = useT(dashboardMessages);
  const { locale } = useLocale();
  const figure = readFragment(ReachSectionFields, data).reach;
  const marks = useCellMarks();
  const groupLabel = (code: string) =>
    code === 'ALL' ? t('reach.all') : (entryOf(TARGET_GROUPS, code)?.label[locale] ?? code);
  const basisOf = (code: string) =>
    code === 'ALL'
      ? t('reach.allBasis')
      : (TARGET_GROUPS.find((group) => group.code === code)?.basis[locale] ?? '');
  return (
    <SectionFrame id="reach" heading={t('reach.heading')} lead={t('reach.lead')}>
      {figure.models.map((entry) => {
        const model = entryOf(INTERVENTION_MODELS, entry.model)?.label[locale] ?? entry.model;
        const phase = entryOf(PHASES, entry.phase)?.label[locale] ?? entry.phase;
        const table: DataTable = {
          id: `reach-${entry.model.toLowerCase().replaceAll('_', '-')}`,
          title: t('reach.table', { phase, model }),
          rowHeader: t('reach.group'),
          columns: [
            t('reach.reached'),
            t('reach.accepted'),
            t('reach.acceptance'),
            d('column.ciLower'),
            d('column.ciUpper'),
            t('reach.basis'),
          ],
          columnIds: ['reached', 'accepted', 'acceptance', 'ciLower', 'ciUpper', 'basis'],
          rows: entry.groups.map((row) => ({
            label: groupLabel(row.group),
            cells: [
              countCell(row.reached),
              countCell(row.accepted),
              ...rateCells(row.acceptance, row.reached),
              textCell(basisOf(row.group)),
            ],
          })),
        };
        const bars = entry.groups.map((row) =>
          rateBar(groupLabel(row.group), row.acceptance, locale, marks, row.reached),
        );
        const chart = t('reach.chart', { model });
        return (
          <FigureBlock
            key={entry.model}
            heading={t('reach.phase', { phase, model })}
            ignoredFilters={entry.ignoredFilters}
            note={`${t(entry.model === 'OUTREACH' ? 'reach.definition.OUTREACH' : 'reach.definition.GROUP_COURSE')} ${t('reach.note')}`}
          >
            <RateBarChart
              id={`${table.id}-chart`}
              title={chart}
              summary={barsSummary(chart, bars)}
              bars={bars}
              axisLabel={t('reach.axis')}
            />
            <DataTableView table={table} />
          </FigureBlock>
        );
      })}
    </SectionFrame>
  );
}

/** The section with its own request; for a model without reach data, a short explanation instead. */
export function ReachFigures({ filter }: { filter: DashboardFilter }) {
  const t = useT(reachMessages);
  const models = reachModels(filter.model);
  const variables = useMemo(
    () => ({ filter: filterVariables(filter), reachModels: reachModels(filter.model) }),
    [filter],
  );
  const [result] = useQuery({
    query: ReachQuery,
    variables,
    requestPolicy: 'cache-and-network',
    pause: models.length === 0,
  });
  if (models.length === 0) {
    return (
      <SectionFrame id="reach" heading={t('reach.heading')}>
        <p className="ev-note" data-testid="reach-no-data">
          {t('reach.noData')}
        </p>
      </SectionFrame>
    );
  }
  return (
    <OwnRequestFigures result={result} loading={t('reach.loading')}>
      {(evaluation) => <ReachSection data={evaluation} />}
    </OwnRequestFigures>
  );
}
