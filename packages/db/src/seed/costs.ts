// Each organisation's cost inputs (DOMAIN 6): the NGO runs outreach at the
// seed 001 figures, Køge enters its own example from seed 002, and Odense a
// variant of it (two overlapping courses, so more courses a year; no
// journalised risk assessment, so fewer assessment hours). The victim-counselling service's lead
// enters hate-crime aftercare's figures for the year (see HATE_CRIME_DEMO_INPUTS).
import {
  CURRENT_COST_RULE_SET_ID,
  DEFAULT_OUTREACH_INPUTS,
  type GroupCourseCostInputs,
  type HateCrimeStoredInputs,
  KOEGE_EXAMPLE_INPUTS,
  type OutreachCostInputs,
} from '@vi/domain';
import type { Prisma } from '../generated/prisma/client.ts';

/**
 * Hate-crime aftercare at the demo's scale (about 10-15 victims with aftercare a year, a fifth of
 * the low end of the Copenhagen hate-crime pre-study's 50-100): the pre-study's 1-2 M kr a year
 * for 50-100 victims is 10,000-40,000 kr per victim, so a year's cost of 360,000 kr split by track
 * as the receiving organisations report it, against a granted budget of 400,000 kr for the two
 * years the pre-study asks for. Capacity 30 places a year. The victims are counted in the data,
 * never entered (stored as 0, as the cost screen stores them).
 */
export const HATE_CRIME_DEMO_INPUTS: HateCrimeStoredInputs = {
  ruleSetId: CURRENT_COST_RULE_SET_ID,
  legalFinancialYearly: 130_000,
  psychologicalYearly: 180_000,
  otherYearly: 50_000,
  victimsPerYear: 0,
  yearlyBudget: 400_000,
  budgetYears: 2,
  capacityPerYear: 30,
};

export function buildCostInputs(args: {
  year: number;
  outreachOrgId: string;
  odenseId: string;
  koegeId: string;
}): Prisma.CostInputCreateManyInput[] {
  // Referrals and completers are not inputs: the evaluation counts them in the data.
  const outreach: OutreachCostInputs = { ...DEFAULT_OUTREACH_INPUTS };
  const odense: GroupCourseCostInputs = {
    ...KOEGE_EXAMPLE_INPUTS,
    hoursPerYear: { ...KOEGE_EXAMPLE_INPUTS.hoursPerYear, riskAssessment: 500, courseFacilitation: 720 },
    hourlyRate: 430,
    coursesPerYear: 6,
  };
  return [
    {
      organizationId: args.outreachOrgId,
      model: 'OUTREACH',
      year: args.year,
      ruleVersion: CURRENT_COST_RULE_SET_ID,
      inputs: outreach as unknown as Prisma.InputJsonValue,
    },
    {
      organizationId: args.koegeId,
      model: 'GROUP_COURSE',
      year: args.year,
      ruleVersion: CURRENT_COST_RULE_SET_ID,
      inputs: KOEGE_EXAMPLE_INPUTS as unknown as Prisma.InputJsonValue,
    },
    {
      organizationId: args.odenseId,
      model: 'GROUP_COURSE',
      year: args.year,
      ruleVersion: CURRENT_COST_RULE_SET_ID,
      inputs: odense as unknown as Prisma.InputJsonValue,
    },
    {
      organizationId: args.outreachOrgId,
      model: 'HATE_CRIME_AFTERCARE',
      year: args.year,
      ruleVersion: CURRENT_COST_RULE_SET_ID,
      inputs: HATE_CRIME_DEMO_INPUTS as unknown as Prisma.InputJsonValue,
    },
  ];
}
