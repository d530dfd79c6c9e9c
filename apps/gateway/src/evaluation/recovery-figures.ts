import { builder } from '../builder.ts';
import { ParticipantLanguageEnum } from '../enums.ts';
import {
  EVALUATOR_TYPE,
  ignoredFiltersField,
  RateRef,
  SuppressedCountRef,
  TTestRef,
} from './aggregate-types.ts';
import { EvaluationRef, evaluationFigure } from './evaluation.ts';
import {
  type Recovery,
  type RecoveryFigure,
  type RecoveryRow,
  recovery,
  type ScoreSummary,
  type UnvalidatedScores,
} from './queries/recovery.ts';

/** Brief INSPIRE-O / Brief INSPIRE before and after (DOMAIN §5.1, §5.3) on the Evaluation type. */

const RecoveryMeasureEnum = builder.enumType('RecoveryMeasure', {
  values: ['INSPIRE_O', 'INSPIRE'] as const,
});

const ScoreSummaryRef = builder.objectRef<ScoreSummary>('ScoreSummary').implement({
  description:
    'n (perturbed), mean and SD of 0-100 scores; mean and SD carry magnitude noise and are given only where the published n is 5 or more.',
  ...EVALUATOR_TYPE,
  fields: (t) => ({
    n: t.field({ type: SuppressedCountRef, nullable: false, resolve: (s) => s.n }),
    mean: t.exposeFloat('mean', { nullable: true }),
    sd: t.exposeFloat('sd', { nullable: true }),
  }),
});

const PairedRef = builder.objectRef<RecoveryRow['paired']>('PairedRecovery').implement({
  description:
    'Baseline and end forms linked by participant code (the paired test VIVE could not make). Means and the SD of the differences carry magnitude noise; the test is computed from the published n, means and SD.',
  ...EVALUATOR_TYPE,
  fields: (t) => ({
    n: t.field({ type: SuppressedCountRef, nullable: false, resolve: (p) => p.n }),
    meanBefore: t.exposeFloat('meanBefore', { nullable: true }),
    meanAfter: t.exposeFloat('meanAfter', { nullable: true }),
    sdDifference: t.exposeFloat('sdDifference', { nullable: true }),
    test: t.field({ type: TTestRef, nullable: true, resolve: (p) => p.test }),
    clinicallyRelevantImprovement: t.field({
      type: RateRef,
      nullable: true,
      description: 'Share whose score rose by 8 points or more.',
      resolve: (p) => p.clinicallyRelevantImprovement,
    }),
    crossedCutoff: t.field({
      type: RateRef,
      nullable: true,
      description: 'Share below 50 before and at or above 50 after.',
      resolve: (p) => p.crossedCutoff,
    }),
  }),
});

const RecoveryRowRef = builder.objectRef<RecoveryRow>('RecoveryRow').implement({
  ...EVALUATOR_TYPE,
  fields: (t) => ({
    organizationId: t.exposeID('organizationId', { nullable: true }),
    baseline: t.field({ type: ScoreSummaryRef, nullable: false, resolve: (r) => r.baseline }),
    end: t.field({ type: ScoreSummaryRef, nullable: false, resolve: (r) => r.end }),
    unpaired: t.field({
      type: TTestRef,
      nullable: true,
      description:
        "Welch's test between the baseline and end groups, as VIVE reported, computed from the published n, means and SDs.",
      resolve: (r) => r.unpaired,
    }),
    paired: t.field({ type: PairedRef, nullable: false, resolve: (r) => r.paired }),
  }),
});

const UnvalidatedScoresRef = builder.objectRef<UnvalidatedScores>('UnvalidatedRecoveryScores').implement({
  description:
    'Scores from forms answered in a language without a validated translation of the instrument, for all selected organisations: kept apart, never in the main figure, until a published translation is adopted.',
  ...EVALUATOR_TYPE,
  fields: (t) => ({
    language: t.field({ type: ParticipantLanguageEnum, nullable: false, resolve: (u) => u.language }),
    baseline: t.field({ type: ScoreSummaryRef, nullable: false, resolve: (u) => u.baseline }),
    end: t.field({ type: ScoreSummaryRef, nullable: false, resolve: (u) => u.end }),
  }),
});

const RecoveryFigureRef = builder.objectRef<RecoveryFigure>('RecoveryFigure').implement({
  ...EVALUATOR_TYPE,
  fields: (t) => ({
    measure: t.field({ type: RecoveryMeasureEnum, nullable: false, resolve: (f) => f.measure }),
    total: t.field({ type: RecoveryRowRef, nullable: false, resolve: (f) => f.total }),
    byOrganization: t.field({ type: [RecoveryRowRef], nullable: false, resolve: (f) => f.byOrganization }),
    validatedLanguages: t.field({
      type: [ParticipantLanguageEnum],
      nullable: false,
      description:
        "The form languages whose scores count in this figure (the instrument's validated versions).",
      resolve: (f) => f.validatedLanguages,
    }),
    unvalidated: t.field({
      type: [UnvalidatedScoresRef],
      nullable: false,
      description: 'Every other offered language, its scores kept apart.',
      resolve: (f) => f.unvalidated,
    }),
  }),
});

const RecoveryRef = builder.objectRef<Recovery>('Recovery').implement({
  description:
    'Brief INSPIRE-O and Brief INSPIRE, 0-100, before and after. Period: form submission (a pair: its baseline).',
  ...EVALUATOR_TYPE,
  fields: (t) => ({
    measures: t.field({ type: [RecoveryFigureRef], nullable: false, resolve: (r) => r.measures }),
    ignoredFilters: t.field(ignoredFiltersField),
  }),
});

builder.objectFields(EvaluationRef, (t) => ({
  recovery: t.field({
    type: RecoveryRef,
    nullable: false,
    resolve: evaluationFigure('recovery', (scope) => recovery(scope.source, scope.filter, scope.uniform)),
  }),
}));
