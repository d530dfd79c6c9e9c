import { builder } from '../builder.ts';
import {
  CountTableRef,
  EVALUATOR_TYPE,
  ignoredFiltersField,
  RateRef,
  SuppressedCountRef,
} from './aggregate-types.ts';
import { EvaluationRef, evaluationFigure } from './evaluation.ts';
import {
  type HateCrimeSessions,
  hateCrimeSessions,
  type SessionsRow,
} from './queries/hate-crime-sessions.ts';
import { type HateCrimeTasks, hateCrimeTasks } from './queries/hate-crime-tasks.ts';
import { type HateCrimeUptake, hateCrimeUptake, type TrackUptakeRow } from './queries/hate-crime-uptake.ts';

/**
 * Hate-crime aftercare (DOMAIN §2.3, the Copenhagen pre-study by Als Research, 2025) on the Evaluation type: uptake and wait per
 * track, legal tasks closed by outcome, psychological sessions used. The motive of the hate
 * crime is special-category data and is in no figure: not as a breakdown, not as a filter.
 * Organisation = the organisation that runs the track; the other filters than organisation
 * and period do not apply (ignoredFilters says so).
 */

const TrackUptakeRowRef = builder.objectRef<TrackUptakeRow>('HateCrimeTrackUptake').implement({
  description:
    'One track (HateCrimeTrack code) at one receiving organisation, or at all selected (organizationId null). Counts are perturbed (cell-key method); the uptake rate comes from the published counts; the waiting days carry magnitude noise and are given only where the published number of contacted referrals is 5 or more.',
  ...EVALUATOR_TYPE,
  fields: (t) => ({
    organizationId: t.exposeID('organizationId', { nullable: true }),
    track: t.exposeString('track', { nullable: false }),
    referred: t.field({
      type: SuppressedCountRef,
      nullable: false,
      description: 'Referrals sent to the track in the period.',
      resolve: (row) => row.referred,
    }),
    started: t.field({
      type: SuppressedCountRef,
      nullable: false,
      description: 'Of those, referrals where support started (kept if later withdrawn).',
      resolve: (row) => row.started,
    }),
    uptake: t.field({
      type: RateRef,
      nullable: true,
      description: 'Started / referred.',
      resolve: (row) => row.uptake,
    }),
    contacted: t.field({
      type: SuppressedCountRef,
      nullable: false,
      description:
        'Referrals with a first contact (support started, a legal task opened or psychological support started): the people behind the waiting days.',
      resolve: (row) => row.contacted,
    }),
    meanDays: t.exposeFloat('meanDays', {
      nullable: true,
      description: 'Mean days from referral to first contact.',
    }),
    medianDays: t.exposeFloat('medianDays', { nullable: true }),
    p90Days: t.exposeFloat('p90Days', { nullable: true }),
  }),
});

const HateCrimeUptakeRef = builder.objectRef<HateCrimeUptake>('HateCrimeUptake').implement({
  description:
    'Uptake per track and the wait from referral to the first contact (the Copenhagen pre-study on aftercare for hate-crime victims, Als Research 2025: legal/financial counselling and psychological support at two other organisations). Period: the day the referral was sent.',
  ...EVALUATOR_TYPE,
  fields: (t) => ({
    total: t.field({ type: [TrackUptakeRowRef], nullable: false, resolve: (u) => u.total }),
    byOrganization: t.field({ type: [TrackUptakeRowRef], nullable: false, resolve: (u) => u.byOrganization }),
    ignoredFilters: t.field(ignoredFiltersField),
  }),
});

const HateCrimeTasksRef = builder.objectRef<HateCrimeTasks>('HateCrimeLegalTasks').implement({
  description:
    'Legal and financial tasks closed in the period (the closing day), rows = LegalTaskKind, columns = LegalTaskOutcome; every cell and total perturbed on its own (cell-key method).',
  ...EVALUATOR_TYPE,
  fields: (t) => ({
    table: t.field({ type: CountTableRef, nullable: false, resolve: (tasks) => tasks.table }),
    ignoredFilters: t.field(ignoredFiltersField),
  }),
});

const SessionsRowRef = builder.objectRef<SessionsRow>('HateCrimeSessionsRow').implement({
  description:
    'Psychological support at one organisation, or all selected (organizationId null). Sessions are given as a mean and a median per person with magnitude noise (never as a total), only where the published number of people with individual sessions is 5 or more.',
  ...EVALUATOR_TYPE,
  fields: (t) => ({
    organizationId: t.exposeID('organizationId', { nullable: true }),
    individual: t.field({
      type: SuppressedCountRef,
      nullable: false,
      description: 'People offered individual sessions.',
      resolve: (row) => row.individual,
    }),
    usedSessions: t.field({
      type: SuppressedCountRef,
      nullable: false,
      description: 'Of those, people who used at least one session.',
      resolve: (row) => row.usedSessions,
    }),
    meanSessions: t.exposeFloat('meanSessions', { nullable: true }),
    medianSessions: t.exposeFloat('medianSessions', { nullable: true }),
    groupPlace: t.field({
      type: SuppressedCountRef,
      nullable: false,
      description: 'People given a place in a psychologist-led group.',
      resolve: (row) => row.groupPlace,
    }),
  }),
});

const HateCrimeSessionsRef = builder.objectRef<HateCrimeSessions>('HateCrimeSessions').implement({
  description: 'Psychological sessions used. Period: the day the support started.',
  ...EVALUATOR_TYPE,
  fields: (t) => ({
    total: t.field({ type: SessionsRowRef, nullable: false, resolve: (s) => s.total }),
    byOrganization: t.field({ type: [SessionsRowRef], nullable: false, resolve: (s) => s.byOrganization }),
    ignoredFilters: t.field(ignoredFiltersField),
  }),
});

builder.objectFields(EvaluationRef, (t) => ({
  hateCrimeUptake: t.field({
    type: HateCrimeUptakeRef,
    nullable: false,
    resolve: evaluationFigure('hateCrimeUptake', (scope) =>
      hateCrimeUptake(scope.source, scope.filter, scope.uniform),
    ),
  }),
  hateCrimeLegalTasks: t.field({
    type: HateCrimeTasksRef,
    nullable: false,
    resolve: evaluationFigure('hateCrimeLegalTasks', (scope) =>
      hateCrimeTasks(scope.source, scope.filter, scope.uniform),
    ),
  }),
  hateCrimeSessions: t.field({
    type: HateCrimeSessionsRef,
    nullable: false,
    resolve: evaluationFigure('hateCrimeSessions', (scope) =>
      hateCrimeSessions(scope.source, scope.filter, scope.uniform),
    ),
  }),
}));
