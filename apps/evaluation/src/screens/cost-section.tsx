import type { InterventionModelCode } from '@vi/domain';
import { useLocale, useT } from '@vi/ui';
import { type FragmentOf, graphql, readFragment } from '../graphql.ts';
import {
  aftercareLinesTable,
  HateCrimeCostFields,
  hateCrimeCostTable,
  hateCrimeSources,
  ShelterAftercareCostFields,
  shelterAftercareCostTable,
  shelterSources,
} from './aftercare-cost-figures.ts';
import { aftercareCostMessages } from './aftercare-cost-messages.ts';
import { PairedBarChart } from './charts.tsx';
import {
  blockBars,
  CostFigureFields,
  costLinesTable,
  costOverviewTable,
  costSources,
  figuresForModel,
  inputProblemText,
  modelLabel,
  pairedSummary,
  perCompleterNotes,
  shelterBars,
} from './cost-figures.ts';
import { useOrganizationName } from './dashboard-context.tsx';
import { dashboardMessages } from './dashboard-messages.ts';
import { DataTableView } from './data-table-view.tsx';
import { FigureBlock, SectionFrame } from './section-frame.tsx';
import { type CellMarks, formatNumber } from './table-model.ts';

/** The Projekt Opsøgende Indsats evaluation Table 2 and VIVE's group-course evaluation ch. 4 for each organisation's own inputs: what the model costs. */
export const CostSectionFields = graphql(
  `
  fragment CostSection on Evaluation {
    costs {
      figures { ...CostFigureFields }
      hateCrime { ...HateCrimeCostFields }
      shelterAftercare { ...ShelterAftercareCostFields }
      invalidInputs { organizationId model year fields }
      ignoredFilters
    }
  }
`,
  [CostFigureFields, HateCrimeCostFields, ShelterAftercareCostFields],
);

/** Room past the longest bar for its label, and a round end for the axis. */
function axisEnd(values: ReadonlyArray<number | null>): number {
  const longest = Math.max(1, ...values.map((value) => value ?? 0));
  const step = 10 ** Math.floor(Math.log10(longest));
  return Math.ceil((longest * 1.1) / step) * step;
}

export function CostSection({
  data,
  model,
}: {
  data: FragmentOf<typeof CostSectionFields>;
  /** The dashboard's model choice: the gateway gives both models' costs, the section shows the chosen. */
  model: 'ALL' | InterventionModelCode;
}) {
  const t = useT(dashboardMessages);
  const ta = useT(aftercareCostMessages);
  const { locale } = useLocale();
  const organizationName = useOrganizationName();
  const name = (id: string) => organizationName(id, t('group.allSelected'));
  const { costs } = readFragment(CostSectionFields, data);
  const marks: CellMarks = {
    underFive: t('mark.underFive'),
    hidden: t('mark.hidden'),
    notAvailable: t('mark.notAvailable'),
  };
  const figures = figuresForModel(costs.figures, model);
  const problems = figuresForModel(costs.invalidInputs, model);
  // The aftercare models' own figures, shown with model ALL or the model itself.
  const hateCrime = model === 'ALL' || model === 'HATE_CRIME_AFTERCARE' ? costs.hateCrime : [];
  const shelterAftercare = model === 'ALL' || model === 'SHELTER_AFTERCARE' ? costs.shelterAftercare : [];
  const columns = {
    year: t('costs.year'),
    ruleSet: t('costs.ruleSet'),
    yearly: t('costs.yearly'),
    yearlyHours: t('costs.yearlyHours'),
  };
  const aftercareRows = [
    ...hateCrime.map((figure) => ({
      label: t('costs.row', {
        organization: name(figure.organizationId),
        model: modelLabel('HATE_CRIME_AFTERCARE', locale),
      }),
      yearly: figure.yearly,
    })),
    ...shelterAftercare.map((figure) => ({
      label: t('costs.row', {
        organization: name(figure.organizationId),
        model: modelLabel('SHELTER_AFTERCARE', locale),
      }),
      yearly: figure.yearly,
    })),
  ];
  // Ticks without the currency word (the chart titles say kr.), so they do not crowd the axis.
  const tick = (value: number) => formatNumber(value, 'integer', locale);

  const shelter = shelterBars(figures, name, t, locale, marks);
  const shelterYear = figures.find((figure) => figure.shelterComparison)?.shelterComparison?.priceYear;
  const shelterSeries: [string, string] = [
    t('costs.seriesPerCompleter'),
    t('costs.seriesShelter', { priceYear: shelterYear ?? '' }),
  ];
  const blocks = blockBars(figures, name, t, locale, marks);
  const blockSeries: [string, string] = [t('costs.blockStartUp'), t('costs.blockYearly')];
  const perReferral = figures.some((figure) => figure.perReferral);

  return (
    <SectionFrame id="costs" heading={t('costs.heading')} lead={t('costs.lead')}>
      {problems.length > 0 ? (
        <div className="ev-alert" data-testid="cost-input-problems">
          <p>
            <strong>{t('costs.invalidHeading')}</strong>
          </p>
          <ul>
            {problems.map((problem) => (
              <li key={`${problem.organizationId}-${problem.model}-${problem.year}`}>
                {inputProblemText(problem, name, t, locale)}
              </li>
            ))}
          </ul>
        </div>
      ) : null}
      {figures.length === 0 && aftercareRows.length === 0 ? (
        <p className="ev-note">{t('costs.none')}</p>
      ) : null}
      {figures.length === 0 ? null : (
        <>
          <FigureBlock
            heading={t('costs.overviewHeading')}
            ignoredFilters={costs.ignoredFilters}
            note={t('costs.overviewNote')}
          >
            {shelter.length > 0 ? (
              <PairedBarChart
                id="costs-shelter-chart"
                title={t('costs.shelterChart')}
                summary={pairedSummary(t('costs.shelterChart'), shelterSeries, shelter)}
                bars={shelter}
                seriesNames={shelterSeries}
                domain={[0, axisEnd(shelter.flatMap((bar) => [bar.first, bar.second]))]}
                formatTick={tick}
              />
            ) : null}
            <DataTableView table={costOverviewTable(figures, name, t, locale)} />
            {perCompleterNotes(figures, locale).map((note) => (
              <p className="ev-note" key={note}>
                {t('costs.perCompleterNote', { note })}
              </p>
            ))}
            {perReferral ? <p className="ev-note">{t('costs.perReferralNote')}</p> : null}
            {costSources(figures, t, locale, marks).map((source) => (
              <p className="ev-note" key={source} data-testid="cost-source">
                {source}
              </p>
            ))}
          </FigureBlock>
          <FigureBlock heading={t('costs.linesHeading')} ignoredFilters={costs.ignoredFilters}>
            <PairedBarChart
              id="costs-blocks-chart"
              title={t('costs.blocksChart')}
              summary={pairedSummary(t('costs.blocksChart'), blockSeries, blocks)}
              bars={blocks}
              seriesNames={blockSeries}
              domain={[0, axisEnd(blocks.flatMap((bar) => [bar.first, bar.second]))]}
              formatTick={tick}
            />
            <DataTableView table={costLinesTable(figures, name, t, locale)} />
          </FigureBlock>
        </>
      )}
      {hateCrime.length > 0 ? (
        <FigureBlock
          heading={ta('hateCrime.heading')}
          ignoredFilters={costs.ignoredFilters}
          note={ta('hateCrime.note')}
        >
          <DataTableView table={hateCrimeCostTable(hateCrime, name, ta, locale, columns)} />
          {[
            ...new Set(hateCrime.map((f) => (locale === 'da' ? f.perVictim.noteDa : f.perVictim.noteEn))),
          ].map((note) => (
            <p className="ev-note" key={note}>
              {ta('hateCrime.perVictimNote', { note })}
            </p>
          ))}
          {hateCrimeSources(hateCrime, ta, locale).map((source) => (
            <p className="ev-note" key={source} data-testid="cost-source">
              {source}
            </p>
          ))}
        </FigureBlock>
      ) : null}
      {shelterAftercare.length > 0 ? (
        <FigureBlock
          heading={ta('shelter.heading')}
          ignoredFilters={costs.ignoredFilters}
          note={ta('shelter.note')}
        >
          <DataTableView table={shelterAftercareCostTable(shelterAftercare, name, ta, columns)} />
          {shelterSources(shelterAftercare, ta, locale, marks).map((source) => (
            <p className="ev-note" key={source} data-testid="cost-source">
              {source}
            </p>
          ))}
        </FigureBlock>
      ) : null}
      {aftercareRows.length > 0 ? (
        <FigureBlock heading={ta('lines.heading')} ignoredFilters={costs.ignoredFilters}>
          <DataTableView
            table={aftercareLinesTable(aftercareRows, ta, locale, {
              rowHeader: t('costs.rowHeader'),
              line: t('costs.line'),
              hours: t('costs.hours'),
              amount: t('costs.amount'),
              total: t('costs.blockTotal'),
            })}
          />
        </FigureBlock>
      ) : null}
    </SectionFrame>
  );
}
