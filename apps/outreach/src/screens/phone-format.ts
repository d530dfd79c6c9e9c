/**
 * A phone number as people read it aloud. Danish numbers are stored as +45 and 8 digits
 * (normaliseDanishPhone); they are shown in pairs without the country code, "99 99 76 82",
 * which is how Danes write and dial them at home. Anything else (a foreign number, a value
 * stored before normalisation) is shown as stored, so nothing is hidden or changed.
 */
export function formatPhoneForReading(stored: string): string {
  const digits = stored.replace(/[\s\-.()]/g, '');
  const danish = /^(?:\+45|0045)?(\d{8})$/.exec(digits);
  if (!danish?.[1]) return stored.trim();
  return danish[1].replace(/(\d{2})(?=\d)/g, '$1 ');
}

/** The tel: link target: the full international number, so a phone abroad or a softphone dials right. */
export function phoneHref(stored: string): string {
  const digits = stored.replace(/[\s\-.()]/g, '');
  const danish = /^(?:\+45|0045)?(\d{8})$/.exec(digits);
  return `tel:${danish?.[1] ? `+45${danish[1]}` : digits}`;
}
