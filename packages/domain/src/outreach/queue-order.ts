import type { CalendarDate } from './calendar-date.ts';

/**
 * The call queue's order (issue 3): incident types the organisation gives a higher
 * priority first; within a priority the person who became callable first (they have
 * waited longest and their window closes first); then the earliest imported; the id
 * makes the order total so paging never skips or repeats a person.
 * The gateway's SQL ORDER BY implements exactly this, and a test compares the two.
 */
export interface QueueOrderKey {
  priority: number;
  callableFrom: CalendarDate;
  createdAt: Date;
  id: string;
}

export function compareQueueOrder(a: QueueOrderKey, b: QueueOrderKey): number {
  if (a.priority !== b.priority) return b.priority - a.priority;
  if (a.callableFrom !== b.callableFrom) return a.callableFrom < b.callableFrom ? -1 : 1;
  const at = a.createdAt.getTime();
  const bt = b.createdAt.getTime();
  if (at !== bt) return at - bt;
  return a.id < b.id ? -1 : a.id > b.id ? 1 : 0;
}

/** Cursor of the last entry on a page (keyset paging: stable while others claim cases). */
export function encodeQueueCursor(key: QueueOrderKey): string {
  return btoa(JSON.stringify([key.priority, key.callableFrom, key.createdAt.toISOString(), key.id]));
}

export function decodeQueueCursor(cursor: string): QueueOrderKey | null {
  try {
    const value: unknown = JSON.parse(atob(cursor));
    if (!Array.isArray(value) || value.length !== 4) return null;
    const [priority, callableFrom, createdAt, id] = value as unknown[];
    if (typeof priority !== 'number' || !Number.isInteger(priority)) return null;
    if (typeof callableFrom !== 'string' || !/^\d{4}-\d{2}-\d{2}$/.test(callableFrom)) return null;
    if (typeof createdAt !== 'string' || Number.isNaN(Date.parse(createdAt))) return null;
    if (typeof id !== 'string' || !/^[0-9a-f-]{36}$/i.test(id)) return null;
    return { priority, callableFrom, createdAt: new Date(createdAt), id };
  } catch {
    return null;
  }
}
