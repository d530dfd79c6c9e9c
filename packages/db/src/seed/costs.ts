// Each organisation's cost inputs (DOMAIN 6): the NGO runs outreach at the
// seed 001 figures, Køge enters its own example from seed 002, and Odense a
// variant of it (two overlapping courses, so more courses a year; no
// journalised risk assessment, so fewer assessment hours).
import {
  CURRENT_COST_RULE_SET_ID,
  DEFAULT_OUTREACH_INPUTS,
  type GroupCourseCostInputs,
  KOEGE_EXAMPLE_INPUTS,
  type OutreachCostInputs,
} from '@vi/domain';
import type { Prisma } from '../generated/prisma/client.ts';

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
  ];
}
