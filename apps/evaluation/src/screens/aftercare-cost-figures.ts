import type { Locale, Translate } from '@vi/ui';
import { graphql, type ResultOf } from '../graphql.ts';
import type { AftercareCostMessageKey } from './aftercare-cost-messages.ts';
import {
  type Cell,
  type CellMarks,
  countCell,
  type DataTable,
  displayCell,
  formatNumber,
  integerCell,
  numberCell,
  textCell,
} from './table-model.ts';
import { CountFields } from './value-fragments.ts';

/**
 * The cost figures of the two aftercare models as the gateway gives them (each organisation's own
 * inputs through the domain's rules, the divisors counted and perturbed there), turned into the cost
 * section's tables and notes. Pure, so the unit tests check them without a browser.
 */
export const HateCrimeCostFields = graphql(
  `
  fragment HateCrimeCostFields on HateCrimeCostFigure @_unmask {
    organizationId
    year
    ruleSetId
    yearly { total lines { id labelDa labelEn amount hours } }
    perVictim { amount victims { ...CountFields } withinPreStudyRange noteDa noteEn }
    preStudyRule {
      yearly { low high }
      victims { low high }
      perVictim { low high }
      sourceDa
      sourceEn
      reference
    }
    budget { yearly years use overBudget meetsMinimumYears }
  }
`,
  [CountFields],
);

export const ShelterAftercareCostFields = graphql(
  `
  fragment ShelterAftercareCostFields on ShelterAftercareCostFigure @_unmask {
    organizationId
    year
    ruleSetId
    yearly { total hours lines { id labelDa labelEn amount hours } }
    perMoveOut { amount moveOuts { ...CountFields } }
    breakEven { shelterStay priceYear repeatStaysAvoided sourceDa sourceEn reference }
  }
`,
  [CountFields],
);

export type HateCrimeCostValue = ResultOf<typeof HateCrimeCostFields>;
export type ShelterAftercareCostValue = ResultOf<typeof ShelterAftercareCostFields>;

type T = Translate<AftercareCostMessageKey>;
type OrganizationName = (id: string) => string;

const kroner = (amount: number | null | undefined, hidden = false): Cell =>
  numberCell(amount, 'kroner', hidden);
const kronerText = (amount: number, locale: Locale) => formatNumber(amount, 'kroner', locale);

/** Yearly cost, victims with aftercare, per victim against the pre-study's range, and the budget. */
export function hateCrimeCostTable(
  figures: readonly HateCrimeCostValue[],
  name: OrganizationName,
  t: T,
  locale: Locale,
  columns: { year: string; ruleSet: string; yearly: string },
): DataTable {
  return {
    id: 'costs-hate-crime',
    title: t('hateCrime.table'),
    rowHeader: t('hateCrime.rowHeader'),
    columns: [
      columns.year,
      columns.ruleSet,
      columns.yearly,
      t('hateCrime.victims'),
      t('hateCrime.perVictim'),
      t('hateCrime.preStudyRange'),
      t('hateCrime.withinRange'),
      t('hateCrime.budget'),
      t('hateCrime.budgetYears'),
      t('hateCrime.budgetUse'),
    ],
    columnIds: [
      'year',
      'ruleSet',
      'yearly',
      'victims',
      'perVictim',
      'preStudyRange',
      'withinRange',
      'budget',
      'budgetYears',
      'budgetUse',
    ],
    rows: figures.map((figure) => {
      const hidden = figure.perVictim.victims.suppressed;
      const range = figure.preStudyRule.perVictim;
      const within = figure.perVictim.withinPreStudyRange;
      return {
        label: name(figure.organizationId),
        cells: [
          textCell(String(figure.year)),
          textCell(figure.ruleSetId),
          kroner(figure.yearly.total),
          countCell(figure.perVictim.victims),
          kroner(figure.perVictim.amount, hidden),
          textCell(`${kronerText(range.low, locale)}-${kronerText(range.high, locale)}`),
          // Not shown where the amount is not: whether it is in the range would tell about it.
          within === null ? numberCell(null, 'integer', hidden) : textCell(within ? t('yes') : t('no')),
          kroner(figure.budget.yearly),
          integerCell(figure.budget.years),
          numberCell(figure.budget.use, 'percent'),
        ],
      };
    }),
  };
}

/** Yearly cost, move-outs, per move-out and the break-even against a shelter stay. */
export function shelterAftercareCostTable(
  figures: readonly ShelterAftercareCostValue[],
  name: OrganizationName,
  t: T,
  columns: { year: string; ruleSet: string; yearly: string; yearlyHours: string },
): DataTable {
  return {
    id: 'costs-shelter-aftercare',
    title: t('shelter.table'),
    rowHeader: t('shelter.rowHeader'),
    columns: [
      columns.year,
      columns.ruleSet,
      columns.yearly,
      columns.yearlyHours,
      t('shelter.moveOuts'),
      t('shelter.perMoveOut'),
      t('shelter.shelterStay'),
      t('shelter.priceYear'),
      t('shelter.breakEven'),
    ],
    columnIds: [
      'year',
      'ruleSet',
      'yearly',
      'yearlyHours',
      'moveOuts',
      'perMoveOut',
      'shelterStay',
      'priceYear',
      'breakEven',
    ],
    rows: figures.map((figure) => ({
      label: name(figure.organizationId),
      cells: [
        textCell(String(figure.year)),
        textCell(figure.ruleSetId),
        kroner(figure.yearly.total),
        integerCell(figure.yearly.hours),
        countCell(figure.perMoveOut.moveOuts),
        kroner(figure.perMoveOut.amount, figure.perMoveOut.moveOuts.suppressed),
        kroner(figure.breakEven.shelterStay),
        textCell(String(figure.breakEven.priceYear)),
        numberCell(figure.breakEven.repeatStaysAvoided, 'decimal1'),
      ],
    })),
  };
}

/** Every yearly line of both models, with each organisation's total. */
export function aftercareLinesTable(
  rows: ReadonlyArray<{
    label: string;
    yearly: { total: number; hours?: number | null; lines: HateCrimeCostValue['yearly']['lines'] };
  }>,
  t: T,
  locale: Locale,
  columns: { rowHeader: string; line: string; hours: string; amount: string; total: string },
): DataTable {
  const label = (line: { labelDa: string; labelEn: string }) =>
    locale === 'da' ? line.labelDa : line.labelEn;
  return {
    id: 'costs-aftercare-lines',
    title: t('lines.table'),
    rowHeader: columns.rowHeader,
    columns: [columns.line, columns.hours, columns.amount],
    columnIds: ['line', 'hours', 'amount'],
    rows: rows.flatMap((row) => [
      ...row.yearly.lines.map((line) => ({
        label: row.label,
        cells: [textCell(label(line)), integerCell(line.hours), kroner(line.amount)],
      })),
      {
        label: row.label,
        cells: [textCell(columns.total), integerCell(row.yearly.hours ?? null), kroner(row.yearly.total)],
      },
    ]),
  };
}

/** The pre-study's rule and its source, once per distinct rule in the figures. */
export function hateCrimeSources(figures: readonly HateCrimeCostValue[], t: T, locale: Locale): string[] {
  return [
    ...new Set(
      figures.map(({ preStudyRule: r }) =>
        t('hateCrime.source', {
          yearlyLow: kronerText(r.yearly.low, locale),
          yearlyHigh: kronerText(r.yearly.high, locale),
          victimsLow: r.victims.low,
          victimsHigh: r.victims.high,
          perVictimLow: kronerText(r.perVictim.low, locale),
          perVictimHigh: kronerText(r.perVictim.high, locale),
          document: locale === 'da' ? r.sourceDa : r.sourceEn,
          reference: r.reference,
        }),
      ),
    ),
  ];
}

/** The shelter-stay comparison's amount and source, once per distinct rule in the figures. */
export function shelterSources(
  figures: readonly ShelterAftercareCostValue[],
  t: T,
  locale: Locale,
  marks: CellMarks,
): string[] {
  return [
    ...new Set(
      figures.map(({ breakEven: b }) =>
        t('shelter.source', {
          amount: displayCell(kroner(b.shelterStay), locale, marks),
          priceYear: b.priceYear,
          document: locale === 'da' ? b.sourceDa : b.sourceEn,
          reference: b.reference,
        }),
      ),
    ),
  ];
}
