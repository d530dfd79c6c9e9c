// A SARA-V3 risk assessment and the decision it leads to (DOMAIN 2.2):
// a) the assessment's result in the organisation's own risk levels,
// b) the safety plan, c) when to re-assess; and the routes the person is
// referred to (multi-choice, as in the registration form's question 8).
// In an anonymous-stance organisation (Odense) the assessment's content is
// not stored, only the decision, so a risk level or safety plan is refused.
// The re-assessment date is kept in both stances: it is scheduling, not
// content, and assessors must see which re-assessments are due.

import { type FieldError, fieldError, isIsoDate } from '../validation.ts';
import { isoDateToDayNumber } from './calendar-date.ts';
import { courseFieldError } from './course-errors.ts';
import type { StanceCode } from './intake-rules.ts';

/** Route codes, equal to the RiskRoute enum of the data model. */
export const RISK_ROUTE_CODES = [
  'GROUP_COURSE',
  'INDIVIDUAL_COURSE',
  'SHELTER',
  'OTHER_SUPPORT',
  'NO_RISK_NO_REFERRAL',
  'DECLINED',
] as const;
export type RiskRouteChoice = (typeof RISK_ROUTE_CODES)[number];

/** "No referral" answers cannot be combined with a referral. */
export const EXCLUSIVE_RISK_ROUTES: readonly RiskRouteChoice[] = ['NO_RISK_NO_REFERRAL', 'DECLINED'];

export const RISK_TEXT_LIMITS = { safetyPlan: 4000, otherSupport: 200, riskLevel: 40 } as const;

export type RiskAssessmentInput = {
  assessedOn: string;
  riskLevel?: string | null;
  safetyPlan?: string | null;
  reassessOn?: string | null;
  routes: readonly string[];
  otherSupport?: string | null;
};

export type CheckedRiskAssessment = {
  assessedOn: string;
  riskLevel: string | null;
  safetyPlan: string | null;
  reassessOn: string | null;
  routes: RiskRouteChoice[];
  otherSupport: string | null;
};

function clean(value: string | null | undefined): string | null {
  const trimmed = value?.trim() ?? '';
  return trimmed.length > 0 ? trimmed : null;
}

export function checkRiskAssessment(
  input: RiskAssessmentInput,
  organisation: { stance: StanceCode; riskLevels: readonly string[]; today: string },
): { ok: true; assessment: CheckedRiskAssessment } | { ok: false; errors: FieldError[] } {
  const errors: FieldError[] = [];
  const riskLevel = clean(input.riskLevel);
  const safetyPlan = clean(input.safetyPlan);
  const reassessOn = clean(input.reassessOn);
  const otherSupport = clean(input.otherSupport);

  const assessedDay = isIsoDate(input.assessedOn) ? isoDateToDayNumber(input.assessedOn) : null;
  if (assessedDay === null) errors.push(fieldError('assessedOn', 'INVALID_DATE'));
  else if (assessedDay > (isoDateToDayNumber(organisation.today) ?? Number.POSITIVE_INFINITY)) {
    errors.push(courseFieldError('assessedOn', 'DATE_IN_FUTURE'));
  }

  if (reassessOn !== null) {
    const reassessDay = isIsoDate(reassessOn) ? isoDateToDayNumber(reassessOn) : null;
    if (reassessDay === null) errors.push(fieldError('reassessOn', 'INVALID_DATE'));
    else if (assessedDay !== null && reassessDay <= assessedDay) {
      errors.push(courseFieldError('reassessOn', 'NOT_AFTER_ASSESSMENT'));
    }
  }

  if (organisation.stance === 'ANONYMOUS') {
    if (riskLevel !== null) errors.push(courseFieldError('riskLevel', 'NOT_STORED_WHEN_ANONYMOUS'));
    if (safetyPlan !== null) errors.push(courseFieldError('safetyPlan', 'NOT_STORED_WHEN_ANONYMOUS'));
  } else {
    if (riskLevel === null) errors.push(courseFieldError('riskLevel', 'RISK_LEVEL_REQUIRED'));
    else if (!organisation.riskLevels.includes(riskLevel)) {
      errors.push(fieldError('riskLevel', 'UNKNOWN_OPTION', { option: riskLevel }));
    }
    if (safetyPlan !== null && safetyPlan.length > RISK_TEXT_LIMITS.safetyPlan) {
      errors.push(fieldError('safetyPlan', 'TOO_LONG', { maxLength: RISK_TEXT_LIMITS.safetyPlan }));
    }
  }

  const routes: RiskRouteChoice[] = [];
  for (const route of input.routes) {
    if (!(RISK_ROUTE_CODES as readonly string[]).includes(route)) {
      errors.push(fieldError('routes', 'UNKNOWN_OPTION', { option: route }));
    } else if (routes.includes(route as RiskRouteChoice)) {
      errors.push(fieldError('routes', 'DUPLICATE_OPTION', { option: route }));
    } else {
      routes.push(route as RiskRouteChoice);
    }
  }
  if (input.routes.length === 0) errors.push(courseFieldError('routes', 'ROUTE_REQUIRED'));
  for (const exclusive of EXCLUSIVE_RISK_ROUTES) {
    if (routes.includes(exclusive) && routes.length > 1) {
      errors.push(fieldError('routes', 'EXCLUSIVE_OPTION', { option: exclusive }));
    }
  }
  if (routes.includes('OTHER_SUPPORT')) {
    if (otherSupport === null) errors.push(fieldError('otherSupport', 'REQUIRED'));
    else if (otherSupport.length > RISK_TEXT_LIMITS.otherSupport) {
      errors.push(fieldError('otherSupport', 'TOO_LONG', { maxLength: RISK_TEXT_LIMITS.otherSupport }));
    }
  } else if (otherSupport !== null) {
    errors.push(fieldError('otherSupport', 'NOT_APPLICABLE'));
  }

  if (errors.length > 0) return { ok: false, errors };
  return {
    ok: true,
    assessment: { assessedOn: input.assessedOn, riskLevel, safetyPlan, reassessOn, routes, otherSupport },
  };
}
