import type { ShelterStay, ShelterStayChild } from '@vi/db';
import {
  allAreasCoveredBeforeMoveOut,
  type ShelterStay as DomainStay,
  type FieldError,
  fieldError,
  isRepeatAdmission,
  newCounsellingChecklist,
  openCounsellingAreas,
  validateStay,
} from '@vi/domain';
import { auditRow } from '../audit.ts';
import { organizationRecordScope, requireOrganizationId } from '../authorization.ts';
import { builder } from '../builder.ts';
import { dateColumn, isoDateOf, todayInDenmark } from '../courses/iso-date.ts';
import { isUniqueViolation, newPseudonym } from '../courses/person-pseudonym.ts';
import { prisma } from '../database.ts';
import { ErrorCode, gatewayError, throwValidation } from '../errors.ts';
import { isUuid } from '../ids.ts';
import { refreshLaterRepeatFlags } from './repeat-flags.ts';
import {
  CPR_MISMATCH,
  INVALID_CPR,
  normaliseCprNumber,
  SHELTER_STAFF_ROLES,
  shelterPersonKey,
  stayForWrite,
} from './shelter-access.ts';
import { CounsellingAreaEnum } from './shelter-enums.ts';

/** Children's birth years: a child on a stay is under 18, give or take the year of the stay. */
export const CHILD_MIN_AGE_YEARS = 18;

function domainStay(stay: {
  id: string;
  personId: string;
  organizationId: string;
  admittedOn: Date;
  movedOutOn: Date | null;
}): DomainStay {
  return {
    id: stay.id,
    personId: stay.personId,
    shelterOrganizationId: stay.organizationId,
    admittedOn: isoDateOf(stay.admittedOn),
    movedOutOn: stay.movedOutOn ? isoDateOf(stay.movedOutOn) : null,
  };
}

/**
 * A stay at the active shelter. `repeatStay` says she had moved out of a shelter of the system
 * before this admission; it is the only thing staff learn of another shelter's stays.
 */
export const ShelterStayRef = builder.prismaObject('ShelterStay', {
  authScopes: organizationRecordScope<ShelterStay>({
    entity: 'ShelterStay',
    roles: SHELTER_STAFF_ROLES,
    personId: (stay) => stay.personId,
  }),
  fields: (t) => ({
    id: t.exposeID('id', { nullable: false }),
    personId: t.exposeID('personId', { nullable: false }),
    pseudonym: t.string({
      nullable: false,
      select: { person: { select: { pseudonym: true } } },
      resolve: (stay) => stay.person.pseudonym,
    }),
    birthYear: t.int({
      nullable: true,
      select: { person: { select: { birthYear: true } } },
      resolve: (stay) => stay.person.birthYear,
    }),
    admittedOn: t.expose('admittedOn', { nullable: false, type: 'Date' }),
    plannedMoveOutOn: t.expose('plannedMoveOutOn', {
      nullable: true,
      type: 'Date',
      description: 'The § 109 due dates may not pass it until the move-out is recorded.',
    }),
    movedOutOn: t.expose('movedOutOn', { nullable: true, type: 'Date' }),
    // The stored flag counts a move-out from ANY shelter (for the evaluation's repeat-stay rate).
    // Staff see only what their own shelter's records show: the system-wide flag answered, for a
    // made-up admission back-dated with a known CPR number, whether and on which day that woman
    // had moved out of another shelter (a probe per day found the day).
    repeatStay: t.boolean({
      nullable: false,
      description:
        'She had moved out of this shelter before this admission. A repeat stay after another shelter is counted in the evaluation and never shown here.',
      // Her Person belongs to this shelter, so these are her stays here only.
      select: {
        admittedOn: true,
        person: { select: { shelterStays: { select: { admittedOn: true, movedOutOn: true } } } },
      },
      resolve: (stay) =>
        isRepeatAdmission(
          stay.person.shelterStays
            .filter((other) => other.admittedOn < stay.admittedOn)
            .map((other) => ({ movedOutOn: other.movedOutOn ? isoDateOf(other.movedOutOn) : null })),
          isoDateOf(stay.admittedOn),
        ),
    }),
    matchableAcrossShelters: t.boolean({
      nullable: false,
      description: 'A CPR number was given, so a later admission at any shelter is recognised.',
      resolve: (stay) => stay.personKey !== null,
    }),
    children: t.relation('children', {
      nullable: false,
      query: { orderBy: [{ createdAt: 'asc' }, { id: 'asc' }] },
    }),
    counsellingItems: t.relation('counsellingItems', {
      nullable: false,
      query: { orderBy: { area: 'asc' } },
    }),
    psychologistHours: t.relation('hours', {
      nullable: false,
      query: { orderBy: [{ role: 'asc' }, { id: 'asc' }] },
    }),
    civilSocietyReferrals: t.relation('civilSociety', {
      nullable: false,
      query: { orderBy: [{ offeredOn: 'asc' }, { createdAt: 'asc' }] },
    }),
    startUpHelp: t.relation('startUpHelp', { nullable: false, query: { orderBy: { need: 'asc' } } }),
    openCounsellingAreas: t.field({
      nullable: false,
      type: [CounsellingAreaEnum],
      description: 'The § 109 areas neither done nor judged not relevant, in checklist order.',
      select: { counsellingItems: { select: { area: true, status: true, dueOn: true, completedOn: true } } },
      resolve: (stay) => openCounsellingAreas(stay.counsellingItems.map(domainItem)),
    }),
    counsellingCoveredBeforeMoveOut: t.boolean({
      nullable: true,
      description: 'Every § 109 area done by the move-out day or not relevant; null before the move-out.',
      select: { counsellingItems: { select: { area: true, status: true, dueOn: true, completedOn: true } } },
      resolve: (stay) =>
        stay.movedOutOn
          ? allAreasCoveredBeforeMoveOut(stay.counsellingItems.map(domainItem), isoDateOf(stay.movedOutOn))
          : null,
    }),
  }),
});

export function domainItem(item: { area: string; status: string; dueOn: Date; completedOn: Date | null }) {
  return {
    area: item.area as 'HOUSING',
    status: item.status as 'NOT_STARTED',
    dueOn: isoDateOf(item.dueOn),
    completedOn: item.completedOn ? isoDateOf(item.completedOn) : null,
  };
}

/** A child with the woman on a stay (a pseudonymous person of the shelter). */
export const ShelterStayChildRef = builder.prismaObject('ShelterStayChild', {
  authScopes: organizationRecordScope<ShelterStayChild>({
    entity: 'ShelterStayChild',
    roles: SHELTER_STAFF_ROLES,
    personId: (child) => child.personId,
  }),
  fields: (t) => ({
    id: t.exposeID('id', { nullable: false }),
    personId: t.exposeID('personId', { nullable: false }),
    pseudonym: t.string({
      nullable: false,
      select: { person: { select: { pseudonym: true } } },
      resolve: (child) => child.person.pseudonym,
    }),
    birthYear: t.int({
      nullable: true,
      select: { person: { select: { birthYear: true } } },
      resolve: (child) => child.person.birthYear,
    }),
  }),
});

builder.queryField('shelterStays', (t) =>
  t.prismaField({
    nullable: false,
    type: ['ShelterStay'],
    description: 'Stays at the active shelter, newest admission first; `current` keeps those not moved out.',
    authScopes: { role: SHELTER_STAFF_ROLES },
    args: { current: t.arg.boolean({ required: false }) },
    resolve: (query, _root, args, context) => {
      const organizationId = requireOrganizationId(context);
      return prisma().shelterStay.findMany({
        ...query,
        where: { organizationId, ...(args.current ? { movedOutOn: null } : {}) },
        orderBy: [{ admittedOn: 'desc' }, { id: 'asc' }],
        take: 500,
      });
    },
  }),
);

builder.queryField('shelterStay', (t) =>
  t.prismaField({
    nullable: false,
    type: 'ShelterStay',
    authScopes: { role: SHELTER_STAFF_ROLES },
    args: { id: t.arg.id({ required: true }) },
    resolve: async (query, _root, { id }, context) => {
      const organizationId = requireOrganizationId(context);
      const stay = isUuid(id)
        ? await prisma().shelterStay.findFirst({ ...query, where: { id, organizationId } })
        : null;
      if (!stay) {
        if (isUuid(id)) context.audit({ action: 'DENIED', entity: 'ShelterStay', entityId: id });
        throw gatewayError(ErrorCode.NOT_FOUND);
      }
      return stay;
    },
  }),
);

const AdmitChildInput = builder.inputType('AdmitShelterChildInput', {
  fields: (t) => ({
    birthYear: t.int({ required: true }),
  }),
});

export const AdmitToShelterInput = builder.inputType('AdmitToShelterInput', {
  fields: (t) => ({
    personId: t.id({
      description:
        'A woman who stayed at this shelter before (her earlier stay names her); else a new person.',
    }),
    cprNumber: t.string({
      description:
        'Her CPR number (ddmmyy-xxxx), optional. Never stored: only an installation-wide keyed hash, so a later admission at any shelter is recognised as a repeat stay.',
    }),
    birthYear: t.int(),
    admittedOn: t.string({ required: true, description: 'YYYY-MM-DD, not in the future.' }),
    plannedMoveOutOn: t.string({
      required: true,
      description: 'YYYY-MM-DD, not before the admission: the § 109 checklist is due by then.',
    }),
    children: t.field({ type: [AdmitChildInput], description: 'The children who come with her.' }),
  }),
});

export function birthYearErrors(
  field: string,
  value: number | null | undefined,
  today: string,
  minAge: number,
  maxAge: number,
) {
  if (value === null || value === undefined) return [];
  const year = Number(today.slice(0, 4));
  const min = year - maxAge;
  const max = year - minAge;
  return value < min || value > max ? [fieldError(field, 'OUT_OF_RANGE', { min, max })] : [];
}

builder.mutationField('admitToShelter', (t) =>
  t.prismaField({
    nullable: false,
    type: 'ShelterStay',
    description:
      'Admits a woman (and her children) to the active shelter, with a § 109 checklist due by the planned move-out. Registers a repeat stay when she moved out of any shelter of the system before.',
    authScopes: { role: SHELTER_STAFF_ROLES },
    args: { input: t.arg({ type: AdmitToShelterInput, required: true }) },
    resolve: async (query, _root, { input }, context) => {
      const organizationId = requireOrganizationId(context);
      const today = todayInDenmark();
      const errors: FieldError[] = [];
      let cpr: string | null = null;
      if (input.cprNumber !== null && input.cprNumber !== undefined && input.cprNumber.trim() !== '') {
        cpr = normaliseCprNumber(input.cprNumber);
        if (cpr === null) errors.push({ field: 'cprNumber', code: 'INVALID_CPR', message: INVALID_CPR });
      }
      errors.push(...birthYearErrors('birthYear', input.birthYear, today, 14, 110));
      (input.children ?? []).forEach((child, i) => {
        errors.push(
          ...birthYearErrors(`children.${i}.birthYear`, child.birthYear, today, 0, CHILD_MIN_AGE_YEARS),
        );
      });
      const planned = input.plannedMoveOutOn;
      const probe: DomainStay = {
        id: '',
        personId: input.personId ?? 'new',
        shelterOrganizationId: organizationId,
        admittedOn: input.admittedOn,
        movedOutOn: null,
      };
      const stayErrors = validateStay(probe, today);
      errors.push(...stayErrors);
      // The planned move-out may lie ahead; it must be a real date, not before the admission.
      const plannedProbe = validateStay({ ...probe, movedOutOn: planned }, '9999-12-31').filter(
        (e) => e.field === 'movedOutOn',
      );
      errors.push(...plannedProbe.map((e) => ({ ...e, field: 'plannedMoveOutOn' })));
      throwValidation(errors);

      // An earlier woman of this shelter, named by her Person id.
      let person: { id: string; personKey: string | null } | null = null;
      if (input.personId !== null && input.personId !== undefined) {
        const earlier = isUuid(input.personId)
          ? await prisma().shelterStay.findFirst({
              where: { organizationId, personId: input.personId },
              orderBy: { admittedOn: 'desc' },
              select: { personId: true, personKey: true },
            })
          : null;
        if (!earlier) {
          if (isUuid(input.personId))
            context.audit({ action: 'DENIED', entity: 'Person', entityId: input.personId });
          throw gatewayError(ErrorCode.NOT_FOUND);
        }
        person = { id: earlier.personId, personKey: earlier.personKey };
      }

      const actor = { userId: context.user?.id ?? null, organizationId, requestId: context.requestId };
      for (let attempt = 0; ; attempt++) {
        try {
          return await prisma().$transaction(async (tx) => {
            const personKey = cpr ? await shelterPersonKey(cpr, tx) : (person?.personKey ?? null);
            // Her earlier stay had another CPR number: one of the two is mistyped.
            if (person && cpr && person.personKey !== null && person.personKey !== personKey)
              throwValidation([{ field: 'cprNumber', code: 'CPR_MISMATCH', message: CPR_MISMATCH }]);
            // The same woman back at this shelter, recognised by her CPR number.
            if (!person && personKey) {
              const known = await tx.shelterStay.findFirst({
                where: { organizationId, personKey },
                orderBy: { admittedOn: 'desc' },
                select: { personId: true },
              });
              if (known) person = { id: known.personId, personKey };
            }
            const audit = [];
            let personId = person?.id;
            if (!personId) {
              const created = await tx.person.create({
                data: {
                  organizationId,
                  pseudonym: newPseudonym(),
                  gender: 'WOMAN',
                  birthYear: input.birthYear ?? null,
                },
                select: { id: true },
              });
              personId = created.id;
              audit.push(
                auditRow(actor, { action: 'CREATE', entity: 'Person', entityId: personId, personId }),
              );
            }
            // Her stays at this shelter must not overlap (a stay elsewhere is not shown, nor checked).
            const own = await tx.shelterStay.findMany({
              where: { organizationId, personId },
              select: { id: true, personId: true, organizationId: true, admittedOn: true, movedOutOn: true },
            });
            throwValidation(validateStay({ ...probe, personId }, today, own.map(domainStay)));

            // Every earlier stay of hers in the system: by the keyed hash at any shelter, or by her
            // Person here. Only the move-out dates are read, and only to set the flag.
            const earlier = await tx.shelterStay.findMany({
              where: {
                admittedOn: { lt: dateColumn(input.admittedOn) },
                OR: [{ personId }, ...(personKey ? [{ personKey }] : [])],
              },
              select: { movedOutOn: true },
            });
            const repeatStay = isRepeatAdmission(
              earlier.map((s) => ({ movedOutOn: s.movedOutOn ? isoDateOf(s.movedOutOn) : null })),
              input.admittedOn,
            );

            const stay = await tx.shelterStay.create({
              data: {
                organizationId,
                personId,
                personKey,
                admittedOn: dateColumn(input.admittedOn),
                plannedMoveOutOn: dateColumn(planned),
                repeatStay,
              },
              select: { id: true },
            });
            // Her earlier stays here had none: they become matchable across shelters too, and
            // remember which admission keyed them (its cancellation takes the key back).
            const keyed =
              person && cpr && personKey !== null
                ? await tx.shelterStay.updateMany({
                    where: { organizationId, personId: person.id, personKey: null },
                    data: { personKey, keyedByStayId: stay.id },
                  })
                : { count: 0 };
            audit.push(
              auditRow(actor, {
                action: 'CREATE',
                entity: 'ShelterStay',
                entityId: stay.id,
                personId,
                detail: {
                  repeatStay,
                  matchableAcrossShelters: personKey !== null,
                  ...(keyed.count > 0 ? { earlierStaysKeyed: keyed.count } : {}),
                },
              }),
            );
            for (const child of input.children ?? []) {
              const childPerson = await tx.person.create({
                data: { organizationId, pseudonym: newPseudonym(), birthYear: child.birthYear },
                select: { id: true },
              });
              await tx.shelterStayChild.create({
                data: { organizationId, stayId: stay.id, personId: childPerson.id },
              });
              audit.push(
                auditRow(actor, {
                  action: 'CREATE',
                  entity: 'ShelterStayChild',
                  entityId: childPerson.id,
                  personId: childPerson.id,
                  detail: { stayId: stay.id },
                }),
              );
            }
            const hasChildren = (input.children ?? []).length > 0;
            await tx.counsellingItem.createMany({
              data: newCounsellingChecklist(planned, hasChildren).map((item) => ({
                organizationId,
                stayId: stay.id,
                area: item.area,
                status: item.status,
                dueOn: dateColumn(item.dueOn),
              })),
            });
            await tx.auditEvent.createMany({ data: audit });
            return tx.shelterStay.findUniqueOrThrow({ ...query, where: { id: stay.id } });
          });
        } catch (error) {
          if (attempt < 4 && isUniqueViolation(error, 'pseudonym')) continue;
          throw error;
        }
      }
    },
  }),
);

builder.mutationField('recordShelterMoveOut', (t) =>
  t.prismaField({
    nullable: false,
    type: 'ShelterStay',
    description:
      'Records (or corrects) the move-out. § 109 items due later move to the move-out day: the law owes them by move-out at the latest.',
    authScopes: { role: SHELTER_STAFF_ROLES },
    args: { stayId: t.arg.id({ required: true }), movedOutOn: t.arg.string({ required: true }) },
    resolve: async (query, _root, { stayId, movedOutOn }, context) => {
      const organizationId = requireOrganizationId(context);
      const stay = await stayForWrite(context, organizationId, stayId);
      const others = await prisma().shelterStay.findMany({
        where: { organizationId, personId: stay.personId, id: { not: stay.id } },
        select: { id: true, personId: true, organizationId: true, admittedOn: true, movedOutOn: true },
      });
      throwValidation(
        validateStay({ ...domainStay(stay), movedOutOn }, todayInDenmark(), others.map(domainStay)),
      );
      const actor = { userId: context.user?.id ?? null, organizationId, requestId: context.requestId };
      return prisma().$transaction(async (tx) => {
        const moved = await tx.counsellingItem.updateMany({
          where: { stayId: stay.id, dueOn: { gt: dateColumn(movedOutOn) } },
          data: { dueOn: dateColumn(movedOutOn) },
        });
        await tx.shelterStay.update({ where: { id: stay.id }, data: { movedOutOn: dateColumn(movedOutOn) } });
        const repeatFlagsChanged = await refreshLaterRepeatFlags(tx, stay, stay.admittedOn);
        await tx.auditEvent.createMany({
          data: [
            auditRow(actor, {
              action: 'UPDATE',
              entity: 'ShelterStay',
              entityId: stay.id,
              personId: stay.personId,
              // How many later stays (at any shelter) changed their repeat-stay flag; never which.
              detail: { fields: ['movedOutOn'], dueDatesMoved: moved.count, repeatFlagsChanged },
            }),
          ],
        });
        return tx.shelterStay.findUniqueOrThrow({ ...query, where: { id: stay.id } });
      });
    },
  }),
);

builder.mutationField('planShelterMoveOut', (t) =>
  t.prismaField({
    nullable: false,
    type: 'ShelterStay',
    description:
      'Sets the planned move-out. § 109 items due later move to it (they are owed by move-out at the latest).',
    authScopes: { role: SHELTER_STAFF_ROLES },
    args: { stayId: t.arg.id({ required: true }), plannedMoveOutOn: t.arg.string({ required: true }) },
    resolve: async (query, _root, { stayId, plannedMoveOutOn }, context) => {
      const organizationId = requireOrganizationId(context);
      const stay = await stayForWrite(context, organizationId, stayId);
      const errors = validateStay({ ...domainStay(stay), movedOutOn: plannedMoveOutOn }, '9999-12-31').filter(
        (e) => e.field === 'movedOutOn',
      );
      throwValidation(errors.map((e) => ({ ...e, field: 'plannedMoveOutOn' })));
      if (stay.movedOutOn) throwValidation([fieldError('plannedMoveOutOn', 'NOT_APPLICABLE')]);
      const actor = { userId: context.user?.id ?? null, organizationId, requestId: context.requestId };
      return prisma().$transaction(async (tx) => {
        const moved = await tx.counsellingItem.updateMany({
          where: { stayId: stay.id, dueOn: { gt: dateColumn(plannedMoveOutOn) } },
          data: { dueOn: dateColumn(plannedMoveOutOn) },
        });
        await tx.shelterStay.update({
          where: { id: stay.id },
          data: { plannedMoveOutOn: dateColumn(plannedMoveOutOn) },
        });
        await tx.auditEvent.createMany({
          data: [
            auditRow(actor, {
              action: 'UPDATE',
              entity: 'ShelterStay',
              entityId: stay.id,
              personId: stay.personId,
              detail: { fields: ['plannedMoveOutOn'], dueDatesMoved: moved.count },
            }),
          ],
        });
        return tx.shelterStay.findUniqueOrThrow({ ...query, where: { id: stay.id } });
      });
    },
  }),
);
