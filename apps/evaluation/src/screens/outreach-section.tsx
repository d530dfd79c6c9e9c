import {
  AGE_GROUPS,
  DECLINE_REASONS,
  GENDERS,
  INCIDENT_TYPES,
  PERSON_ROLES,
  SURVEY_STATUSES,
  type Taxonomy,
} from '@vi/domain';
import { useLocale, useT } from '@vi/ui';
import { type FragmentOf, graphql, type ResultOf, readFragment } from '../graphql.ts';
import { CountBarChart, RateBarChart } from './charts.tsx';
import { type DashboardMessageKey, dashboardMessages } from './dashboard-messages.ts';
import { DataTableView } from './data-table-view.tsx';
import { barsSummary, codeLabel, countBar, rateBar, rateCells } from './figure-cells.ts';
import { FigureBlock, SectionFrame } from './section-frame.tsx';
import { type CellMarks, countCell, type DataTable, integerCell } from './table-model.ts';
import { CountFields, CountTableFields, RateFields, type RateValue } from './value-fragments.ts';

const AcceptanceFields = graphql(
  `
  fragment AcceptanceFields on OutreachAcceptance @_unmask {
    table { ...CountTableFields }
    groups {
      group
      wantsCall { ...RateFields }
    }
    ignoredFilters
  }
`,
  [CountTableFields, RateFields],
);

/** The Projekt Opsøgende Indsats evaluation's figures: the funnel, acceptance by group, decline reasons and the user survey. */
export const OutreachSectionFields = graphql(
  `
  fragment OutreachSection on Evaluation {
    outreachFunnel {
      counts {
        identified { ...CountFields }
        withContactDetails { ...CountFields }
        noContactDetails { ...CountFields }
        inactiveIncidentType { ...CountFields }
        notYetCalled { ...CountFields }
        notReached { ...CountFields }
        reached { ...CountFields }
        wantsCall { ...CountFields }
        declined { ...CountFields }
        willCallSelf { ...CountFields }
        referralPending { ...CountFields }
        conversationHeld { ...CountFields }
        registeredOther { ...CountFields }
        referralLost { ...CountFields }
        noReferral { ...CountFields }
      }
      rates {
        contactDetails { ...RateFields }
        reached { ...RateFields }
        acceptance { ...RateFields }
        declined { ...RateFields }
        willCallSelf { ...RateFields }
        conversion { ...RateFields }
      }
      ignoredFilters
    }
    byIncidentType: outreachAcceptance(dimension: INCIDENT_TYPE) { ...AcceptanceFields }
    byGender: outreachAcceptance(dimension: GENDER) { ...AcceptanceFields }
    byAgeGroup: outreachAcceptance(dimension: AGE_GROUP) { ...AcceptanceFields }
    byRole: outreachAcceptance(dimension: ROLE) { ...AcceptanceFields }
    declineReasons {
      declined { ...CountFields }
      withReason { ...CountFields }
      notRecorded { ...CountFields }
      reasons {
        reason
        count { ...CountFields }
        shareOfRecorded { ...RateFields }
      }
      ignoredFilters
    }
    surveyOffers {
      reached { ...CountFields }
      offered { ...CountFields }
      notAppropriate { ...CountFields }
      byStatus {
        status
        count { ...CountFields }
      }
      offeredRate { ...RateFields }
      acceptedRate { ...RateFields }
      ignoredFilters
    }
  }
`,
  [CountFields, RateFields, AcceptanceFields],
);

type Outreach = ResultOf<typeof OutreachSectionFields>;
type Acceptance = ResultOf<typeof AcceptanceFields>;
type FunnelCountKey = keyof Outreach['outreachFunnel']['counts'];

const FUNNEL_ROWS: ReadonlyArray<[FunnelCountKey, DashboardMessageKey]> = [
  ['identified', 'funnel.identified'],
  ['withContactDetails', 'funnel.withContactDetails'],
  ['noContactDetails', 'funnel.noContactDetails'],
  ['inactiveIncidentType', 'funnel.inactiveIncidentType'],
  ['notYetCalled', 'funnel.notYetCalled'],
  ['notReached', 'funnel.notReached'],
  ['reached', 'funnel.reached'],
  ['wantsCall', 'funnel.wantsCall'],
  ['declined', 'funnel.declined'],
  ['willCallSelf', 'funnel.willCallSelf'],
  ['referralPending', 'funnel.referralPending'],
  ['conversationHeld', 'funnel.conversationHeld'],
  ['registeredOther', 'funnel.registeredOther'],
  ['referralLost', 'funnel.referralLost'],
  ['noReferral', 'funnel.noReferral'],
];

/** The steps drawn as the funnel chart (the rest are in the table). */
const FUNNEL_CHART_STEPS: readonly FunnelCountKey[] = [
  'identified',
  'withContactDetails',
  'reached',
  'wantsCall',
  'conversationHeld',
];

type RateKey = keyof Outreach['outreachFunnel']['rates'];
const RATE_ROWS: ReadonlyArray<[RateKey, DashboardMessageKey]> = [
  ['contactDetails', 'rate.contactDetails'],
  ['reached', 'rate.reached'],
  ['acceptance', 'rate.acceptance'],
  ['declined', 'rate.declined'],
  ['willCallSelf', 'rate.willCallSelf'],
  ['conversion', 'rate.conversion'],
];

const DIMENSIONS: ReadonlyArray<{
  field: 'byIncidentType' | 'byGender' | 'byAgeGroup' | 'byRole';
  id: string;
  heading: DashboardMessageKey;
  groupHeader: DashboardMessageKey;
  taxonomy: Taxonomy;
}> = [
  {
    field: 'byIncidentType',
    id: 'acceptance-incident-type',
    heading: 'acceptance.byIncidentType',
    groupHeader: 'column.incidentType',
    taxonomy: INCIDENT_TYPES,
  },
  {
    field: 'byGender',
    id: 'acceptance-gender',
    heading: 'acceptance.byGender',
    groupHeader: 'column.gender',
    taxonomy: GENDERS,
  },
  {
    field: 'byAgeGroup',
    id: 'acceptance-age-group',
    heading: 'acceptance.byAgeGroup',
    groupHeader: 'column.ageGroup',
    taxonomy: AGE_GROUPS,
  },
  {
    field: 'byRole',
    id: 'acceptance-role',
    heading: 'acceptance.byRole',
    groupHeader: 'column.role',
    taxonomy: PERSON_ROLES,
  },
];

function rateRow(label: string, rate: RateValue | null | undefined) {
  return {
    label,
    cells: [integerCell(rate?.numerator), integerCell(rate?.denominator), ...rateCells(rate)],
  };
}

export function OutreachSection({ data }: { data: FragmentOf<typeof OutreachSectionFields> }) {
  const t = useT(dashboardMessages);
  const { locale } = useLocale();
  const outreach = readFragment(OutreachSectionFields, data);
  const marks: CellMarks = {
    underFive: t('mark.underFive'),
    hidden: t('mark.hidden'),
    notAvailable: t('mark.notAvailable'),
  };
  const rateColumns = [
    t('column.numerator'),
    t('column.denominator'),
    t('column.share'),
    t('column.ciLower'),
    t('column.ciUpper'),
  ];
  const funnel = outreach.outreachFunnel;

  const funnelTable: DataTable = {
    id: 'outreach-funnel',
    title: t('funnel.tableTitle'),
    rowHeader: t('column.step'),
    columns: [t('column.people')],
    rows: FUNNEL_ROWS.map(([key, label]) => ({ label: t(label), cells: [countCell(funnel.counts[key])] })),
  };
  const funnelBars = FUNNEL_CHART_STEPS.map((key) =>
    countBar(
      t(FUNNEL_ROWS.find(([k]) => k === key)?.[1] ?? 'funnel.identified'),
      funnel.counts[key],
      locale,
      marks,
    ),
  );
  const ratesTable: DataTable = {
    id: 'outreach-rates',
    title: t('rate.tableTitle'),
    rowHeader: t('column.rate'),
    columns: rateColumns,
    rows: RATE_ROWS.map(([key, label]) => rateRow(t(label), funnel.rates[key])),
  };

  const label = (taxonomy: Taxonomy, code: string) =>
    codeLabel(taxonomy, code, locale, {
      notRecorded: t('group.notRecorded'),
      otherOrUnknown: t('group.otherOrUnknown'),
    });

  const acceptanceFigure = (dimension: (typeof DIMENSIONS)[number]) => {
    const acceptance: Acceptance = outreach[dimension.field];
    const rates = new Map(acceptance.groups.map((group) => [group.group, group.wantsCall]));
    const rows = acceptance.table.rows;
    const table: DataTable = {
      id: dimension.id,
      title: t(dimension.heading),
      rowHeader: t(dimension.groupHeader),
      columns: [
        t('column.reached'),
        t('column.wantsCall'),
        t('column.declinedOrSelf'),
        t('column.acceptance'),
        t('column.ciLower'),
        t('column.ciUpper'),
      ],
      rows: [
        ...rows.map((row) => ({
          label: label(dimension.taxonomy, row.key),
          cells: [
            countCell(row.total),
            countCell(row.cells[0]),
            countCell(row.cells[1]),
            ...rateCells(rates.get(row.key)),
          ],
        })),
        {
          label: t('group.total'),
          cells: [
            countCell(acceptance.table.grandTotal),
            countCell(acceptance.table.columnTotals[0]),
            countCell(acceptance.table.columnTotals[1]),
            ...rateCells(funnel.rates.acceptance),
          ],
        },
      ],
    };
    // Groups nobody in the selection belongs to are left out of the chart (they stay in the table).
    const bars = rows
      .filter((row) => !(row.total.value === 0 && !row.total.suppressed))
      .map((row) => rateBar(label(dimension.taxonomy, row.key), rates.get(row.key), locale, marks));
    return (
      <FigureBlock
        key={dimension.id}
        heading={t(dimension.heading)}
        ignoredFilters={acceptance.ignoredFilters}
      >
        <RateBarChart
          id={`${dimension.id}-chart`}
          title={t('acceptance.chartTitle', { by: t(dimension.groupHeader).toLowerCase() })}
          summary={barsSummary(t('acceptance.summaryIntro'), bars)}
          bars={bars}
          axisLabel={t('acceptance.axis')}
        />
        <DataTableView table={table} />
      </FigureBlock>
    );
  };

  const declines = outreach.declineReasons;
  const declineTable: DataTable = {
    id: 'decline-reasons',
    title: t('decline.tableTitle'),
    rowHeader: t('column.reason'),
    columns: [t('column.people'), t('column.shareOfRecorded'), t('column.ciLower'), t('column.ciUpper')],
    rows: [
      ...declines.reasons.map((reason) => ({
        label: label(DECLINE_REASONS, reason.reason),
        cells: [countCell(reason.count), ...rateCells(reason.shareOfRecorded)],
      })),
      {
        label: t('decline.withReason'),
        cells: [countCell(declines.withReason), integerCell(null), integerCell(null), integerCell(null)],
      },
      {
        label: t('decline.notRecorded'),
        cells: [countCell(declines.notRecorded), integerCell(null), integerCell(null), integerCell(null)],
      },
      {
        label: t('decline.declined'),
        cells: [countCell(declines.declined), integerCell(null), integerCell(null), integerCell(null)],
      },
    ],
  };
  const declineBars = declines.reasons
    .filter((reason) => reason.reason !== 'NOT_RECORDED')
    .map((reason) => rateBar(label(DECLINE_REASONS, reason.reason), reason.shareOfRecorded, locale, marks));

  const survey = outreach.surveyOffers;
  const surveyTable: DataTable = {
    id: 'survey-offers',
    title: t('survey.tableTitle'),
    rowHeader: t('column.surveyStatus'),
    columns: [t('column.people')],
    rows: [
      ...survey.byStatus.map((status) => ({
        label: label(SURVEY_STATUSES, status.status),
        cells: [countCell(status.count)],
      })),
      { label: t('survey.offered'), cells: [countCell(survey.offered)] },
      { label: t('survey.notAppropriate'), cells: [countCell(survey.notAppropriate)] },
      { label: t('survey.reached'), cells: [countCell(survey.reached)] },
    ],
  };
  const surveyRatesTable: DataTable = {
    id: 'survey-rates',
    title: t('survey.ratesTitle'),
    rowHeader: t('column.rate'),
    columns: rateColumns,
    rows: [
      rateRow(t('survey.offeredRate'), survey.offeredRate),
      rateRow(t('survey.acceptedRate'), survey.acceptedRate),
    ],
  };
  const surveyBars = survey.byStatus.map((status) =>
    countBar(label(SURVEY_STATUSES, status.status), status.count, locale, marks),
  );

  return (
    <SectionFrame id="outreach" heading={t('outreach.heading')} lead={t('outreach.lead')}>
      <FigureBlock heading={t('funnel.heading')} ignoredFilters={funnel.ignoredFilters}>
        <CountBarChart
          id="outreach-funnel-chart"
          title={t('funnel.chartTitle')}
          summary={barsSummary(t('funnel.summaryIntro'), funnelBars)}
          bars={funnelBars}
        />
        <DataTableView table={funnelTable} />
        <DataTableView table={ratesTable} />
      </FigureBlock>
      {DIMENSIONS.map(acceptanceFigure)}
      <FigureBlock
        heading={t('decline.heading')}
        ignoredFilters={declines.ignoredFilters}
        note={t('decline.note')}
      >
        <RateBarChart
          id="decline-reasons-chart"
          title={t('decline.chartTitle')}
          summary={barsSummary(t('decline.chartTitle'), declineBars)}
          bars={declineBars}
          axisLabel={t('decline.axis')}
        />
        <DataTableView table={declineTable} />
      </FigureBlock>
      <FigureBlock heading={t('survey.heading')} ignoredFilters={survey.ignoredFilters}>
        <CountBarChart
          id="survey-chart"
          title={t('survey.chartTitle')}
          summary={barsSummary(t('survey.chartTitle'), surveyBars)}
          bars={surveyBars}
        />
        <DataTableView table={surveyTable} />
        <DataTableView table={surveyRatesTable} />
      </FigureBlock>
    </SectionFrame>
  );
}
