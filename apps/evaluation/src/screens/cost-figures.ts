import { COST_RULE_SETS, entryOf, INTERVENTION_MODELS, type InterventionModelCode } from '@vi/domain';
import type { Locale, Translate } from '@vi/ui';
import { graphql, type ResultOf } from '../graphql.ts';
import type { PairedBar } from './charts.tsx';
import type { DashboardMessageKey } from './dashboard-messages.ts';
import {
  type Cell,
  type CellMarks,
  countCell,
  type DataTable,
  displayCell,
  integerCell,
  numberCell,
  textCell,
} from './table-model.ts';
import { CountFields } from './value-fragments.ts';

/**
 * The cost figures as the gateway gives them (each organisation's own inputs through the domain's
 * cost rules, DOMAIN §6), turned into the dashboard's tables and bars. Pure, so the cost section and
 * the readiness section show the same numbers and the unit tests can check them without a browser.
 */
export const CostFigureFields = graphql(
  `
  fragment CostFigureFields on CostFigure @_unmask {
    organizationId
    model
    year
    ruleSetId
    startUp {
      total
      lines { id labelDa labelEn amount hours }
    }
    yearly {
      total
      hours
      lines { id labelDa labelEn amount hours }
    }
    firstYear
    perCourse { amount courses }
    perCompleter {
      amount
      completers { ...CountFields }
      noteDa
      noteEn
    }
    perReferral {
      amount
      referrals { ...CountFields }
    }
    shelterComparison { shelterStay priceYear ratio }
  }
`,
  [CountFields],
);

export type CostFigureValue = ResultOf<typeof CostFigureFields>;
export type CostInputProblemValue = { organizationId: string; model: string; year: number; fields: string[] };

type T = Translate<DashboardMessageKey>;
type OrganizationName = (id: string) => string;

/** The rule item whose amount and source the shelter comparison uses (domain cost rules, VIVE's group-course evaluation §4.3). */
const SHELTER_STAY_RULE_ID = 'shelter.stay';

export function modelLabel(model: string, locale: Locale): string {
  return entryOf(INTERVENTION_MODELS, model)?.label[locale] ?? model;
}

/** Only the chosen model's figures; `ALL` keeps both. */
export function figuresForModel<Figure extends { model: string }>(
  figures: readonly Figure[],
  model: 'ALL' | InterventionModelCode,
): Figure[] {
  return figures.filter((figure) => model === 'ALL' || figure.model === model);
}

export function figureLabel(
  figure: { organizationId: string; model: string },
  name: OrganizationName,
  t: T,
  locale: Locale,
) {
  return t('costs.row', {
    organization: name(figure.organizationId),
    model: modelLabel(figure.model, locale),
  });
}

function kroner(amount: number | null | undefined, hidden = false): Cell {
  return numberCell(amount, 'kroner', hidden);
}

/** Start-up, yearly, first year and the per-unit figures, one row per organisation and model. */
export function costOverviewTable(
  figures: readonly CostFigureValue[],
  name: OrganizationName,
  t: T,
  locale: Locale,
): DataTable {
  return {
    id: 'costs-overview',
    title: t('costs.overviewTable'),
    rowHeader: t('costs.rowHeader'),
    columns: [
      t('costs.year'),
      t('costs.ruleSet'),
      t('costs.startUp'),
      t('costs.yearly'),
      t('costs.yearlyHours'),
      t('costs.firstYear'),
      t('costs.courses'),
      t('costs.perCourse'),
      t('costs.completers'),
      t('costs.perCompleter'),
      t('costs.referrals'),
      t('costs.perReferral'),
      t('costs.shelterStay'),
      t('costs.priceYear'),
      t('costs.ratio'),
    ],
    rows: figures.map((figure) => {
      const perCompleter = figure.perCompleter;
      const perReferral = figure.perReferral;
      const shelter = figure.shelterComparison;
      return {
        label: figureLabel(figure, name, t, locale),
        cells: [
          textCell(String(figure.year)),
          textCell(figure.ruleSetId),
          kroner(figure.startUp.total),
          kroner(figure.yearly.total),
          integerCell(figure.yearly.hours),
          kroner(figure.firstYear),
          integerCell(figure.perCourse?.courses),
          kroner(figure.perCourse?.amount),
          perCompleter ? countCell(perCompleter.completers) : integerCell(null),
          kroner(perCompleter?.amount, perCompleter?.completers.suppressed ?? false),
          perReferral ? countCell(perReferral.referrals) : integerCell(null),
          kroner(perReferral?.amount, perReferral?.referrals.suppressed ?? false),
          kroner(shelter?.shelterStay),
          shelter ? textCell(String(shelter.priceYear)) : integerCell(null),
          numberCell(shelter?.ratio, 'decimal2', perCompleter?.completers.suppressed ?? false),
        ],
      };
    }),
  };
}

/** Every line of every breakdown, start-up apart from the yearly running cost, in one table. */
export function costLinesTable(
  figures: readonly CostFigureValue[],
  name: OrganizationName,
  t: T,
  locale: Locale,
): DataTable {
  const label = (line: { labelDa: string; labelEn: string }) =>
    locale === 'da' ? line.labelDa : line.labelEn;
  return {
    id: 'costs-lines',
    title: t('costs.linesTable'),
    rowHeader: t('costs.rowHeader'),
    columns: [t('costs.block'), t('costs.line'), t('costs.hours'), t('costs.amount')],
    rows: figures.flatMap((figure) => {
      const row = figureLabel(figure, name, t, locale);
      const block = (
        blockName: string,
        lines: CostFigureValue['startUp']['lines'],
        total: number,
        hours: number | null,
      ) => [
        ...lines.map((line) => ({
          label: row,
          cells: [textCell(blockName), textCell(label(line)), integerCell(line.hours), kroner(line.amount)],
        })),
        {
          label: row,
          cells: [textCell(blockName), textCell(t('costs.blockTotal')), integerCell(hours), kroner(total)],
        },
      ];
      return [
        ...block(t('costs.blockStartUp'), figure.startUp.lines, figure.startUp.total, null),
        ...block(
          t('costs.blockYearly'),
          figure.yearly.lines,
          figure.yearly.total,
          figure.yearly.hours ?? null,
        ),
      ];
    }),
  };
}

/** Per completer beside one shelter stay, for the group-course figures that have the comparison. */
export function shelterBars(
  figures: readonly CostFigureValue[],
  name: OrganizationName,
  t: T,
  locale: Locale,
  marks: CellMarks,
): PairedBar[] {
  return figures.flatMap((figure) => {
    const shelter = figure.shelterComparison;
    const perCompleter = figure.perCompleter;
    if (!shelter) return [];
    const hidden = perCompleter?.completers.suppressed ?? false;
    const n = perCompleter
      ? displayCell(countCell(perCompleter.completers), locale, marks)
      : marks.notAvailable;
    return [
      {
        label: name(figure.organizationId),
        first: perCompleter?.amount ?? null,
        second: shelter.shelterStay,
        firstText: t('costs.perCompleterValue', {
          amount: displayCell(kroner(perCompleter?.amount, hidden), locale, marks),
          n,
        }),
        secondText: displayCell(kroner(shelter.shelterStay), locale, marks),
      },
    ];
  });
}

/** Start-up beside the yearly running cost, per organisation and model. */
export function blockBars(
  figures: readonly CostFigureValue[],
  name: OrganizationName,
  t: T,
  locale: Locale,
  marks: CellMarks,
): PairedBar[] {
  return figures.map((figure) => ({
    label: figureLabel(figure, name, t, locale),
    first: figure.startUp.total,
    second: figure.yearly.total,
    firstText: displayCell(kroner(figure.startUp.total), locale, marks),
    secondText: displayCell(kroner(figure.yearly.total), locale, marks),
  }));
}

/** "title: label first / second; …." as the paired charts' text alternative. */
export function pairedSummary(
  title: string,
  seriesNames: [string, string],
  bars: readonly PairedBar[],
): string {
  const text = `${title}: ${bars
    .map((bar) => `${bar.label}: ${seriesNames[0]} ${bar.firstText}, ${seriesNames[1]} ${bar.secondText}`)
    .join('; ')}`;
  // Kroner end in "kr." already; a second full stop would read as a typo.
  return text.endsWith('.') ? text : `${text}.`;
}

/**
 * Where the figures come from: each rule set used, with its version, price year and the source of the
 * shelter-stay comparison, read from the domain's cost rule data (the amount is the gateway's).
 */
export function costSources(
  figures: readonly CostFigureValue[],
  t: T,
  locale: Locale,
  marks: CellMarks,
): string[] {
  const ruleSetIds = [...new Set(figures.map((figure) => figure.ruleSetId))];
  return ruleSetIds.map((id) => {
    const set = COST_RULE_SETS.find((candidate) => candidate.id === id);
    if (!set) return t('costs.unknownRuleSet', { id });
    const shelterRule = set.items.find((item) => item.id === SHELTER_STAY_RULE_ID);
    const comparison = figures.find(
      (figure) => figure.ruleSetId === id && figure.shelterComparison,
    )?.shelterComparison;
    const ruleSet = t('costs.ruleSetSource', {
      title: set.title[locale],
      id: set.id,
      priceYear: set.priceYear,
    });
    if (!comparison || !shelterRule) return ruleSet;
    return `${ruleSet} ${t('costs.shelterSource', {
      amount: displayCell(kroner(comparison.shelterStay), locale, marks),
      priceYear: comparison.priceYear,
      document: shelterRule.source.document[locale],
      reference: shelterRule.source.reference,
    })}`;
  });
}

/** The per-completer notes the gateway attaches, once each, in the reader's language. */
export function perCompleterNotes(figures: readonly CostFigureValue[], locale: Locale): string[] {
  return [
    ...new Set(
      figures.flatMap((figure) =>
        figure.perCompleter
          ? [locale === 'da' ? figure.perCompleter.noteDa : figure.perCompleter.noteEn]
          : [],
      ),
    ),
  ];
}

/** A refused input as one sentence: whose, which model and year, and the fields at fault with their codes. */
export function inputProblemText(
  problem: CostInputProblemValue,
  name: OrganizationName,
  t: T,
  locale: Locale,
): string {
  return t('costs.invalidInput', {
    organization: name(problem.organizationId),
    model: modelLabel(problem.model, locale),
    year: problem.year,
    fields: problem.fields
      .map((field) => {
        const [path, code] = field.split(':');
        return code ? `${path} (${code})` : field;
      })
      .join(', '),
  });
}
