// Calendar dates travel as ISO 'YYYY-MM-DD' strings (the database stores them as
// DATE). Arithmetic happens on whole UTC days so a daylight-saving change can
// never make a 14-day gap look like 13.99 days.

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
const MS_PER_DAY = 86_400_000;

/** Days since 1970-01-01 for a valid ISO date, or null for anything else (including 2025-02-30). */
export function isoDateToDayNumber(value: string): number | null {
  const match = ISO_DATE.exec(value);
  if (!match) return null;
  const year = Number(match[1]);
  const month = Number(match[2]);
  const day = Number(match[3]);
  const ms = Date.UTC(year, month - 1, day);
  const back = new Date(ms);
  if (back.getUTCFullYear() !== year || back.getUTCMonth() !== month - 1 || back.getUTCDate() !== day) {
    return null;
  }
  return ms / MS_PER_DAY;
}

export function dayNumberToIsoDate(dayNumber: number): string {
  return new Date(dayNumber * MS_PER_DAY).toISOString().slice(0, 10);
}

/** The UTC calendar day of a Date (or an ISO date string) as a day number. */
export function toDayNumber(value: Date | string): number {
  if (typeof value === 'string') {
    const parsed = isoDateToDayNumber(value.slice(0, 10));
    if (parsed === null) throw new RangeError(`Not an ISO date: ${value}`);
    return parsed;
  }
  return Math.floor(value.getTime() / MS_PER_DAY);
}
