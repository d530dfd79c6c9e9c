import type { Label } from '../labels.ts';
import {
  GENDERS,
  type GenderCode,
  HATE_CRIME_MOTIVES,
  type HateCrimeMotiveCode,
  INCIDENT_TYPES,
  type IncidentTypeCode,
  PERSON_ROLES,
  type PersonRoleCode,
} from '../taxonomies.ts';
import { type FieldError, normaliseDanishPhone } from '../validation.ts';
import { type CalendarDate, daysBetween, parseDanishDate } from './calendar-date.ts';
import { crimeCodeOf, unknownCrimeCodeError, unknownIncidentTypeError } from './crime-codes.ts';
import { outreachFieldError } from './outreach-errors.ts';

/**
 * Import of the police incident list (DOMAIN 2.1, step 1). The browser parses the CSV,
 * maps its header to these fields with `mapIncidentColumns`, and sends the raw strings;
 * the gateway runs `checkIncidentRows` again before it stores anything, so the preview
 * and the import can never disagree.
 */
export const INCIDENT_FIELDS = [
  'incidentDate',
  'incidentType',
  'role',
  'name',
  'phone',
  'age',
  'gender',
  'motive',
] as const;
export type IncidentField = (typeof INCIDENT_FIELDS)[number];
export type IncidentRowInput = Partial<Record<IncidentField, string | null>>;

/** Fields a file must have a column for; the rest may be absent (a person without a phone is kept). */
export const REQUIRED_INCIDENT_FIELDS: readonly IncidentField[] = ['incidentDate', 'incidentType', 'role'];

export const MAX_IMPORT_ROWS = 20_000;
export const MAX_NAME_LENGTH = 200;

/** Column headers seen in police exports and in the template we hand out, Danish and English. */
const COLUMN_ALIASES: Record<IncidentField, readonly string[]> = {
  incidentDate: ['hændelsesdato', 'dato', 'gerningsdato', 'incident date', 'incident_date', 'date'],
  incidentType: [
    'hændelsestype',
    'gerningskode',
    'type',
    'incident type',
    'incident_type',
    'crime code',
    'crime_code',
  ],
  role: ['rolle', 'role'],
  name: ['navn', 'name'],
  phone: ['telefon', 'telefonnummer', 'tlf', 'tlf.', 'mobil', 'phone', 'phone number'],
  age: ['alder', 'age'],
  gender: ['køn', 'gender', 'sex'],
  motive: ['motiv', 'hadmotiv', 'motive', 'hate motive', 'hate_motive'],
};

export const INCIDENT_CSV_TEMPLATE_HEADER = [
  'hændelsesdato',
  'hændelsestype',
  'rolle',
  'navn',
  'telefon',
  'alder',
  'køn',
  'motiv',
] as const;

function normaliseToken(value: string): string {
  return value.trim().toLocaleLowerCase('da').replace(/\s+/g, ' ');
}

export interface ColumnMapping {
  /** Header text in the file → our field. */
  columns: Partial<Record<IncidentField, string>>;
  errors: FieldError[];
}

export function mapIncidentColumns(headers: readonly string[]): ColumnMapping {
  const columns: Partial<Record<IncidentField, string>> = {};
  for (const header of headers) {
    const token = normaliseToken(header.replace(/^\uFEFF/, ''));
    for (const field of INCIDENT_FIELDS) {
      if (columns[field] === undefined && COLUMN_ALIASES[field].includes(token)) columns[field] = header;
    }
  }
  const errors = REQUIRED_INCIDENT_FIELDS.filter((f) => columns[f] === undefined).map((f) =>
    outreachFieldError(f, 'MISSING_COLUMN'),
  );
  return { columns, errors };
}

/** Turns a parsed CSV record (header → cell) into our field names. */
export function toIncidentRowInput(
  record: Readonly<Record<string, string | undefined>>,
  mapping: ColumnMapping,
): IncidentRowInput {
  const row: IncidentRowInput = {};
  for (const field of INCIDENT_FIELDS) {
    const header = mapping.columns[field];
    const value = header === undefined ? undefined : record[header];
    if (value !== undefined && value.trim() !== '') row[field] = value;
  }
  return row;
}

function lookup<C extends string>(
  list: ReadonlyArray<{ code: C; label: Label }>,
  aliases: Readonly<Record<string, C>>,
  raw: string,
): C | null {
  const token = normaliseToken(raw);
  for (const item of list) {
    if (
      token === item.code.toLocaleLowerCase('da') ||
      token === normaliseToken(item.label.da) ||
      token === normaliseToken(item.label.en)
    )
      return item.code;
  }
  return aliases[token] ?? null;
}

/** Short forms used in daily speech and police lists, next to the labels of DOMAIN 2.1. */
const INCIDENT_TYPE_ALIASES: Record<string, IncidentTypeCode> = {
  vold: 'VIOLENCE',
  stalking: 'STALKING',
  tilhold: 'STALKING',
  voldtægt: 'SEXUAL_OFFENCE',
  'seksuelle krænkelser': 'SEXUAL_OFFENCE',
  seksualforbrydelse: 'SEXUAL_OFFENCE',
  blufærdighedskrænkelse: 'INDECENT_EXPOSURE',
  trusler: 'THREATS',
  røveri: 'ROBBERY',
  drab: 'DEATH',
  dødsfald: 'DEATH',
  ulykke: 'ACCIDENT',
  ulykker: 'ACCIDENT',
  uheld: 'ACCIDENT',
  færdselsulykke: 'ACCIDENT',
  indbrud: 'BURGLARY_THEFT',
  tyveri: 'BURGLARY_THEFT',
  blandede: 'MIXED',
  blandet: 'MIXED',
  hadforbrydelse: 'HATE_CRIME',
  hadforbrydelser: 'HATE_CRIME',
};

const ROLE_ALIASES: Record<string, PersonRoleCode> = {
  offer: 'VICTIM',
  forurettet: 'VICTIM',
  vidne: 'WITNESS',
  pårørende: 'RELATIVE',
  værge: 'GUARDIAN',
};

const GENDER_ALIASES: Record<string, GenderCode> = {
  m: 'MAN',
  mand: 'MAN',
  k: 'WOMAN',
  kvinde: 'WOMAN',
  f: 'WOMAN',
  andet: 'OTHER',
};

export const parseIncidentType = (raw: string) => lookup(INCIDENT_TYPES, INCIDENT_TYPE_ALIASES, raw);
export const parsePersonRole = (raw: string) => lookup(PERSON_ROLES, ROLE_ALIASES, raw);
export const parseGender = (raw: string) => lookup(GENDERS, GENDER_ALIASES, raw);
export const parseHateMotive = (raw: string) => lookup(HATE_CRIME_MOTIVES, {}, raw);

/** A row that passed every check, in stored form. */
export interface CheckedIncident {
  occurredOn: CalendarDate;
  incidentType: IncidentTypeCode;
  hateMotive: HateCrimeMotiveCode | null;
  role: PersonRoleCode;
  name: string | null;
  /** '+45xxxxxxxx' or null. */
  phone: string | null;
  ageAtIncident: number | null;
  gender: GenderCode | null;
}

/**
 * What happens to a row. Precedence: a rejected row is stored nowhere; a row whose
 * incident type is switched off is kept as INACTIVE_TYPE even without a phone (it is
 * outside the outreach target, so it does not count in the "no contact details" share);
 * otherwise a person without a phone is kept as NO_CONTACT_DETAILS and never queued.
 */
export type RowDisposition = 'QUEUE' | 'NO_CONTACT_DETAILS' | 'INACTIVE_TYPE' | 'REJECTED';

export interface RowCheck {
  /** 1-based data row number (the header is row 0), as a spreadsheet user counts them. */
  rowNumber: number;
  disposition: RowDisposition;
  incident: CheckedIncident | null;
  errors: FieldError[];
}

/**
 * Two rows describe the same person and incident when they share the incident date and
 * the phone number, or, without a phone, the name. A police list often names one person
 * under several crime codes for the same event; calling them twice would be wrong.
 * A row with neither phone nor name cannot be matched and is never a duplicate.
 */
export function incidentDuplicateKey(incident: {
  occurredOn: CalendarDate;
  phone: string | null;
  name: string | null;
}): string | null {
  if (incident.phone) return `${incident.occurredOn}|tel:${incident.phone}`;
  if (incident.name) return `${incident.occurredOn}|name:${normaliseToken(incident.name)}`;
  return null;
}

export interface IncidentCheckContext {
  today: CalendarDate;
  /** Incident types the organisation has switched on for outreach. */
  activeTypes: ReadonlySet<IncidentTypeCode>;
  /** Duplicate keys of people already on the organisation's list. */
  existingKeys: ReadonlySet<string>;
  /**
   * The organisation's table of police crime codes (gerningskoder) → incident type. A cell of
   * digits is looked up here and nowhere else; without a table every code is unknown.
   */
  crimeCodes?: ReadonlyMap<string, IncidentTypeCode>;
}

/** The incident type of a cell: a crime code from the table, or a label, code or short form. */
function incidentTypeOfCell(
  raw: string,
  crimeCodes: ReadonlyMap<string, IncidentTypeCode> | undefined,
): { type: IncidentTypeCode } | { error: FieldError } {
  const code = crimeCodeOf(raw);
  if (code !== null) {
    const type = crimeCodes?.get(code);
    return type === undefined ? { error: unknownCrimeCodeError(code) } : { type };
  }
  const type = parseIncidentType(raw);
  return type === null ? { error: unknownIncidentTypeError() } : { type };
}

export function checkIncidentRow(
  row: IncidentRowInput,
  rowNumber: number,
  ctx: IncidentCheckContext,
): RowCheck {
  const errors: FieldError[] = [];
  const text = (field: IncidentField) => {
    const value = row[field];
    return value === undefined || value === null || value.trim() === '' ? null : value.trim();
  };

  let occurredOn: CalendarDate | null = null;
  const dateRaw = text('incidentDate');
  if (dateRaw === null) errors.push(outreachFieldError('incidentDate', 'REQUIRED'));
  else {
    occurredOn = parseDanishDate(dateRaw);
    if (occurredOn === null) errors.push(outreachFieldError('incidentDate', 'INVALID_DATE'));
    else if (daysBetween(ctx.today, occurredOn) > 0) {
      errors.push(outreachFieldError('incidentDate', 'DATE_IN_FUTURE'));
      occurredOn = null;
    }
  }

  let incidentType: IncidentTypeCode | null = null;
  const typeRaw = text('incidentType');
  if (typeRaw === null) errors.push(outreachFieldError('incidentType', 'REQUIRED'));
  else {
    const read = incidentTypeOfCell(typeRaw, ctx.crimeCodes);
    if ('error' in read) errors.push(read.error);
    else incidentType = read.type;
  }

  let role: PersonRoleCode | null = null;
  const roleRaw = text('role');
  if (roleRaw === null) errors.push(outreachFieldError('role', 'REQUIRED'));
  else {
    role = parsePersonRole(roleRaw);
    if (role === null) errors.push(outreachFieldError('role', 'UNKNOWN_ROLE'));
  }

  const name = text('name');
  if (name !== null && name.length > MAX_NAME_LENGTH) errors.push(outreachFieldError('name', 'TOO_LONG'));

  let phone: string | null = null;
  const phoneRaw = text('phone');
  if (phoneRaw !== null) {
    phone = normaliseDanishPhone(phoneRaw);
    if (phone === null) errors.push(outreachFieldError('phone', 'INVALID_PHONE'));
  }

  let ageAtIncident: number | null = null;
  const ageRaw = text('age');
  if (ageRaw !== null) {
    const age = /^\d{1,3}$/.test(ageRaw) ? Number(ageRaw) : Number.NaN;
    if (!Number.isInteger(age) || age > 120) errors.push(outreachFieldError('age', 'INVALID_AGE'));
    else ageAtIncident = age;
  }

  let gender: GenderCode | null = null;
  const genderRaw = text('gender');
  if (genderRaw !== null) {
    gender = parseGender(genderRaw);
    if (gender === null) errors.push(outreachFieldError('gender', 'UNKNOWN_GENDER'));
  }

  let hateMotive: HateCrimeMotiveCode | null = null;
  const motiveRaw = text('motive');
  if (motiveRaw !== null) {
    hateMotive = parseHateMotive(motiveRaw);
    if (hateMotive === null) errors.push(outreachFieldError('motive', 'UNKNOWN_MOTIVE'));
    else if (incidentType !== null && incidentType !== 'HATE_CRIME')
      errors.push(outreachFieldError('motive', 'MOTIVE_NOT_ALLOWED'));
  } else if (incidentType === 'HATE_CRIME') errors.push(outreachFieldError('motive', 'MOTIVE_REQUIRED'));

  if (errors.length > 0 || occurredOn === null || incidentType === null || role === null) {
    return { rowNumber, disposition: 'REJECTED', incident: null, errors };
  }
  const incident: CheckedIncident = {
    occurredOn,
    incidentType,
    hateMotive,
    role,
    name,
    phone,
    ageAtIncident,
    gender,
  };
  const key = incidentDuplicateKey(incident);
  if (key !== null && ctx.existingKeys.has(key)) {
    return {
      rowNumber,
      disposition: 'REJECTED',
      incident: null,
      errors: [outreachFieldError(phone ? 'phone' : 'name', 'DUPLICATE_OF_EXISTING')],
    };
  }
  const disposition: RowDisposition = !ctx.activeTypes.has(incidentType)
    ? 'INACTIVE_TYPE'
    : phone === null
      ? 'NO_CONTACT_DETAILS'
      : 'QUEUE';
  return { rowNumber, disposition, incident, errors: [] };
}

export interface IncidentImportSummary {
  rowCount: number;
  /** Rows that will be (or were) stored: QUEUE + NO_CONTACT_DETAILS + INACTIVE_TYPE. */
  importedCount: number;
  queuedCount: number;
  noContactCount: number;
  inactiveTypeCount: number;
  rejectedCount: number;
}

export interface IncidentImportCheck {
  rows: RowCheck[];
  summary: IncidentImportSummary;
  /** File-level problems (no rows, too many rows); when present nothing may be imported. */
  fileErrors: FieldError[];
}

/** Checks every row, including duplicates within the file (the first occurrence wins). */
export function checkIncidentRows(
  rows: readonly IncidentRowInput[],
  ctx: IncidentCheckContext,
): IncidentImportCheck {
  const fileErrors: FieldError[] = [];
  if (rows.length === 0) fileErrors.push(outreachFieldError('rows', 'NO_ROWS'));
  if (rows.length > MAX_IMPORT_ROWS) fileErrors.push(outreachFieldError('rows', 'TOO_MANY_ROWS'));
  const seen = new Set<string>();
  const checked: RowCheck[] = [];
  const summary: IncidentImportSummary = {
    rowCount: rows.length,
    importedCount: 0,
    queuedCount: 0,
    noContactCount: 0,
    inactiveTypeCount: 0,
    rejectedCount: 0,
  };
  rows.forEach((row, index) => {
    let result = checkIncidentRow(row, index + 1, ctx);
    if (result.incident) {
      const key = incidentDuplicateKey(result.incident);
      if (key !== null) {
        if (seen.has(key)) {
          result = {
            rowNumber: result.rowNumber,
            disposition: 'REJECTED',
            incident: null,
            errors: [outreachFieldError(result.incident.phone ? 'phone' : 'name', 'DUPLICATE_IN_FILE')],
          };
        } else seen.add(key);
      }
    }
    checked.push(result);
    if (result.disposition === 'REJECTED') summary.rejectedCount += 1;
    else {
      summary.importedCount += 1;
      if (result.disposition === 'QUEUE') summary.queuedCount += 1;
      if (result.disposition === 'NO_CONTACT_DETAILS') summary.noContactCount += 1;
      if (result.disposition === 'INACTIVE_TYPE') summary.inactiveTypeCount += 1;
    }
  });
  return { rows: checked, summary, fileErrors };
}

/** Dates that the duplicate check must look up among existing cases. */
export function incidentDatesOf(rows: readonly RowCheck[]): CalendarDate[] {
  return [...new Set(rows.flatMap((r) => (r.incident ? [r.incident.occurredOn] : [])))].sort();
}
