import { PHASES } from '@vi/domain';
import { builder } from '../builder.ts';
import { EVALUATOR_TYPE, ignoredFiltersField, RateRef, SuppressedCountRef } from './aggregate-types.ts';
import { EvaluationRef, evaluationFigure } from './evaluation.ts';
import {
  REACH_GROUPS,
  REACH_MODELS,
  type Reach,
  type ReachByModel,
  type ReachModel,
  type ReachRow,
  reach,
} from './queries/reach.ts';

/**
 * Who we reach (issue 14, part 4) on the Evaluation type: per intervention model, its phase of
 * the national frame (the national action plan against violence in the family and close
 * relations) and, per target group of the plan, reached, accepted and the acceptance rate.
 * The definitions are in queries/reach.ts.
 */

const ReachModelEnum = builder.enumType('ReachModel', {
  description: 'An intervention model with reach data (the others record no target groups yet).',
  values: REACH_MODELS,
});

const NationalPhaseEnum = builder.enumType('NationalFramePhase', {
  description: "A phase of the national action plan's frame (the domain's PHASES).",
  values: PHASES.map((phase) => phase.code),
});

const ReachGroupEnum = builder.enumType('ReachTargetGroup', {
  description:
    "ALL: everybody the model reached (to compare with); the others are the national action plan's target groups (the domain's TARGET_GROUPS, whose `basis` says what places a person in each).",
  values: REACH_GROUPS,
});

const ReachRowRef = builder.objectRef<ReachRow>('ReachGroupRow').implement({
  description:
    'One target group: reached and accepted people, each perturbed on its own (cell-key method; null value = "under 5"), and accepted / reached from the published counts.',
  ...EVALUATOR_TYPE,
  fields: (t) => ({
    group: t.field({ type: ReachGroupEnum, nullable: false, resolve: (row) => row.group }),
    reached: t.field({ type: SuppressedCountRef, nullable: false, resolve: (row) => row.reached }),
    accepted: t.field({ type: SuppressedCountRef, nullable: false, resolve: (row) => row.accepted }),
    acceptance: t.field({ type: RateRef, nullable: true, resolve: (row) => row.acceptance }),
  }),
});

const ReachByModelRef = builder.objectRef<ReachByModel>('ReachByModel').implement({
  description:
    "One model's reach. OUTREACH (detection): reached = the call reached the person, accepted = wants a counsellor's call (as outreachAcceptance). GROUP_COURSE (support): reached = an intake registration, accepted = started a course (enrolled in a course whose first session has been held, not withdrawn before it). A person can be in several groups or none; groups from ReachAnswers count only recorded answers.",
  ...EVALUATOR_TYPE,
  fields: (t) => ({
    model: t.field({ type: ReachModelEnum, nullable: false, resolve: (m) => m.model }),
    phase: t.field({ type: NationalPhaseEnum, nullable: false, resolve: (m) => m.phase }),
    groups: t.field({
      type: [ReachRowRef],
      nullable: false,
      description: 'ALL first, then the target groups in the domain order.',
      resolve: (m) => m.rows,
    }),
    ignoredFilters: t.field(ignoredFiltersField),
  }),
});

const ReachRef = builder.objectRef<Reach>('Reach').implement({
  description:
    'Who we reach: reach and acceptance per target group of the national action plan, per model and phase.',
  ...EVALUATOR_TYPE,
  fields: (t) => ({
    models: t.field({ type: [ReachByModelRef], nullable: false, resolve: (r) => r.models }),
  }),
});

builder.objectFields(EvaluationRef, (t) => ({
  reach: t.field({
    type: ReachRef,
    nullable: false,
    args: {
      models: t.arg({
        type: [ReachModelEnum],
        required: false,
        description: 'The models to compute (omitted or empty = every model with reach data).',
      }),
    },
    resolve: evaluationFigure('reach', (scope, args: { models?: ReachModel[] | null }) =>
      reach(
        scope.source,
        scope.filter,
        scope.uniform,
        args.models && args.models.length > 0 ? args.models : REACH_MODELS,
      ),
    ),
  }),
}));
