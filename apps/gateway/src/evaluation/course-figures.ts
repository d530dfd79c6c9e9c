import { builder } from '../builder.ts';
import {
  CountTableRef,
  EVALUATOR_TYPE,
  ignoredFiltersField,
  RateRef,
  SuppressedCountRef,
} from './aggregate-types.ts';
import { EvaluationRef, evaluationFigure } from './evaluation.ts';
import { type CourseDelivery, type CourseDeliveryRow, courseDelivery } from './queries/course-delivery.ts';
import { type CourseItemMean, type CourseItems, courseItems } from './queries/course-items.ts';
import { type CourseParticipation, courseParticipation } from './queries/course-participation.ts';
import { type WaitingTimes, type WaitingTimesRow, waitingTimes } from './queries/waiting-times.ts';

/** Course figures of DOMAIN §2.2/§5.2 (VIVE's group-course evaluation) on the Evaluation type. */

const CourseDeliveryRowRef = builder.objectRef<CourseDeliveryRow>('CourseDeliveryRow').implement({
  description: 'Courses of one organisation (organizationId set) or of all selected (null).',
  ...EVALUATOR_TYPE,
  fields: (t) => ({
    organizationId: t.exposeID('organizationId', { nullable: true }),
    courses: t.exposeInt('courses', { nullable: false }),
    sessions: t.exposeInt('sessions', { nullable: false }),
    meanDaysBetweenSessions: t.exposeFloat('meanDaysBetweenSessions', { nullable: true }),
    gapsOver14Days: t.exposeInt('gapsOver14Days', { nullable: false }),
    participants: t.field({ type: SuppressedCountRef, nullable: false, resolve: (r) => r.participants }),
    meanGroupSize: t.exposeFloat('meanGroupSize', {
      nullable: true,
      description: 'Published participants / courses; only where the published participants are 5 or more.',
    }),
    coursesUnder6: t.exposeInt('coursesUnder6', {
      nullable: false,
      description:
        'Courses with fewer than 6 participants, each course banded by its perturbed participant count.',
    }),
    courses6To8: t.exposeInt('courses6To8', {
      nullable: false,
      description: 'Courses with 6-8 participants, each course banded by its perturbed participant count.',
    }),
    coursesOver8: t.exposeInt('coursesOver8', {
      nullable: false,
      description:
        'Courses with more than 8 participants, each course banded by its perturbed participant count.',
    }),
  }),
});

const CourseDeliveryRef = builder.objectRef<CourseDelivery>('CourseDelivery').implement({
  description:
    'Courses run, cadence (mean days between sessions), gaps over 14 days and group sizes. Period: course start.',
  ...EVALUATOR_TYPE,
  fields: (t) => ({
    total: t.field({ type: CourseDeliveryRowRef, nullable: false, resolve: (d) => d.total }),
    byOrganization: t.field({
      type: [CourseDeliveryRowRef],
      nullable: false,
      resolve: (d) => d.byOrganization,
    }),
    ignoredFilters: t.field(ignoredFiltersField),
  }),
});

type ParticipationRates = CourseParticipation['total'];
const ParticipationRatesRef = builder
  .objectRef<ParticipationRates & { organizationId?: string }>('ParticipationRates')
  .implement({
    ...EVALUATOR_TYPE,
    fields: (t) => ({
      organizationId: t.id({ nullable: true, resolve: (r) => r.organizationId ?? null }),
      completion: t.field({
        type: RateRef,
        nullable: true,
        description: 'Both forms / gave a baseline (finished courses).',
        resolve: (r) => r.completion,
      }),
      dropOut: t.field({
        type: RateRef,
        nullable: true,
        description: 'Baseline only / gave a baseline (finished courses).',
        resolve: (r) => r.dropOut,
      }),
      attendance: t.exposeFloat('attendance', {
        nullable: true,
        description:
          "Attendance as a share (0-1): the mean over participants (enrolments with at least one attendance record) of each participant's share of their recorded sessions attended. Carries magnitude noise; only where those participants' published count is 5 or more.",
      }),
    }),
  });

const CourseParticipationRef = builder.objectRef<CourseParticipation>('CourseParticipation').implement({
  description:
    'Participants by linked forms (columns BOTH_FORMS, BASELINE_ONLY, END_ONLY, NO_FORM, COURSE_RUNNING; rows = organisation ids), withdrawals, completion, drop-out and attendance.',
  ...EVALUATOR_TYPE,
  fields: (t) => ({
    table: t.field({ type: CountTableRef, nullable: false, resolve: (p) => p.table }),
    withdrawn: t.field({
      type: [SuppressedCountRef],
      nullable: false,
      description: 'Per table row.',
      resolve: (p) => p.withdrawn.cells,
    }),
    withdrawnTotal: t.field({ type: SuppressedCountRef, nullable: false, resolve: (p) => p.withdrawn.total }),
    total: t.field({ type: ParticipationRatesRef, nullable: false, resolve: (p) => p.total }),
    byOrganization: t.field({
      type: [ParticipationRatesRef],
      nullable: false,
      resolve: (p) => p.byOrganization,
    }),
    ignoredFilters: t.field(ignoredFiltersField),
  }),
});

const WaitingTimesRowRef = builder.objectRef<WaitingTimesRow>('WaitingTimesRow').implement({
  ...EVALUATOR_TYPE,
  fields: (t) => ({
    organizationId: t.exposeID('organizationId', { nullable: true }),
    enrolled: t.field({
      type: SuppressedCountRef,
      nullable: false,
      description: 'Left the waiting list for a course.',
      resolve: (w) => w.enrolled,
    }),
    meanDays: t.exposeFloat('meanDays', {
      nullable: true,
      description:
        'Mean, median and 90th percentile carry magnitude noise and are given only where the published enrolled count is 5 or more.',
    }),
    medianDays: t.exposeFloat('medianDays', { nullable: true }),
    p90Days: t.exposeFloat('p90Days', { nullable: true }),
    enrolledOverLimit: t.field({
      type: SuppressedCountRef,
      nullable: false,
      resolve: (w) => w.enrolledOverLimit,
    }),
    stillWaiting: t.field({ type: SuppressedCountRef, nullable: false, resolve: (w) => w.stillWaiting }),
    stillWaitingOverLimit: t.field({
      type: SuppressedCountRef,
      nullable: false,
      resolve: (w) => w.stillWaitingOverLimit,
    }),
  }),
});

const WaitingTimesRef = builder.objectRef<WaitingTimes>('WaitingTimes').implement({
  description:
    "Days from joining the waiting list to enrolment, and people still waiting (over the organisation's limit). Period: joining the list.",
  ...EVALUATOR_TYPE,
  fields: (t) => ({
    total: t.field({ type: WaitingTimesRowRef, nullable: false, resolve: (w) => w.total }),
    byOrganization: t.field({
      type: [WaitingTimesRowRef],
      nullable: false,
      resolve: (w) => w.byOrganization,
    }),
    ignoredFilters: t.field(ignoredFiltersField),
  }),
});

const CourseItemMeanRef = builder
  .objectRef<CourseItemMean & { organizationId?: string }>('CourseItemMean')
  .implement({
    ...EVALUATOR_TYPE,
    fields: (t) => ({
      organizationId: t.id({ nullable: true, resolve: (m) => m.organizationId ?? null }),
      n: t.field({ type: SuppressedCountRef, nullable: false, resolve: (m) => m.n }),
      mean: t.exposeFloat('mean', { nullable: true }),
      sd: t.exposeFloat('sd', { nullable: true }),
    }),
  });

const CourseItemRef = builder.objectRef<CourseItems['items'][number]>('CourseItem').implement({
  description:
    "One of the end form's eleven course items (1-5); label and dimension from the domain's END form by itemId.",
  ...EVALUATOR_TYPE,
  fields: (t) => ({
    itemId: t.exposeString('itemId', { nullable: false }),
    total: t.field({ type: CourseItemMeanRef, nullable: false, resolve: (i) => i.total }),
    byOrganization: t.field({ type: [CourseItemMeanRef], nullable: false, resolve: (i) => i.byOrganization }),
  }),
});

const CourseItemsRef = builder.objectRef<CourseItems>('CourseItems').implement({
  ...EVALUATOR_TYPE,
  fields: (t) => ({
    items: t.field({ type: [CourseItemRef], nullable: false, resolve: (c) => c.items }),
    ignoredFilters: t.field(ignoredFiltersField),
  }),
});

builder.objectFields(EvaluationRef, (t) => ({
  courseDelivery: t.field({
    type: CourseDeliveryRef,
    nullable: false,
    resolve: evaluationFigure('courseDelivery', (scope) =>
      courseDelivery(scope.source, scope.filter, scope.uniform),
    ),
  }),
  courseParticipation: t.field({
    type: CourseParticipationRef,
    nullable: false,
    resolve: evaluationFigure('courseParticipation', (scope) =>
      courseParticipation(scope.source, scope.filter, scope.uniform),
    ),
  }),
  waitingTimes: t.field({
    type: WaitingTimesRef,
    nullable: false,
    resolve: evaluationFigure('waitingTimes', (scope) =>
      waitingTimes(scope.source, scope.filter, scope.uniform),
    ),
  }),
  courseItems: t.field({
    type: CourseItemsRef,
    nullable: false,
    resolve: evaluationFigure('courseItems', (scope) =>
      courseItems(scope.source, scope.filter, scope.uniform),
    ),
  }),
}));
