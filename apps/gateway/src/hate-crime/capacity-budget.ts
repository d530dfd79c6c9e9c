// The project lead's view of hate-crime aftercare in the sending organisation: this year's
// volume against the pre-study's expected volume and the organisation's own capacity, and the
// year's cost against the granted budget (domain capacity-budget.ts). Counts only, no person.
import {
  COST_INPUT_EXAMPLES,
  fieldError,
  HATE_CRIME_COST_FIELDS,
  HATE_CRIME_EXPECTED_VOLUME,
  type HateCrimeStoredInputs,
  hateCrimeCapacity,
  hateCrimeCosts,
  validateCostYear,
} from '@vi/domain';
import { requireOrganizationId } from '../authorization.ts';
import { builder } from '../builder.ts';
import type { GatewayContext } from '../context.ts';
import { dateColumn, todayInDenmark } from '../courses/iso-date.ts';
import { prisma } from '../database.ts';
import { throwValidation } from '../errors.ts';
import { saveCostInputValues } from '../evaluation/cost-inputs.ts';
import { HateCrimeTrackEnum, LEAD_ROLES } from './hate-crime-common.ts';

type StoredInputs = HateCrimeStoredInputs;

interface LeadViewShape {
  year: number;
  casesOpened: number;
  victimsWithAftercare: number;
  tracks: Array<{
    track: 'LEGAL_FINANCIAL' | 'PSYCHOLOGICAL';
    sent: number;
    started: number;
    completed: number;
  }>;
  inputsEntered: boolean;
  inputs: StoredInputs;
}

const TrackCountsRef = builder.objectRef<LeadViewShape['tracks'][number]>('HateCrimeTrackCounts').implement({
  authScopes: { role: LEAD_ROLES },
  fields: (t) => ({
    track: t.field({ type: HateCrimeTrackEnum, nullable: false, resolve: (c) => c.track }),
    sent: t.exposeInt('sent', { nullable: false }),
    started: t.exposeInt('started', { nullable: false }),
    completed: t.exposeInt('completed', { nullable: false }),
  }),
});

const LeadViewRef = builder.objectRef<LeadViewShape>('HateCrimeLeadView').implement({
  description:
    'Capacity against the expected volume and cost against the yearly budget (the pre-study’s figures; the organisation’s own inputs where entered).',
  authScopes: { role: LEAD_ROLES },
  fields: (t) => ({
    year: t.exposeInt('year', { nullable: false }),
    casesOpened: t.exposeInt('casesOpened', { nullable: false }),
    victimsWithAftercare: t.exposeInt('victimsWithAftercare', {
      nullable: false,
      description: 'Cases with at least one referral started in the year (the domain’s divisor).',
    }),
    tracks: t.field({ type: [TrackCountsRef], nullable: false, resolve: (v) => v.tracks }),
    inputsEntered: t.exposeBoolean('inputsEntered', {
      nullable: false,
      description:
        'False: the figures below are the pre-study’s example until the lead enters the year’s own.',
    }),
    capacityPerYear: t.int({ nullable: false, resolve: (v) => v.inputs.capacityPerYear }),
    expectedStartUpLow: t.int({ nullable: false, resolve: () => HATE_CRIME_EXPECTED_VOLUME.startUp.low }),
    expectedStartUpHigh: t.int({ nullable: false, resolve: () => HATE_CRIME_EXPECTED_VOLUME.startUp.high }),
    expectedNeedLow: t.int({ nullable: false, resolve: () => HATE_CRIME_EXPECTED_VOLUME.need.low }),
    expectedNeedHigh: t.int({ nullable: false, resolve: () => HATE_CRIME_EXPECTED_VOLUME.need.high }),
    capacityStatus: t.string({
      nullable: false,
      description: 'BELOW_START_UP, WITHIN_START_UP, ABOVE_START_UP or AT_OR_ABOVE_NEED.',
      resolve: (v) => hateCrimeCapacity(v.victimsWithAftercare, v.inputs.capacityPerYear).status,
    }),
    utilisation: t.float({
      nullable: true,
      resolve: (v) => hateCrimeCapacity(v.victimsWithAftercare, v.inputs.capacityPerYear).utilisation,
    }),
    legalFinancialYearly: t.int({
      nullable: false,
      resolve: (v) => Math.round(v.inputs.legalFinancialYearly),
    }),
    psychologicalYearly: t.int({ nullable: false, resolve: (v) => Math.round(v.inputs.psychologicalYearly) }),
    otherYearly: t.int({ nullable: false, resolve: (v) => Math.round(v.inputs.otherYearly) }),
    yearlyCost: t.int({ nullable: false, resolve: (v) => costsOf(v).yearly.total }),
    yearlyBudget: t.int({ nullable: false, resolve: (v) => Math.round(v.inputs.yearlyBudget) }),
    budgetYears: t.int({ nullable: false, resolve: (v) => v.inputs.budgetYears }),
    budgetUse: t.float({ nullable: true, resolve: (v) => costsOf(v).budget.use }),
    overBudget: t.boolean({ nullable: false, resolve: (v) => costsOf(v).budget.overBudget }),
    meetsMinimumYears: t.boolean({ nullable: false, resolve: (v) => costsOf(v).budget.meetsMinimumYears }),
    costPerVictim: t.int({ nullable: true, resolve: (v) => costsOf(v).perVictim?.amount ?? null }),
    preStudyPerVictimLow: t.int({
      nullable: false,
      resolve: (v) => Math.round(costsOf(v).preStudyRule.perVictim.low),
    }),
    preStudyPerVictimHigh: t.int({
      nullable: false,
      resolve: (v) => Math.round(costsOf(v).preStudyRule.perVictim.high),
    }),
  }),
});

function costsOf(view: LeadViewShape) {
  const { capacityPerYear: _capacity, ...inputs } = view.inputs;
  return hateCrimeCosts({ ...inputs, victimsPerYear: view.victimsWithAftercare });
}

/** The pre-study's example, as the cost screen shows it, until the lead saves the year's own. */
const DEFAULT_INPUTS = COST_INPUT_EXAMPLES.HATE_CRIME_AFTERCARE as StoredInputs;

async function leadView(context: GatewayContext, year: number): Promise<LeadViewShape> {
  const organizationId = requireOrganizationId(context);
  const from = dateColumn(`${year}-01-01`);
  const to = dateColumn(`${year + 1}-01-01`);
  const [casesOpened, referrals, victims, stored] = await Promise.all([
    prisma().hateCrimeAftercareCase.count({ where: { organizationId, openedOn: { gte: from, lt: to } } }),
    prisma().hateCrimeReferral.findMany({
      where: { senderOrganizationId: organizationId, sentOn: { gte: from, lt: to } },
      select: { track: true, startedOn: true, status: true },
    }),
    prisma().hateCrimeReferral.findMany({
      where: { senderOrganizationId: organizationId, startedOn: { gte: from, lt: to } },
      distinct: ['caseId'],
      select: { caseId: true },
    }),
    prisma().costInput.findUnique({
      where: { organizationId_model_year: { organizationId, model: 'HATE_CRIME_AFTERCARE', year } },
    }),
  ]);
  const tracks = (['LEGAL_FINANCIAL', 'PSYCHOLOGICAL'] as const).map((track) => {
    const of = referrals.filter((r) => r.track === track);
    return {
      track,
      sent: of.length,
      started: of.filter((r) => r.startedOn !== null).length,
      completed: of.filter((r) => r.status === 'COMPLETED').length,
    };
  });
  return {
    year,
    casesOpened,
    victimsWithAftercare: victims.length,
    tracks,
    inputsEntered: stored !== null,
    inputs: stored ? ({ ...DEFAULT_INPUTS, ...(stored.inputs as object) } as StoredInputs) : DEFAULT_INPUTS,
  };
}

function checkedYear(year: number) {
  const now = Number(todayInDenmark().slice(0, 4));
  throwValidation(
    year < 2000 || year > now + 1 ? [fieldError('year', 'OUT_OF_RANGE', { min: 2000, max: now + 1 })] : [],
  );
}

builder.queryField('hateCrimeLeadView', (t) =>
  t.field({
    type: LeadViewRef,
    nullable: false,
    authScopes: { role: LEAD_ROLES },
    args: { year: t.arg.int({ required: true }) },
    resolve: (_root, { year }, context) => {
      checkedYear(year);
      return leadView(context, year);
    },
  }),
);

const BudgetInputRef = builder.inputType('HateCrimeBudgetInput', {
  fields: (t) => ({
    capacityPerYear: t.int({ required: true, description: 'Places a year the organisation can give.' }),
    legalFinancialYearly: t.float({ required: true }),
    psychologicalYearly: t.float({ required: true }),
    otherYearly: t.float({ required: true }),
    yearlyBudget: t.float({ required: true }),
    budgetYears: t.int({ required: true }),
  }),
});

builder.mutationField('saveHateCrimeBudget', (t) =>
  t.field({
    type: LeadViewRef,
    nullable: false,
    description: 'The lead enters the year’s capacity, costs per track and the granted budget.',
    authScopes: { role: LEAD_ROLES },
    args: { year: t.arg.int({ required: true }), input: t.arg({ type: BudgetInputRef, required: true }) },
    resolve: async (_root, { year, input }, context) => {
      const organizationId = requireOrganizationId(context);
      checkedYear(year);
      // The cost screen's save (evaluation/cost-inputs.ts): the same row, the same domain checks,
      // the row lock, and an audit event with each changed figure's old and new value, so the
      // lead's budget changes show in the cost inputs' history.
      await saveCostInputValues(
        context,
        organizationId,
        'HATE_CRIME_AFTERCARE',
        year,
        HATE_CRIME_COST_FIELDS.map(({ field }) => ({
          field,
          value: input[field as keyof typeof input] ?? null,
        })),
        // A year the cost screen can also open (it shows this row and its history).
        validateCostYear(year),
      );
      return leadView(context, year);
    },
  }),
);
