import { outreachSurveyItems, PARTICIPANT_LOCALES } from '@vi/domain';
import { type Locale, useLocale, useT } from '@vi/ui';
import { useMemo } from 'react';
import { useQuery } from 'urql';
import { type FragmentOf, graphql, readFragment } from '../graphql.ts';
import { RateBarChart } from './charts.tsx';
import { type DashboardFilter, filterVariables } from './dashboard-filters.tsx';
import { dashboardMessages } from './dashboard-messages.ts';
import { DataTableView, useCellMarks } from './data-table-view.tsx';
import { barsSummary, rateBar, rateCells } from './figure-cells.ts';
import { OwnRequestFigures } from './figures-problem.tsx';
import { outreachSurveyMessages } from './outreach-survey-messages.ts';
import { FigureBlock, SectionFrame } from './section-frame.tsx';
import { type Cell, countCell, type DataTable, integerCell, numberCell } from './table-model.ts';
import { type Count, CountFields, RateFields } from './value-fragments.ts';

/**
 * The outreach user survey (issue 14): response rate with n, each coded item's distribution and
 * its positive share against the report's, the reasons people were not offered it against the
 * report's 367, and the languages it was answered in. Every count is the gateway's perturbed,
 * published count (cell-key method); hidden cells read as on every other section.
 */
export const OutreachSurveySectionFields = graphql(
  `
  fragment OutreachSurveySection on Evaluation {
    outreachUserSurvey {
      sent { ...CountFields }
      opened { ...CountFields }
      answered { ...CountFields }
      responses { ...CountFields }
      followUps { ...CountFields }
      openedRate { ...RateFields }
      responseRate { ...RateFields }
      items {
        itemId
        kind
        source
        reportPositivePercent
        answered { ...CountFields }
        positive { ...RateFields }
        options { code count { ...CountFields } share { ...RateFields } }
      }
      notOffered { status count { ...CountFields } }
      byLanguage { language count { ...CountFields } }
      reference { sent answered notAbleToTakeIt followUpInterviews sourceDa sourceEn }
      ignoredFilters
    }
  }
`,
  [CountFields, RateFields],
);

/** Its own request beside the dashboard's (as the aftercare sections): the door limits a document's size. */
const OutreachSurveyQuery = graphql(
  `
  query EvaluationOutreachSurvey($filter: EvaluationFilterInput) {
    evaluation(filter: $filter) {
      ...OutreachSurveySection
    }
  }
`,
  [OutreachSurveySectionFields],
);

export function showsOutreachSurvey(model: DashboardFilter['model']): boolean {
  return model === 'ALL' || model === 'OUTREACH';
}

const NOT_OFFERED_ORDER = [
  'NOT_APPROPRIATE_LANGUAGE',
  'NOT_APPROPRIATE_TECHNICAL',
  'NOT_APPROPRIATE_ETHICAL',
  'NOT_OFFERED',
] as const;

/** The sum of two published counts; hidden when either is. */
export function sumOfCounts(counts: ReadonlyArray<Count | undefined>): Cell {
  if (counts.some((c) => !c || c.suppressed || c.value === null)) return numberCell(null, 'integer', true);
  return integerCell(counts.reduce((sum, c) => sum + (c?.value ?? 0), 0));
}

function itemText(itemId: string, locale: Locale): string {
  return outreachSurveyItems().find((item) => item.id === itemId)?.label[locale] ?? itemId;
}

/** An item's answer codes in the survey's order. */
function optionCodes(itemId: string): string[] {
  const item = outreachSurveyItems().find((it) => it.id === itemId);
  return item && item.kind !== 'text' ? item.options.map((option) => option.code) : [];
}

function optionText(itemId: string, code: string, locale: Locale): string {
  const item = outreachSurveyItems().find((it) => it.id === itemId);
  const options = item && item.kind !== 'text' ? item.options : [];
  return options.find((option) => option.code === code)?.label[locale] ?? code;
}

export function OutreachSurveySection({ data }: { data: FragmentOf<typeof OutreachSurveySectionFields> }) {
  const t = useT(outreachSurveyMessages);
  const d = useT(dashboardMessages);
  const { locale } = useLocale();
  const survey = readFragment(OutreachSurveySectionFields, data).outreachUserSurvey;
  const marks = useCellMarks();
  const ref = survey.reference;
  const none = numberCell(null, 'integer');

  const responseTable: DataTable = {
    id: 'outreach-survey-response',
    title: t('response.table'),
    rowHeader: t('response.measure'),
    columns: [t('response.here'), t('response.report')],
    columnIds: ['here', 'report'],
    rows: [
      { label: t('response.sent'), cells: [countCell(survey.sent), integerCell(ref.sent)] },
      { label: t('response.opened'), cells: [countCell(survey.opened), none] },
      {
        label: t('response.openedRate'),
        cells: [rateCells(survey.openedRate, survey.sent)[0], numberCell(null, 'percent')],
      },
      { label: t('response.answered'), cells: [countCell(survey.answered), integerCell(ref.answered)] },
      {
        label: t('response.rate'),
        cells: [
          rateCells(survey.responseRate, survey.sent)[0],
          numberCell(ref.answered / ref.sent, 'percent'),
        ],
      },
      { label: t('response.responses'), cells: [countCell(survey.responses), integerCell(ref.answered)] },
      {
        label: t('response.followUps'),
        cells: [countCell(survey.followUps), integerCell(ref.followUpInterviews)],
      },
    ],
  };

  // Items in the survey's own order (the gateway's order is not promised).
  const order = outreachSurveyItems().map((item) => item.id);
  const items = [...survey.items].sort((a, b) => order.indexOf(a.itemId) - order.indexOf(b.itemId));
  const labelOf = (item: (typeof items)[number]) =>
    item.source === 'ours'
      ? t('items.ours', { label: itemText(item.itemId, locale) })
      : itemText(item.itemId, locale);
  // The items with a "yes / agree / positive" share (the domain's positiveCodes); the others have none.
  const withShare = new Set(
    outreachSurveyItems()
      .filter((item) => item.positiveCodes)
      .map((item) => item.id),
  );
  const positiveItems = items.filter((item) => withShare.has(item.itemId));
  const itemsTable: DataTable = {
    id: 'outreach-survey-items',
    title: t('items.table'),
    rowHeader: t('items.item'),
    columns: [
      t('items.answered'),
      t('items.positive'),
      d('column.ciLower'),
      d('column.ciUpper'),
      t('items.report'),
    ],
    columnIds: ['answered', 'positive', 'ciLower', 'ciUpper', 'report'],
    rows: positiveItems.map((item) => ({
      label: labelOf(item),
      cells: [
        countCell(item.answered),
        ...rateCells(item.positive, item.answered),
        numberCell(item.reportPositivePercent === null ? null : item.reportPositivePercent / 100, 'percent'),
      ],
    })),
  };
  const positiveBars = positiveItems.map((item) =>
    rateBar(labelOf(item), item.positive, locale, marks, item.answered),
  );
  const itemTables: DataTable[] = items.map((item) => {
    const label = itemText(item.itemId, locale);
    return {
      id: `outreach-survey-item-${item.itemId.replaceAll('_', '-')}`,
      title: t('item.table', { label }),
      rowHeader: t('item.answer'),
      columns: [t('item.count'), t('item.share')],
      columnIds: ['count', 'share'],
      // Every answer of the item, from the domain: where the gateway withheld the distribution
      // (fewer than 5 answered), each shows as hidden, not as a count.
      rows: [
        ...optionCodes(item.itemId).map((code) => {
          const option = item.options.find((candidate) => candidate.code === code);
          return {
            label: optionText(item.itemId, code, locale),
            cells: option
              ? [countCell(option.count), rateCells(option.share, item.answered)[0]]
              : [numberCell(null, 'integer', true), numberCell(null, 'percent', true)],
          };
        }),
        { label: t('item.answered'), cells: [countCell(item.answered), numberCell(null, 'percent')] },
      ],
    };
  });

  const byStatus = new Map(survey.notOffered.map((row) => [row.status, row.count]));
  const notOfferedTable: DataTable = {
    id: 'outreach-survey-not-offered',
    title: t('notOffered.table'),
    rowHeader: t('notOffered.reason'),
    columns: [t('response.here'), t('response.report')],
    columnIds: ['here', 'report'],
    rows: [
      ...NOT_OFFERED_ORDER.map((status) => ({
        label: t(`notOffered.${status}`),
        cells: [countCell(byStatus.get(status)), none],
      })),
      {
        label: t('notOffered.notAble'),
        cells: [
          sumOfCounts([byStatus.get('NOT_APPROPRIATE_LANGUAGE'), byStatus.get('NOT_APPROPRIATE_TECHNICAL')]),
          integerCell(ref.notAbleToTakeIt),
        ],
      },
    ],
  };

  const languageName = (code: string) => {
    const found = PARTICIPANT_LOCALES.find((l) => l.code === code);
    return found ? `${found.name} (${code})` : code;
  };
  const languagesTable: DataTable = {
    id: 'outreach-survey-languages',
    title: t('languages.table'),
    rowHeader: t('languages.language'),
    columns: [t('item.count')],
    columnIds: ['count'],
    // Every offered language; hidden where the gateway withheld them (fewer than 5 responses).
    rows: PARTICIPANT_LOCALES.map(({ code }) => {
      const row = survey.byLanguage.find((candidate) => candidate.language === code);
      return {
        label: languageName(code),
        cells: [row ? countCell(row.count) : numberCell(null, 'integer', true)],
      };
    }),
  };

  const ignored = survey.ignoredFilters;
  return (
    <SectionFrame id="outreach-user-survey" heading={t('survey.heading')} lead={t('survey.lead')}>
      <FigureBlock heading={t('response.heading')} ignoredFilters={ignored} note={t('response.note')}>
        <DataTableView table={responseTable} />
        <p className="ev-note">
          {t('response.source', { source: locale === 'da' ? ref.sourceDa : ref.sourceEn })}
        </p>
      </FigureBlock>
      <FigureBlock heading={t('items.heading')} ignoredFilters={ignored} note={t('items.note')}>
        {positiveBars.length > 0 ? (
          <RateBarChart
            id="outreach-survey-items-chart"
            title={t('items.chart')}
            summary={barsSummary(t('items.chart'), positiveBars)}
            bars={positiveBars}
            axisLabel={t('items.axis')}
          />
        ) : null}
        <DataTableView table={itemsTable} />
        {itemTables.map((table) => (
          <DataTableView key={table.id} table={table} />
        ))}
      </FigureBlock>
      <FigureBlock
        heading={t('notOffered.heading')}
        ignoredFilters={ignored}
        note={t('notOffered.note', { count: ref.notAbleToTakeIt })}
      >
        <DataTableView table={notOfferedTable} />
      </FigureBlock>
      <FigureBlock heading={t('languages.heading')} ignoredFilters={ignored} note={t('languages.note')}>
        <DataTableView table={languagesTable} />
      </FigureBlock>
    </SectionFrame>
  );
}

/** The section with its own request, for the outreach model (and "all models"). */
export function OutreachSurveyFigures({ filter }: { filter: DashboardFilter }) {
  const t = useT(outreachSurveyMessages);
  const shown = showsOutreachSurvey(filter.model);
  const variables = useMemo(() => ({ filter: filterVariables(filter) }), [filter]);
  const [result] = useQuery({
    query: OutreachSurveyQuery,
    variables,
    requestPolicy: 'cache-and-network',
    pause: !shown,
  });
  if (!shown) return null;
  return (
    <OwnRequestFigures result={result} loading={t('survey.loading')}>
      {(evaluation) => <OutreachSurveySection data={evaluation} />}
    </OwnRequestFigures>
  );
}
