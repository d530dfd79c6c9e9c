import type { FieldError } from '../validation.ts';

/**
 * From which session the end form is offered: the course's last two sessions. The group-course
 * app offers the form only then, and the gateway refuses to open an end-form link earlier.
 *
 * Why two: the end form asks what the course gave the participant (the eleven course items, the
 * helped-on-to offers), so opening it earlier asks before the course has given it. VIVE's model
 * hands it out at the last session, but many participants miss a session or cancel and come back
 * later (DOMAIN 2.2), so the second-to-last session is the first chance for someone who will not
 * be there at the end. After the last session it stays open, for those who come back afterwards.
 */
export const END_FORM_LAST_SESSIONS = 2;

type Session = { number: number; date: string };

/** The first session of the end-form window, or null for a course without sessions. */
export function endFormOpensAt<S extends Session>(sessions: readonly S[]): S | null {
  const ordered = [...sessions].sort((a, b) => a.number - b.number);
  return ordered[Math.max(0, ordered.length - END_FORM_LAST_SESSIONS)] ?? null;
}

/** Whether the end form may be offered on `today` (YYYY-MM-DD, Danish calendar). */
export function endFormOpen(sessions: readonly Session[], today: string): boolean {
  const opens = endFormOpensAt(sessions);
  return opens !== null && opens.date.slice(0, 10) <= today;
}

/**
 * The field error for an end form asked for before its window: names the session and its day,
 * so the leader knows when to come back. The date is the session's calendar day (dd.mm.åååå).
 */
export function endFormNotYetError(field: string, opens: Session): FieldError {
  const [year, month, day] = opens.date.slice(0, 10).split('-');
  const date = `${day}.${month}.${year}`;
  return {
    field,
    code: 'END_FORM_NOT_YET',
    message: {
      da: `Slutskemaet kan først åbnes fra gang ${opens.number} (${date}): det spørger til, hvad forløbet har givet.`,
      en: `The end form opens from session ${opens.number} (${date}): it asks what the course has given.`,
    },
  };
}
