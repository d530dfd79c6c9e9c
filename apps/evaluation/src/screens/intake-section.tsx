import {
  HEARD_FROM,
  QUESTIONNAIRE_KINDS,
  REFERRED_TO,
  type Taxonomy,
  VIOLENCE_FORMS,
  VIOLENCE_STATUS,
} from '@vi/domain';
import { useLocale, useT } from '@vi/ui';
import { type FragmentOf, graphql, type ResultOf, readFragment } from '../graphql.ts';
import { CountBarChart, RateBarChart } from './charts.tsx';
import { useOrganizationName } from './dashboard-context.tsx';
import { dashboardMessages } from './dashboard-messages.ts';
import { DataTableView } from './data-table-view.tsx';
import { barsSummary, codeLabel, countBar, rateBar, rateCells } from './figure-cells.ts';
import { FigureBlock, SectionFrame } from './section-frame.tsx';
import { type CellMarks, countCell, type DataTable, integerCell } from './table-model.ts';
import { CountFields, CountTableFields, type CountTableValue, RateFields } from './value-fragments.ts';

const MultiChoiceFields = graphql(
  `
  fragment MultiChoiceFields on MultiChoiceCounts @_unmask {
    registrations { ...CountFields }
    options {
      code
      count { ...CountFields }
      shareOfRegistrations { ...RateFields }
    }
    ignoredFilters
  }
`,
  [CountFields, RateFields],
);

/** VIVE's group-course evaluation's registration form: Table 5.1, where people heard of the offer, violence forms, referrals. */
export const IntakeSectionFields = graphql(
  `
  fragment IntakeSection on Evaluation {
    intakeCountsByYear {
      years
      tables {
        kind
        table { ...CountTableFields }
      }
      ignoredFilters
    }
    intakeHeardFrom { ...MultiChoiceFields }
    intakeReferrals { ...MultiChoiceFields }
    intakeViolenceForms {
      table { ...CountTableFields }
      ignoredFilters
    }
  }
`,
  [CountTableFields, MultiChoiceFields],
);

type MultiChoice = ResultOf<typeof MultiChoiceFields>;

export function IntakeSection({ data }: { data: FragmentOf<typeof IntakeSectionFields> }) {
  const t = useT(dashboardMessages);
  const { locale } = useLocale();
  const organizationName = useOrganizationName();
  const intake = readFragment(IntakeSectionFields, data);
  const marks: CellMarks = {
    underFive: t('mark.underFive'),
    hidden: t('mark.hidden'),
    notAvailable: t('mark.notAvailable'),
  };
  const label = (taxonomy: Taxonomy, code: string) =>
    codeLabel(taxonomy, code, locale, {
      notRecorded: t('group.notRecorded'),
      otherOrUnknown: t('group.otherOrUnknown'),
    });

  /** A CountTable as shown: its rows, a total column and a total row. */
  const countTableView = (
    id: string,
    title: string,
    rowHeader: string,
    table: CountTableValue,
    rowLabel: (key: string) => string,
    columnLabel: (key: string) => string,
  ): DataTable => ({
    id,
    title,
    rowHeader,
    columns: [...table.columns.map(columnLabel), t('group.total')],
    rows: [
      ...table.rows.map((row) => ({
        label: rowLabel(row.key),
        cells: [...row.cells.map(countCell), countCell(row.total)],
      })),
      { label: t('group.total'), cells: [...table.columnTotals.map(countCell), countCell(table.grandTotal)] },
    ],
  });

  const byYear = intake.intakeCountsByYear;
  const yearTables = byYear.tables.map((form) => ({
    kind: form.kind,
    view: countTableView(
      `forms-by-year-${form.kind.toLowerCase()}`,
      t('intake.byYearTable', { form: label(QUESTIONNAIRE_KINDS, form.kind) }),
      t('column.organization'),
      form.table,
      (id) => organizationName(id, id),
      (year) => year,
    ),
    total: form.table.grandTotal,
  }));
  const formBars = yearTables.map((form) =>
    countBar(label(QUESTIONNAIRE_KINDS, form.kind), form.total, locale, marks),
  );

  const multiChoiceFigure = (id: string, heading: string, counts: MultiChoice, taxonomy: Taxonomy) => {
    const table: DataTable = {
      id,
      title: heading,
      rowHeader: t('column.answer'),
      columns: [
        t('column.people'),
        t('column.shareOfRegistrations'),
        t('column.ciLower'),
        t('column.ciUpper'),
      ],
      rows: [
        ...counts.options.map((option) => ({
          label: label(taxonomy, option.code),
          cells: [countCell(option.count), ...rateCells(option.shareOfRegistrations, counts.registrations)],
        })),
        {
          label: t('intake.registrations'),
          cells: [countCell(counts.registrations), integerCell(null), integerCell(null), integerCell(null)],
        },
      ],
    };
    const bars = counts.options.map((option) =>
      rateBar(label(taxonomy, option.code), option.shareOfRegistrations, locale, marks, counts.registrations),
    );
    return (
      <FigureBlock heading={heading} ignoredFilters={counts.ignoredFilters} note={t('intake.multiNote')}>
        <RateBarChart
          id={`${id}-chart`}
          title={heading}
          summary={barsSummary(heading, bars)}
          bars={bars}
          axisLabel={t('intake.shareAxis')}
        />
        <DataTableView table={table} />
      </FigureBlock>
    );
  };

  const violence = intake.intakeViolenceForms;
  const violenceTable = countTableView(
    'violence-forms-status',
    t('intake.violenceTable'),
    t('column.violenceForm'),
    violence.table,
    (code) => label(VIOLENCE_FORMS, code),
    (code) => label(VIOLENCE_STATUS, code),
  );
  const ongoingColumn = violence.table.columns.indexOf('ONGOING');
  const ongoingBars = violence.table.rows.map((row) =>
    countBar(
      label(VIOLENCE_FORMS, row.key),
      ongoingColumn >= 0 ? row.cells[ongoingColumn] : null,
      locale,
      marks,
    ),
  );

  return (
    <SectionFrame id="intake" heading={t('intake.heading')} lead={t('intake.lead')}>
      <FigureBlock
        heading={t('intake.byYearHeading')}
        ignoredFilters={byYear.ignoredFilters}
        note={t('intake.byYearNote')}
      >
        <CountBarChart
          id="forms-chart"
          title={t('intake.formsChart')}
          summary={barsSummary(t('intake.formsChart'), formBars)}
          bars={formBars}
        />
        {yearTables.map((form) => (
          <DataTableView key={form.kind} table={form.view} />
        ))}
      </FigureBlock>
      {multiChoiceFigure('heard-from', t('intake.heardFrom'), intake.intakeHeardFrom, HEARD_FROM)}
      <FigureBlock heading={t('intake.violenceHeading')} ignoredFilters={violence.ignoredFilters}>
        <CountBarChart
          id="violence-ongoing-chart"
          title={t('intake.ongoingChart')}
          summary={barsSummary(t('intake.ongoingChart'), ongoingBars)}
          bars={ongoingBars}
        />
        <DataTableView table={violenceTable} />
      </FigureBlock>
      {multiChoiceFigure('intake-referrals', t('intake.referrals'), intake.intakeReferrals, REFERRED_TO)}
    </SectionFrame>
  );
}
