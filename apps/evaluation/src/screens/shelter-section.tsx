import { CIVIL_SOCIETY_OFFERS, COUNSELLING_AREAS, STAY_PERSON_ROLES } from '@vi/domain';
import { useLocale, useT } from '@vi/ui';
import { type FragmentOf, graphql, type ResultOf, readFragment } from '../graphql.ts';
import { type AftercareMessageKey, aftercareMessages } from './aftercare-messages.ts';
import { CountBarChart, PairedBarChart, RateBarChart } from './charts.tsx';
import { useOrganizationName } from './dashboard-context.tsx';
import { formatDate } from './dashboard-filters.tsx';
import { dashboardMessages } from './dashboard-messages.ts';
import { DataTableView } from './data-table-view.tsx';
import { barsSummary, codeLabel, countBar, rateBar, rateCells } from './figure-cells.ts';
import { FigureBlock, SectionFrame } from './section-frame.tsx';
import {
  type CellMarks,
  countCell,
  type DataTable,
  displayCell,
  numberCell,
  textCell,
} from './table-model.ts';
import { CountFields, CountTableFields, RateFields } from './value-fragments.ts';

const HoursRowFields = graphql(
  `
  fragment HoursRowFields on PsychologistHoursRow @_unmask {
    organizationId
    role
    persons { ...CountFields }
    usedAny { ...CountFields }
    usedShare { ...RateFields }
    meanHoursUsed
    meanHoursBooked
  }
`,
  [CountFields, RateFields],
);

const CivilSocietyRowFields = graphql(
  `
  fragment CivilSocietyRowFields on CivilSocietyRow @_unmask {
    organizationId
    offer
    offered { ...CountFields }
    referred { ...CountFields }
    started { ...CountFields }
    referredRate { ...RateFields }
    uptake { ...RateFields }
  }
`,
  [CountFields, RateFields],
);

const RepeatRowFields = graphql(
  `
  fragment RepeatRowFields on RepeatStayRate @_unmask {
    organizationId
    months
    group
    followed { ...CountFields }
    repeat { ...CountFields }
    censored { ...CountFields }
    rate { ...RateFields }
    comparedWithBaseline
    comparedWithGoal
  }
`,
  [CountFields, RateFields],
);

/** Aftercare after a shelter stay (Danish Red Cross recommendations, 2025): § 109, psychologist hours, civil society, repeat stays. */
export const ShelterSectionFields = graphql(
  `
  fragment ShelterSection on Evaluation {
    shelterCounselling {
      total { organizationId moveOuts { ...CountFields } allCovered { ...CountFields } share { ...RateFields } }
      byOrganization { organizationId moveOuts { ...CountFields } allCovered { ...CountFields } share { ...RateFields } }
      areas { ...CountTableFields }
      ignoredFilters
    }
    shelterPsychologistHours {
      total { ...HoursRowFields }
      byOrganization { ...HoursRowFields }
      ignoredFilters
    }
    shelterCivilSociety {
      offers { ...CivilSocietyRowFields }
      byOrganization { ...CivilSocietyRowFields }
      moveOuts { ...CountFields }
      referredShareOfMoveOuts { ...RateFields }
      ignoredFilters
    }
    repeatStays {
      cutoff
      baselineShare
      goalShare
      total { ...RepeatRowFields }
      byOrganization { ...RepeatRowFields }
      admissions { admissions { ...CountFields } repeat { ...CountFields } share { ...RateFields } }
      ignoredFilters
    }
  }
`,
  [HoursRowFields, CivilSocietyRowFields, RepeatRowFields, CountTableFields, CountFields, RateFields],
);

type HoursRow = ResultOf<typeof HoursRowFields>;
type RepeatRow = ResultOf<typeof RepeatRowFields>;

export function ShelterSection({ data }: { data: FragmentOf<typeof ShelterSectionFields> }) {
  const t = useT(aftercareMessages);
  const d = useT(dashboardMessages);
  const { locale } = useLocale();
  const organizationName = useOrganizationName();
  const figures = readFragment(ShelterSectionFields, data);
  const marks: CellMarks = {
    underFive: d('mark.underFive'),
    hidden: d('mark.hidden'),
    notAvailable: d('mark.notAvailable'),
  };
  const added = { notRecorded: d('group.notRecorded'), otherOrUnknown: d('group.otherOrUnknown') };
  const orgLabel = (id: string | null | undefined) => organizationName(id, d('group.allSelected'));
  // The national goal is 17.5 %: references keep one decimal where the dashboard's shares round to whole percent.
  const percent = (share: number) =>
    new Intl.NumberFormat(locale === 'da' ? 'da-DK' : 'en-GB', {
      style: 'percent',
      maximumFractionDigits: 1,
    }).format(share);

  // § 109 coverage before move-out.
  const counselling = figures.shelterCounselling;
  const counsellingRows = [...counselling.byOrganization, counselling.total];
  const counsellingTable: DataTable = {
    id: 'shelter-counselling',
    title: t('counselling.table'),
    rowHeader: d('column.organization'),
    columns: [
      t('counselling.moveOuts'),
      t('counselling.allCovered'),
      d('column.share'),
      d('column.ciLower'),
      d('column.ciUpper'),
    ],
    rows: counsellingRows.map((row) => ({
      label: orgLabel(row.organizationId),
      cells: [countCell(row.moveOuts), countCell(row.allCovered), ...rateCells(row.share, row.moveOuts)],
    })),
  };
  const counsellingBars = counsellingRows.map((row) =>
    rateBar(orgLabel(row.organizationId), row.share, locale, marks, row.moveOuts),
  );
  const areas = counselling.areas;
  const areaLabel = (code: string) => codeLabel(COUNSELLING_AREAS, code, locale, added);
  const areasTable: DataTable = {
    id: 'shelter-counselling-areas',
    title: t('counselling.areasTable'),
    rowHeader: t('counselling.area'),
    columns: [t('counselling.covered'), t('counselling.notCovered'), t('counselling.moveOuts')],
    rows: areas.rows.map((row) => ({
      label: areaLabel(row.key),
      cells: [...row.cells.map(countCell), countCell(row.total)],
    })),
  };
  const areaBars = areas.rows.map((row) => countBar(areaLabel(row.key), row.cells[0], locale, marks));

  // Psychologist hours.
  const hours = figures.shelterPsychologistHours;
  const roleLabel = (code: string) => codeLabel(STAY_PERSON_ROLES, code, locale, added);
  const hoursHidden = (row: HoursRow) => row.persons.suppressed || row.persons.value === 0;
  const hoursTable: DataTable = {
    id: 'shelter-psychologist-hours',
    title: t('hours.table'),
    rowHeader: d('column.organization'),
    columns: [
      t('hours.role'),
      t('hours.persons'),
      t('hours.usedAny'),
      t('hours.usedShare'),
      t('hours.meanUsed'),
      t('hours.meanBooked'),
    ],
    rows: [...hours.byOrganization, ...hours.total].map((row) => ({
      label: orgLabel(row.organizationId),
      cells: [
        textCell(roleLabel(row.role)),
        countCell(row.persons),
        countCell(row.usedAny),
        numberCell(row.usedShare?.rate, 'percent', !row.usedShare),
        numberCell(row.meanHoursUsed, 'decimal1', hoursHidden(row)),
        numberCell(row.meanHoursBooked, 'decimal1', hoursHidden(row)),
      ],
    })),
  };
  const hoursBars = hours.total.map((row) => ({
    label: roleLabel(row.role),
    first: row.meanHoursUsed,
    second: row.meanHoursBooked,
    firstText: displayCell(numberCell(row.meanHoursUsed, 'decimal1', hoursHidden(row)), locale, marks),
    secondText: displayCell(numberCell(row.meanHoursBooked, 'decimal1', hoursHidden(row)), locale, marks),
  }));

  // Civil society.
  const civil = figures.shelterCivilSociety;
  const offerLabel = (code: string) =>
    code === 'ANY' ? t('civil.any') : codeLabel(CIVIL_SOCIETY_OFFERS, code, locale, added);
  const civilTable: DataTable = {
    id: 'shelter-civil-society',
    title: t('civil.table'),
    rowHeader: d('column.organization'),
    columns: [
      t('civil.offer'),
      t('civil.offered'),
      t('civil.referred'),
      t('civil.started'),
      t('civil.referredShare'),
      t('civil.uptake'),
      d('column.ciLower'),
      d('column.ciUpper'),
    ],
    rows: [...civil.offers, ...civil.byOrganization].map((row) => ({
      label: orgLabel(row.organizationId),
      cells: [
        textCell(offerLabel(row.offer)),
        countCell(row.offered),
        countCell(row.referred),
        countCell(row.started),
        numberCell(row.referredRate?.rate, 'percent', !row.referredRate),
        ...rateCells(row.uptake),
      ],
    })),
  };
  const civilBars = civil.offers.map((row) => rateBar(offerLabel(row.offer), row.uptake, locale, marks));

  // Repeat stays.
  const repeat = figures.repeatStays;
  const groupText = (row: RepeatRow) =>
    t('repeat.row', { months: row.months, group: t(`repeat.${row.group}` as AftercareMessageKey) });
  const comparison = (value: string | null | undefined) =>
    value ? textCell(t(`repeat.${value}` as AftercareMessageKey)) : numberCell(null, 'percent', true);
  const repeatTable: DataTable = {
    id: 'shelter-repeat-stays',
    title: t('repeat.table'),
    rowHeader: d('column.organization'),
    columns: [
      t('repeat.group'),
      t('repeat.followed'),
      t('repeat.repeat'),
      d('column.share'),
      d('column.ciLower'),
      d('column.ciUpper'),
      t('repeat.censored'),
      t('repeat.vsBaseline'),
      t('repeat.vsGoal'),
    ],
    rows: [...repeat.total, ...repeat.byOrganization].map((row) => ({
      label: orgLabel(row.organizationId),
      cells: [
        textCell(groupText(row)),
        countCell(row.followed),
        countCell(row.repeat),
        ...rateCells(row.rate),
        countCell(row.censored),
        comparison(row.comparedWithBaseline),
        comparison(row.comparedWithGoal),
      ],
    })),
  };
  const repeatBars = repeat.total.map((row) => rateBar(groupText(row), row.rate, locale, marks));
  const references = [
    { percent: repeat.baselineShare * 100, label: `${percent(repeat.baselineShare)}` },
    { percent: repeat.goalShare * 100, label: `${percent(repeat.goalShare)}` },
  ];
  const admissions = repeat.admissions;
  const admissionsTable: DataTable = {
    id: 'shelter-repeat-admissions',
    title: t('repeat.admissionsTable'),
    rowHeader: d('column.organization'),
    columns: [
      t('repeat.admissions'),
      t('repeat.repeatAdmissions'),
      d('column.share'),
      d('column.ciLower'),
      d('column.ciUpper'),
    ],
    rows: [
      {
        label: d('group.allSelected'),
        cells: [
          countCell(admissions.admissions),
          countCell(admissions.repeat),
          ...rateCells(admissions.share),
        ],
      },
    ],
  };
  const referencesText = t('repeat.references', {
    baseline: percent(repeat.baselineShare),
    goal: percent(repeat.goalShare),
  });

  return (
    <SectionFrame id="shelter" heading={t('shelter.heading')} lead={t('shelter.lead')}>
      <FigureBlock
        heading={t('counselling.heading')}
        ignoredFilters={counselling.ignoredFilters}
        note={t('counselling.note')}
      >
        <RateBarChart
          id="shelter-counselling-chart"
          title={t('counselling.chart')}
          summary={barsSummary(t('counselling.chart'), counsellingBars)}
          bars={counsellingBars}
          axisLabel={t('counselling.axis')}
        />
        <DataTableView table={counsellingTable} />
        <CountBarChart
          id="shelter-areas-chart"
          title={t('counselling.areasChart')}
          summary={barsSummary(t('counselling.areasChart'), areaBars)}
          bars={areaBars}
        />
        <DataTableView table={areasTable} />
      </FigureBlock>
      <FigureBlock heading={t('hours.heading')} ignoredFilters={hours.ignoredFilters} note={t('hours.note')}>
        <PairedBarChart
          id="shelter-hours-chart"
          title={t('hours.chart')}
          summary={barsSummary(
            t('hours.chart'),
            hoursBars.map((bar) => ({
              label: bar.label,
              valueText: `${t('hours.meanUsed')} ${bar.firstText}, ${t('hours.meanBooked')} ${bar.secondText}`,
            })),
          )}
          bars={hoursBars}
          seriesNames={[t('hours.meanUsed'), t('hours.meanBooked')]}
          domain={[0, 10]}
        />
        <DataTableView table={hoursTable} />
      </FigureBlock>
      <FigureBlock heading={t('civil.heading')} ignoredFilters={civil.ignoredFilters} note={t('civil.note')}>
        <p className="ev-note">
          {t('civil.moveOuts', {
            moveOuts: displayCell(countCell(civil.moveOuts), locale, marks),
            share: displayCell(
              numberCell(civil.referredShareOfMoveOuts?.rate, 'percent', !civil.referredShareOfMoveOuts),
              locale,
              marks,
            ),
          })}
        </p>
        <RateBarChart
          id="shelter-civil-chart"
          title={t('civil.chart')}
          summary={barsSummary(t('civil.chart'), civilBars)}
          bars={civilBars}
          axisLabel={t('civil.axis')}
        />
        <DataTableView table={civilTable} />
      </FigureBlock>
      <FigureBlock
        heading={t('repeat.heading')}
        ignoredFilters={repeat.ignoredFilters}
        note={t('repeat.note', { cutoff: formatDate(repeat.cutoff) })}
      >
        <p className="ev-note">{referencesText}</p>
        <RateBarChart
          id="shelter-repeat-chart"
          title={t('repeat.chart')}
          summary={`${barsSummary(t('repeat.chart'), repeatBars)} ${referencesText}`}
          bars={repeatBars}
          axisLabel={t('repeat.axis')}
          references={references}
        />
        <DataTableView table={repeatTable} />
        <p className="ev-note">{t('repeat.admissionsNote')}</p>
        <DataTableView table={admissionsTable} />
      </FigureBlock>
    </SectionFrame>
  );
}
