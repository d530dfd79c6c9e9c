import { builder } from '../builder.ts';
import {
  CountTableRef,
  EVALUATOR_TYPE,
  ignoredFiltersField,
  RateRef,
  SuppressedCountRef,
} from './aggregate-types.ts';
import { EvaluationRef, evaluationFigure } from './evaluation.ts';
import { type DeclineReasons, declineReasons } from './queries/decline-reasons.ts';
import {
  ACCEPTANCE_DIMENSIONS,
  type AcceptanceDimension,
  type AcceptanceRow,
  type OutreachAcceptance,
  outreachAcceptance,
} from './queries/outreach-acceptance.ts';
import { FUNNEL_COUNT_KEYS, type OutreachFunnel, outreachFunnel } from './queries/outreach-funnel.ts';
import { type SurveyOffers, surveyOffers } from './queries/survey-offers.ts';

/** Outreach figures of DOMAIN §2.1 (the Projekt Opsøgende Indsats evaluation) on the Evaluation type. */

const FUNNEL_DESCRIPTIONS: Record<(typeof FUNNEL_COUNT_KEYS)[number], string> = {
  identified:
    'People in the target group identified from police lists (switched-off incident types excluded).',
  noContactDetails: 'Identified without contact details (the report: about 17%).',
  withContactDetails: 'Identified with contact details.',
  inactiveIncidentType: 'Cases of an incident type switched off for outreach: kept and counted, not called.',
  notYetCalled: 'With contact details, not yet called (still in the call window).',
  notReached: 'Not reached within the attempts or the call window.',
  reached: 'Reached by phone.',
  wantsCall: "Reached and wants a counsellor's call (referred).",
  declined: 'Reached and declined.',
  willCallSelf: 'Reached and will call themselves.',
  declinedOrSelf: 'Reached and declined or will call themselves.',
  referralPending: 'Referrals not yet closed by a counsellor.',
  conversationHeld: 'Referrals that led to a counselling conversation.',
  registeredOther: 'Referrals registered as other.',
  referralLost: 'Referrals lost (not reached, no-show, cancelled).',
  noReferral: 'Wanted a call but no referral is recorded.',
};

const FunnelCountsRef = builder.objectRef<OutreachFunnel['counts']>('OutreachFunnelCounts').implement({
  description:
    'The funnel steps; each count is a set of people perturbed by the cell-key method (the same people always show the same value), so steps need not add up exactly.',
  ...EVALUATOR_TYPE,
  fields: (t) =>
    Object.fromEntries(
      FUNNEL_COUNT_KEYS.map((key) => [
        key,
        t.field({
          type: SuppressedCountRef,
          nullable: false,
          description: FUNNEL_DESCRIPTIONS[key],
          resolve: (counts) => counts[key],
        }),
      ]),
    ),
});

const FunnelRatesRef = builder.objectRef<OutreachFunnel['rates']>('OutreachFunnelRates').implement({
  description:
    'Rates from the published (perturbed) counts; null where the numerator, the denominator or their difference is not shown as 5 or more.',
  ...EVALUATOR_TYPE,
  fields: (t) => ({
    contactDetails: t.field({ type: RateRef, nullable: true, resolve: (r) => r.contactDetails }),
    reached: t.field({
      type: RateRef,
      nullable: true,
      description: 'Reached / identified.',
      resolve: (r) => r.reached,
    }),
    acceptance: t.field({
      type: RateRef,
      nullable: true,
      description: 'Wants a call / reached (the report: 25%, goal 15%).',
      resolve: (r) => r.acceptance,
    }),
    declined: t.field({ type: RateRef, nullable: true, resolve: (r) => r.declined }),
    willCallSelf: t.field({ type: RateRef, nullable: true, resolve: (r) => r.willCallSelf }),
    conversion: t.field({
      type: RateRef,
      nullable: true,
      description: '(Conversation held + registered as other) / closed referrals (the report: 86%).',
      resolve: (r) => r.conversion,
    }),
  }),
});

const OutreachFunnelRef = builder.objectRef<OutreachFunnel>('OutreachFunnel').implement({
  description:
    'Identified → with contact details → reached → wants a call / declines / will call themselves → referral result. Period: the day the case was identified.',
  ...EVALUATOR_TYPE,
  fields: (t) => ({
    counts: t.field({ type: FunnelCountsRef, nullable: false, resolve: (f) => f.counts }),
    rates: t.field({ type: FunnelRatesRef, nullable: false, resolve: (f) => f.rates }),
    ignoredFilters: t.field(ignoredFiltersField),
  }),
});

const AcceptanceDimensionEnum = builder.enumType('AcceptanceDimension', {
  values: ACCEPTANCE_DIMENSIONS,
});

const AcceptanceRowRef = builder.objectRef<AcceptanceRow>('AcceptanceGroup').implement({
  description:
    'One group (incident type, gender, age group or role code; UNKNOWN where not registered; for gender OTHER_OR_UNKNOWN: "other" and not registered together).',
  ...EVALUATOR_TYPE,
  fields: (t) => ({
    group: t.exposeString('group', { nullable: false }),
    reached: t.exposeInt('reached', {
      nullable: true,
      description: 'Reached people in the group, perturbed (the row total); null = "under 5".',
    }),
    wantsCall: t.field({ type: RateRef, nullable: true, resolve: (row) => row.wantsCall }),
    declinedOrSelf: t.field({ type: RateRef, nullable: true, resolve: (row) => row.declinedOrSelf }),
  }),
});

const OutreachAcceptanceRef = builder.objectRef<OutreachAcceptance>('OutreachAcceptance').implement({
  description:
    "Acceptance among reached people by group (the report's Figure 3 and its text). Columns: WANTS_CALL, DECLINED_OR_SELF ('will call themselves', ~1%, is merged into the declines per group; the funnel gives it overall). Small categories are merged before protection: for GENDER the groups are MAN, WOMAN and OTHER_OR_UNKNOWN. Cells and totals are perturbed each on its own (cell-key method), so totals need not equal the sum of the cells; rates come from the published cells and row totals.",
  ...EVALUATOR_TYPE,
  fields: (t) => ({
    dimension: t.field({ type: AcceptanceDimensionEnum, nullable: false, resolve: (a) => a.dimension }),
    table: t.field({ type: CountTableRef, nullable: false, resolve: (a) => a.table }),
    groups: t.field({ type: [AcceptanceRowRef], nullable: false, resolve: (a) => a.rows }),
    ignoredFilters: t.field(ignoredFiltersField),
  }),
});

const DeclineReasonCountRef = builder
  .objectRef<DeclineReasons['reasons'][number]>('DeclineReasonCount')
  .implement({
    ...EVALUATOR_TYPE,
    fields: (t) => ({
      reason: t.exposeString('reason', { nullable: false, description: 'DeclineReason code.' }),
      count: t.field({ type: SuppressedCountRef, nullable: false, resolve: (r) => r.count }),
      shareOfRecorded: t.field({ type: RateRef, nullable: true, resolve: (r) => r.shareOfRecorded }),
    }),
  });

const DeclineReasonsRef = builder.objectRef<DeclineReasons>('DeclineReasons').implement({
  description:
    'Why reached people declined (the report: 82% no need, 8% a more specialised offer, of registered reasons). Each count is perturbed on its own (cell-key method); shares of the recorded reasons come from the published counts.',
  ...EVALUATOR_TYPE,
  fields: (t) => ({
    declined: t.field({ type: SuppressedCountRef, nullable: false, resolve: (d) => d.declined }),
    withReason: t.field({ type: SuppressedCountRef, nullable: false, resolve: (d) => d.withReason }),
    notRecorded: t.field({ type: SuppressedCountRef, nullable: false, resolve: (d) => d.notRecorded }),
    reasons: t.field({ type: [DeclineReasonCountRef], nullable: false, resolve: (d) => d.reasons }),
    ignoredFilters: t.field(ignoredFiltersField),
  }),
});

const SurveyStatusCountRef = builder
  .objectRef<SurveyOffers['byStatus'][number]>('SurveyStatusCount')
  .implement({
    ...EVALUATOR_TYPE,
    fields: (t) => ({
      status: t.exposeString('status', {
        nullable: false,
        description: 'SurveyStatus code, or NOT_RECORDED.',
      }),
      count: t.field({ type: SuppressedCountRef, nullable: false, resolve: (s) => s.count }),
    }),
  });

const SurveyOffersRef = builder.objectRef<SurveyOffers>('SurveyOffers').implement({
  description:
    'The user survey among reached people: offered / accepted, or judged not appropriate (language, technical, ethical). Each count is perturbed on its own (cell-key method); rates come from the published counts.',
  ...EVALUATOR_TYPE,
  fields: (t) => ({
    reached: t.field({ type: SuppressedCountRef, nullable: false, resolve: (s) => s.reached }),
    offered: t.field({ type: SuppressedCountRef, nullable: false, resolve: (s) => s.offered }),
    notAppropriate: t.field({ type: SuppressedCountRef, nullable: false, resolve: (s) => s.notAppropriate }),
    byStatus: t.field({ type: [SurveyStatusCountRef], nullable: false, resolve: (s) => s.byStatus }),
    offeredRate: t.field({ type: RateRef, nullable: true, resolve: (s) => s.offeredRate }),
    acceptedRate: t.field({ type: RateRef, nullable: true, resolve: (s) => s.acceptedRate }),
    ignoredFilters: t.field(ignoredFiltersField),
  }),
});

builder.objectFields(EvaluationRef, (t) => ({
  outreachFunnel: t.field({
    type: OutreachFunnelRef,
    nullable: false,
    resolve: evaluationFigure('outreachFunnel', (scope) =>
      outreachFunnel(scope.source, scope.filter, scope.uniform),
    ),
  }),
  outreachAcceptance: t.field({
    type: OutreachAcceptanceRef,
    nullable: false,
    args: { dimension: t.arg({ type: AcceptanceDimensionEnum, required: true }) },
    resolve: evaluationFigure('outreachAcceptance', (scope, args: { dimension: AcceptanceDimension }) =>
      outreachAcceptance(scope.source, scope.filter, args.dimension, scope.uniform),
    ),
  }),
  declineReasons: t.field({
    type: DeclineReasonsRef,
    nullable: false,
    resolve: evaluationFigure('declineReasons', (scope) =>
      declineReasons(scope.source, scope.filter, scope.uniform),
    ),
  }),
  surveyOffers: t.field({
    type: SurveyOffersRef,
    nullable: false,
    resolve: evaluationFigure('surveyOffers', (scope) =>
      surveyOffers(scope.source, scope.filter, scope.uniform),
    ),
  }),
}));
