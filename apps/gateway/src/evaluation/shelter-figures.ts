import { NATIONAL_REPEAT_STAY_GOAL, REPEAT_STAY_BASELINE } from '@vi/domain';
import { builder } from '../builder.ts';
import {
  CountTableRef,
  EVALUATOR_TYPE,
  ignoredFiltersField,
  RateRef,
  SuppressedCountRef,
} from './aggregate-types.ts';
import { EvaluationRef, evaluationFigure } from './evaluation.ts';
import { danishToday } from './queries/organization-rows.ts';
import {
  REPEAT_STAY_GROUPS,
  type RepeatStayRow,
  type RepeatStays,
  repeatStays,
} from './queries/repeat-stays.ts';
import {
  type CivilSocietyRow,
  type ShelterCivilSociety,
  shelterCivilSociety,
} from './queries/shelter-civil-society.ts';
import {
  type CounsellingRow,
  type ShelterCounselling,
  shelterCounselling,
} from './queries/shelter-counselling.ts';
import {
  type HoursRow,
  type ShelterPsychologistHours,
  shelterPsychologistHours,
} from './queries/shelter-psychologist-hours.ts';

/**
 * Aftercare after a shelter stay (DOMAIN §2.4, the Red Cross recommendations on aftercare, 2025) on the Evaluation type: § 109
 * counselling before move-out, psychologist hours, civil-society referral and uptake, and the
 * repeat-stay rate against the seed's baseline and the national goal. Organisation = the
 * shelter; period = the move-out day (admissions for the admission-based share). Gender, age,
 * role and incident type do not apply (ignoredFilters says so).
 */

const CounsellingRowRef = builder.objectRef<CounsellingRow>('ShelterCounsellingRow').implement({
  description: 'Move-outs at one shelter, or all selected (organizationId null).',
  ...EVALUATOR_TYPE,
  fields: (t) => ({
    organizationId: t.exposeID('organizationId', { nullable: true }),
    moveOuts: t.field({ type: SuppressedCountRef, nullable: false, resolve: (r) => r.moveOuts }),
    allCovered: t.field({
      type: SuppressedCountRef,
      nullable: false,
      description: 'Move-outs with every § 109 area done or not relevant by the move-out day.',
      resolve: (r) => r.allCovered,
    }),
    share: t.field({ type: RateRef, nullable: true, resolve: (r) => r.share }),
  }),
});

const ShelterCounsellingRef = builder.objectRef<ShelterCounselling>('ShelterCounselling').implement({
  description:
    'Serviceloven § 109 coordinating counselling before move-out: the share of move-outs (transfers to another shelter of the system left out) with every area covered by the move-out day, and per area (rows CounsellingArea, columns COVERED / NOT_COVERED). Counts perturbed (cell-key method).',
  ...EVALUATOR_TYPE,
  fields: (t) => ({
    total: t.field({ type: CounsellingRowRef, nullable: false, resolve: (c) => c.total }),
    byOrganization: t.field({ type: [CounsellingRowRef], nullable: false, resolve: (c) => c.byOrganization }),
    areas: t.field({ type: CountTableRef, nullable: false, resolve: (c) => c.areas }),
    ignoredFilters: t.field(ignoredFiltersField),
  }),
});

const HoursRowRef = builder.objectRef<HoursRow>('PsychologistHoursRow').implement({
  description:
    'Psychologist hours of the women or of the children (role: StayPersonRole) at one shelter or all selected. Hours are means per person with magnitude noise over the 0-10 entitlement, given only where the published number of persons is 5 or more; never totals.',
  ...EVALUATOR_TYPE,
  fields: (t) => ({
    organizationId: t.exposeID('organizationId', { nullable: true }),
    role: t.exposeString('role', { nullable: false }),
    persons: t.field({ type: SuppressedCountRef, nullable: false, resolve: (r) => r.persons }),
    usedAny: t.field({ type: SuppressedCountRef, nullable: false, resolve: (r) => r.usedAny }),
    usedShare: t.field({ type: RateRef, nullable: true, resolve: (r) => r.usedShare }),
    meanHoursUsed: t.exposeFloat('meanHoursUsed', { nullable: true }),
    meanHoursBooked: t.exposeFloat('meanHoursBooked', { nullable: true }),
  }),
});

const ShelterHoursRef = builder.objectRef<ShelterPsychologistHours>('ShelterPsychologistHours').implement({
  description:
    'Psychologist hours used, for the woman and for her children (Danish Red Cross recommendations on aftercare, 2025: 10 hours each). Stays that ended in the period.',
  ...EVALUATOR_TYPE,
  fields: (t) => ({
    total: t.field({ type: [HoursRowRef], nullable: false, resolve: (h) => h.total }),
    byOrganization: t.field({ type: [HoursRowRef], nullable: false, resolve: (h) => h.byOrganization }),
    ignoredFilters: t.field(ignoredFiltersField),
  }),
});

const CivilSocietyRowRef = builder.objectRef<CivilSocietyRow>('CivilSocietyRow').implement({
  description:
    'One civil-society offer (CivilSocietyOffer code, or ANY: each woman once, whatever the offers) at one shelter or all selected: women offered, referred with consent, and started; rates from the published counts.',
  ...EVALUATOR_TYPE,
  fields: (t) => ({
    organizationId: t.exposeID('organizationId', { nullable: true }),
    offer: t.exposeString('offer', { nullable: false }),
    offered: t.field({ type: SuppressedCountRef, nullable: false, resolve: (r) => r.offered }),
    referred: t.field({ type: SuppressedCountRef, nullable: false, resolve: (r) => r.referred }),
    started: t.field({ type: SuppressedCountRef, nullable: false, resolve: (r) => r.started }),
    referredRate: t.field({
      type: RateRef,
      nullable: true,
      description: 'Referred / offered.',
      resolve: (r) => r.referredRate,
    }),
    uptake: t.field({
      type: RateRef,
      nullable: true,
      description: 'Started / referred.',
      resolve: (r) => r.uptake,
    }),
  }),
});

const ShelterCivilSocietyRef = builder.objectRef<ShelterCivilSociety>('ShelterCivilSociety').implement({
  description:
    'Referral to civil-society aftercare (Qnet, Fra Bolig til Hjem, own offers) and uptake, for stays that ended in the period; and the share of those move-outs with a referral.',
  ...EVALUATOR_TYPE,
  fields: (t) => ({
    offers: t.field({ type: [CivilSocietyRowRef], nullable: false, resolve: (c) => c.offers }),
    byOrganization: t.field({
      type: [CivilSocietyRowRef],
      nullable: false,
      resolve: (c) => c.byOrganization,
    }),
    moveOuts: t.field({ type: SuppressedCountRef, nullable: false, resolve: (c) => c.moveOuts }),
    referredShareOfMoveOuts: t.field({
      type: RateRef,
      nullable: true,
      resolve: (c) => c.referredShareOfMoveOuts,
    }),
    ignoredFilters: t.field(ignoredFiltersField),
  }),
});

const RepeatStayGroupEnum = builder.enumType('RepeatStayGroup', {
  description: 'All move-outs, or split by aftercare received after the move-out.',
  values: REPEAT_STAY_GROUPS,
});

const ComparisonEnum = builder.enumType('RateComparison', {
  description:
    'Where a rate stands against a reference share by its Wilson 95% interval: wholly below, wholly above, or the interval holds it.',
  values: ['BELOW', 'ABOVE', 'NOT_DIFFERENT'] as const,
});

const RepeatStayRowRef = builder.objectRef<RepeatStayRow>('RepeatStayRate').implement({
  description:
    'Repeat stays within `months` of move-out, at one shelter (the one she moved out of) or all selected. n = followed move-outs (window ended by today); counts perturbed; the rate and its interval come from the published counts.',
  ...EVALUATOR_TYPE,
  fields: (t) => ({
    organizationId: t.exposeID('organizationId', { nullable: true }),
    months: t.exposeInt('months', { nullable: false }),
    group: t.field({ type: RepeatStayGroupEnum, nullable: false, resolve: (r) => r.group }),
    followed: t.field({ type: SuppressedCountRef, nullable: false, resolve: (r) => r.followed }),
    repeat: t.field({ type: SuppressedCountRef, nullable: false, resolve: (r) => r.repeat }),
    rate: t.field({ type: RateRef, nullable: true, resolve: (r) => r.rate }),
    censored: t.field({
      type: SuppressedCountRef,
      nullable: false,
      description: 'Move-outs whose window has not ended yet.',
      resolve: (r) => r.censored,
    }),
    comparedWithBaseline: t.field({
      type: ComparisonEnum,
      nullable: true,
      resolve: (r) => r.comparedWithBaseline,
    }),
    comparedWithGoal: t.field({ type: ComparisonEnum, nullable: true, resolve: (r) => r.comparedWithGoal }),
  }),
});

const RepeatAdmissionsRef = builder.objectRef<RepeatStays['admissions']>('RepeatAdmissions').implement({
  description:
    "Admissions in the period (transfers left out) and those registered as repeat stays: the measure of the paper's baseline (1 in 4 women in a shelter has stayed in one before), as far as the system's own records reach.",
  ...EVALUATOR_TYPE,
  fields: (t) => ({
    admissions: t.field({ type: SuppressedCountRef, nullable: false, resolve: (a) => a.admissions }),
    repeat: t.field({ type: SuppressedCountRef, nullable: false, resolve: (a) => a.repeat }),
    share: t.field({ type: RateRef, nullable: true, resolve: (a) => a.share }),
  }),
});

const RepeatStaysRef = builder.objectRef<RepeatStays>('RepeatStays').implement({
  description: `Repeat stays (genganger) within 12 and 24 months of move-out, split by aftercare received, against the baseline (${REPEAT_STAY_BASELINE.share}: ${REPEAT_STAY_BASELINE.label.en}; a share of women in a shelter, not a rate within a window) and the national goal (${NATIONAL_REPEAT_STAY_GOAL.share}: ${NATIONAL_REPEAT_STAY_GOAL.label.en}). Period: the move-out day; her next admission counts at any shelter of the system.`,
  ...EVALUATOR_TYPE,
  fields: (t) => ({
    cutoff: t.field({
      type: 'Date',
      nullable: false,
      description: 'Today on the Danish calendar: windows must have ended by it.',
      resolve: (r) => new Date(`${r.cutoff}T00:00:00Z`),
    }),
    total: t.field({ type: [RepeatStayRowRef], nullable: false, resolve: (r) => r.total }),
    byOrganization: t.field({ type: [RepeatStayRowRef], nullable: false, resolve: (r) => r.byOrganization }),
    admissions: t.field({ type: RepeatAdmissionsRef, nullable: false, resolve: (r) => r.admissions }),
    baselineShare: t.exposeFloat('baselineShare', { nullable: false }),
    goalShare: t.exposeFloat('goalShare', { nullable: false }),
    ignoredFilters: t.field(ignoredFiltersField),
  }),
});

builder.objectFields(EvaluationRef, (t) => ({
  shelterCounselling: t.field({
    type: ShelterCounsellingRef,
    nullable: false,
    resolve: evaluationFigure('shelterCounselling', (scope) =>
      shelterCounselling(scope.source, scope.filter, scope.uniform),
    ),
  }),
  shelterPsychologistHours: t.field({
    type: ShelterHoursRef,
    nullable: false,
    resolve: evaluationFigure('shelterPsychologistHours', (scope) =>
      shelterPsychologistHours(scope.source, scope.filter, scope.uniform),
    ),
  }),
  shelterCivilSociety: t.field({
    type: ShelterCivilSocietyRef,
    nullable: false,
    resolve: evaluationFigure('shelterCivilSociety', (scope) =>
      shelterCivilSociety(scope.source, scope.filter, scope.uniform),
    ),
  }),
  repeatStays: t.field({
    type: RepeatStaysRef,
    nullable: false,
    resolve: evaluationFigure('repeatStays', (scope) =>
      repeatStays(scope.source, scope.filter, scope.uniform, danishToday()),
    ),
  }),
}));
