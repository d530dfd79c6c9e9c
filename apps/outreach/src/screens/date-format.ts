import type { Locale } from '@vi/domain';

/** A calendar day (yyyy-mm-dd from the gateway) as the user reads it: 20.11.2026 / 20/11/2026. */
export function formatDate(isoDate: string, locale: Locale): string {
  const [y, m, d] = isoDate.slice(0, 10).split('-');
  return locale === 'da' ? `${d}.${m}.${y}` : `${d}/${m}/${y}`;
}

/** An instant in Danish time, with date and minutes. */
export function formatDateTime(iso: string, locale: Locale): string {
  return new Intl.DateTimeFormat(locale === 'da' ? 'da-DK' : 'en-GB', {
    timeZone: 'Europe/Copenhagen',
    dateStyle: 'short',
    timeStyle: 'short',
  }).format(new Date(iso));
}
