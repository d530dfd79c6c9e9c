import {
  CLINICALLY_RELEVANT_CHANGE,
  COURSE_DIMENSIONS,
  findItem,
  INSPIRE_REFERENCE_POINTS,
  REACH_LANGUAGES,
  RECOVERY_CUTOFF,
} from '@vi/domain';
import { useLocale, useT } from '@vi/ui';
import { type FragmentOf, graphql, type ResultOf, readFragment } from '../graphql.ts';
import { CountBarChart, PairedBarChart } from './charts.tsx';
import { useOrganizationName } from './dashboard-context.tsx';
import { type DashboardMessageKey, dashboardMessages } from './dashboard-messages.ts';
import { DataTableView } from './data-table-view.tsx';
import { barsSummary, codeLabel, rateCells } from './figure-cells.ts';
import { FigureBlock, SectionFrame } from './section-frame.tsx';
import {
  type Cell,
  type CellMarks,
  countCell,
  type DataTable,
  displayCell,
  formatNumber,
  numberCell,
  textCell,
} from './table-model.ts';
import { type Count, CountFields, RateFields, TTestFields, type TTestValue } from './value-fragments.ts';

const ScoreFields = graphql(
  `
  fragment ScoreFields on ScoreSummary @_unmask {
    n { ...CountFields }
    mean
    sd
  }
`,
  [CountFields],
);

const RecoveryRowFields = graphql(
  `
  fragment RecoveryRowFields on RecoveryRow @_unmask {
    organizationId
    baseline { ...ScoreFields }
    end { ...ScoreFields }
    unpaired { ...TTestFields }
    paired {
      n { ...CountFields }
      meanBefore
      meanAfter
      sdDifference
      test { ...TTestFields }
      clinicallyRelevantImprovement { ...RateFields }
      crossedCutoff { ...RateFields }
    }
  }
`,
  [ScoreFields, TTestFields, CountFields, RateFields],
);

const ItemMeanFields = graphql(
  `
  fragment ItemMeanFields on CourseItemMean @_unmask {
    organizationId
    mean
    sd
    n { ...CountFields }
  }
`,
  [CountFields],
);

/** Brief INSPIRE-O and Brief INSPIRE before and after (unpaired as VIVE, and paired), and the course items. */
export const RecoverySectionFields = graphql(
  `
  fragment RecoverySection on Evaluation {
    recovery {
      measures {
        measure
        total { ...RecoveryRowFields }
        byOrganization { ...RecoveryRowFields }
        validatedLanguages
        unvalidated { language baseline { ...ScoreFields } end { ...ScoreFields } }
      }
      ignoredFilters
    }
    courseItems {
      items {
        itemId
        total { ...ItemMeanFields }
        byOrganization { ...ItemMeanFields }
      }
      ignoredFilters
    }
  }
`,
  [RecoveryRowFields, ItemMeanFields, ScoreFields],
);

type RecoveryRow = ResultOf<typeof RecoveryRowFields>;

const MEASURE_KEYS: Record<string, DashboardMessageKey> = {
  INSPIRE_O: 'recovery.INSPIRE_O',
  INSPIRE: 'recovery.INSPIRE',
};

/** Difference, its interval, t, df, p and stars: hidden when the gateway withheld the test for small n. */
function testCells(test: TTestValue | null | undefined, hidden: boolean): Cell[] {
  const isHidden = !test && hidden;
  return [
    numberCell(test?.meanDifference, 'decimal1', isHidden),
    numberCell(test?.ci95Lower, 'decimal1', isHidden),
    numberCell(test?.ci95Upper, 'decimal1', isHidden),
    numberCell(test?.t, 'decimal2', isHidden),
    numberCell(test?.df, 'decimal1', isHidden),
    numberCell(test?.p, 'p', isHidden),
    test ? textCell(test.stars) : numberCell(null, 'integer', isHidden),
  ];
}

export function RecoverySection({ data }: { data: FragmentOf<typeof RecoverySectionFields> }) {
  const t = useT(dashboardMessages);
  const { locale } = useLocale();
  const organizationName = useOrganizationName();
  const recovery = readFragment(RecoverySectionFields, data);
  const marks: CellMarks = {
    underFive: t('mark.underFive'),
    hidden: t('mark.hidden'),
    notAvailable: t('mark.notAvailable'),
  };
  const orgLabel = (id: string | null | undefined) => organizationName(id, t('group.allSelected'));
  /** A mean as printed on its bar, with its n (every figure carries its n). */
  const withN = (mean: Cell, n: Count) =>
    `${displayCell(mean, locale, marks)} (n = ${displayCell(countCell(n), locale, marks)})`;
  const testColumnIds = ['difference', 'ci-lower', 'ci-upper', 't', 'df', 'p', 'stars'];
  const testColumns = [
    t('recovery.difference'),
    t('column.ciLower'),
    t('column.ciUpper'),
    t('recovery.t'),
    t('recovery.df'),
    t('recovery.p'),
    t('recovery.stars'),
  ];

  const measureFigure = (measure: (typeof recovery.recovery.measures)[number]) => {
    const name = t(MEASURE_KEYS[measure.measure] ?? 'recovery.INSPIRE_O');
    const slug = measure.measure.toLowerCase().replace('_', '-');
    const rows: RecoveryRow[] = [...measure.byOrganization, measure.total];
    const unpairedTable: DataTable = {
      id: `recovery-${slug}-unpaired`,
      title: t('recovery.unpairedTable', { measure: name }),
      rowHeader: t('column.organization'),
      columns: [
        t('recovery.baselineN'),
        t('recovery.baselineMean'),
        t('recovery.baselineSd'),
        t('recovery.endN'),
        t('recovery.endMean'),
        t('recovery.endSd'),
        ...testColumns,
      ],
      columnIds: [
        'baseline-n',
        'baseline-mean',
        'baseline-sd',
        'end-n',
        'end-mean',
        'end-sd',
        ...testColumnIds,
      ],
      rows: rows.map((row) => ({
        label: orgLabel(row.organizationId),
        cells: [
          countCell(row.baseline.n),
          numberCell(row.baseline.mean, 'decimal1', row.baseline.n.suppressed),
          numberCell(row.baseline.sd, 'decimal1', row.baseline.n.suppressed),
          countCell(row.end.n),
          numberCell(row.end.mean, 'decimal1', row.end.n.suppressed),
          numberCell(row.end.sd, 'decimal1', row.end.n.suppressed),
          ...testCells(row.unpaired, row.baseline.n.suppressed || row.end.n.suppressed),
        ],
      })),
    };
    const pairedTable: DataTable = {
      id: `recovery-${slug}-paired`,
      title: t('recovery.pairedTable', { measure: name }),
      rowHeader: t('column.organization'),
      columns: [
        t('recovery.pairs'),
        t('recovery.meanBefore'),
        t('recovery.meanAfter'),
        t('recovery.sdDifference'),
        ...testColumns,
        t('recovery.improved', { points: CLINICALLY_RELEVANT_CHANGE }),
        t('column.ciLower'),
        t('column.ciUpper'),
        t('recovery.crossed', { cutoff: RECOVERY_CUTOFF }),
        t('column.ciLower'),
        t('column.ciUpper'),
      ],
      // The two rates' confidence bounds share their labels: the ids tell them apart.
      columnIds: [
        'pairs',
        'mean-before',
        'mean-after',
        'sd-difference',
        ...testColumnIds,
        'improved',
        'improved-ci-lower',
        'improved-ci-upper',
        'crossed',
        'crossed-ci-lower',
        'crossed-ci-upper',
      ],
      rows: rows.map((row) => {
        const hidden = row.paired.n.suppressed;
        return {
          label: orgLabel(row.organizationId),
          cells: [
            countCell(row.paired.n),
            numberCell(row.paired.meanBefore, 'decimal1', hidden),
            numberCell(row.paired.meanAfter, 'decimal1', hidden),
            numberCell(row.paired.sdDifference, 'decimal1', hidden),
            ...testCells(row.paired.test, hidden),
            ...rateCells(row.paired.clinicallyRelevantImprovement, row.paired.n),
            ...rateCells(row.paired.crossedCutoff, row.paired.n),
          ],
        };
      }),
    };
    const bars = rows.map((row) => ({
      label: orgLabel(row.organizationId),
      first: row.baseline.mean,
      second: row.end.mean,
      firstText: withN(numberCell(row.baseline.mean, 'decimal1', row.baseline.n.suppressed), row.baseline.n),
      secondText: withN(numberCell(row.end.mean, 'decimal1', row.end.n.suppressed), row.end.n),
    }));
    // Brief INSPIRE-O's Danish reference points (outpatients 39.9, cut-off 50, population 71.1) as lines.
    const pointText = (value: number) =>
      formatNumber(value, Number.isInteger(value) ? 'integer' : 'decimal1', locale);
    const references = INSPIRE_REFERENCE_POINTS.filter((point) => point.measure === measure.measure)
      .slice()
      .sort((a, b) => a.value - b.value)
      .map((point) => ({
        value: point.value,
        label: pointText(point.value),
        text: `${pointText(point.value)}: ${point.label[locale]}`,
      }));
    const referenceText =
      references.length > 0
        ? t('recovery.references', { points: references.map((reference) => reference.text).join('; ') })
        : '';
    const stars = (test: TTestValue | null | undefined) => (test ? `${test.stars}` : '');
    const summary = barsSummary(
      t('recovery.chartSummary', { measure: name }),
      rows.map((row, index) => ({
        label: bars[index]?.label ?? '',
        valueText: t('recovery.summaryRow', {
          before: bars[index]?.firstText ?? '',
          after: bars[index]?.secondText ?? '',
          stars: stars(row.unpaired) || t('recovery.noStars'),
        }),
      })),
    );
    const chartSummary = referenceText ? `${summary} ${referenceText}` : summary;
    return (
      <FigureBlock
        key={measure.measure}
        heading={name}
        ignoredFilters={recovery.recovery.ignoredFilters}
        note={t('recovery.note')}
      >
        <PairedBarChart
          id={`recovery-${slug}-chart`}
          title={t('recovery.chart', { measure: name })}
          summary={chartSummary}
          bars={bars}
          seriesNames={[t('recovery.before'), t('recovery.after')]}
          domain={[0, 100]}
          references={references.map(({ value, label }) => ({ value, label }))}
        />
        <DataTableView table={unpairedTable} />
        <DataTableView table={pairedTable} />
      </FigureBlock>
    );
  };

  // Scores from languages without a validated translation: their own table, never in the figures above.
  const languageName = (code: string) =>
    REACH_LANGUAGES.find((language) => language.code === code)?.label[locale] ?? code;
  const measures = recovery.recovery.measures;
  const apartLanguages = [
    ...new Set(measures.flatMap((measure) => measure.unvalidated.map((row) => row.language))),
  ];
  const measureName = (measure: string) => t(MEASURE_KEYS[measure] ?? 'recovery.INSPIRE_O');
  const unvalidatedTable: DataTable = {
    id: 'recovery-unvalidated',
    title: t('recovery.unvalidatedTable'),
    rowHeader: t('recovery.language'),
    columns: measures.flatMap((measure) => [
      `${measureName(measure.measure)}: ${t('recovery.baselineN')}`,
      `${measureName(measure.measure)}: ${t('recovery.baselineMean')}`,
      `${measureName(measure.measure)}: ${t('recovery.endN')}`,
      `${measureName(measure.measure)}: ${t('recovery.endMean')}`,
    ]),
    columnIds: measures.flatMap((measure) => {
      const slug = measure.measure.toLowerCase().replace('_', '-');
      return [`${slug}-baseline-n`, `${slug}-baseline-mean`, `${slug}-end-n`, `${slug}-end-mean`];
    }),
    rows: apartLanguages.map((language) => ({
      label: languageName(language),
      cells: measures.flatMap((measure) => {
        const row = measure.unvalidated.find((candidate) => candidate.language === language);
        if (!row)
          return [
            countCell(null),
            numberCell(null, 'decimal1'),
            countCell(null),
            numberCell(null, 'decimal1'),
          ];
        return [
          countCell(row.baseline.n),
          numberCell(row.baseline.mean, 'decimal1', row.baseline.n.suppressed),
          countCell(row.end.n),
          numberCell(row.end.mean, 'decimal1', row.end.n.suppressed),
        ];
      }),
    })),
  };
  const validatedText = measures
    .map(
      (measure) =>
        `${measureName(measure.measure)}: ${measure.validatedLanguages.map(languageName).join(', ')}`,
    )
    .join('; ');

  const items = recovery.courseItems.items;
  const organizations = items[0]?.byOrganization.map((mean) => mean.organizationId) ?? [];
  const itemLabel = (itemId: string) => findItem('END', itemId)?.label[locale] ?? itemId;
  const itemDimension = (itemId: string) => {
    const item = findItem('END', itemId);
    return item && item.kind === 'likert' && item.dimension
      ? codeLabel(COURSE_DIMENSIONS, item.dimension, locale, {
          notRecorded: t('group.notRecorded'),
          otherOrUnknown: t('group.otherOrUnknown'),
        })
      : '';
  };
  const itemsTable: DataTable = {
    id: 'course-items',
    title: t('items.table'),
    rowHeader: t('items.item'),
    columns: [
      t('items.dimension'),
      `${t('group.allSelected')}: ${t('items.mean')}`,
      `${t('group.allSelected')}: ${t('items.sd')}`,
      `${t('group.allSelected')}: n`,
      ...organizations.flatMap((id) => [`${orgLabel(id)}: ${t('items.mean')}`, `${orgLabel(id)}: n`]),
    ],
    rows: items.map((item) => ({
      label: itemLabel(item.itemId),
      cells: [
        textCell(itemDimension(item.itemId)),
        numberCell(item.total.mean, 'decimal2', item.total.n.suppressed),
        numberCell(item.total.sd, 'decimal2', item.total.n.suppressed),
        countCell(item.total.n),
        ...organizations.flatMap((id) => {
          const mean = item.byOrganization.find((candidate) => candidate.organizationId === id);
          return [numberCell(mean?.mean, 'decimal2', mean?.n.suppressed ?? true), countCell(mean?.n)];
        }),
      ],
    })),
  };
  const itemBars = items.map((item, index) => ({
    label: t('items.short', { number: index + 1, dimension: itemDimension(item.itemId) }),
    value: item.total.mean,
    valueText: withN(numberCell(item.total.mean, 'decimal2', item.total.n.suppressed), item.total.n),
  }));

  return (
    <SectionFrame id="recovery" heading={t('recovery.heading')} lead={t('recovery.lead')}>
      {recovery.recovery.measures.map(measureFigure)}
      {apartLanguages.length > 0 ? (
        <FigureBlock
          heading={t('recovery.unvalidatedHeading')}
          ignoredFilters={recovery.recovery.ignoredFilters}
          note={t('recovery.unvalidatedReason')}
        >
          <p className="ev-note">{t('recovery.unvalidatedHelp', { languages: validatedText })}</p>
          <DataTableView table={unvalidatedTable} />
        </FigureBlock>
      ) : null}
      <FigureBlock
        heading={t('items.heading')}
        ignoredFilters={recovery.courseItems.ignoredFilters}
        note={t('items.note')}
      >
        <CountBarChart
          id="course-items-chart"
          title={t('items.chart')}
          summary={barsSummary(t('items.chart'), itemBars)}
          bars={itemBars}
          domain={[1, 5]}
        />
        <DataTableView table={itemsTable} />
      </FigureBlock>
    </SectionFrame>
  );
}
