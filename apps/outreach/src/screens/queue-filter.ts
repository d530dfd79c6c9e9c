/**
 * The queue filter the worker chose (incident type, role), kept for the page's lifetime so
 * "Gem og tag næste" on the call screen takes the next person from the same part of the queue
 * the worker was working through. Codes only, never a name or number.
 */
import type { IncidentTypeCode, PERSON_ROLES } from '@vi/domain';

export type QueueFilter = {
  incidentTypes: IncidentTypeCode[] | null;
  roles: (typeof PERSON_ROLES)[number]['code'][] | null;
};

let current: QueueFilter = { incidentTypes: null, roles: null };

export function currentQueueFilter(): QueueFilter {
  return current;
}

export function rememberQueueFilter(filter: QueueFilter): void {
  current = filter;
}

/**
 * A one-line message the next call screen shows ("the result for P-… is saved"): the screen of
 * the saved call is gone by then, so the confirmation travels with the navigation, addressed to
 * the case that opens next (read, not consumed, so a double render shows it too).
 */
let carried: { caseId: string; message: string } | null = null;

export function carryMessage(caseId: string, message: string): void {
  carried = { caseId, message };
}

export function carriedMessageFor(caseId: string): string | null {
  return carried?.caseId === caseId ? carried.message : null;
}
