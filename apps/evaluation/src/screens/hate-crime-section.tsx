import { HATE_CRIME_TRACKS, LEGAL_TASK_KINDS, LEGAL_TASK_OUTCOMES } from '@vi/domain';
import { useLocale, useT } from '@vi/ui';
import { type FragmentOf, graphql, type ResultOf, readFragment } from '../graphql.ts';
import { aftercareMessages } from './aftercare-messages.ts';
import { CountBarChart, PairedBarChart, RateBarChart } from './charts.tsx';
import { useOrganizationName } from './dashboard-context.tsx';
import { dashboardMessages } from './dashboard-messages.ts';
import { DataTableView } from './data-table-view.tsx';
import { barsSummary, codeLabel, countBar, rateBar, rateCells } from './figure-cells.ts';
import { FigureBlock, SectionFrame } from './section-frame.tsx';
import { type CellMarks, countCell, type DataTable, displayCell, numberCell } from './table-model.ts';
import { CountFields, CountTableFields, RateFields } from './value-fragments.ts';

const TrackRowFields = graphql(
  `
  fragment TrackRowFields on HateCrimeTrackUptake @_unmask {
    organizationId
    track
    referred { ...CountFields }
    started { ...CountFields }
    uptake { ...RateFields }
    contacted { ...CountFields }
    meanDays
    medianDays
    p90Days
  }
`,
  [CountFields, RateFields],
);

const SessionsRowFields = graphql(
  `
  fragment SessionsRowFields on HateCrimeSessionsRow @_unmask {
    organizationId
    individual { ...CountFields }
    usedSessions { ...CountFields }
    meanSessions
    medianSessions
    groupPlace { ...CountFields }
  }
`,
  [CountFields],
);

/** Hate-crime aftercare (Copenhagen pre-study, Als Research 2025): uptake and wait per track, legal tasks by outcome, sessions used. */
export const HateCrimeSectionFields = graphql(
  `
  fragment HateCrimeSection on Evaluation {
    hateCrimeUptake {
      total { ...TrackRowFields }
      byOrganization { ...TrackRowFields }
      ignoredFilters
    }
    hateCrimeLegalTasks {
      table { ...CountTableFields }
      ignoredFilters
    }
    hateCrimeSessions {
      total { ...SessionsRowFields }
      byOrganization { ...SessionsRowFields }
      ignoredFilters
    }
  }
`,
  [TrackRowFields, SessionsRowFields, CountTableFields],
);

type TrackRow = ResultOf<typeof TrackRowFields>;

export function HateCrimeSection({ data }: { data: FragmentOf<typeof HateCrimeSectionFields> }) {
  const t = useT(aftercareMessages);
  const d = useT(dashboardMessages);
  const { locale } = useLocale();
  const organizationName = useOrganizationName();
  const figures = readFragment(HateCrimeSectionFields, data);
  const marks: CellMarks = {
    underFive: d('mark.underFive'),
    hidden: d('mark.hidden'),
    notAvailable: d('mark.notAvailable'),
  };
  const added = { notRecorded: d('group.notRecorded'), otherOrUnknown: d('group.otherOrUnknown') };
  const trackLabel = (code: string) => codeLabel(HATE_CRIME_TRACKS, code, locale, added);
  const orgLabel = (id: string | null | undefined) => organizationName(id, d('group.allSelected'));

  const uptake = figures.hateCrimeUptake;
  const trackRows: TrackRow[] = [...uptake.byOrganization, ...uptake.total];
  const daysCell = (row: TrackRow, value: number | null) =>
    numberCell(value, 'decimal1', row.contacted.suppressed || row.contacted.value === 0);
  const uptakeTable: DataTable = {
    id: 'hate-crime-uptake',
    title: t('uptake.table'),
    rowHeader: d('column.organization'),
    columns: [
      t('uptake.track'),
      t('uptake.referred'),
      t('uptake.started'),
      t('uptake.share'),
      d('column.ciLower'),
      d('column.ciUpper'),
      t('uptake.contacted'),
      t('uptake.meanDays'),
      t('uptake.medianDays'),
      t('uptake.p90Days'),
    ],
    rows: trackRows.map((row) => ({
      label: orgLabel(row.organizationId),
      cells: [
        { kind: 'text', text: trackLabel(row.track) },
        countCell(row.referred),
        countCell(row.started),
        ...rateCells(row.uptake, row.referred),
        countCell(row.contacted),
        daysCell(row, row.meanDays),
        daysCell(row, row.medianDays),
        daysCell(row, row.p90Days),
      ],
    })),
  };
  const uptakeBars = uptake.total.map((row) =>
    rateBar(trackLabel(row.track), row.uptake, locale, marks, row.referred),
  );
  const waitBars = uptake.total.map((row) => ({
    label: trackLabel(row.track),
    first: row.meanDays,
    second: row.medianDays,
    firstText: displayCell(daysCell(row, row.meanDays), locale, marks),
    secondText: displayCell(daysCell(row, row.medianDays), locale, marks),
  }));
  const longestWait = Math.max(
    10,
    ...uptake.total.map((row) => Math.max(row.meanDays ?? 0, row.medianDays ?? 0)),
  );

  const tasks = figures.hateCrimeLegalTasks.table;
  const outcomeLabel = (code: string) => codeLabel(LEGAL_TASK_OUTCOMES, code, locale, added);
  const tasksTable: DataTable = {
    id: 'hate-crime-legal-tasks',
    title: t('tasks.table'),
    rowHeader: t('tasks.kind'),
    columns: [...tasks.columns.map(outcomeLabel), t('tasks.total')],
    rows: [
      ...tasks.rows.map((row) => ({
        label: codeLabel(LEGAL_TASK_KINDS, row.key, locale, added),
        cells: [...row.cells.map(countCell), countCell(row.total)],
      })),
      {
        label: d('group.total'),
        cells: [...tasks.columnTotals.map(countCell), countCell(tasks.grandTotal)],
      },
    ],
  };
  const taskBars = tasks.columns.map((column, index) =>
    countBar(outcomeLabel(column), tasks.columnTotals[index], locale, marks),
  );

  const sessions = figures.hateCrimeSessions;
  const sessionRows = [...sessions.byOrganization, sessions.total];
  const sessionsTable: DataTable = {
    id: 'hate-crime-sessions',
    title: t('sessions.table'),
    rowHeader: d('column.organization'),
    columns: [
      t('sessions.individual'),
      t('sessions.used'),
      t('sessions.mean'),
      t('sessions.median'),
      t('sessions.group'),
    ],
    rows: sessionRows.map((row) => {
      const hidden = row.individual.suppressed || row.individual.value === 0;
      return {
        label: orgLabel(row.organizationId),
        cells: [
          countCell(row.individual),
          countCell(row.usedSessions),
          numberCell(row.meanSessions, 'decimal1', hidden),
          numberCell(row.medianSessions, 'decimal1', hidden),
          countCell(row.groupPlace),
        ],
      };
    }),
  };

  return (
    <SectionFrame id="hate-crime" heading={t('hateCrime.heading')} lead={t('hateCrime.lead')}>
      <FigureBlock
        heading={t('uptake.heading')}
        ignoredFilters={uptake.ignoredFilters}
        note={t('uptake.note')}
      >
        <RateBarChart
          id="hate-crime-uptake-chart"
          title={t('uptake.chart')}
          summary={barsSummary(t('uptake.chart'), uptakeBars)}
          bars={uptakeBars}
          axisLabel={t('uptake.axis')}
        />
        <PairedBarChart
          id="hate-crime-wait-chart"
          title={t('uptake.waitChart')}
          summary={barsSummary(
            t('uptake.waitChart'),
            waitBars.map((bar) => ({
              label: bar.label,
              valueText: `${t('uptake.meanDays')} ${bar.firstText}, ${t('uptake.medianDays')} ${bar.secondText}`,
            })),
          )}
          bars={waitBars}
          seriesNames={[t('uptake.meanDays'), t('uptake.medianDays')]}
          domain={[0, Math.ceil(longestWait * 1.1)]}
        />
        <DataTableView table={uptakeTable} />
      </FigureBlock>
      <FigureBlock
        heading={t('tasks.heading')}
        ignoredFilters={figures.hateCrimeLegalTasks.ignoredFilters}
        note={t('tasks.note')}
      >
        <CountBarChart
          id="hate-crime-tasks-chart"
          title={t('tasks.chart')}
          summary={barsSummary(t('tasks.chart'), taskBars)}
          bars={taskBars}
        />
        <DataTableView table={tasksTable} />
      </FigureBlock>
      <FigureBlock
        heading={t('sessions.heading')}
        ignoredFilters={sessions.ignoredFilters}
        note={t('sessions.note')}
      >
        <DataTableView table={sessionsTable} />
      </FigureBlock>
    </SectionFrame>
  );
}
