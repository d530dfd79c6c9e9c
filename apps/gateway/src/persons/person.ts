import type { Person } from '@vi/db';
import { danishCalendarDate, type FieldError, fieldError } from '@vi/domain';
import { auditRow } from '../audit.ts';
import { organizationRecordScope, PERSON_READER_ROLES, requireOrganizationId } from '../authorization.ts';
import { builder, holdsRole } from '../builder.ts';
import { prisma } from '../database.ts';
import { GenderEnum } from '../enums.ts';
import { ErrorCode, gatewayError, throwValidation } from '../errors.ts';
import { isUuid } from '../ids.ts';
import { NOT_A_SHELTER_PERSON } from '../shelter-aftercare/shelter-access.ts';
import { OUTREACH_CASE_READER_ROLES } from './outreach-case.ts';

export const MIN_BIRTH_YEAR = 1900;
export const DEFAULT_PAGE_SIZE = 50;
export const MAX_PAGE_SIZE = 200;

/**
 * A person the organisation works with, by pseudonym only. Contact details
 * are a separate type (later), so most screens never load them.
 */
/** Checked for every Person object on every path; exported for its test. */
export const personTypeScope = organizationRecordScope<Person>({
  entity: 'Person',
  roles: PERSON_READER_ROLES,
  personId: (person) => person.id,
});

export const PersonRef = builder.prismaObject('Person', {
  authScopes: personTypeScope,
  fields: (t) => ({
    id: t.exposeID('id', { nullable: false }),
    pseudonym: t.exposeString('pseudonym', { nullable: false }),
    gender: t.expose('gender', { type: GenderEnum, nullable: true }),
    birthYear: t.exposeInt('birthYear', { nullable: true }),
    outreachCases: t.relation('outreachCases', {
      nullable: false,
      // Filtered here as well as refused by OutreachCase's type scope:
      // belt and braces, and no error noise for data that cannot be shown.
      // A role that may not read outreach cases gets an empty list, not a list
      // of refusals: their number alone would tell that police reports exist.
      query: (_args, context) => ({
        where: holdsRole(context, OUTREACH_CASE_READER_ROLES)
          ? { organizationId: requireOrganizationId(context) }
          : { id: { in: [] } },
        orderBy: [{ createdAt: 'desc' }, { id: 'asc' }],
      }),
    }),
  }),
});

/** Not found and not yours look the same, so ids of other organisations leak nothing. */
function personNotFound(): Error {
  return gatewayError(ErrorCode.NOT_FOUND);
}

builder.queryField('person', (t) =>
  t.prismaField({
    type: 'Person',
    nullable: false,
    authScopes: { role: PERSON_READER_ROLES },
    args: { id: t.arg.id({ required: true }) },
    resolve: async (query, _root, { id }, context) => {
      const organizationId = requireOrganizationId(context);
      const person = isUuid(id)
        ? await prisma().person.findFirst({
            ...query,
            where: { id, organizationId, ...NOT_A_SHELTER_PERSON },
          })
        : null;
      if (!person) {
        if (isUuid(id)) {
          context.audit({
            action: 'DENIED',
            entity: 'Person',
            entityId: id,
            detail: { reason: 'NOT_FOUND' },
          });
        }
        throw personNotFound();
      }
      return person;
    },
  }),
);

function pageSize(first: number | null | undefined, errors: FieldError[]): number {
  if (first === null || first === undefined) {
    return DEFAULT_PAGE_SIZE;
  }
  if (first < 1 || first > MAX_PAGE_SIZE) {
    errors.push(fieldError('first', 'OUT_OF_RANGE', { min: 1, max: MAX_PAGE_SIZE }));
  }
  return first;
}

builder.queryField('persons', (t) =>
  t.prismaField({
    type: ['Person'],
    nullable: { list: false, items: false },
    description:
      'Persons of the active organisation by pseudonym. Page with `after` = the last id of the previous page.',
    authScopes: { role: PERSON_READER_ROLES },
    args: {
      first: t.arg.int({ description: `1–${MAX_PAGE_SIZE}, default ${DEFAULT_PAGE_SIZE}.` }),
      after: t.arg.id(),
    },
    resolve: async (query, _root, args, context) => {
      const organizationId = requireOrganizationId(context);
      const errors: FieldError[] = [];
      const take = pageSize(args.first, errors);
      let afterPseudonym: string | null = null;
      if (args.after !== null && args.after !== undefined) {
        // Keyset paging on the per-organisation unique pseudonym; the cursor
        // must itself be one of ours, or it would reveal where another
        // organisation's person sorts.
        const cursor = isUuid(args.after)
          ? await prisma().person.findFirst({
              where: { id: args.after, organizationId, ...NOT_A_SHELTER_PERSON },
              select: { pseudonym: true },
            })
          : null;
        if (!cursor) {
          errors.push(fieldError('after', 'UNKNOWN_OPTION'));
        } else {
          afterPseudonym = cursor.pseudonym;
        }
      }
      throwValidation(errors);
      return prisma().person.findMany({
        ...query,
        where: {
          organizationId,
          ...NOT_A_SHELTER_PERSON,
          ...(afterPseudonym === null ? {} : { pseudonym: { gt: afterPseudonym } }),
        },
        orderBy: { pseudonym: 'asc' },
        take,
      });
    },
  }),
);

export const PersonProfileInput = builder.inputType('PersonProfileInput', {
  description: 'Omit a field to keep it; send null to clear it.',
  fields: (t) => ({
    gender: t.field({ type: GenderEnum, required: false }),
    birthYear: t.int({ required: false }),
  }),
});

/** Every field error of the input at once, so the form can mark them all. */
export function validatePersonProfile(
  input: { gender?: string | null; birthYear?: number | null },
  now = new Date(),
): FieldError[] {
  const errors: FieldError[] = [];
  // The Danish year: at 00:30 on New Year's Day in Denmark it is still the old year in UTC.
  const maxYear = Number(danishCalendarDate(now).slice(0, 4));
  if (input.birthYear !== null && input.birthYear !== undefined) {
    if (input.birthYear < MIN_BIRTH_YEAR || input.birthYear > maxYear) {
      errors.push(fieldError('birthYear', 'OUT_OF_RANGE', { min: MIN_BIRTH_YEAR, max: maxYear }));
    }
  }
  return errors;
}

builder.mutationField('updatePersonProfile', (t) =>
  t.prismaField({
    type: 'Person',
    nullable: false,
    description: 'Sets gender and birth year of a person of the active organisation.',
    authScopes: { role: PERSON_READER_ROLES },
    args: {
      id: t.arg.id({ required: true }),
      input: t.arg({ type: PersonProfileInput, required: true }),
    },
    resolve: async (query, _root, { id, input }, context) => {
      const organizationId = requireOrganizationId(context);
      throwValidation(validatePersonProfile(input));
      if (!isUuid(id)) {
        throw personNotFound();
      }
      const data = {
        ...(input.gender === undefined ? {} : { gender: input.gender }),
        ...(input.birthYear === undefined ? {} : { birthYear: input.birthYear }),
      };
      const actor = { userId: context.user?.id ?? null, organizationId, requestId: context.requestId };
      // The change and its audit row commit together or not at all.
      return prisma().$transaction(async (tx) => {
        const existing = await tx.person.findFirst({
          where: { id, organizationId, ...NOT_A_SHELTER_PERSON },
          select: { id: true },
        });
        if (!existing) {
          // Unknown, another organisation's or a shelter's woman or child: refused alike, audited.
          context.audit({
            action: 'DENIED',
            entity: 'Person',
            entityId: id,
            detail: { reason: 'NOT_FOUND' },
          });
          throw personNotFound();
        }
        const person = await tx.person.update({ ...query, where: { id }, data });
        await tx.auditEvent.create({
          data: auditRow(actor, {
            action: 'UPDATE',
            entity: 'Person',
            entityId: id,
            personId: id,
            detail: { fields: Object.keys(data) },
          }),
        });
        return person;
      });
    },
  }),
);
