import { formLinkExpiresAt, formLinkFragment } from '../courses/form-link.ts';
import type { Label } from '../labels.ts';

/**
 * The survey's one-time link: the participant forms' mechanism (courses/form-link.ts: 256-bit
 * token in the URL fragment, only its SHA-256 hash stored), with a longer life. The person has
 * just had a call a few days after a violent incident and answers when they are ready; no
 * reminder is sent (as in the report's survey, which sent none to stay anonymous), so the one
 * link must last a week.
 */
export const OUTREACH_SURVEY_LINK_TTL_HOURS = 7 * 24;

export function outreachSurveyLinkExpiresAt(sentAt: Date): Date {
  return formLinkExpiresAt(sentAt, OUTREACH_SURVEY_LINK_TTL_HOURS);
}

/** The survey page's address with the token in the fragment, which browsers never send to a server. */
export function outreachSurveyUrl(pageUrl: string, token: string): string {
  return `${pageUrl.replace(/#.*$/, '')}${formLinkFragment(token)}`;
}

export type OutreachSurveyLinkProblem = 'INVALID_LINK' | 'LINK_EXPIRED' | 'LINK_USED';

/** What the person reads when the link cannot be used. Never says whose link it was, nor why they were called. */
export const OUTREACH_SURVEY_LINK_PROBLEMS: Record<OutreachSurveyLinkProblem, Label> = {
  INVALID_LINK: {
    da: 'Linket virker ikke. Det kan være ændret eller ufuldstændigt. Kopiér hele linket fra din sms.',
    en: 'This link does not work. It may have been changed or cut short. Copy the whole link from your text message.',
  },
  LINK_EXPIRED: {
    da: 'Linket er udløbet, og spørgeskemaet kan ikke længere besvares. Tak for din interesse.',
    en: 'This link has expired and the questionnaire can no longer be answered. Thank you for your interest.',
  },
  LINK_USED: {
    da: 'Spørgeskemaet er allerede sendt med dette link. Tak for dine svar.',
    en: 'The questionnaire has already been sent with this link. Thank you for your answers.',
  },
};

// The text message with the link: survey-sms.ts (one per offered language).
