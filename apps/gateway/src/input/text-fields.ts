/**
 * Which text inputs may span lines, and which are secrets left as sent.
 * Everything else that is text is one line (see @vi/domain text-input.ts).
 */

/**
 * Schema coordinates (`Type.field`, or `Type.field(argument)` for an
 * argument) of the texts typed in a textarea: line breaks and tab allowed.
 * text-fields.test.ts fails when one no longer exists in the schema.
 */
export const MULTILINE_TEXT_FIELDS: ReadonlySet<string> = new Set([
  'OutreachSettingsInput.callScript',
  'OutreachSettingsInput.safeContactGuidance',
  'RecordRiskAssessmentInput.safetyPlan',
]);

/**
 * Custom scalars whose value is a JSON object of free answers (a participant's
 * comment is a textarea): their strings may span lines, like the fields above.
 */
export const MULTILINE_JSON_SCALARS: ReadonlySet<string> = new Set(['QuestionnaireAnswers']);

/**
 * Passwords are neither normalised nor refused: the hash compares the bytes
 * as typed, so rewriting them here would lock a user out, and a control
 * character in a password harms nothing. Matched by name so that every
 * password field (login, change, a new user's first one) is covered.
 */
export function isSecretInput(name: string): boolean {
  return /password/i.test(name);
}
