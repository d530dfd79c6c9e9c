// Who a person is, as far as the organisation's privacy stance allows
// (DOMAIN 2.2 and 8): an anonymous-stance organisation (Odense) keeps only an
// alias and a way to reach the person for scheduling; a journalised one (Køge)
// may also keep the name and the case reference. Fields the stance forbids are
// refused, not silently dropped, so nobody believes a name was saved.

import { type Answers, validateAnswers } from '../questionnaires.ts';
import { type FieldError, fieldError, normaliseDanishPhone } from '../validation.ts';
import { courseFieldError } from './course-errors.ts';

export type StanceCode = 'ANONYMOUS' | 'JOURNALISED';

export const INTAKE_TEXT_LIMITS = {
  alias: 60,
  name: 120,
  phone: 30,
  reachNote: 500,
  caseReference: 60,
} as const;

export type IntakeContactInput = {
  alias?: string | null;
  name?: string | null;
  phone?: string | null;
  reachNote?: string | null;
  caseReference?: string | null;
};

export type IntakeContact = {
  alias: string | null;
  name: string | null;
  phone: string | null;
  reachNote: string | null;
  caseReference: string | null;
};

/** Fields an anonymous-stance organisation may not store. */
export const JOURNALISED_ONLY_CONTACT_FIELDS = ['name', 'caseReference'] as const;

function clean(value: string | null | undefined): string | null {
  const trimmed = value?.trim() ?? '';
  return trimmed.length > 0 ? trimmed : null;
}

export function checkIntakeContact(
  stance: StanceCode,
  input: IntakeContactInput,
): { ok: true; contact: IntakeContact } | { ok: false; errors: FieldError[] } {
  const errors: FieldError[] = [];
  const contact: IntakeContact = {
    alias: clean(input.alias),
    name: clean(input.name),
    phone: clean(input.phone),
    reachNote: clean(input.reachNote),
    caseReference: clean(input.caseReference),
  };
  for (const key of Object.keys(INTAKE_TEXT_LIMITS) as Array<keyof typeof INTAKE_TEXT_LIMITS>) {
    const value = contact[key];
    if (value && value.length > INTAKE_TEXT_LIMITS[key]) {
      errors.push(fieldError(key, 'TOO_LONG', { maxLength: INTAKE_TEXT_LIMITS[key] }));
    }
  }
  if (stance === 'ANONYMOUS') {
    for (const key of JOURNALISED_ONLY_CONTACT_FIELDS) {
      if (contact[key]) errors.push(courseFieldError(key, 'NOT_STORED_WHEN_ANONYMOUS'));
    }
    if (!contact.alias) errors.push(courseFieldError('alias', 'ALIAS_REQUIRED'));
  } else if (!contact.alias && !contact.name) {
    errors.push(courseFieldError('alias', 'NAME_OR_ALIAS_REQUIRED'));
  }
  if (contact.phone) {
    const phone = normaliseDanishPhone(contact.phone);
    if (phone) contact.phone = phone;
    else errors.push(fieldError('phone', 'INVALID_PHONE'));
  }
  return errors.length > 0 ? { ok: false, errors } : { ok: true, contact };
}

/**
 * The registration form's last section (SARA-V3 done, referred to) records
 * the risk assessment's decision. At intake that decision usually lies ahead,
 * so the section may be left out then; `registrationWithDecision` fills it in
 * when the assessment is recorded. When any of its items is given at intake
 * (a person who declines before any assessment), the whole form is checked.
 */
export const REGISTRATION_DECISION_ITEMS = ['sara_done', 'referred_to', 'referred_to_other'] as const;

export type IntakeAnswersCheck =
  | { ok: true; answers: Answers; decisionPending: boolean }
  | { ok: false; errors: FieldError[] };

export function checkIntakeAnswers(answers: unknown): IntakeAnswersCheck {
  const given =
    typeof answers === 'object' && answers !== null && !Array.isArray(answers)
      ? (answers as Record<string, unknown>)
      : null;
  const decisionGiven = given !== null && REGISTRATION_DECISION_ITEMS.some((id) => given[id] !== undefined);
  if (!given || decisionGiven) {
    const result = validateAnswers('REGISTRATION', answers);
    return result.ok ? { ok: true, answers: result.answers, decisionPending: false } : result;
  }
  // Check the rest of the form with a stand-in decision, then leave the decision out again.
  const result = validateAnswers('REGISTRATION', { ...given, sara_done: 'NO', referred_to: ['DECLINED'] });
  if (!result.ok) return result;
  const withoutDecision: Record<string, Answers[string]> = { ...result.answers };
  for (const id of REGISTRATION_DECISION_ITEMS) delete withoutDecision[id];
  return { ok: true, answers: withoutDecision, decisionPending: true };
}

/** The registration answers with the risk assessment's decision written into the decision section. */
export function registrationWithDecision(
  answers: Answers,
  decision: { routes: readonly string[]; otherSupport: string | null },
): Answers {
  const next: Record<string, Answers[string]> = {
    ...answers,
    sara_done: 'YES',
    referred_to: [...decision.routes],
  };
  if (decision.routes.includes('OTHER_SUPPORT') && decision.otherSupport) {
    next.referred_to_other = decision.otherSupport;
  } else {
    delete next.referred_to_other;
  }
  return next;
}
