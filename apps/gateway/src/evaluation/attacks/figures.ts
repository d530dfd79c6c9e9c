// What the attack suite reads from `Query.evaluation` and what it compares it with.
// - EVALUATION_SELECTION: every figure, in one selection (one filter = one combination).
// - readEvaluation: the published counts, means and rates of one answer, each under a key
//   (e.g. `acc.GENDER.row.MAN.WANTS_CALL`), and the sums the attacker knows hold between
//   them (the figure's published structure, e.g. identified = noContactDetails + …).
// - truthOf: the same keys computed exactly from the database: the test's oracle, never
//   the attacker's. It mirrors what each figure counts (its table, date column and filter
//   columns), independently of the gateway's code.
import {
  AGE_GROUPS,
  CLINICALLY_RELEVANT_CHANGE,
  COURSE_ITEM_IDS,
  DECLINE_REASONS,
  HEARD_FROM,
  isValidatedTranslation,
  RECOVERY_CUTOFF,
  REFERRED_TO,
  VIOLENCE_FORMS,
  VIOLENCE_STATUS,
  YOUNG_AGE_RANGE,
} from '@vi/domain';
import { DANISH_TODAY_SQL } from '../queries/evaluation-filter.ts';
import { type MagnitudeBounds, type Relation, type Shown, tableRelations } from './attacker.ts';

// ── The query ───────────────────────────────────────────────────────────

const TABLE =
  'table { columns columnTotals { value } grandTotal { value } rows { key cells { value } total { value } } }';
const RATE = '{ numerator denominator rate }';
const FUNNEL_KEYS = [
  'identified',
  'noContactDetails',
  'withContactDetails',
  'inactiveIncidentType',
  'notYetCalled',
  'notReached',
  'reached',
  'wantsCall',
  'declined',
  'willCallSelf',
  'declinedOrSelf',
  'referralPending',
  'conversationHeld',
  'registeredOther',
  'referralLost',
  'noReferral',
] as const;
export const ACCEPTANCE_DIMENSIONS = ['INCIDENT_TYPE', 'GENDER', 'AGE_GROUP', 'ROLE'] as const;
const SCORE = 'n { value } mean sd';
const RECOVERY_ROW = `baseline { ${SCORE} } end { ${SCORE} }
  paired { n { value } meanBefore meanAfter sdDifference clinicallyRelevantImprovement ${RATE} crossedCutoff ${RATE} }`;
const WAITING_ROW =
  'enrolled { value } enrolledOverLimit { value } stillWaiting { value } stillWaitingOverLimit { value } meanDays medianDays p90Days';
const DELIVERY_ROW = 'courses coursesUnder6 courses6To8 coursesOver8 participants { value } meanGroupSize';
const MULTI = `registrations { value } options { code count { value } shareOfRegistrations ${RATE} }`;

const FIGURE_SELECTIONS: Array<[string, string]> = [
  ['organizations', 'organizations { id }'],
  [
    'outreachFunnel',
    `outreachFunnel {
      counts { ${FUNNEL_KEYS.map((key) => `${key} { value }`).join(' ')} }
      rates { acceptance ${RATE} reached ${RATE} contactDetails ${RATE} declined ${RATE} willCallSelf ${RATE} conversion ${RATE} }
    }`,
  ],
  ...ACCEPTANCE_DIMENSIONS.map((dimension): [string, string] => [
    `acc_${dimension}`,
    `acc_${dimension}: outreachAcceptance(dimension: ${dimension}) {
      ${TABLE} groups { group reached wantsCall ${RATE} declinedOrSelf ${RATE} } }`,
  ]),
  [
    'declineReasons',
    `declineReasons { declined { value } withReason { value } notRecorded { value }
      reasons { reason count { value } shareOfRecorded ${RATE} } }`,
  ],
  [
    'surveyOffers',
    `surveyOffers { reached { value } offered { value } notAppropriate { value }
      byStatus { status count { value } } offeredRate ${RATE} acceptedRate ${RATE} }`,
  ],
  ['intakeHeardFrom', `intakeHeardFrom { ${MULTI} }`],
  ['intakeReferrals', `intakeReferrals { ${MULTI} }`],
  ['intakeViolenceForms', `intakeViolenceForms { ${TABLE} }`],
  ['intakeCountsByYear', `intakeCountsByYear { tables { kind ${TABLE} } }`],
  [
    'courseDelivery',
    `courseDelivery { total { ${DELIVERY_ROW} } byOrganization { organizationId ${DELIVERY_ROW} } }`,
  ],
  [
    'courseParticipation',
    `courseParticipation { ${TABLE} withdrawn { value } withdrawnTotal { value }
      total { completion ${RATE} dropOut ${RATE} } byOrganization { organizationId completion ${RATE} dropOut ${RATE} } }`,
  ],
  [
    'waitingTimes',
    `waitingTimes { total { ${WAITING_ROW} } byOrganization { organizationId ${WAITING_ROW} } }`,
  ],
  [
    'courseItems',
    `courseItems { items { itemId total { ${SCORE} } byOrganization { organizationId ${SCORE} } } }`,
  ],
  [
    'reach',
    `reach { models { model groups { group reached { value } accepted { value } acceptance ${RATE} } } }`,
  ],
  [
    'recovery',
    `recovery { measures { measure total { ${RECOVERY_ROW} } byOrganization { organizationId ${RECOVERY_ROW} } } }`,
  ],
];

/**
 * Every figure in one selection (one filter = one combination towards the daily limit).
 * ATTACK_SKIP_FIGURES (comma-separated names) leaves figures out while one is being rebuilt.
 */
const SKIPPED = new Set((process.env.ATTACK_SKIP_FIGURES ?? '').split(',').filter(Boolean));
export const EVALUATION_SELECTION = FIGURE_SELECTIONS.filter(([name]) => !SKIPPED.has(name))
  .map(([, selection]) => selection)
  .join('\n');

// ── Reading an answer ───────────────────────────────────────────────────

/** A published mean: its value (null = not shown), the key of its n, the measure's range. */
export type ShownMean = { value: number | null; nKey: string; range: MagnitudeBounds };
/** A published rate: the keys whose true counts its numerator and denominator are, and its numbers. */
export type ShownRateOf = {
  name: string;
  numeratorKeys: string[];
  denominatorKeys: string[];
  shown: { numerator: number; denominator: number } | null;
};
/** A statistic computed from a count and an exact, public figure (mean group size × courses). */
export type ShownRatio = { name: string; value: number | null; countKey: string; multiplier: number };

export type FigureReading = {
  counts: Map<string, Shown>;
  means: Map<string, ShownMean>;
  /** Other published statistics (SDs, medians, 90th percentiles): checked for exposure only. */
  statistics: Map<string, { value: number | null; range: MagnitudeBounds }>;
  rates: ShownRateOf[];
  ratios: ShownRatio[];
  /** Published cells that are sums of other keys' people (a rate's own numerator or denominator). */
  sumKeys: Map<string, string[]>;
  /** Public structure: sums that hold between the true counts. */
  relations: Relation[];
  /** Public bounds on true counts besides their display (e.g. a course's size class). */
  bounds: Map<string, { min: number; max: number }>;
};

type Json = Record<string, unknown>;
type CountJson = { value: number | null } | null;
type RateJson = { numerator: number; denominator: number; rate: number | null } | null;
type TableJson = {
  columns: string[];
  columnTotals: CountJson[];
  grandTotal: CountJson;
  rows: Array<{ key: string; cells: CountJson[]; total: CountJson }>;
};

const INSPIRE_RANGE = { lower: 0, upper: 100 };
const LIKERT_RANGE = { lower: 1, upper: 5 };
const DAYS_RANGE = { lower: 0, upper: Number.POSITIVE_INFINITY };

function shownOf(count: CountJson | undefined): Shown {
  return { value: count?.value ?? null };
}

function rateOf(rate: RateJson | undefined): ShownRateOf['shown'] {
  return rate && rate.rate !== null ? { numerator: rate.numerator, denominator: rate.denominator } : null;
}

/** A reading with nothing in it yet, for a reader to fill. */
export function emptyReading(): FigureReading {
  return {
    counts: new Map(),
    means: new Map(),
    statistics: new Map(),
    rates: [],
    ratios: [],
    sumKeys: new Map(),
    relations: [],
    bounds: new Map(),
  };
}

/** Reads one `evaluation { … }` answer into keyed values and the sums between them. */
export function readEvaluation(evaluation: Json): FigureReading {
  const reading = emptyReading();
  const { counts, means, rates, relations, statistics } = reading;
  const equal = (a: string, b: string) => relations.push({ total: a, parts: [b] });
  const f = (key: string) => `funnel.${key}`;

  const readTable = (prefix: string, table: TableJson) => {
    const rows = table.rows.map((row) => row.key);
    for (const row of table.rows) {
      counts.set(`${prefix}.row.${row.key}.total`, shownOf(row.total));
      for (const [j, cell] of row.cells.entries())
        counts.set(`${prefix}.row.${row.key}.${table.columns[j]}`, shownOf(cell));
    }
    for (const [j, column] of table.columns.entries())
      counts.set(`${prefix}.col.${column}`, shownOf(table.columnTotals[j]));
    counts.set(`${prefix}.grand`, shownOf(table.grandTotal));
    relations.push(
      ...tableRelations(
        (row, column) => `${prefix}.row.${row}.${column}`,
        (row) => `${prefix}.row.${row}.total`,
        (column) => `${prefix}.col.${column}`,
        `${prefix}.grand`,
        rows,
        table.columns,
      ),
    );
  };

  // Outreach funnel and its sums (its own documentation names them).
  if (evaluation.outreachFunnel) {
    const funnel = evaluation.outreachFunnel as {
      counts: Record<string, CountJson>;
      rates: Record<string, RateJson>;
    };
    for (const key of FUNNEL_KEYS) counts.set(`funnel.${key}`, shownOf(funnel.counts[key]));
    relations.push(
      { total: f('identified'), parts: [f('noContactDetails'), f('withContactDetails')] },
      { total: f('withContactDetails'), parts: [f('notYetCalled'), f('notReached'), f('reached')] },
      { total: f('reached'), parts: [f('wantsCall'), f('declined'), f('willCallSelf')] },
      { total: f('reached'), parts: [f('wantsCall'), f('declinedOrSelf')] },
      { total: f('declinedOrSelf'), parts: [f('declined'), f('willCallSelf')] },
      {
        total: f('wantsCall'),
        parts: ['noReferral', 'referralPending', 'conversationHeld', 'registeredOther', 'referralLost'].map(
          f,
        ),
      },
    );
    const funnelRate = (name: string, numerator: string[], denominator: string[]) =>
      rates.push({
        name: `funnel.rate.${name}`,
        numeratorKeys: numerator.map(f),
        denominatorKeys: denominator.map(f),
        shown: rateOf(funnel.rates[name]),
      });
    funnelRate('acceptance', ['wantsCall'], ['reached']);
    funnelRate('reached', ['reached'], ['identified']);
    funnelRate('contactDetails', ['withContactDetails'], ['identified']);
    funnelRate('declined', ['declined'], ['reached']);
    funnelRate('willCallSelf', ['willCallSelf'], ['reached']);
    funnelRate(
      'conversion',
      ['conversationHeld', 'registeredOther'],
      ['conversationHeld', 'registeredOther', 'referralLost'],
    );
  }

  // Acceptance tables: reached people by group × outcome; the margins are the funnel's.
  for (const dimension of ACCEPTANCE_DIMENSIONS) {
    if (!evaluation[`acc_${dimension}`]) continue;
    const figure = evaluation[`acc_${dimension}`] as {
      table: TableJson;
      groups: Array<{ group: string; wantsCall: RateJson; declinedOrSelf: RateJson }>;
    };
    const prefix = `acc.${dimension}`;
    readTable(prefix, figure.table);
    equal(`${prefix}.grand`, f('reached'));
    if (figure.table.columns.includes('WANTS_CALL')) equal(`${prefix}.col.WANTS_CALL`, f('wantsCall'));
    if (figure.table.columns.includes('DECLINED_OR_SELF'))
      equal(`${prefix}.col.DECLINED_OR_SELF`, f('declinedOrSelf'));
    for (const group of figure.groups) {
      for (const outcome of ['wantsCall', 'declinedOrSelf'] as const) {
        const column = outcome === 'wantsCall' ? 'WANTS_CALL' : 'DECLINED_OR_SELF';
        rates.push({
          name: `${prefix}.rate.${group.group}.${outcome}`,
          numeratorKeys: [`${prefix}.row.${group.group}.${column}`],
          denominatorKeys: [`${prefix}.row.${group.group}.total`],
          shown: rateOf(group[outcome]),
        });
      }
    }
  }

  // Decline reasons: declined = with a reason + not recorded; with a reason = Σ reasons.
  if (evaluation.declineReasons) {
    const decline = evaluation.declineReasons as {
      declined: CountJson;
      withReason: CountJson;
      notRecorded: CountJson;
      reasons: Array<{ reason: string; count: CountJson; shareOfRecorded: RateJson }>;
    };
    counts.set('decline.declined', shownOf(decline.declined));
    counts.set('decline.withReason', shownOf(decline.withReason));
    counts.set('decline.notRecorded', shownOf(decline.notRecorded));
    for (const reason of decline.reasons) {
      counts.set(`decline.reason.${reason.reason}`, shownOf(reason.count));
      rates.push({
        name: `decline.rate.${reason.reason}`,
        numeratorKeys: [`decline.reason.${reason.reason}`],
        denominatorKeys: ['decline.withReason'],
        shown: rateOf(reason.shareOfRecorded),
      });
    }
    relations.push(
      { total: 'decline.declined', parts: ['decline.withReason', 'decline.notRecorded'] },
      { total: 'decline.withReason', parts: decline.reasons.map((r) => `decline.reason.${r.reason}`) },
    );
    equal('decline.declined', f('declined'));
  }

  // Survey offers among the reached.
  if (evaluation.surveyOffers) {
    const survey = evaluation.surveyOffers as {
      reached: CountJson;
      offered: CountJson;
      notAppropriate: CountJson;
      byStatus: Array<{ status: string; count: CountJson }>;
      offeredRate: RateJson;
      acceptedRate: RateJson;
    };
    counts.set('survey.reached', shownOf(survey.reached));
    counts.set('survey.offered', shownOf(survey.offered));
    counts.set('survey.notAppropriate', shownOf(survey.notAppropriate));
    for (const status of survey.byStatus) counts.set(`survey.status.${status.status}`, shownOf(status.count));
    const statuses = new Set(survey.byStatus.map((s) => s.status));
    const s = (code: string) => `survey.status.${code}`;
    relations.push({
      total: 'survey.reached',
      parts: ['survey.offered', 'survey.notAppropriate', s('NOT_OFFERED'), s('NOT_RECORDED')].filter(
        (key) => !key.startsWith('survey.status.') || statuses.has(key.slice('survey.status.'.length)),
      ),
    });
    relations.push({ total: 'survey.offered', parts: [s('OFFERED_ACCEPTED'), s('OFFERED_DECLINED')] });
    relations.push({
      total: 'survey.notAppropriate',
      parts: ['NOT_APPROPRIATE_LANGUAGE', 'NOT_APPROPRIATE_TECHNICAL', 'NOT_APPROPRIATE_ETHICAL'].map(s),
    });
    equal('survey.reached', f('reached'));
    rates.push(
      {
        name: 'survey.rate.offered',
        numeratorKeys: ['survey.offered'],
        denominatorKeys: ['survey.reached'],
        shown: rateOf(survey.offeredRate),
      },
      {
        name: 'survey.rate.accepted',
        numeratorKeys: [s('OFFERED_ACCEPTED')],
        denominatorKeys: ['survey.offered'],
        shown: rateOf(survey.acceptedRate),
      },
    );
  }

  // Intake multi-choice questions: each option is at most the registrations.
  for (const [name, figureName] of [
    ['heard', 'intakeHeardFrom'],
    ['referred', 'intakeReferrals'],
  ] as const) {
    if (!evaluation[figureName]) continue;
    const figure = evaluation[figureName] as {
      registrations: CountJson;
      options: Array<{ code: string; count: CountJson; shareOfRegistrations: RateJson }>;
    };
    counts.set(`${name}.registrations`, shownOf(figure.registrations));
    for (const option of figure.options) {
      counts.set(`${name}.option.${option.code}`, shownOf(option.count));
      relations.push({
        total: `${name}.registrations`,
        parts: [`${name}.option.${option.code}`],
        atLeastParts: true,
      });
      rates.push({
        name: `${name}.rate.${option.code}`,
        numeratorKeys: [`${name}.option.${option.code}`],
        denominatorKeys: [`${name}.registrations`],
        shown: rateOf(option.shareOfRegistrations),
      });
    }
  }
  equal('heard.registrations', 'referred.registrations');

  // Intake tables.
  if (evaluation.intakeViolenceForms)
    readTable('violence', (evaluation.intakeViolenceForms as { table: TableJson }).table);
  const byYear = evaluation.intakeCountsByYear as
    | { tables: Array<{ kind: string; table: TableJson }> }
    | undefined;
  for (const { kind, table } of byYear?.tables ?? []) readTable(`byYear.${kind}`, table);
  // Year columns come from the period and the installation, not from the selection's data:
  // a column's presence tells nothing (the bound the first version used is gone).

  // Course participation (rows = organisations) and withdrawals per row.
  if (evaluation.courseParticipation) {
    const participation = evaluation.courseParticipation as {
      table: TableJson;
      withdrawn: CountJson[];
      withdrawnTotal: CountJson;
      total: { completion: RateJson; dropOut: RateJson };
      byOrganization: Array<{ organizationId: string; completion: RateJson; dropOut: RateJson }>;
    };
    readTable('participation', participation.table);
    for (const [i, row] of participation.table.rows.entries())
      counts.set(`participation.withdrawn.${row.key}`, shownOf(participation.withdrawn[i]));
    counts.set('participation.withdrawn.total', shownOf(participation.withdrawnTotal));
    relations.push({
      total: 'participation.withdrawn.total',
      parts: participation.table.rows.map((row) => `participation.withdrawn.${row.key}`),
    });
    for (const row of participation.table.rows)
      relations.push({
        total: `participation.row.${row.key}.total`,
        parts: [`participation.withdrawn.${row.key}`],
        atLeastParts: true,
      });
    const participationRates = (
      prefix: string,
      name: string,
      rateJson: { completion: RateJson; dropOut: RateJson },
    ) => {
      rates.push(
        {
          name: `participation.rate.${name}.completion`,
          numeratorKeys: [`${prefix}.BOTH_FORMS`],
          denominatorKeys: [`${prefix}.BOTH_FORMS`, `${prefix}.BASELINE_ONLY`],
          shown: rateOf(rateJson.completion),
        },
        {
          name: `participation.rate.${name}.dropOut`,
          numeratorKeys: [`${prefix}.BASELINE_ONLY`],
          denominatorKeys: [`${prefix}.BOTH_FORMS`, `${prefix}.BASELINE_ONLY`],
          shown: rateOf(rateJson.dropOut),
        },
      );
    };
    participationRates('participation.col', 'total', participation.total);
    for (const row of participation.byOrganization)
      participationRates(`participation.row.${row.organizationId}`, row.organizationId, row);
  }

  // Course delivery: participants, with the public size bands of the courses as bounds,
  // and the mean group size × courses (a statistic of the participants).
  type DeliveryRow = {
    organizationId?: string;
    courses: number;
    coursesUnder6: number;
    courses6To8: number;
    coursesOver8: number;
    participants: CountJson;
    meanGroupSize: number | null;
  };
  if (evaluation.courseDelivery) {
    const delivery = evaluation.courseDelivery as { total: DeliveryRow; byOrganization: DeliveryRow[] };
    for (const row of [delivery.total, ...delivery.byOrganization]) {
      const key = `delivery.${row.organizationId ?? 'total'}.participants`;
      counts.set(key, shownOf(row.participants));
      // The size bands count courses by their perturbed participant count v = max(0, c + d),
      // and the noise has no bound: the only certainty is that a course banded 6-8 or over 8
      // (v ≥ 6) has somebody (a course of nobody is always v = 0).
      reading.bounds.set(key, {
        min: row.courses6To8 + row.coursesOver8,
        max: Number.POSITIVE_INFINITY,
      });
      reading.ratios.push({
        name: `delivery.${row.organizationId ?? 'total'}.meanGroupSize`,
        value: row.meanGroupSize,
        countKey: key,
        multiplier: row.courses,
      });
    }
    relations.push({
      total: 'delivery.total.participants',
      parts: delivery.byOrganization.map((row) => `delivery.${row.organizationId}.participants`),
    });
  }

  // Waiting times: per organisation and in total; over the limit ⊆ its group.
  type WaitingRow = {
    organizationId?: string;
    enrolled: CountJson;
    enrolledOverLimit: CountJson;
    stillWaiting: CountJson;
    stillWaitingOverLimit: CountJson;
    meanDays: number | null;
    medianDays: number | null;
    p90Days: number | null;
  };
  if (evaluation.waitingTimes) {
    const waiting = evaluation.waitingTimes as { total: WaitingRow; byOrganization: WaitingRow[] };
    const WAITING_FIELDS = [
      'enrolled',
      'enrolledOverLimit',
      'stillWaiting',
      'stillWaitingOverLimit',
    ] as const;
    for (const row of [waiting.total, ...waiting.byOrganization]) {
      const prefix = `waiting.${row.organizationId ?? 'total'}`;
      for (const field of WAITING_FIELDS) counts.set(`${prefix}.${field}`, shownOf(row[field]));
      means.set(`${prefix}.meanDays`, { value: row.meanDays, nKey: `${prefix}.enrolled`, range: DAYS_RANGE });
      statistics.set(`${prefix}.medianDays`, { value: row.medianDays, range: DAYS_RANGE });
      statistics.set(`${prefix}.p90Days`, { value: row.p90Days, range: DAYS_RANGE });
      relations.push(
        { total: `${prefix}.enrolled`, parts: [`${prefix}.enrolledOverLimit`], atLeastParts: true },
        { total: `${prefix}.stillWaiting`, parts: [`${prefix}.stillWaitingOverLimit`], atLeastParts: true },
      );
    }
    for (const field of WAITING_FIELDS)
      relations.push({
        total: `waiting.total.${field}`,
        parts: waiting.byOrganization.map((row) => `waiting.${row.organizationId}.${field}`),
      });
  }

  // Course items: n and mean per item, per organisation and in total.
  type ItemMean = { organizationId?: string; n: CountJson; mean: number | null; sd: number | null };
  if (evaluation.courseItems) {
    const items = evaluation.courseItems as {
      items: Array<{ itemId: string; total: ItemMean; byOrganization: ItemMean[] }>;
    };
    for (const item of items.items) {
      for (const row of [item.total, ...item.byOrganization]) {
        const prefix = `item.${item.itemId}.${row.organizationId ?? 'total'}`;
        counts.set(`${prefix}.n`, shownOf(row.n));
        means.set(`${prefix}.mean`, { value: row.mean, nKey: `${prefix}.n`, range: LIKERT_RANGE });
        statistics.set(`${prefix}.sd`, { value: row.sd, range: { lower: 0, upper: 4 } });
      }
      relations.push({
        total: `item.${item.itemId}.total.n`,
        parts: item.byOrganization.map((row) => `item.${item.itemId}.${row.organizationId}.n`),
      });
    }
  }

  // Recovery: baseline, end and paired n and means per measure.
  type RecoveryRow = {
    organizationId?: string;
    baseline: { n: CountJson; mean: number | null; sd: number | null };
    end: { n: CountJson; mean: number | null; sd: number | null };
    paired: {
      n: CountJson;
      meanBefore: number | null;
      meanAfter: number | null;
      sdDifference: number | null;
      clinicallyRelevantImprovement: RateJson;
      crossedCutoff: RateJson;
    };
  };
  if (evaluation.recovery) {
    const recovery = evaluation.recovery as {
      measures: Array<{ measure: string; total: RecoveryRow; byOrganization: RecoveryRow[] }>;
    };
    for (const figure of recovery.measures) {
      for (const row of [figure.total, ...figure.byOrganization]) {
        const prefix = `recovery.${figure.measure}.${row.organizationId ?? 'total'}`;
        counts.set(`${prefix}.baseline.n`, shownOf(row.baseline.n));
        counts.set(`${prefix}.end.n`, shownOf(row.end.n));
        counts.set(`${prefix}.paired.n`, shownOf(row.paired.n));
        means.set(`${prefix}.baseline.mean`, {
          value: row.baseline.mean,
          nKey: `${prefix}.baseline.n`,
          range: INSPIRE_RANGE,
        });
        means.set(`${prefix}.end.mean`, {
          value: row.end.mean,
          nKey: `${prefix}.end.n`,
          range: INSPIRE_RANGE,
        });
        statistics.set(`${prefix}.baseline.sd`, { value: row.baseline.sd, range: INSPIRE_RANGE });
        statistics.set(`${prefix}.end.sd`, { value: row.end.sd, range: INSPIRE_RANGE });
        statistics.set(`${prefix}.paired.sdDifference`, {
          value: row.paired.sdDifference,
          range: INSPIRE_RANGE,
        });
        means.set(`${prefix}.paired.meanBefore`, {
          value: row.paired.meanBefore,
          nKey: `${prefix}.paired.n`,
          range: INSPIRE_RANGE,
        });
        means.set(`${prefix}.paired.meanAfter`, {
          value: row.paired.meanAfter,
          nKey: `${prefix}.paired.n`,
          range: INSPIRE_RANGE,
        });
        for (const [name, rate] of [
          ['improved', row.paired.clinicallyRelevantImprovement],
          ['crossed', row.paired.crossedCutoff],
        ] as const)
          rates.push({
            name: `${prefix}.rate.${name}`,
            numeratorKeys: [`${prefix}.paired.${name}`],
            denominatorKeys: [`${prefix}.paired.n`],
            shown: rateOf(rate),
          });
      }
      for (const part of ['baseline', 'end', 'paired'])
        relations.push({
          total: `recovery.${figure.measure}.total.${part}.n`,
          parts: figure.byOrganization.map(
            (row) => `recovery.${figure.measure}.${row.organizationId}.${part}.n`,
          ),
        });
    }
  }

  // Who we reach: per model and target group, reached ⊇ accepted, each group ⊆ everybody reached;
  // everybody reached is the funnel's reached (outreach) and the registrations (group course).
  if (evaluation.reach) {
    const figure = evaluation.reach as {
      models: Array<{
        model: string;
        groups: Array<{ group: string; reached: CountJson; accepted: CountJson; acceptance: RateJson }>;
      }>;
    };
    for (const model of figure.models) {
      const prefix = `reach.${model.model}`;
      for (const row of model.groups) {
        const key = `${prefix}.${row.group}`;
        counts.set(`${key}.reached`, shownOf(row.reached));
        counts.set(`${key}.accepted`, shownOf(row.accepted));
        relations.push({ total: `${key}.reached`, parts: [`${key}.accepted`], atLeastParts: true });
        if (row.group !== 'ALL') {
          relations.push({ total: `${prefix}.ALL.reached`, parts: [`${key}.reached`], atLeastParts: true });
          relations.push({ total: `${prefix}.ALL.accepted`, parts: [`${key}.accepted`], atLeastParts: true });
        }
        rates.push({
          name: `${key}.rate`,
          numeratorKeys: [`${key}.accepted`],
          denominatorKeys: [`${key}.reached`],
          shown: rateOf(row.acceptance),
        });
      }
    }
    if (figure.models.some((m) => m.model === 'OUTREACH')) {
      equal('reach.OUTREACH.ALL.reached', f('reached'));
      equal('reach.OUTREACH.ALL.accepted', f('wantsCall'));
    }
    if (figure.models.some((m) => m.model === 'GROUP_COURSE'))
      equal('reach.GROUP_COURSE.ALL.reached', 'heard.registrations');
  }

  // A rate over several cells (conversion: closed referrals; completion: gave a baseline)
  // publishes its numerator or denominator as a cell of its own: one more count to use.
  for (const rate of rates) {
    if (rate.shown === null) continue;
    for (const side of ['numerator', 'denominator'] as const) {
      const keys = side === 'numerator' ? rate.numeratorKeys : rate.denominatorKeys;
      if (keys.length < 2) continue;
      const key = `${rate.name}.${side}`;
      counts.set(key, { value: rate.shown[side] });
      relations.push({ total: key, parts: keys });
      reading.sumKeys.set(key, keys);
    }
  }
  return reading;
}

// ── The truth ───────────────────────────────────────────────────────────

/** The filter as the test sends it (single codes, whole days as yyyy-mm-dd). */
export type AttackFilter = {
  organizationIds: string[];
  from?: string;
  to?: string;
  incidentTypes?: string[];
  genders?: string[];
  ageGroups?: string[];
  roles?: string[];
};

export type Truth = {
  counts: Map<string, number>;
  /** Exact n and sum of every mean's group. */
  sums: Map<string, { n: number; sum: number }>;
  /** Exact n and value of the other statistics (SDs, medians, 90th percentiles). */
  statistics: Map<string, { n: number; value: number }>;
};

type Db = { query<T = Record<string, unknown>>(sql: string, params?: unknown[]): Promise<T[]> };

type Columns = {
  organization: string;
  date?: string;
  incidentType?: string;
  gender?: string;
  age?: string;
  role?: string;
};

/** The filter as SQL conditions on a figure's columns; dimensions a figure has no column for are ignored, as the figures do. */
function where(filter: AttackFilter, columns: Columns, params: unknown[]): string {
  const add = (value: unknown) => {
    params.push(value);
    return `$${params.length}`;
  };
  const conditions = [`${columns.organization} = ANY(${add(filter.organizationIds)}::uuid[])`];
  if (columns.date && filter.from) conditions.push(`${columns.date} >= ${add(filter.from)}::date`);
  if (columns.date && filter.to) conditions.push(`${columns.date} < ${add(filter.to)}::date + 1`);
  const codes = (selected: string[] | undefined, column: string | undefined) => {
    if (selected?.length && column) conditions.push(`${column}::text = ANY(${add(selected)}::text[])`);
  };
  codes(filter.incidentTypes, columns.incidentType);
  // Gender OTHER means "other or not recorded" (the group the figures show).
  if (filter.genders?.length === 1 && filter.genders[0] === 'OTHER' && columns.gender)
    conditions.push(`(${columns.gender} IS NULL OR ${columns.gender}::text = 'OTHER')`);
  else codes(filter.genders, columns.gender);
  codes(filter.roles, columns.role);
  if (filter.ageGroups?.length && columns.age) {
    const ranges = AGE_GROUPS.filter((g) => filter.ageGroups!.includes(g.code)).map(
      (g) =>
        `(${columns.age} >= ${add(g.min)}::int${g.max === null ? '' : ` AND ${columns.age} <= ${add(g.max)}::int`})`,
    );
    conditions.push(ranges.length ? `(${ranges.join(' OR ')})` : 'false');
  }
  return conditions.join(' AND ');
}

function ageGroupOf(age: number | null): string {
  if (age === null) return 'UNKNOWN';
  return AGE_GROUPS.find((g) => age >= g.min && (g.max === null || age <= g.max))?.code ?? 'UNKNOWN';
}

const OUTREACH: Columns = {
  organization: 'c."organizationId"',
  date: `(c."createdAt" AT TIME ZONE 'UTC' AT TIME ZONE 'Europe/Copenhagen')::date`,
  incidentType: 'c."incidentType"',
  gender: 'c.gender',
  age: 'c."ageAtIncident"',
  role: 'c.role',
};
const INTAKE: Columns = {
  organization: 'i."organizationId"',
  date: 'i."registeredOn"',
  gender: 'i.gender',
  age: 'i."ageYears"',
};

/** Every key `readEvaluation` can produce, computed exactly for one filter. */
export async function truthOf(db: Db, filter: AttackFilter): Promise<Truth> {
  const counts = new Map<string, number>();
  const sums = new Map<string, { n: number; sum: number }>();
  const values = new Map<string, number[]>();
  const collect = (key: string, value: number) => {
    if (!values.has(key)) values.set(key, []);
    values.get(key)!.push(value);
  };
  const inc = (key: string, by = 1) => counts.set(key, (counts.get(key) ?? 0) + by);

  // Outreach: one row per case is small enough at test scale.
  let params: unknown[] = [];
  const cases = await db.query<{
    status: string;
    survey: string | null;
    reason: string | null;
    gender: string | null;
    age: number | null;
    role: string;
    type: string;
    referral: string | null;
  }>(
    `SELECT c.status::text AS status, c."surveyStatus"::text AS survey, c."declineReason"::text AS reason,
            c.gender::text AS gender, c."ageAtIncident" AS age, c.role::text AS role, c."incidentType"::text AS type,
            (SELECT r.status::text FROM "Referral" r WHERE r."caseId" = c.id LIMIT 1) AS referral
     FROM "OutreachCase" c WHERE ${where(filter, OUTREACH, params)}`,
    params,
  );
  const REACHED = new Set(['REFERRED', 'DECLINED', 'WILL_CALL_SELF']);
  for (const c of cases) {
    const reached = REACHED.has(c.status);
    const withContact = reached || ['OPEN', 'UNREACHED', 'EXPIRED'].includes(c.status);
    if (c.status === 'INACTIVE_TYPE') inc('funnel.inactiveIncidentType');
    if (c.status === 'NO_CONTACT_DETAILS' || withContact) inc('funnel.identified');
    if (c.status === 'NO_CONTACT_DETAILS') inc('funnel.noContactDetails');
    if (withContact) inc('funnel.withContactDetails');
    if (c.status === 'OPEN') inc('funnel.notYetCalled');
    if (c.status === 'UNREACHED' || c.status === 'EXPIRED') inc('funnel.notReached');
    if (reached) inc('funnel.reached');
    if (c.status === 'REFERRED') {
      inc('funnel.wantsCall');
      const referral = c.referral;
      if (referral === 'OPEN' || referral === 'TAKEN') inc('funnel.referralPending');
      else if (referral === 'CONVERSATION_HELD') inc('funnel.conversationHeld');
      else if (referral === 'REGISTERED_OTHER') inc('funnel.registeredOther');
      else if (referral === 'LOST') inc('funnel.referralLost');
      else inc('funnel.noReferral');
    }
    if (c.status === 'DECLINED') {
      inc('funnel.declined');
      inc('decline.declined');
      if (c.reason === null) inc('decline.notRecorded');
      else {
        inc('decline.withReason');
        inc(`decline.reason.${c.reason}`);
      }
    }
    if (c.status === 'WILL_CALL_SELF') inc('funnel.willCallSelf');
    if (c.status === 'DECLINED' || c.status === 'WILL_CALL_SELF') inc('funnel.declinedOrSelf');
    if (reached) {
      inc('survey.reached');
      const survey = c.survey ?? 'NOT_RECORDED';
      inc(`survey.status.${survey}`);
      if (survey.startsWith('OFFERED_')) inc('survey.offered');
      if (survey.startsWith('NOT_APPROPRIATE_')) inc('survey.notAppropriate');
      const outcome = c.status === 'REFERRED' ? 'WANTS_CALL' : 'DECLINED_OR_SELF';
      const groups: Record<string, string[]> = {
        INCIDENT_TYPE: [c.type],
        // Separate and merged small genders, whichever the figure shows.
        GENDER:
          c.gender === 'MAN' || c.gender === 'WOMAN'
            ? [c.gender]
            : [c.gender ?? 'UNKNOWN', 'OTHER_OR_UNKNOWN'],
        AGE_GROUP: [ageGroupOf(c.age)],
        ROLE: [c.role],
      };
      for (const [dimension, keys] of Object.entries(groups)) {
        for (const group of keys) {
          inc(`acc.${dimension}.row.${group}.${outcome}`);
          inc(`acc.${dimension}.row.${group}.total`);
        }
        inc(`acc.${dimension}.col.${outcome}`);
        inc(`acc.${dimension}.grand`);
      }
    }
  }

  // Intake registrations.
  params = [];
  const intakes = await db.query<{
    org: string;
    year: number;
    heard: string[] | null;
    referred: string[] | null;
    violence: Record<string, string> | null;
  }>(
    `SELECT i."organizationId"::text AS org, extract(year FROM i."registeredOn")::int AS year,
            i."heardFrom"::text[] AS heard, i."referredTo"::text[] AS referred,
            CASE WHEN jsonb_typeof(i.answers -> 'violence_status') = 'object' THEN i.answers -> 'violence_status' END AS violence
     FROM "IntakeRegistration" i WHERE ${where(filter, INTAKE, params)}`,
    params,
  );
  const forms = new Set<string>(VIOLENCE_FORMS.map((v) => v.code));
  const statuses = new Set<string>(VIOLENCE_STATUS.map((v) => v.code));
  for (const intake of intakes) {
    inc('heard.registrations');
    inc('referred.registrations');
    for (const code of intake.heard ?? []) inc(`heard.option.${code}`);
    for (const code of intake.referred ?? []) inc(`referred.option.${code}`);
    for (const [form, status] of Object.entries(intake.violence ?? {})) {
      if (!forms.has(form) || !statuses.has(status)) continue;
      inc(`violence.row.${form}.${status}`);
      inc(`violence.row.${form}.total`);
      inc(`violence.col.${status}`);
      inc('violence.grand');
    }
  }
  // Counts by year: organisation and period only.
  const periodOnly: AttackFilter = {
    organizationIds: filter.organizationIds,
    ...(filter.from ? { from: filter.from } : {}),
    ...(filter.to ? { to: filter.to } : {}),
  };
  params = [];
  const byYear = await db.query<{ kind: string; org: string; year: number; n: number }>(
    `SELECT 'REGISTRATION' AS kind, i."organizationId"::text AS org, extract(year FROM i."registeredOn")::int AS year, count(*)::int AS n
     FROM "IntakeRegistration" i WHERE ${where(periodOnly, { organization: 'i."organizationId"', date: 'i."registeredOn"' }, params)}
     GROUP BY 2, 3
     UNION ALL
     SELECT q.kind::text, q."organizationId"::text, extract(year FROM (q."submittedAt" AT TIME ZONE 'UTC' AT TIME ZONE 'Europe/Copenhagen'))::int, count(*)::int
     FROM "QuestionnaireResponse" q
     WHERE q.kind IN ('BASELINE', 'END') AND ${where(periodOnly, { organization: 'q."organizationId"', date: `(q."submittedAt" AT TIME ZONE 'UTC' AT TIME ZONE 'Europe/Copenhagen')::date` }, params)}
     GROUP BY 1, 2, 3`,
    params,
  );
  for (const row of byYear) {
    const prefix = `byYear.${row.kind}`;
    inc(`${prefix}.row.${row.org}.${row.year}`, row.n);
    inc(`${prefix}.row.${row.org}.total`, row.n);
    inc(`${prefix}.col.${row.year}`, row.n);
    inc(`${prefix}.grand`, row.n);
  }

  // Courses: participation, withdrawals, participants (period = the course's start).
  params = [];
  const enrolments = await db.query<{
    org: string;
    finished: boolean;
    baseline: boolean;
    end: boolean;
    withdrawn: boolean;
  }>(
    `SELECT e."organizationId"::text AS org,
            coalesce((SELECT max(s.date) FROM "CourseSession" s WHERE s."courseId" = k.id) < ${DANISH_TODAY_SQL}, false) AS finished,
            EXISTS (SELECT 1 FROM "QuestionnaireResponse" b WHERE b."participantCode" = e."participantCode" AND b.kind = 'BASELINE') AS baseline,
            EXISTS (SELECT 1 FROM "QuestionnaireResponse" x WHERE x."participantCode" = e."participantCode" AND x.kind = 'END') AS end,
            e."withdrawnOn" IS NOT NULL AS withdrawn
     FROM "Course" k JOIN "Enrolment" e ON e."courseId" = k.id
     WHERE ${where(periodOnly, { organization: 'k."organizationId"', date: 'k."startsOn"' }, params)}`,
    params,
  );
  for (const e of enrolments) {
    const column = !e.finished
      ? 'COURSE_RUNNING'
      : e.baseline && e.end
        ? 'BOTH_FORMS'
        : e.baseline
          ? 'BASELINE_ONLY'
          : e.end
            ? 'END_ONLY'
            : 'NO_FORM';
    inc(`participation.row.${e.org}.${column}`);
    inc(`participation.row.${e.org}.total`);
    inc(`participation.col.${column}`);
    inc('participation.grand');
    if (e.withdrawn) {
      inc(`participation.withdrawn.${e.org}`);
      inc('participation.withdrawn.total');
    }
    inc(`delivery.${e.org}.participants`);
    inc('delivery.total.participants');
  }

  // Waiting list (period = the day put on the list).
  params = [];
  const entries = await db.query<{
    org: string;
    limit_days: number;
    waited: number | null;
    waiting: number | null;
  }>(
    `SELECT w."organizationId"::text AS org, o."waitingLimitDays" AS limit_days,
            CASE WHEN w."leftOn" IS NOT NULL AND EXISTS (SELECT 1 FROM "Enrolment" e WHERE e."personId" = w."personId")
                 THEN w."leftOn" - w.since END AS waited,
            CASE WHEN w."leftOn" IS NULL THEN ${DANISH_TODAY_SQL} - w.since END AS waiting
     FROM "WaitingListEntry" w JOIN "Organization" o ON o.id = w."organizationId"
     WHERE ${where(periodOnly, { organization: 'w."organizationId"', date: 'w.since' }, params)}`,
    params,
  );
  const addSum = (key: string, value: number) => {
    const current = sums.get(key) ?? { n: 0, sum: 0 };
    sums.set(key, { n: current.n + 1, sum: current.sum + value });
  };
  for (const entry of entries) {
    for (const prefix of [`waiting.${entry.org}`, 'waiting.total']) {
      if (entry.waited !== null) {
        inc(`${prefix}.enrolled`);
        addSum(`${prefix}.meanDays`, entry.waited);
        collect(`${prefix}.days`, entry.waited);
        if (entry.waited > entry.limit_days) inc(`${prefix}.enrolledOverLimit`);
      }
      if (entry.waiting !== null) {
        inc(`${prefix}.stillWaiting`);
        if (entry.waiting > entry.limit_days) inc(`${prefix}.stillWaitingOverLimit`);
      }
    }
  }

  // Questionnaires (period = submission; a pair by its baseline's).
  params = [];
  const responses = await db.query<{
    org: string;
    kind: string;
    code: string;
    o: number | null;
    l: number | null;
    locale: string | null;
    answers: Record<string, unknown>;
  }>(
    `SELECT q."organizationId"::text AS org, q.kind::text AS kind, q."participantCode" AS code,
            q."inspireOScore"::float8 AS o, q."inspireScore"::float8 AS l, q.locale, q.answers
     FROM "QuestionnaireResponse" q
     WHERE q.kind IN ('BASELINE', 'END') AND ${where(periodOnly, { organization: 'q."organizationId"', date: `(q."submittedAt" AT TIME ZONE 'UTC' AT TIME ZONE 'Europe/Copenhagen')::date` }, params)}`,
    params,
  );
  for (const r of responses) {
    for (const org of [r.org, 'total']) {
      for (const [measure, score] of [
        ['INSPIRE_O', r.o],
        ['INSPIRE', r.l],
      ] as const) {
        // Scores from an unvalidated translation are not in the main figure (issue 14).
        if (score === null || !validatedForm(measure, r.locale)) continue;
        const part = r.kind === 'BASELINE' ? 'baseline' : 'end';
        inc(`recovery.${measure}.${org}.${part}.n`);
        addSum(`recovery.${measure}.${org}.${part}.mean`, score);
        collect(`recovery.${measure}.${org}.${part}.scores`, score);
      }
      if (r.kind === 'END')
        for (const item of COURSE_ITEM_IDS) {
          const answer = r.answers?.[item];
          if (typeof answer !== 'number') continue;
          inc(`item.${item}.${org}.n`);
          addSum(`item.${item}.${org}.mean`, answer);
          collect(`item.${item}.${org}.answers`, answer);
        }
    }
  }
  params = [];
  const pairs = await db.query<{
    org: string;
    bo: number | null;
    eo: number | null;
    bl: number | null;
    el: number | null;
    bloc: string | null;
    eloc: string | null;
  }>(
    `SELECT b."organizationId"::text AS org, b."inspireOScore"::float8 AS bo, e."inspireOScore"::float8 AS eo,
            b."inspireScore"::float8 AS bl, e."inspireScore"::float8 AS el, b.locale AS bloc, e.locale AS eloc
     FROM "QuestionnaireResponse" b
     JOIN "QuestionnaireResponse" e ON e."participantCode" = b."participantCode" AND e.kind = 'END'
     WHERE b.kind = 'BASELINE' AND ${where(periodOnly, { organization: 'b."organizationId"', date: `(b."submittedAt" AT TIME ZONE 'UTC' AT TIME ZONE 'Europe/Copenhagen')::date` }, params)}`,
    params,
  );
  for (const pair of pairs) {
    for (const org of [pair.org, 'total']) {
      for (const [measure, before, after] of [
        ['INSPIRE_O', pair.bo, pair.eo],
        ['INSPIRE', pair.bl, pair.el],
      ] as const) {
        if (before === null || after === null) continue;
        if (!validatedForm(measure, pair.bloc) || !validatedForm(measure, pair.eloc)) continue;
        const prefix = `recovery.${measure}.${org}.paired`;
        inc(`${prefix}.n`);
        addSum(`${prefix}.meanBefore`, before);
        addSum(`${prefix}.meanAfter`, after);
        collect(`${prefix}.differences`, after - before);
        if (after - before >= CLINICALLY_RELEVANT_CHANGE) inc(`${prefix}.improved`);
        if (before < RECOVERY_CUTOFF && after >= RECOVERY_CUTOFF) inc(`${prefix}.crossed`);
      }
    }
  }
  // Who we reach: the reached people of each model with their answers, grouped here.
  type ReachPerson = {
    accepted: boolean;
    gender: string | null;
    age: number | null;
    stalking: boolean;
    language: string | null;
    interpreter: string | null;
    same: string | null;
    mutual: string | null;
    children: string | null;
  };
  const ANSWERS = `r."preferredLanguage" AS language, r."interpreterNeeded"::text AS interpreter,
    r."sameSexRelationship"::text AS same, r."mutualViolence"::text AS mutual, r."childrenAffected"::text AS children`;
  params = [];
  const reachedCases = await db.query<ReachPerson>(
    `SELECT c.status = 'REFERRED' AS accepted, c.gender::text AS gender, c."ageAtIncident" AS age,
            c."incidentType" = 'STALKING' AS stalking, ${ANSWERS}
     FROM "OutreachCase" c LEFT JOIN "ReachAnswers" r ON r."outreachCaseId" = c.id
     WHERE c.status IN ('REFERRED', 'DECLINED', 'WILL_CALL_SELF') AND ${where(filter, OUTREACH, params)}`,
    params,
  );
  params = [];
  const registrations = await db.query<Omit<ReachPerson, 'stalking'> & { stalking_status: string | null }>(
    `SELECT EXISTS (SELECT 1 FROM "Enrolment" e
                    CROSS JOIN LATERAL (SELECT min(s.date) AS day FROM "CourseSession" s WHERE s."courseId" = e."courseId") first
                    WHERE e."personId" = i."personId" AND e."organizationId" = i."organizationId"
                      AND first.day <= ${DANISH_TODAY_SQL}
                      AND (e."withdrawnOn" IS NULL OR e."withdrawnOn" >= first.day)) AS accepted,
            i.gender::text AS gender, i."ageYears" AS age,
            i.answers -> 'violence_status' ->> 'STALKING' AS stalking_status, ${ANSWERS}
     FROM "IntakeRegistration" i LEFT JOIN "ReachAnswers" r ON r."intakeRegistrationId" = i.id
     WHERE ${where(filter, INTAKE, params)}`,
    params,
  );
  // Stalking at intake: a status of the form's list other than "not relevant".
  const stalkingStatuses = new Set<string>(
    VIOLENCE_STATUS.map((v) => v.code as string).filter((code) => code !== 'NOT_RELEVANT'),
  );
  const registered: ReachPerson[] = registrations.map(({ stalking_status, ...rest }) => ({
    ...rest,
    stalking: stalking_status !== null && stalkingStatuses.has(stalking_status),
  }));
  const reachGroupsOf = (p: ReachPerson): string[] => {
    const yes = (answer: string | null) => answer === 'YES';
    const groups = ['ALL'];
    if (p.gender === 'MAN') groups.push('MEN');
    if (p.age !== null && p.age >= YOUNG_AGE_RANGE.min && p.age <= YOUNG_AGE_RANGE.max) groups.push('YOUNG');
    if ((p.language !== null && p.language !== 'da') || yes(p.interpreter)) groups.push('LANGUAGE');
    if (yes(p.same)) groups.push('SAME_SEX');
    if (yes(p.mutual)) groups.push('MUTUAL');
    if (p.stalking) groups.push('STALKING');
    if (yes(p.children)) groups.push('CHILDREN');
    return groups;
  };
  for (const [model, people] of [
    ['OUTREACH', reachedCases],
    ['GROUP_COURSE', registered],
  ] as const) {
    for (const person of people) {
      for (const group of reachGroupsOf(person)) {
        inc(`reach.${model}.${group}.reached`);
        if (person.accepted) inc(`reach.${model}.${group}.accepted`);
      }
    }
  }

  const statistics = new Map<string, { n: number; value: number }>();
  for (const [key, list] of values) {
    const n = list.length;
    const set = (name: string, value: number | null) => {
      if (value !== null) statistics.set(name, { n, value });
    };
    if (key.endsWith('.days')) {
      const prefix = key.slice(0, -'.days'.length);
      set(`${prefix}.medianDays`, percentile(list, 0.5));
      set(`${prefix}.p90Days`, percentile(list, 0.9));
    } else if (key.endsWith('.differences'))
      set(key.replace(/\.differences$/, '.sdDifference'), sampleSd(list));
    else set(key.replace(/\.(scores|answers)$/, '.sd'), sampleSd(list));
  }
  return { counts, sums, statistics };
}

/** A form's score counts in the recovery figure: its language is validated (NULL: from before, Danish or English). */
function validatedForm(measure: 'INSPIRE_O' | 'INSPIRE', locale: string | null): boolean {
  return locale === null || isValidatedTranslation(measure, locale);
}

/** PostgreSQL's percentile_cont: linear between the two nearest ranks. */
function percentile(values: readonly number[], p: number): number | null {
  if (values.length === 0) return null;
  const sorted = [...values].sort((a, b) => a - b);
  const position = p * (sorted.length - 1);
  const lower = Math.floor(position);
  const upper = Math.min(lower + 1, sorted.length - 1);
  return sorted[lower]! + (position - lower) * (sorted[upper]! - sorted[lower]!);
}

/** PostgreSQL's sqrt(var_samp): null for fewer than two values. */
function sampleSd(values: readonly number[]): number | null {
  if (values.length < 2) return null;
  const mean = values.reduce((a, b) => a + b, 0) / values.length;
  return Math.sqrt(values.reduce((a, b) => a + (b - mean) ** 2, 0) / (values.length - 1));
}

/** A key's true count (0 where nothing was counted). */
export function trueCount(truth: Truth, key: string): number {
  return truth.counts.get(key) ?? 0;
}

export const ALL_CODES = {
  declineReasons: DECLINE_REASONS.map((r) => r.code as string),
  heardFrom: HEARD_FROM.map((h) => h.code as string),
  referredTo: REFERRED_TO.map((r) => r.code as string),
};
