import type { Label } from '../labels.ts';
import { INCIDENT_TYPES, type IncidentTypeCode } from '../taxonomies.ts';
import type { FieldError } from '../validation.ts';

/**
 * The police's own crime codes (gerningskoder). DOMAIN 2.1 step 1 identifies the target group
 * "by crime code / incident type"; the outreach report behind it says each incident type spans
 * many separate crime codes, and prints none of them. So there is no default table: each
 * organisation's project lead keeps its own mapping from code to incident type, and the import
 * reads a cell of digits as a code to look up, never as an incident-type label.
 */

/** A crime code as police lists write it: digits only. Leading zeros are kept, the code is text. */
const CRIME_CODE_PATTERN = /^\d{1,12}$/;
export const MAX_CRIME_CODE_LENGTH = 12;
export const MAX_CRIME_CODE_DESCRIPTION_LENGTH = 200;
/** More codes than any police district's list uses; a bound on what one organisation can store. */
export const MAX_CRIME_CODE_MAPPINGS = 2_000;

/** The code in a cell (spaces around it removed), or null when the cell is not a crime code. */
export function crimeCodeOf(raw: string): string | null {
  const value = raw.trim();
  return CRIME_CODE_PATTERN.test(value) ? value : null;
}

/** The incident types an import accepts, by their labels, in the reader's language. */
export function allowedIncidentTypeLabels(locale: 'da' | 'en'): string[] {
  return INCIDENT_TYPES.map((t) => t.label[locale]);
}

/**
 * An incident type the import cannot read: the message lists every allowed value, so the
 * worker can correct the file without asking anyone. It does not repeat the cell: a shifted
 * column can put a name there, and the row itself stays in the browser beside the message.
 */
export function unknownIncidentTypeError(): FieldError {
  const message: Label = {
    da: `Ukendt hændelsestype. Tilladte værdier: ${allowedIncidentTypeLabels('da').join(', ')}; eller en gerningskode fra organisationens tabel over gerningskoder.`,
    en: `Unknown incident type. Allowed values: ${allowedIncidentTypeLabels('en').join(', ')}; or a crime code from the organisation's table of crime codes.`,
  };
  return { field: 'incidentType', code: 'UNKNOWN_INCIDENT_TYPE', message };
}

/**
 * A numeric code the organisation's table does not hold: the row is rejected, naming the code
 * (digits only, at most MAX_CRIME_CODE_LENGTH, so no name can reach the message this way).
 */
export function unknownCrimeCodeError(code: string): FieldError {
  return {
    field: 'incidentType',
    code: 'UNKNOWN_CRIME_CODE',
    message: {
      da: `Gerningskoden ${code} står ikke i organisationens tabel over gerningskoder. Projektlederen kan tilføje den på siden Importér politiliste.`,
      en: `The crime code ${code} is not in the organisation's table of crime codes. The project lead can add it on the Import police list page.`,
    },
  };
}

export interface CrimeCodeMappingInput {
  code: string;
  incidentType: string;
  description?: string | null;
}

export interface CheckedCrimeCodeMapping {
  code: string;
  incidentType: IncidentTypeCode;
  description: string | null;
}

const MAPPING_MESSAGES = {
  CRIME_CODE_REQUIRED: {
    da: 'Skriv gerningskoden.',
    en: 'Enter the crime code.',
  },
  INVALID_CRIME_CODE: {
    da: `Gerningskoden skal bestå af cifre alene (1-${MAX_CRIME_CODE_LENGTH} cifre), som på politiets liste.`,
    en: `The crime code must be digits only (1-${MAX_CRIME_CODE_LENGTH} digits), as on the police list.`,
  },
  UNKNOWN_INCIDENT_TYPE: {
    da: `Vælg en af hændelsestyperne: ${allowedIncidentTypeLabels('da').join(', ')}.`,
    en: `Choose one of the incident types: ${allowedIncidentTypeLabels('en').join(', ')}.`,
  },
  DESCRIPTION_TOO_LONG: {
    da: `Beskrivelsen må højst være ${MAX_CRIME_CODE_DESCRIPTION_LENGTH} tegn.`,
    en: `The description must be at most ${MAX_CRIME_CODE_DESCRIPTION_LENGTH} characters.`,
  },
} as const satisfies Record<string, Label>;

export type CrimeCodeMappingErrorCode = keyof typeof MAPPING_MESSAGES;

export function crimeCodeMappingError(field: string, code: CrimeCodeMappingErrorCode): FieldError {
  return { field, code, message: MAPPING_MESSAGES[code] };
}

const INCIDENT_TYPE_CODES: ReadonlySet<string> = new Set(INCIDENT_TYPES.map((t) => t.code));

/** Checks one row of the lead's table: every problem is reported, by field. */
export function checkCrimeCodeMapping(
  input: CrimeCodeMappingInput,
): { ok: true; mapping: CheckedCrimeCodeMapping } | { ok: false; errors: FieldError[] } {
  const errors: FieldError[] = [];
  const rawCode = input.code.trim();
  let code: string | null = null;
  if (rawCode === '') errors.push(crimeCodeMappingError('code', 'CRIME_CODE_REQUIRED'));
  else {
    code = crimeCodeOf(rawCode);
    if (code === null) errors.push(crimeCodeMappingError('code', 'INVALID_CRIME_CODE'));
  }
  if (!INCIDENT_TYPE_CODES.has(input.incidentType))
    errors.push(crimeCodeMappingError('incidentType', 'UNKNOWN_INCIDENT_TYPE'));
  const description = input.description?.trim() ? input.description.trim() : null;
  if (description !== null && description.length > MAX_CRIME_CODE_DESCRIPTION_LENGTH)
    errors.push(crimeCodeMappingError('description', 'DESCRIPTION_TOO_LONG'));
  if (errors.length > 0 || code === null) return { ok: false, errors };
  return {
    ok: true,
    mapping: { code, incidentType: input.incidentType as IncidentTypeCode, description },
  };
}
