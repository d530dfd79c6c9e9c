import type { Locale } from '@vi/domain';
import { formatDate as formatDay } from '@vi/ui';

// The apps' one rule for dates (dd.mm.åååå in both languages, instants in Danish time) lives in
// @vi/ui's dates.ts; these keep the outreach screens' call shape.

/** A calendar day (yyyy-mm-dd from the gateway) as the user reads it: 20.11.2026. */
export function formatDate(isoDate: string, _locale: Locale): string {
  return formatDay(isoDate.slice(0, 10));
}

export { formatDateTime } from '@vi/ui';
