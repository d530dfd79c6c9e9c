import { fieldKeyring, type RawQueryable, type Role } from '@vi/db';
import type { FieldError } from '@vi/domain';
import type { GatewayContext } from '../context.ts';
import { prisma } from '../database.ts';
import { ErrorCode, gatewayError } from '../errors.ts';
import { isUuid } from '../ids.ts';

// Who may do what in aftercare after a shelter stay (DOMAIN 2.4). Only the shelter's own staff
// work with its stays: the woman's stay, her children, the § 109 checklist, psychologist hours,
// civil-society referrals and start-up help. Nobody else (not the shelter's administrator, who
// manages accounts, nor another organisation) reads them; the evaluation gets aggregates only.

export const SHELTER_STAFF_ROLES = ['SHELTER_STAFF'] as const satisfies readonly Role[];

/**
 * Matching one woman across shelters without her name. Each shelter keeps her as its own
 * pseudonymous Person, as every organisation does; what joins her stays is ShelterStay.personKey,
 * the keyed hash of her CPR number under the INSTALLATION's lookup key:
 * - an organisation's lookup key (the import's duplicate check) gives each shelter a different
 *   hash for the same number, so it cannot find her at another shelter;
 * - the CPR number is the identifier every shelter already asks for (the municipality's
 *   payment and § 109 counselling depend on it), and it is never stored, only its hash;
 * - the key lives in OrganizationKey under the nil organisation id, wrapped by the master key
 *   like every other key (the master-key rotation re-wraps it; it never rotates itself, or
 *   stored hashes would stop matching). A dump therefore holds no key to test the
 *   small space of CPR numbers against, which a plain or unkeyed hash would allow.
 * A woman without a CPR number has no personKey; her stays match only through her own Person.
 */
export const INSTALLATION_LOOKUP_ORGANIZATION = '00000000-0000-0000-0000-000000000000';
export const SHELTER_PERSON_LOOKUP = 'shelter-person';

export const INVALID_CPR: FieldError['message'] = {
  da: 'Skriv et gyldigt CPR-nummer: 10 cifre (ddmmåå-xxxx).',
  en: 'Enter a valid CPR number: 10 digits (ddmmyy-xxxx).',
};

export const CPR_MISMATCH: FieldError['message'] = {
  da: 'CPR-nummeret passer ikke til det, der blev angivet ved kvindens tidligere ophold.',
  en: "The CPR number does not match the one given at the woman's earlier stay.",
};

/**
 * The ten digits of a CPR number written `ddmmyy-xxxx`, `ddmmyyxxxx` or with spaces, or null
 * when it is not one: the first six digits must be a real day of some century (the modulus-11
 * check is not applied; numbers issued since 2007 need not pass it).
 */
export function normaliseCprNumber(input: string): string | null {
  const digits = input.trim().replace(/[\s-]/g, '');
  if (!/^\d{10}$/.test(digits)) return null;
  const day = Number(digits.slice(0, 2));
  const month = Number(digits.slice(2, 4));
  const year = Number(digits.slice(4, 6));
  // 29 February is real in year 00 of some century (2000), so test against a leap year then.
  const fullYear = year === 0 ? 2000 : 1900 + year;
  if (month < 1 || month > 12 || day < 1) return null;
  if (day > new Date(Date.UTC(fullYear, month, 0)).getUTCDate()) return null;
  return digits;
}

/** The installation-wide keyed hash of a (normalised) CPR number; `db` is the transaction. */
export function shelterPersonKey(cprNumber: string, db: RawQueryable): Promise<string> {
  return fieldKeyring().lookupHash(db, INSTALLATION_LOOKUP_ORGANIZATION, SHELTER_PERSON_LOOKUP, cprNumber);
}

/**
 * The persons every other role of the organisation may name by id: not a woman or child of a
 * shelter stay. Her record is the shelter staff's alone, so to the person queries, enrolment in
 * a course and a risk assessment (the roles of a municipality that is also a shelter's
 * organisation: its lead, intake coordinator, assessor, administrator) she is unknown, with the
 * same answer as an id that does not exist. Staff reach her only through her stay.
 */
export const NOT_A_SHELTER_PERSON = { shelterStays: { none: {} }, shelterChildOf: { none: {} } } as const;

export type StayForWrite = {
  id: string;
  organizationId: string;
  personId: string;
  personKey: string | null;
  admittedOn: Date;
  plannedMoveOutOn: Date | null;
  movedOutOn: Date | null;
  children: Array<{ personId: string }>;
};

/**
 * A stay of the active organisation for a mutation, or NOT_FOUND (audited as DENIED with the
 * id, never a person id) when the id is malformed, unknown or another organisation's: a
 * member of another shelter learns nothing about whether the stay exists.
 */
export async function stayForWrite(
  context: GatewayContext,
  organizationId: string,
  stayId: string,
): Promise<StayForWrite> {
  const stay = isUuid(stayId)
    ? await prisma().shelterStay.findFirst({
        where: { id: stayId, organizationId },
        select: {
          id: true,
          organizationId: true,
          personId: true,
          personKey: true,
          admittedOn: true,
          plannedMoveOutOn: true,
          movedOutOn: true,
          children: { select: { personId: true } },
        },
      })
    : null;
  if (!stay) {
    if (isUuid(stayId)) context.audit({ action: 'DENIED', entity: 'ShelterStay', entityId: stayId });
    throw gatewayError(ErrorCode.NOT_FOUND);
  }
  return stay;
}

/** Field errors of a list validation (`prefix.i.field`) for the one entry an input edits, as `field`. */
export function errorsOfEntry(errors: readonly FieldError[], prefix: string, index: number): FieldError[] {
  const own = `${prefix}.${index}.`;
  return errors
    .filter((e) => e.field.startsWith(own) || !e.field.startsWith(`${prefix}.`))
    .map((e) => (e.field.startsWith(own) ? { ...e, field: e.field.slice(own.length) } : e));
}
