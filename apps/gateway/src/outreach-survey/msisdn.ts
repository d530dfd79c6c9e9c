import { normaliseDanishPhone } from '@vi/domain';

/**
 * A stored phone number as an SMS gateway's MSISDN: country code and number, digits only
 * (4512345678). A Danish number in any of the ways people write it becomes +45 and its eight
 * digits; a foreign one must carry its country code (+46…, 0046…). Anything else is null: no
 * SMS goes to a guess, and the worker reads the link out instead.
 */
export function msisdnOf(phone: string): string | null {
  const danish = normaliseDanishPhone(phone);
  if (danish) return danish.slice(1);
  const compact = phone.trim().replace(/[\s\-.()]/g, '');
  const international = /^(?:\+|00)([1-9]\d{6,14})$/.exec(compact);
  // +45 with anything but eight valid digits is a mistyped Danish number, not a foreign one.
  if (!international?.[1] || international[1].startsWith('45')) return null;
  return international[1];
}
