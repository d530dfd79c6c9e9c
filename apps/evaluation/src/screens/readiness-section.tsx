import { CLINICALLY_RELEVANT_CHANGE, type InterventionModelCode } from '@vi/domain';
import { useLocale, useT } from '@vi/ui';
import { type FragmentOf, graphql, readFragment } from '../graphql.ts';
import { CostFigureFields, figureLabel, figuresForModel, modelLabel } from './cost-figures.ts';
import { useOrganizationName } from './dashboard-context.tsx';
import { type DashboardMessageKey, dashboardMessages } from './dashboard-messages.ts';
import { DataTableView } from './data-table-view.tsx';
import { rateCells } from './figure-cells.ts';
import { SectionFrame } from './section-frame.tsx';
import {
  type Cell,
  countCell,
  type DataTable,
  displayCell,
  integerCell,
  numberCell,
  textCell,
} from './table-model.ts';
import { CountFields, RateFields, TTestFields } from './value-fragments.ts';

/**
 * The five SUSI criteria for moving a model from maturing to trial (VIVE's group-course evaluation, DOMAIN §7), each with the
 * live figures that speak to it. The dashboard shows the evidence; judging it is the evaluator's job.
 */
export const ReadinessSectionFields = graphql(
  `
  fragment ReadinessSection on Evaluation {
    costs {
      figures { ...CostFigureFields }
      invalidInputs { organizationId model year }
    }
    outreachFunnel {
      counts {
        identified { ...CountFields }
        reached { ...CountFields }
      }
      rates { acceptance { ...RateFields } }
    }
    intakeCountsByYear {
      tables {
        kind
        table { grandTotal { ...CountFields } }
      }
    }
    waitingTimes {
      total {
        enrolled { ...CountFields }
        meanDays
        stillWaiting { ...CountFields }
        stillWaitingOverLimit { ...CountFields }
      }
    }
    courseDelivery {
      total {
        courses
        meanDaysBetweenSessions
        gapsOver14Days
        courses6To8
        participants { ...CountFields }
      }
    }
    courseParticipation {
      total {
        completion { ...RateFields }
        dropOut { ...RateFields }
        attendance
      }
    }
    recovery {
      measures {
        measure
        total {
          paired {
            n { ...CountFields }
            test { ...TTestFields }
            clinicallyRelevantImprovement { ...RateFields }
          }
        }
      }
    }
  }
`,
  [CountFields, RateFields, TTestFields, CostFigureFields],
);

type Evidence = { criterion: DashboardMessageKey; label: string; value: Cell; share: [Cell, Cell, Cell] };

export function ReadinessSection({
  data,
  model,
}: {
  data: FragmentOf<typeof ReadinessSectionFields>;
  /** The dashboard's model choice, which decides whose costs speak to the fifth criterion. */
  model: 'ALL' | InterventionModelCode;
}) {
  const t = useT(dashboardMessages);
  const { locale } = useLocale();
  const organizationName = useOrganizationName();
  const name = (id: string) => organizationName(id, t('group.allSelected'));
  const marks = {
    underFive: t('mark.underFive'),
    hidden: t('mark.hidden'),
    notAvailable: t('mark.notAvailable'),
  };
  const readiness = readFragment(ReadinessSectionFields, data);
  const none: [Cell, Cell, Cell] = [integerCell(null), integerCell(null), integerCell(null)];
  const registrations = readiness.intakeCountsByYear.tables.find((form) => form.kind === 'REGISTRATION');
  const waiting = readiness.waitingTimes.total;
  const delivery = readiness.courseDelivery.total;
  const participation = readiness.courseParticipation.total;
  const inspireO = readiness.recovery.measures.find((measure) => measure.measure === 'INSPIRE_O')?.total
    .paired;

  const evidence: Evidence[] = [
    {
      criterion: 'readiness.demand',
      label: t('readiness.identified'),
      value: countCell(readiness.outreachFunnel.counts.identified),
      share: none,
    },
    {
      criterion: 'readiness.demand',
      label: t('readiness.acceptance'),
      value: countCell(readiness.outreachFunnel.counts.reached),
      share: rateCells(readiness.outreachFunnel.rates.acceptance),
    },
    {
      criterion: 'readiness.demand',
      label: t('readiness.registrations'),
      value: countCell(registrations?.table.grandTotal),
      share: none,
    },
    {
      criterion: 'readiness.demand',
      label: t('readiness.stillWaiting'),
      value: countCell(waiting.stillWaiting),
      share: none,
    },
    {
      criterion: 'readiness.demand',
      label: t('readiness.stillWaitingOverLimit'),
      value: countCell(waiting.stillWaitingOverLimit),
      share: none,
    },
    {
      criterion: 'readiness.demand',
      label: t('readiness.meanWait'),
      value: numberCell(waiting.meanDays, 'decimal1', waiting.enrolled.suppressed),
      share: none,
    },
    {
      criterion: 'readiness.implemented',
      label: t('readiness.courses'),
      value: integerCell(delivery.courses),
      share: none,
    },
    {
      criterion: 'readiness.implemented',
      label: t('readiness.cadence'),
      value: numberCell(delivery.meanDaysBetweenSessions, 'decimal1'),
      share: none,
    },
    {
      criterion: 'readiness.implemented',
      label: t('readiness.attendance'),
      value: countCell(delivery.participants),
      // A mean share of sessions attended, with noise (no interval: it is not a rate of counts).
      share: [
        numberCell(participation.attendance, 'percent', participation.attendance === null),
        integerCell(null),
        integerCell(null),
      ],
    },
    {
      criterion: 'readiness.developed',
      label: t('readiness.gaps'),
      value: integerCell(delivery.gapsOver14Days),
      share: none,
    },
    {
      criterion: 'readiness.developed',
      label: t('readiness.groupSize'),
      value: integerCell(delivery.courses6To8),
      share: none,
    },
    {
      criterion: 'readiness.developed',
      label: t('readiness.completion'),
      value: integerCell(participation.completion?.denominator),
      share: rateCells(participation.completion),
    },
    {
      criterion: 'readiness.developed',
      label: t('readiness.dropOut'),
      value: integerCell(participation.dropOut?.denominator),
      share: rateCells(participation.dropOut),
    },
    {
      criterion: 'readiness.results',
      label: t('readiness.pairs'),
      value: countCell(inspireO?.n),
      share: none,
    },
    {
      criterion: 'readiness.results',
      label: t('readiness.difference'),
      value: numberCell(inspireO?.test?.meanDifference, 'decimal1', inspireO?.n.suppressed ?? true),
      share: none,
    },
    {
      criterion: 'readiness.results',
      label: t('readiness.p'),
      value: numberCell(inspireO?.test?.p, 'p', inspireO?.n.suppressed ?? true),
      share: [
        inspireO?.test ? textCell(inspireO.test.stars) : integerCell(null),
        integerCell(null),
        integerCell(null),
      ],
    },
    {
      criterion: 'readiness.results',
      label: t('readiness.improved', { points: CLINICALLY_RELEVANT_CHANGE }),
      value: integerCell(inspireO?.clinicallyRelevantImprovement?.denominator),
      share: rateCells(inspireO?.clinicallyRelevantImprovement),
    },
    ...costEvidence(),
  ];

  /**
   * "Not unrealistically expensive": each organisation's start-up and running cost, and per completer
   * against one shelter stay (the share column is per completer ÷ shelter stay) or per referral.
   */
  function costEvidence(): Evidence[] {
    const figures = figuresForModel(readiness.costs.figures, model);
    const refused = figuresForModel(readiness.costs.invalidInputs, model);
    const criterion = 'readiness.cost' as const;
    const kroner = (amount: number | null | undefined, hidden = false) =>
      numberCell(amount, 'kroner', hidden);
    const rows = figures.flatMap((figure): Evidence[] => {
      const organization = figureLabel(figure, name, t, locale);
      const { perCompleter, perReferral, shelterComparison } = figure;
      const unit: Evidence[] = [];
      if (perCompleter && shelterComparison) {
        const hidden = perCompleter.completers.suppressed;
        unit.push({
          criterion,
          label: t('readiness.costPerCompleter', {
            organization,
            n: displayCell(countCell(perCompleter.completers), locale, marks),
            shelter: displayCell(kroner(shelterComparison.shelterStay), locale, marks),
            priceYear: shelterComparison.priceYear,
          }),
          value: kroner(perCompleter.amount, hidden),
          share: [
            numberCell(shelterComparison.ratio, 'percent', hidden),
            integerCell(null),
            integerCell(null),
          ],
        });
      }
      if (perReferral) {
        unit.push({
          criterion,
          label: t('readiness.costPerReferral', {
            organization,
            n: displayCell(countCell(perReferral.referrals), locale, marks),
          }),
          value: kroner(perReferral.amount, perReferral.referrals.suppressed),
          share: none,
        });
      }
      return [
        {
          criterion,
          label: t('readiness.costStartUp', { organization }),
          value: kroner(figure.startUp.total),
          share: none,
        },
        {
          criterion,
          label: t('readiness.costYearly', { organization }),
          value: kroner(figure.yearly.total),
          share: none,
        },
        ...unit,
      ];
    });
    const problems = refused.map(
      (problem): Evidence => ({
        criterion,
        label: t('readiness.costInvalid', {
          organization: name(problem.organizationId),
          model: modelLabel(problem.model, locale),
          year: problem.year,
        }),
        value: integerCell(null),
        share: none,
      }),
    );
    if (rows.length === 0 && problems.length === 0)
      return [{ criterion, label: t('readiness.costNone'), value: integerCell(null), share: none }];
    return [...rows, ...problems];
  }

  const table: DataTable = {
    id: 'readiness',
    title: t('readiness.table'),
    rowHeader: t('readiness.criterion'),
    columns: [
      t('readiness.evidence'),
      t('readiness.value'),
      t('column.share'),
      t('column.ciLower'),
      t('column.ciUpper'),
    ],
    rows: evidence.map((item) => ({
      label: t(item.criterion),
      cells: [textCell(item.label), item.value, ...item.share],
    })),
  };

  return (
    <SectionFrame id="readiness" heading={t('readiness.heading')} lead={t('readiness.lead')}>
      <DataTableView table={table} />
    </SectionFrame>
  );
}
