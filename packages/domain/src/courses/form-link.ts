// One-time links a participant opens to answer their own baseline or end form.
// The token is 32 random bytes (256 bits) in base64url; only its SHA-256 hash
// is stored, so a database reader cannot open a form. The token travels in the
// URL fragment (`#t=...`), which browsers never send to a server, so it does
// not end up in access logs or Referer headers. A changed character makes the
// hash match nothing: a tampered link and an unknown link are the same case.

import type { Label } from '../labels.ts';
import { cryptoRandomBytes, type RandomBytes } from './participant-code.ts';

export const FORM_LINK_TOKEN_BYTES = 32;
/** Long enough to fill in the form at home the same week, short enough that a forgotten QR code dies. */
export const FORM_LINK_TTL_HOURS = 72;
export const PARTICIPANT_FORM_KINDS = ['BASELINE', 'END'] as const;
export type ParticipantFormKind = (typeof PARTICIPANT_FORM_KINDS)[number];

const TOKEN_PATTERN = /^[A-Za-z0-9_-]{43}$/;

export function encodeBase64Url(bytes: Uint8Array): string {
  let binary = '';
  for (const byte of bytes) binary += String.fromCharCode(byte);
  return btoa(binary).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}

export function generateFormToken(random: RandomBytes = cryptoRandomBytes): string {
  return encodeBase64Url(random(FORM_LINK_TOKEN_BYTES));
}

/** Shape check only; whether the token exists is for the gateway to find out. */
export function isWellFormedFormToken(value: unknown): value is string {
  return typeof value === 'string' && TOKEN_PATTERN.test(value);
}

export function isParticipantFormKind(value: unknown): value is ParticipantFormKind {
  return value === 'BASELINE' || value === 'END';
}

export function formLinkFragment(token: string): string {
  return `#t=${token}`;
}

/** Reads the token from `location.hash` (`#t=...`); null when absent. */
export function formTokenFromFragment(hash: string): string | null {
  const params = new URLSearchParams(hash.replace(/^#/, ''));
  const token = params.get('t');
  return token && token.length > 0 ? token : null;
}

export function formLinkExpiresAt(createdAt: Date, ttlHours: number = FORM_LINK_TTL_HOURS): Date {
  return new Date(createdAt.getTime() + ttlHours * 3_600_000);
}

export type FormLinkState = 'OPEN' | 'USED' | 'EXPIRED';

/** A used link stays "used" after it would have expired: the participant is told the form is in. */
export function formLinkState(link: { expiresAt: Date; usedAt: Date | null }, now: Date): FormLinkState {
  if (link.usedAt) return 'USED';
  return now.getTime() >= link.expiresAt.getTime() ? 'EXPIRED' : 'OPEN';
}

export type FormLinkProblem = 'INVALID_LINK' | 'LINK_EXPIRED' | 'LINK_USED' | 'ALREADY_SUBMITTED';

/** What the participant reads when a link cannot be used. Never says whose link it was. */
export const FORM_LINK_PROBLEM_MESSAGES: Record<FormLinkProblem, Label> = {
  INVALID_LINK: {
    da: 'Linket virker ikke. Det kan være ændret eller ufuldstændigt. Bed gruppelederen om et nyt link.',
    en: 'This link does not work. It may have been changed or cut short. Ask your group leader for a new link.',
  },
  LINK_EXPIRED: {
    da: 'Linket er udløbet. Bed gruppelederen om et nyt link.',
    en: 'This link has expired. Ask your group leader for a new link.',
  },
  LINK_USED: {
    da: 'Skemaet er allerede sendt med dette link. Tak for dine svar.',
    en: 'The form has already been sent with this link. Thank you for your answers.',
  },
  ALREADY_SUBMITTED: {
    da: 'Du har allerede udfyldt dette skema. Tak for dine svar.',
    en: 'You have already filled in this form. Thank you for your answers.',
  },
};
