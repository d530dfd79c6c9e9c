import type { CostLine, CostModel } from '@vi/domain';
import { builder } from '../builder.ts';
import { EVALUATOR_TYPE, ignoredFiltersField, SuppressedCountRef } from './aggregate-types.ts';
import { EvaluationRef, evaluationFigure } from './evaluation.ts';
import {
  type CostFigure,
  type CostInputProblem,
  type Costs,
  costs,
  type HateCrimeCostFigure,
  type ShelterAftercareCostFigure,
} from './queries/costs.ts';

/** Costs through the domain's cost rules (DOMAIN §6) on the Evaluation type. */

export const CostModelEnum = builder.enumType('EvaluationCostModel', {
  values: [
    'OUTREACH',
    'GROUP_COURSE',
    'HATE_CRIME_AFTERCARE',
    'SHELTER_AFTERCARE',
  ] as const satisfies readonly CostModel[],
});

const CostLineRef = builder.objectRef<CostLine>('CostLine').implement({
  description: "One line of a cost breakdown; the label is the domain's cost rule, not user text.",
  ...EVALUATOR_TYPE,
  fields: (t) => ({
    id: t.exposeString('id', { nullable: false }),
    labelDa: t.string({ nullable: false, resolve: (line) => line.label.da }),
    labelEn: t.string({ nullable: false, resolve: (line) => line.label.en }),
    amount: t.exposeFloat('amount', { nullable: false, description: 'Kroner.' }),
    hours: t.float({ nullable: true, resolve: (line) => line.hours ?? null }),
  }),
});

const CostBlockRef = builder
  .objectRef<{ total: number; hours?: number; lines: CostLine[] }>('CostBlock')
  .implement({
    ...EVALUATOR_TYPE,
    fields: (t) => ({
      total: t.exposeFloat('total', { nullable: false }),
      hours: t.float({ nullable: true, resolve: (b) => b.hours ?? null }),
      lines: t.field({ type: [CostLineRef], nullable: false, resolve: (b) => b.lines }),
    }),
  });

const PerCourseRef = builder.objectRef<NonNullable<CostFigure['perCourse']>>('CostPerCourse').implement({
  ...EVALUATOR_TYPE,
  fields: (t) => ({
    amount: t.exposeFloat('amount', { nullable: false }),
    courses: t.exposeInt('courses', { nullable: false }),
  }),
});

const PerCompleterRef = builder
  .objectRef<NonNullable<CostFigure['perCompleter']>>('CostPerCompleter')
  .implement({
    description:
      'Yearly running cost per person who completed a course (start-up excluded), divided by the published (perturbed) completers; null where they are shown as under 5 or 0.',
    ...EVALUATOR_TYPE,
    fields: (t) => ({
      amount: t.exposeFloat('amount', { nullable: true }),
      completers: t.field({ type: SuppressedCountRef, nullable: false, resolve: (p) => p.completers }),
      noteDa: t.string({ nullable: false, resolve: (p) => p.note.da }),
      noteEn: t.string({ nullable: false, resolve: (p) => p.note.en }),
    }),
  });

const PerReferralRef = builder
  .objectRef<NonNullable<CostFigure['perReferral']>>('CostPerReferral')
  .implement({
    ...EVALUATOR_TYPE,
    fields: (t) => ({
      amount: t.exposeFloat('amount', {
        nullable: true,
        description:
          'Yearly running cost divided by the published (perturbed) referrals; null where they are shown as under 5 or 0.',
      }),
      referrals: t.field({ type: SuppressedCountRef, nullable: false, resolve: (p) => p.referrals }),
    }),
  });

const ShelterComparisonRef = builder
  .objectRef<NonNullable<CostFigure['shelterComparison']>>('ShelterComparison')
  .implement({
    description:
      "Per-completer cost against one shelter stay (VIVE's group-course evaluation: about 80,000 kr in 2024 prices).",
    ...EVALUATOR_TYPE,
    fields: (t) => ({
      shelterStay: t.exposeFloat('shelterStay', { nullable: false }),
      priceYear: t.exposeInt('priceYear', { nullable: false }),
      ratio: t.exposeFloat('ratio', {
        nullable: true,
        description: 'Per completer / shelter stay; below 1 is cheaper.',
      }),
    }),
  });

const CostFigureRef = builder.objectRef<CostFigure>('CostFigure').implement({
  description: "One organisation's model, from its latest cost inputs in the period.",
  ...EVALUATOR_TYPE,
  fields: (t) => ({
    organizationId: t.exposeID('organizationId', { nullable: false }),
    model: t.field({ type: CostModelEnum, nullable: false, resolve: (c) => c.model }),
    year: t.exposeInt('year', { nullable: false }),
    ruleSetId: t.exposeString('ruleSetId', { nullable: false }),
    startUp: t.field({ type: CostBlockRef, nullable: false, resolve: (c) => c.startUp }),
    yearly: t.field({ type: CostBlockRef, nullable: false, resolve: (c) => c.yearly }),
    firstYear: t.exposeFloat('firstYear', { nullable: false }),
    perCourse: t.field({ type: PerCourseRef, nullable: true, resolve: (c) => c.perCourse }),
    perCompleter: t.field({ type: PerCompleterRef, nullable: true, resolve: (c) => c.perCompleter }),
    perReferral: t.field({ type: PerReferralRef, nullable: true, resolve: (c) => c.perReferral }),
    shelterComparison: t.field({
      type: ShelterComparisonRef,
      nullable: true,
      resolve: (c) => c.shelterComparison,
    }),
  }),
});

const RangeRef = builder.objectRef<{ low: number; high: number }>('CostRange').implement({
  ...EVALUATOR_TYPE,
  fields: (t) => ({
    low: t.exposeFloat('low', { nullable: false }),
    high: t.exposeFloat('high', { nullable: false }),
  }),
});

const HateCrimePerVictimRef = builder
  .objectRef<HateCrimeCostFigure['perVictim']>('HateCrimeCostPerVictim')
  .implement({
    description:
      'Yearly cost per victim with aftercare (a referral started in the year), divided by the published (perturbed) victims; null where they are shown as under 5 or 0.',
    ...EVALUATOR_TYPE,
    fields: (t) => ({
      amount: t.exposeFloat('amount', { nullable: true }),
      victims: t.field({ type: SuppressedCountRef, nullable: false, resolve: (p) => p.victims }),
      withinPreStudyRange: t.exposeBoolean('withinPreStudyRange', {
        nullable: true,
        description:
          "Whether the amount lies in the pre-study's per-victim range; null where it is not shown.",
      }),
      noteDa: t.string({ nullable: false, resolve: (p) => p.note.da }),
      noteEn: t.string({ nullable: false, resolve: (p) => p.note.en }),
    }),
  });

const HateCrimePreStudyRuleRef = builder
  .objectRef<HateCrimeCostFigure['preStudyRule']>('HateCrimeCostPreStudyRule')
  .implement({
    description:
      "The Copenhagen pre-study's (Als Research) rule: 1-2 M kr a year for 50-100 victims at the start.",
    ...EVALUATOR_TYPE,
    fields: (t) => ({
      yearly: t.field({ type: RangeRef, nullable: false, resolve: (r) => r.yearly }),
      victims: t.field({ type: RangeRef, nullable: false, resolve: (r) => r.victims }),
      perVictim: t.field({ type: RangeRef, nullable: false, resolve: (r) => r.perVictim }),
      sourceDa: t.string({ nullable: false, resolve: (r) => r.source.document.da }),
      sourceEn: t.string({ nullable: false, resolve: (r) => r.source.document.en }),
      reference: t.string({ nullable: false, resolve: (r) => r.source.reference }),
    }),
  });

const HateCrimeBudgetRef = builder.objectRef<HateCrimeCostFigure['budget']>('HateCrimeBudgetUse').implement({
  ...EVALUATOR_TYPE,
  fields: (t) => ({
    yearly: t.exposeFloat('yearly', { nullable: false, description: 'The granted budget a year, kroner.' }),
    years: t.exposeInt('years', { nullable: false }),
    use: t.exposeFloat('use', {
      nullable: true,
      description: 'Yearly cost / yearly budget; null with no budget.',
    }),
    overBudget: t.exposeBoolean('overBudget', { nullable: false }),
    meetsMinimumYears: t.exposeBoolean('meetsMinimumYears', {
      nullable: false,
      description: 'The pre-study asks for a budget for at least two years.',
    }),
  }),
});

const HateCrimeCostFigureRef = builder.objectRef<HateCrimeCostFigure>('HateCrimeCostFigure').implement({
  description: "One sending organisation's hate-crime aftercare, from its latest cost inputs in the period.",
  ...EVALUATOR_TYPE,
  fields: (t) => ({
    organizationId: t.exposeID('organizationId', { nullable: false }),
    year: t.exposeInt('year', { nullable: false }),
    ruleSetId: t.exposeString('ruleSetId', { nullable: false }),
    yearly: t.field({ type: CostBlockRef, nullable: false, resolve: (c) => c.yearly }),
    perVictim: t.field({ type: HateCrimePerVictimRef, nullable: false, resolve: (c) => c.perVictim }),
    preStudyRule: t.field({
      type: HateCrimePreStudyRuleRef,
      nullable: false,
      resolve: (c) => c.preStudyRule,
    }),
    budget: t.field({ type: HateCrimeBudgetRef, nullable: false, resolve: (c) => c.budget }),
  }),
});

const PerMoveOutRef = builder
  .objectRef<ShelterAftercareCostFigure['perMoveOut']>('ShelterAftercareCostPerMoveOut')
  .implement({
    description:
      'Yearly cost per move-out (a stay that ended, not in a transfer) in the year, divided by the published (perturbed) move-outs; null where they are shown as under 5 or 0.',
    ...EVALUATOR_TYPE,
    fields: (t) => ({
      amount: t.exposeFloat('amount', { nullable: true }),
      moveOuts: t.field({ type: SuppressedCountRef, nullable: false, resolve: (p) => p.moveOuts }),
    }),
  });

const BreakEvenRef = builder
  .objectRef<ShelterAftercareCostFigure['breakEven']>('ShelterAftercareBreakEven')
  .implement({
    description:
      'Repeat stays a year the aftercare must avoid to pay for itself in shelter cost alone: yearly cost / the cost of one shelter stay.',
    ...EVALUATOR_TYPE,
    fields: (t) => ({
      shelterStay: t.exposeFloat('shelterStay', { nullable: false }),
      priceYear: t.exposeInt('priceYear', { nullable: false }),
      repeatStaysAvoided: t.exposeFloat('repeatStaysAvoided', { nullable: false }),
      sourceDa: t.string({ nullable: false, resolve: (b) => b.source.document.da }),
      sourceEn: t.string({ nullable: false, resolve: (b) => b.source.document.en }),
      reference: t.string({ nullable: false, resolve: (b) => b.source.reference }),
    }),
  });

const ShelterAftercareCostFigureRef = builder
  .objectRef<ShelterAftercareCostFigure>('ShelterAftercareCostFigure')
  .implement({
    description: "One shelter's aftercare after a shelter stay, from its latest cost inputs in the period.",
    ...EVALUATOR_TYPE,
    fields: (t) => ({
      organizationId: t.exposeID('organizationId', { nullable: false }),
      year: t.exposeInt('year', { nullable: false }),
      ruleSetId: t.exposeString('ruleSetId', { nullable: false }),
      yearly: t.field({ type: CostBlockRef, nullable: false, resolve: (c) => c.yearly }),
      perMoveOut: t.field({ type: PerMoveOutRef, nullable: false, resolve: (c) => c.perMoveOut }),
      breakEven: t.field({ type: BreakEvenRef, nullable: false, resolve: (c) => c.breakEven }),
    }),
  });

const CostInputProblemRef = builder.objectRef<CostInputProblem>('CostInputProblem').implement({
  description: 'Stored cost inputs the domain rules refuse, with the fields at fault (field:code).',
  ...EVALUATOR_TYPE,
  fields: (t) => ({
    organizationId: t.exposeID('organizationId', { nullable: false }),
    model: t.exposeString('model', { nullable: false }),
    year: t.exposeInt('year', { nullable: false }),
    fields: t.exposeStringList('fields', { nullable: false }),
  }),
});

const CostsRef = builder.objectRef<Costs>('Costs').implement({
  ...EVALUATOR_TYPE,
  fields: (t) => ({
    figures: t.field({ type: [CostFigureRef], nullable: false, resolve: (c) => c.figures }),
    hateCrime: t.field({
      type: [HateCrimeCostFigureRef],
      nullable: false,
      description: 'Hate-crime aftercare: yearly cost, cost per victim, the pre-study’s range, budget use.',
      resolve: (c) => c.hateCrime,
    }),
    shelterAftercare: t.field({
      type: [ShelterAftercareCostFigureRef],
      nullable: false,
      description: 'Aftercare after a shelter stay: yearly cost, cost per move-out, break-even repeat stays.',
      resolve: (c) => c.shelterAftercare,
    }),
    invalidInputs: t.field({ type: [CostInputProblemRef], nullable: false, resolve: (c) => c.invalidInputs }),
    ignoredFilters: t.field(ignoredFiltersField),
  }),
});

builder.objectFields(EvaluationRef, (t) => ({
  costs: t.field({
    type: CostsRef,
    nullable: false,
    description:
      "Each organisation's start-up, yearly, per-course and per-completer cost, against a shelter stay.",
    resolve: evaluationFigure('costs', (scope) => costs(scope.source, scope.filter, scope.uniform)),
  }),
}));
