import type { Label } from '../labels.ts';
import { daysBetween, isCalendarDate } from '../outreach/calendar-date.ts';
import { type Rate, rateOf } from '../outreach/funnel.ts';
import { entryOf } from '../taxonomies.ts';
import { type FieldError, fieldError } from '../validation.ts';
import { hateCrimeFieldError } from './hate-crime-errors.ts';
import {
  HATE_CRIME_REFERRAL_STATUSES,
  HATE_CRIME_TRACKS,
  type HateCrimeReferralStatusCode,
  type HateCrimeTrackCode,
  type LegalTaskKindCode,
} from './hate-crime-taxonomies.ts';
import { trackMayKeepMotive } from './motives.ts';
import { type HateCrimeOffer, offerIncludes } from './needs-assessment.ts';

/**
 * A referral between organisations hands over only what the receiving track needs (an
 * explicit allow-list per track: nothing is passed by default), after the person's explicit
 * consent to that track. The sender then sees the status and nothing else.
 *
 * Never in any payload: full name, address, CPR number (the system holds none), the
 * incident's description, the outreach worker's notes, survey answers, or the other
 * track's data.
 */
export const HATE_CRIME_REFERRAL_FIELDS = [
  {
    code: 'alias',
    label: { da: 'Fornavn eller kaldenavn', en: 'First name or alias' },
    tracks: ['LEGAL_FINANCIAL', 'PSYCHOLOGICAL'],
    why: { da: 'For at tiltale personen.', en: 'To address the person.' },
  },
  {
    code: 'phone',
    label: { da: 'Telefonnummer', en: 'Phone number' },
    tracks: ['LEGAL_FINANCIAL', 'PSYCHOLOGICAL'],
    why: { da: 'For at ringe personen op.', en: 'To call the person.' },
  },
  {
    code: 'contactTimes',
    label: { da: 'Hvornår personen kan kontaktes', en: 'When the person can be contacted' },
    tracks: ['LEGAL_FINANCIAL', 'PSYCHOLOGICAL'],
    why: { da: 'Så opkaldet kommer, når det er sikkert.', en: 'So the call comes when it is safe.' },
  },
  {
    code: 'preferredLanguage',
    label: { da: 'Foretrukket sprog', en: 'Preferred language' },
    tracks: ['LEGAL_FINANCIAL', 'PSYCHOLOGICAL'],
    why: { da: 'For at tale på personens sprog.', en: "To speak the person's language." },
  },
  {
    code: 'interpreterNeeded',
    label: { da: 'Behov for tolk', en: 'Interpreter needed' },
    tracks: ['LEGAL_FINANCIAL', 'PSYCHOLOGICAL'],
    why: { da: 'For at bestille tolk.', en: 'To book an interpreter.' },
  },
  {
    code: 'needFirmness',
    label: { da: 'Behovet (helt sikkert eller måske)', en: 'The need (certainly or maybe)' },
    tracks: ['LEGAL_FINANCIAL', 'PSYCHOLOGICAL'],
    why: { da: 'For at prioritere første kontakt.', en: 'To prioritise the first contact.' },
  },
  {
    code: 'incidentDate',
    label: { da: 'Dato for hændelsen', en: 'Date of the incident' },
    tracks: ['LEGAL_FINANCIAL'],
    why: {
      da: 'Frister for anmeldelse og erstatning regnes fra hændelsen.',
      en: 'Deadlines for reporting and compensation run from the incident.',
    },
  },
  {
    code: 'policeReportFiled',
    label: { da: 'Anmeldt til politiet', en: 'Reported to the police' },
    tracks: ['LEGAL_FINANCIAL'],
    why: {
      da: 'En erstatningssag forudsætter normalt en politianmeldelse.',
      en: 'A compensation claim normally requires a police report.',
    },
  },
  {
    code: 'policeJournalNumber',
    label: { da: 'Politiets journalnummer', en: 'Police case number' },
    tracks: ['LEGAL_FINANCIAL'],
    why: { da: 'For at følge straffesagen.', en: 'To follow the criminal case.' },
  },
  {
    code: 'legalTaskKinds',
    label: { da: 'Den ønskede hjælp', en: 'The help asked for' },
    tracks: ['LEGAL_FINANCIAL'],
    why: { da: 'De opgaver rådgiveren skal åbne.', en: 'The tasks the adviser will open.' },
  },
  {
    code: 'psychologicalForms',
    label: { da: 'Ønsket form (individuelt eller gruppe)', en: 'Form asked for (individual or group)' },
    tracks: ['PSYCHOLOGICAL'],
    why: { da: 'For at tilbyde samtaler eller en gruppeplads.', en: 'To offer sessions or a group place.' },
  },
  {
    code: 'ageGroup',
    label: { da: 'Aldersgruppe', en: 'Age group' },
    tracks: ['PSYCHOLOGICAL'],
    why: { da: 'For at sammensætte grupper.', en: 'To compose groups.' },
  },
  {
    code: 'hateMotive',
    label: { da: 'Motiv for hadforbrydelsen', en: 'Motive of the hate crime' },
    // Conditional: trackMayKeepMotive decides (special-category data).
    tracks: ['LEGAL_FINANCIAL', 'PSYCHOLOGICAL'],
    why: {
      da: 'Kun hvor sporet har brug for det: psykologisk støtte, eller anmeldelse og straffesag.',
      en: 'Only where the track needs it: psychological support, or the report and criminal case.',
    },
  },
] as const satisfies ReadonlyArray<{
  code: string;
  label: Label;
  tracks: readonly HateCrimeTrackCode[];
  why: Label;
}>;
export type HateCrimeReferralFieldCode = (typeof HATE_CRIME_REFERRAL_FIELDS)[number]['code'];

/** Fields every referral must carry: the receiver cannot reach the person otherwise. */
export const REQUIRED_REFERRAL_FIELDS: readonly HateCrimeReferralFieldCode[] = ['alias', 'phone'];

/**
 * The fields a track receives, in catalogue order. The motive only where
 * trackMayKeepMotive allows it (legal/financial: only with the report and criminal case).
 */
export function referralFieldsFor(
  track: HateCrimeTrackCode,
  legalTaskKinds: readonly LegalTaskKindCode[] = [],
): HateCrimeReferralFieldCode[] {
  return HATE_CRIME_REFERRAL_FIELDS.filter((f) => (f.tracks as readonly string[]).includes(track))
    .map((f) => f.code)
    .filter((code) => code !== 'hateMotive' || trackMayKeepMotive(track, legalTaskKinds));
}

export type HateCrimeReferralPayload = Partial<Record<HateCrimeReferralFieldCode, unknown>>;

/** Legal task kinds named in a payload, for the motive rule (bad values are ignored here). */
function taskKindsOf(payload: Record<string, unknown>): LegalTaskKindCode[] {
  const kinds = payload.legalTaskKinds;
  return Array.isArray(kinds) ? (kinds.filter((k) => typeof k === 'string') as LegalTaskKindCode[]) : [];
}

/**
 * Builds what a track receives from everything the sender holds: only allowed fields, and
 * only those with a value. Used by the gateway when it writes the referral, so a new column
 * on the case never leaks by accident.
 */
export function minimiseReferralPayload(
  track: HateCrimeTrackCode,
  source: Record<string, unknown>,
): HateCrimeReferralPayload {
  const allowed = referralFieldsFor(track, track === 'LEGAL_FINANCIAL' ? taskKindsOf(source) : []);
  const payload: HateCrimeReferralPayload = {};
  for (const field of allowed) {
    const value = source[field];
    if (value !== undefined && value !== null && value !== '') payload[field] = value;
  }
  return payload;
}

/** Refuses a payload with any field the track may not receive, and one missing the contact fields. */
export function validateReferralPayload(
  track: HateCrimeTrackCode,
  payload: Record<string, unknown>,
): FieldError[] {
  const errors: FieldError[] = [];
  const allowed = new Set<string>(
    referralFieldsFor(track, track === 'LEGAL_FINANCIAL' ? taskKindsOf(payload) : []),
  );
  for (const key of Object.keys(payload)) {
    if (allowed.has(key)) continue;
    if (key === 'hateMotive') errors.push(hateCrimeFieldError(`payload.${key}`, 'MOTIVE_NOT_FOR_TRACK'));
    else errors.push(hateCrimeFieldError(`payload.${key}`, 'FIELD_NOT_FOR_TRACK'));
  }
  for (const field of REQUIRED_REFERRAL_FIELDS) {
    const value = payload[field];
    if (value === undefined || value === null || value === '')
      errors.push(fieldError(`payload.${field}`, 'REQUIRED'));
  }
  return errors;
}

/** The person's explicit consent, given for one track (one receiving organisation). */
export type HateCrimeReferralConsent = { given: boolean; givenOn: string; track: HateCrimeTrackCode };

export type HateCrimeReferralDraft = {
  track: HateCrimeTrackCode;
  senderOrganizationId: string;
  receiverOrganizationId: string;
  sentOn: string;
  consent: HateCrimeReferralConsent | null;
  payload: Record<string, unknown>;
};

/**
 * Checks a referral before it is sent: a track the assessment offered, another organisation,
 * explicit consent to this track given no later than the sending day, real dates not after
 * `today`, and a minimal payload.
 */
export function validateHateCrimeReferral(
  draft: HateCrimeReferralDraft,
  context: { offer: HateCrimeOffer; today: string },
): FieldError[] {
  const errors: FieldError[] = [];
  if (!entryOf(HATE_CRIME_TRACKS, draft.track)) {
    return [fieldError('track', 'UNKNOWN_OPTION', { option: String(draft.track) })];
  }
  if (!offerIncludes(context.offer, draft.track))
    errors.push(hateCrimeFieldError('track', 'TRACK_NOT_OFFERED'));
  if (draft.receiverOrganizationId === draft.senderOrganizationId)
    errors.push(hateCrimeFieldError('receiverOrganizationId', 'RECEIVER_IS_SENDER'));
  const sentOk = isCalendarDate(draft.sentOn);
  if (!sentOk) errors.push(fieldError('sentOn', 'INVALID_DATE'));
  else if (daysBetween(context.today, draft.sentOn) > 0)
    errors.push(hateCrimeFieldError('sentOn', 'DATE_IN_FUTURE'));
  const consent = draft.consent;
  if (consent?.given !== true) errors.push(hateCrimeFieldError('consent', 'CONSENT_REQUIRED'));
  else {
    if (consent.track !== draft.track)
      errors.push(hateCrimeFieldError('consent.track', 'CONSENT_OTHER_TRACK'));
    if (!isCalendarDate(consent.givenOn)) errors.push(fieldError('consent.givenOn', 'INVALID_DATE'));
    else if (sentOk && daysBetween(draft.sentOn, consent.givenOn) > 0)
      errors.push(hateCrimeFieldError('consent.givenOn', 'CONSENT_AFTER_REFERRAL'));
  }
  errors.push(...validateReferralPayload(draft.track, draft.payload));
  return errors;
}

/** A stored referral's status history, as far as the statuses go. */
export type HateCrimeReferralState = {
  id: string;
  track: HateCrimeTrackCode;
  status: HateCrimeReferralStatusCode;
  sentOn: string;
  statusChangedOn: string;
  /** Set when it reached STARTED; kept if it is later withdrawn (it was taken up). */
  startedOn: string | null;
};

export function referralTransitionAllowed(
  from: HateCrimeReferralStatusCode,
  to: HateCrimeReferralStatusCode,
): boolean {
  const entry = entryOf(HATE_CRIME_REFERRAL_STATUSES, from);
  return entry !== undefined && (entry.next as readonly string[]).includes(to);
}

/** The receiver moves a referral on; dates may not run backwards or into the future. */
export function changeReferralStatus(
  referral: HateCrimeReferralState,
  to: HateCrimeReferralStatusCode,
  on: string,
  today: string,
): { ok: true; referral: HateCrimeReferralState } | { ok: false; errors: FieldError[] } {
  if (!referralTransitionAllowed(referral.status, to))
    return { ok: false, errors: [hateCrimeFieldError('status', 'STATUS_CHANGE_NOT_ALLOWED')] };
  if (!isCalendarDate(on)) return { ok: false, errors: [fieldError('on', 'INVALID_DATE')] };
  if (daysBetween(today, on) > 0) return { ok: false, errors: [hateCrimeFieldError('on', 'DATE_IN_FUTURE')] };
  if (daysBetween(referral.statusChangedOn, on) < 0)
    return { ok: false, errors: [hateCrimeFieldError('on', 'BEFORE_START')] };
  return {
    ok: true,
    referral: {
      ...referral,
      status: to,
      statusChangedOn: on,
      startedOn: to === 'STARTED' ? on : referral.startedOn,
    },
  };
}

/** Everything the sending organisation may see of a referral: which track, and where it stands. */
export type HateCrimeReferralSenderView = Pick<
  HateCrimeReferralState,
  'id' | 'track' | 'status' | 'sentOn' | 'statusChangedOn'
>;

/** Builds the sender's view by naming what it holds, so added fields never reach the sender. */
export function senderViewOfReferral(referral: HateCrimeReferralState): HateCrimeReferralSenderView {
  return {
    id: referral.id,
    track: referral.track,
    status: referral.status,
    sentOn: referral.sentOn,
    statusChangedOn: referral.statusChangedOn,
  };
}

export type TrackUptake = {
  track: HateCrimeTrackCode;
  /** Referrals that started, out of referrals sent. */
  uptake: Rate;
  /** Days from sent to started, for the started ones (the evaluation's waiting time). */
  waitingDays: number[];
};

/** Uptake and waiting time per track, in the order of HATE_CRIME_TRACKS. */
export function uptakeByTrack(referrals: readonly HateCrimeReferralState[]): TrackUptake[] {
  return HATE_CRIME_TRACKS.map((t) => {
    const ofTrack = referrals.filter((r) => r.track === t.code);
    const started = ofTrack.filter((r) => r.startedOn !== null);
    return {
      track: t.code,
      uptake: rateOf(started.length, ofTrack.length),
      waitingDays: started.map((r) => daysBetween(r.sentOn, r.startedOn as string)),
    };
  });
}
