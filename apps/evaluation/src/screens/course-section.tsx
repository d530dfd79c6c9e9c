import { useLocale, useT } from '@vi/ui';
import { type FragmentOf, graphql, type ResultOf, readFragment } from '../graphql.ts';
import type { RateBar } from './charts.tsx';
import { CountBarChart, PairedBarChart, RateBarChart } from './charts.tsx';
import { useOrganizationName } from './dashboard-context.tsx';
import { type DashboardMessageKey, dashboardMessages } from './dashboard-messages.ts';
import { DataTableView } from './data-table-view.tsx';
import { barsSummary, rateBar, rateCells } from './figure-cells.ts';
import { FigureBlock, SectionFrame } from './section-frame.tsx';
import {
  type CellMarks,
  countCell,
  type DataTable,
  displayCell,
  formatNumber,
  integerCell,
  numberCell,
} from './table-model.ts';
import { CountFields, CountTableFields, RateFields, type RateValue } from './value-fragments.ts';

const DeliveryRowFields = graphql(
  `
  fragment DeliveryRowFields on CourseDeliveryRow @_unmask {
    organizationId
    courses
    sessions
    meanDaysBetweenSessions
    gapsOver14Days
    meanGroupSize
    coursesUnder6
    courses6To8
    coursesOver8
    participants { ...CountFields }
  }
`,
  [CountFields],
);

const ParticipationRowFields = graphql(
  `
  fragment ParticipationRowFields on ParticipationRates @_unmask {
    organizationId
    completion { ...RateFields }
    dropOut { ...RateFields }
    attendance
  }
`,
  [RateFields],
);

const WaitingRowFields = graphql(
  `
  fragment WaitingRowFields on WaitingTimesRow @_unmask {
    organizationId
    enrolled { ...CountFields }
    enrolledOverLimit { ...CountFields }
    meanDays
    medianDays
    p90Days
    stillWaiting { ...CountFields }
    stillWaitingOverLimit { ...CountFields }
  }
`,
  [CountFields],
);

/** VIVE's group-course evaluation's course delivery: courses run, cadence, group sizes, participation and waiting times. */
export const CourseSectionFields = graphql(
  `
  fragment CourseSection on Evaluation {
    courseDelivery {
      byOrganization { ...DeliveryRowFields }
      total { ...DeliveryRowFields }
      ignoredFilters
    }
    courseParticipation {
      table { ...CountTableFields }
      withdrawn { ...CountFields }
      withdrawnTotal { ...CountFields }
      byOrganization { ...ParticipationRowFields }
      total { ...ParticipationRowFields }
      ignoredFilters
    }
    waitingTimes {
      byOrganization { ...WaitingRowFields }
      total { ...WaitingRowFields }
      ignoredFilters
    }
  }
`,
  [DeliveryRowFields, ParticipationRowFields, WaitingRowFields, CountTableFields, CountFields],
);

type ParticipationRow = ResultOf<typeof ParticipationRowFields>;

const PARTICIPATION_COLUMNS: Record<string, DashboardMessageKey> = {
  BOTH_FORMS: 'participation.BOTH_FORMS',
  BASELINE_ONLY: 'participation.BASELINE_ONLY',
  END_ONLY: 'participation.END_ONLY',
  NO_FORM: 'participation.NO_FORM',
  COURSE_RUNNING: 'participation.COURSE_RUNNING',
};

export function CourseSection({ data }: { data: FragmentOf<typeof CourseSectionFields> }) {
  const t = useT(dashboardMessages);
  const { locale } = useLocale();
  const organizationName = useOrganizationName();
  const courses = readFragment(CourseSectionFields, data);
  const marks: CellMarks = {
    underFive: t('mark.underFive'),
    hidden: t('mark.hidden'),
    notAvailable: t('mark.notAvailable'),
  };
  const orgLabel = (id: string | null | undefined) => organizationName(id, t('group.allSelected'));

  const delivery = courses.courseDelivery;
  const deliveryRows = [...delivery.byOrganization, delivery.total];
  const deliveryTable: DataTable = {
    id: 'course-delivery',
    title: t('courses.deliveryTable'),
    rowHeader: t('column.organization'),
    columns: [
      t('courses.courses'),
      t('courses.sessions'),
      t('courses.meanDays'),
      t('courses.gaps'),
      t('courses.participants'),
      t('courses.meanGroupSize'),
      t('courses.under6'),
      t('courses.from6To8'),
      t('courses.over8'),
    ],
    rows: deliveryRows.map((row) => ({
      label: orgLabel(row.organizationId),
      cells: [
        integerCell(row.courses),
        integerCell(row.sessions),
        numberCell(row.meanDaysBetweenSessions, 'decimal1'),
        integerCell(row.gapsOver14Days),
        countCell(row.participants),
        numberCell(row.meanGroupSize, 'decimal1', row.participants.suppressed),
        integerCell(row.coursesUnder6),
        integerCell(row.courses6To8),
        integerCell(row.coursesOver8),
      ],
    })),
  };
  const courseBars = delivery.byOrganization.map((row) => ({
    label: orgLabel(row.organizationId),
    value: row.courses,
    valueText: displayCell(integerCell(row.courses), locale, marks),
  }));

  const participation = courses.courseParticipation;
  const participationTable: DataTable = {
    id: 'course-participation',
    title: t('participation.table'),
    rowHeader: t('column.organization'),
    columns: [
      ...participation.table.columns.map((column) => t(PARTICIPATION_COLUMNS[column] ?? 'group.notRecorded')),
      t('participation.total'),
      t('participation.withdrawn'),
    ],
    rows: [
      ...participation.table.rows.map((row, index) => ({
        label: orgLabel(row.key),
        cells: [...row.cells.map(countCell), countCell(row.total), countCell(participation.withdrawn[index])],
      })),
      {
        label: t('group.allSelected'),
        cells: [
          ...participation.table.columnTotals.map(countCell),
          countCell(participation.table.grandTotal),
          countCell(participation.withdrawnTotal),
        ],
      },
    ],
  };
  const participationRates = [...participation.byOrganization, participation.total];
  const rateKinds: ReadonlyArray<
    [keyof Omit<ParticipationRow, 'organizationId' | 'attendance'>, DashboardMessageKey]
  > = [
    ['completion', 'participation.completion'],
    ['dropOut', 'participation.dropOut'],
  ];
  // Attendance is a mean share with noise, not a rate of counts: one column, no n, no interval.
  const attendanceCell = (row: ParticipationRow) =>
    numberCell(row.attendance, 'percent', row.attendance === null);
  const ratesTable: DataTable = {
    id: 'course-participation-rates',
    title: t('participation.ratesTable'),
    rowHeader: t('column.organization'),
    columns: [
      ...rateKinds.flatMap(([, key]) => [
        `${t(key)}: ${t('column.numerator')}`,
        `${t(key)}: ${t('column.denominator')}`,
        `${t(key)}: ${t('column.share')}`,
        `${t(key)}: ${t('column.ciLower')}`,
        `${t(key)}: ${t('column.ciUpper')}`,
      ]),
      t('participation.attendanceShare'),
    ],
    rows: participationRates.map((row) => ({
      label: orgLabel(row.organizationId),
      cells: [
        ...rateKinds.flatMap(([kind]) => {
          const rate: RateValue | null = row[kind];
          return [integerCell(rate?.numerator), integerCell(rate?.denominator), ...rateCells(rate)];
        }),
        attendanceCell(row),
      ],
    })),
  };
  const totalAttendance = participation.total.attendance;
  const attendanceBar: RateBar = {
    label: t('participation.attendance'),
    percent: totalAttendance === null ? null : totalAttendance * 100,
    interval: null,
    valueText:
      totalAttendance === null
        ? displayCell(attendanceCell(participation.total), locale, marks)
        : `${formatNumber(totalAttendance, 'percent', locale)} (${t('participation.attendanceNoise')})`,
  };
  const totalRateBars = [
    ...rateKinds.map(([kind, key]) => rateBar(t(key), participation.total[kind], locale, marks)),
    attendanceBar,
  ];

  const waiting = courses.waitingTimes;
  const waitingRows = [...waiting.byOrganization, waiting.total];
  const waitingTable: DataTable = {
    id: 'waiting-times',
    title: t('waiting.table'),
    rowHeader: t('column.organization'),
    columns: [
      t('waiting.enrolled'),
      t('waiting.enrolledOverLimit'),
      t('waiting.meanDays'),
      t('waiting.medianDays'),
      t('waiting.p90Days'),
      t('waiting.stillWaiting'),
      t('waiting.stillWaitingOverLimit'),
    ],
    rows: waitingRows.map((row) => ({
      label: orgLabel(row.organizationId),
      cells: [
        countCell(row.enrolled),
        countCell(row.enrolledOverLimit),
        numberCell(row.meanDays, 'decimal1', row.enrolled.suppressed),
        numberCell(row.medianDays, 'decimal1', row.enrolled.suppressed),
        numberCell(row.p90Days, 'decimal1', row.enrolled.suppressed),
        countCell(row.stillWaiting),
        countCell(row.stillWaitingOverLimit),
      ],
    })),
  };
  const waitingBars = waitingRows.map((row) => ({
    label: orgLabel(row.organizationId),
    first: row.meanDays,
    second: row.medianDays,
    firstText: displayCell(numberCell(row.meanDays, 'decimal1', row.enrolled.suppressed), locale, marks),
    secondText: displayCell(numberCell(row.medianDays, 'decimal1', row.enrolled.suppressed), locale, marks),
  }));
  const longestWait = Math.max(
    10,
    ...waitingRows.map((row) => Math.max(row.meanDays ?? 0, row.medianDays ?? 0)),
  );

  return (
    <SectionFrame id="courses" heading={t('courses.heading')} lead={t('courses.lead')}>
      <FigureBlock
        heading={t('courses.deliveryHeading')}
        ignoredFilters={delivery.ignoredFilters}
        note={t('courses.deliveryNote')}
      >
        <CountBarChart
          id="courses-chart"
          title={t('courses.chart')}
          summary={barsSummary(t('courses.chart'), courseBars)}
          bars={courseBars}
        />
        <DataTableView table={deliveryTable} />
      </FigureBlock>
      <FigureBlock
        heading={t('participation.heading')}
        ignoredFilters={participation.ignoredFilters}
        note={t('participation.note')}
      >
        <RateBarChart
          id="participation-chart"
          title={t('participation.chart')}
          summary={barsSummary(t('participation.chart'), totalRateBars)}
          bars={totalRateBars}
          axisLabel={t('participation.axis')}
        />
        <DataTableView table={participationTable} />
        <DataTableView table={ratesTable} />
      </FigureBlock>
      <FigureBlock
        heading={t('waiting.heading')}
        ignoredFilters={waiting.ignoredFilters}
        note={t('waiting.note')}
      >
        <PairedBarChart
          id="waiting-chart"
          title={t('waiting.chart')}
          summary={barsSummary(
            t('waiting.chart'),
            waitingBars.map((bar) => ({
              label: bar.label,
              valueText: `${t('waiting.meanDays')} ${bar.firstText}, ${t('waiting.medianDays')} ${bar.secondText}`,
            })),
          )}
          bars={waitingBars}
          seriesNames={[t('waiting.meanDays'), t('waiting.medianDays')]}
          domain={[0, Math.ceil(longestWait * 1.1)]}
        />
        <DataTableView table={waitingTable} />
      </FigureBlock>
    </SectionFrame>
  );
}
