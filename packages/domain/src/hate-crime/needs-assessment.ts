import { entryOf, isCodeOf } from '../taxonomies.ts';
import { type FieldError, fieldError } from '../validation.ts';
import {
  HATE_CRIME_NEED_ANSWERS,
  HATE_CRIME_NEEDS,
  type HateCrimeNeedAnswerCode,
  type HateCrimeNeedCode,
  type HateCrimeTrackCode,
  PSYCHOLOGICAL_SUPPORT_FORMS,
  type PsychologicalSupportFormCode,
} from './hate-crime-taxonomies.ts';

/** One answer per need category of the pre-study's survey. */
export type HateCrimeNeedsAnswers = Record<HateCrimeNeedCode, HateCrimeNeedAnswerCode>;

/** Checks the answers: every need answered with a known answer, nothing else. */
export function validateNeedsAnswers(
  answers: unknown,
): { ok: true; answers: HateCrimeNeedsAnswers } | { ok: false; errors: FieldError[] } {
  if (typeof answers !== 'object' || answers === null || Array.isArray(answers)) {
    return { ok: false, errors: [fieldError('needs', 'NOT_AN_OBJECT')] };
  }
  const errors: FieldError[] = [];
  const record = answers as Record<string, unknown>;
  for (const need of HATE_CRIME_NEEDS) {
    const value = record[need.code];
    if (value === undefined || value === null || value === '') {
      errors.push(fieldError(`needs.${need.code}`, 'REQUIRED'));
    } else if (!isCodeOf(HATE_CRIME_NEED_ANSWERS, value)) {
      errors.push(fieldError(`needs.${need.code}`, 'UNKNOWN_OPTION', { option: String(value) }));
    }
  }
  for (const key of Object.keys(record)) {
    if (!entryOf(HATE_CRIME_NEEDS, key)) errors.push(fieldError(`needs.${key}`, 'UNKNOWN_ITEM'));
  }
  return errors.length > 0 ? { ok: false, errors } : { ok: true, answers: answers as HateCrimeNeedsAnswers };
}

/** One track of the offer: how firm the need is, and for psychological support which forms. */
export type HateCrimeTrackOffer = {
  track: HateCrimeTrackCode;
  /**
   * CERTAINLY when any need behind the track was "certainly": refer now (with consent).
   * MAYBE when all were "maybe": offer it and agree with the person whether to refer now or
   * call again; the survey found a third answering maybe, too many to leave out.
   */
  firmness: 'CERTAINLY' | 'MAYBE';
  /** Psychological track only: the forms asked for, "certainly" first. Empty otherwise. */
  forms: PsychologicalSupportFormCode[];
};

export type HateCrimeOffer = {
  tracks: HateCrimeTrackOffer[];
  /** True when every answer was no: aftercare ends with the assessment (the person may come back). */
  noOffer: boolean;
};

const FIRMNESS_ORDER: Record<HateCrimeNeedAnswerCode, number> = { CERTAINLY: 0, MAYBE: 1, NO: 2 };

/**
 * Decides the offer from the answers: a track is offered when at least one of its needs is
 * "certainly" or "maybe". The firmer track comes first (the worker starts there); ties keep
 * the order of HATE_CRIME_TRACKS.
 * Throws on invalid answers (validate first; an invalid assessment must not route anyone).
 */
export function decideHateCrimeOffer(answers: HateCrimeNeedsAnswers): HateCrimeOffer {
  const checked = validateNeedsAnswers(answers);
  if (!checked.ok) {
    throw new RangeError(`Invalid needs answers (${checked.errors.map((e) => e.field).join(', ')})`);
  }
  const legal = answers.LEGAL_FINANCIAL;
  const forms = PSYCHOLOGICAL_SUPPORT_FORMS.map((form) => ({ form: form.code, answer: answers[form.need] }))
    .filter((f) => f.answer !== 'NO')
    .sort((a, b) => FIRMNESS_ORDER[a.answer] - FIRMNESS_ORDER[b.answer]);

  const tracks: Array<HateCrimeTrackOffer & { rank: number; order: number }> = [];
  if (legal !== 'NO') {
    tracks.push({
      track: 'LEGAL_FINANCIAL',
      firmness: legal,
      forms: [],
      rank: FIRMNESS_ORDER[legal],
      order: 0,
    });
  }
  const firstForm = forms[0];
  if (firstForm) {
    const firmness = firstForm.answer === 'CERTAINLY' ? 'CERTAINLY' : 'MAYBE';
    tracks.push({
      track: 'PSYCHOLOGICAL',
      firmness,
      forms: forms.map((f) => f.form),
      rank: FIRMNESS_ORDER[firmness],
      order: 1,
    });
  }
  tracks.sort((a, b) => a.rank - b.rank || a.order - b.order);
  return {
    tracks: tracks.map(({ track, firmness, forms: trackForms }) => ({ track, firmness, forms: trackForms })),
    noOffer: tracks.length === 0,
  };
}

/** True when the offer includes the track (a referral to a track not offered is refused). */
export function offerIncludes(offer: HateCrimeOffer, track: HateCrimeTrackCode): boolean {
  return offer.tracks.some((t) => t.track === track);
}
