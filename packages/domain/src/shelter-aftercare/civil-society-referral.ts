import { daysBetween, isCalendarDate } from '../outreach/calendar-date.ts';
import { type Rate, rateOf } from '../outreach/funnel.ts';
import { entryOf, isCodeOf } from '../taxonomies.ts';
import { type FieldError, fieldError } from '../validation.ts';
import { shelterFieldError } from './shelter-errors.ts';
import {
  CIVIL_SOCIETY_OFFERS,
  CIVIL_SOCIETY_OUTCOMES,
  CIVIL_SOCIETY_REFERRAL_STATUSES,
  type CivilSocietyOfferCode,
  type CivilSocietyOutcomeCode,
  type CivilSocietyReferralStatusCode,
} from './shelter-taxonomies.ts';

/**
 * A referral to civil-society aftercare, which the paper wants as a must in § 109
 * counselling: offered, then declined or referred with her consent, then started or not,
 * and ended with an outcome.
 */
export type CivilSocietyReferral = {
  offer: CivilSocietyOfferCode;
  /** The organisation's own offer's name, with OTHER only. */
  otherOfferName: string | null;
  status: CivilSocietyReferralStatusCode;
  offeredOn: string;
  consentGivenOn: string | null;
  referredOn: string | null;
  startedOn: string | null;
  outcome: CivilSocietyOutcomeCode | null;
};

export const MAX_OFFER_NAME_LENGTH = 120;

/** Checks a referral as stored: consent before referral, an outcome exactly where needed, dates in order. */
export function validateCivilSocietyReferral(referral: CivilSocietyReferral, today: string): FieldError[] {
  const errors: FieldError[] = [];
  if (!isCodeOf(CIVIL_SOCIETY_OFFERS, referral.offer))
    return [fieldError('offer', 'UNKNOWN_OPTION', { option: String(referral.offer) })];
  const status = entryOf(CIVIL_SOCIETY_REFERRAL_STATUSES, referral.status);
  if (!status) return [fieldError('status', 'UNKNOWN_OPTION', { option: String(referral.status) })];

  const name = referral.otherOfferName?.trim() ?? '';
  if (referral.offer === 'OTHER') {
    if (name === '') errors.push(shelterFieldError('otherOfferName', 'OFFER_NAME_REQUIRED'));
    else if (name.length > MAX_OFFER_NAME_LENGTH)
      errors.push(fieldError('otherOfferName', 'TOO_LONG', { maxLength: MAX_OFFER_NAME_LENGTH }));
  } else if (name !== '') errors.push(fieldError('otherOfferName', 'NOT_APPLICABLE'));

  const date = (field: 'offeredOn' | 'consentGivenOn' | 'referredOn' | 'startedOn', required: boolean) => {
    const value = referral[field];
    if (value === null) {
      if (required) errors.push(fieldError(field, 'REQUIRED'));
      return null;
    }
    if (!isCalendarDate(value)) {
      errors.push(fieldError(field, 'INVALID_DATE'));
      return null;
    }
    if (daysBetween(today, value) > 0) {
      errors.push(shelterFieldError(field, 'DATE_IN_FUTURE'));
      return null;
    }
    return value;
  };
  const offered = date('offeredOn', true);
  const referred = status.consent ? date('referredOn', true) : null;
  if (!status.consent && referral.referredOn !== null)
    errors.push(fieldError('referredOn', 'NOT_APPLICABLE'));
  if (status.consent) {
    if (referral.consentGivenOn === null)
      errors.push(shelterFieldError('consentGivenOn', 'CONSENT_REQUIRED'));
    else {
      const consent = date('consentGivenOn', true);
      if (consent && referred && daysBetween(referred, consent) > 0)
        errors.push(shelterFieldError('consentGivenOn', 'CONSENT_AFTER_REFERRAL'));
    }
  }
  if (offered && referred && daysBetween(offered, referred) < 0)
    errors.push(shelterFieldError('referredOn', 'BEFORE_START'));
  if (status.uptake) {
    const started = date('startedOn', true);
    if (started && referred && daysBetween(referred, started) < 0)
      errors.push(shelterFieldError('startedOn', 'BEFORE_START'));
  } else if (referral.startedOn !== null) errors.push(fieldError('startedOn', 'NOT_APPLICABLE'));

  if (status.outcome) {
    if (referral.outcome === null) errors.push(shelterFieldError('outcome', 'OUTCOME_REQUIRED'));
    else {
      const outcome = entryOf(CIVIL_SOCIETY_OUTCOMES, referral.outcome);
      if (!outcome)
        errors.push(fieldError('outcome', 'UNKNOWN_OPTION', { option: String(referral.outcome) }));
      else if (!(outcome.statuses as readonly string[]).includes(referral.status))
        errors.push(shelterFieldError('outcome', 'OUTCOME_NOT_FOR_STATUS'));
    }
  } else if (referral.outcome !== null) errors.push(shelterFieldError('outcome', 'OUTCOME_NOT_ALLOWED'));
  return errors;
}

/** True when the list lets a referral go from one status to the other. */
export function civilSocietyTransitionAllowed(
  from: CivilSocietyReferralStatusCode,
  to: CivilSocietyReferralStatusCode,
): boolean {
  const entry = entryOf(CIVIL_SOCIETY_REFERRAL_STATUSES, from);
  return entry !== undefined && (entry.next as readonly string[]).includes(to);
}

export type CivilSocietyUptake = {
  /** Offered referrals that went on to a referral (she consented), out of all offered. */
  referred: Rate;
  /** Referrals that started, out of those referred. */
  uptake: Rate;
};

/** The evaluation's "civil-society referral and uptake", for all offers or one. */
export function civilSocietyUptake(
  referrals: readonly Pick<CivilSocietyReferral, 'offer' | 'status'>[],
  offer?: CivilSocietyOfferCode,
): CivilSocietyUptake {
  const rows = offer ? referrals.filter((r) => r.offer === offer) : referrals;
  const consent = rows.filter((r) => entryOf(CIVIL_SOCIETY_REFERRAL_STATUSES, r.status)?.consent);
  const started = consent.filter((r) => entryOf(CIVIL_SOCIETY_REFERRAL_STATUSES, r.status)?.uptake);
  return { referred: rateOf(consent.length, rows.length), uptake: rateOf(started.length, consent.length) };
}
