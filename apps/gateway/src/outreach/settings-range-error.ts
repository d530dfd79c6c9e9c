import type { FieldError } from '@vi/domain';

/** The unit each bounded setting counts in, in both languages (singular is not needed: min >= 0). */
const UNITS: Record<string, { da: string; en: string }> = {
  callDelayDays: { da: 'dage', en: 'days' },
  callWindowDays: { da: 'dage', en: 'days' },
  maxCallAttempts: { da: 'forsøg', en: 'attempts' },
  claimMinutes: { da: 'minutter', en: 'minutes' },
  contactRetentionDays: { da: 'dage', en: 'days' },
};

/**
 * OUT_OF_RANGE with the range itself in the message ("skal være mellem 1 og 30 dage"): a lead who
 * typed 400 learns what to type instead, not only that 400 is wrong.
 */
export function settingRangeError(
  field: string,
  limits: { min: number; max: number },
  unitKey: string = field,
): FieldError {
  const unit = UNITS[unitKey];
  const da = `Værdien skal være et helt tal mellem ${limits.min} og ${limits.max}${unit ? ` ${unit.da}` : ''}.`;
  const en = `The value must be a whole number between ${limits.min} and ${limits.max}${unit ? ` ${unit.en}` : ''}.`;
  return { field, code: 'OUT_OF_RANGE', message: { da, en } };
}
