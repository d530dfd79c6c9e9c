// The aftercare case: one per victim, in the sending organisation (the victim-counselling
// service). Started from an outreach case (the call) or registered (the police's hate-crime
// unit, the person themselves, others). Its needs (needs-assessment.ts) and its referrals'
// statuses (referral.ts) are added to this type by their own files.
import type { HateCrimeEntryPoint } from '@vi/db';
import {
  type FieldError,
  fieldError,
  HATE_CRIME_REFERRAL_STATUSES,
  normaliseDanishPhone,
  validateHateCrimeCaseEntry,
} from '@vi/domain';
import { organizationRecordScope, requireOrganizationId, requireUser } from '../authorization.ts';
import { builder } from '../builder.ts';
import type { GatewayContext } from '../context.ts';
import { dateColumn, todayInDenmark } from '../courses/iso-date.ts';
import { isUniqueViolation, newPseudonym } from '../courses/person-pseudonym.ts';
import { prisma } from '../database.ts';
import { ErrorCode, gatewayError, throwValidation } from '../errors.ts';
import { isUuid } from '../ids.ts';
import { auditWrites } from '../outreach/outreach-audit.ts';
import { openText, sealContact, sealText } from '../persons/field-crypto.ts';
import { checkDay, HateCrimeEntryPointEnum, SENDER_ROLES, shortText } from './hate-crime-common.ts';

export const CASE_SELECT = {
  id: true,
  organizationId: true,
  personId: true,
  entryPoint: true,
  outreachCaseId: true,
  otherEntryText: true,
  openedOn: true,
  closedOn: true,
  person: { select: { pseudonym: true, contact: { select: { alias: true } } } },
  needsAssessment: true,
} as const;

export interface HateCrimeCaseShape {
  id: string;
  organizationId: string;
  personId: string;
  entryPoint: HateCrimeEntryPoint;
  outreachCaseId: string | null;
  otherEntryText: string | null;
  openedOn: Date;
  closedOn: Date | null;
  person: { pseudonym: string; contact: { alias: string | null } | null };
  needsAssessment: {
    assessedOn: Date;
    needIndividualPsychologist: string;
    needLegalFinancial: string;
    needGroup: string;
  } | null;
}

export const HateCrimeCaseRef = builder.objectRef<HateCrimeCaseShape>('HateCrimeCase').implement({
  description:
    'A hate-crime victim’s aftercare case in the sending organisation. The tracks’ own work is not here: the sender sees each referral’s status only.',
  authScopes: organizationRecordScope<HateCrimeCaseShape>({
    entity: 'HateCrimeAftercareCase',
    roles: SENDER_ROLES,
    personId: (row) => row.personId,
  }),
  fields: (t) => ({
    id: t.exposeID('id', { nullable: false }),
    pseudonym: t.string({ nullable: false, resolve: (c) => c.person.pseudonym }),
    alias: t.string({
      nullable: true,
      description: 'First name or alias, as the sending organisation holds it.',
      resolve: (c) => openText(c.person.contact?.alias ?? null),
    }),
    entryPoint: t.field({ type: HateCrimeEntryPointEnum, nullable: false, resolve: (c) => c.entryPoint }),
    outreachCaseId: t.exposeID('outreachCaseId', { nullable: true }),
    otherEntryText: t.string({ nullable: true, resolve: (c) => openText(c.otherEntryText) }),
    openedOn: t.field({ type: 'Date', nullable: false, resolve: (c) => c.openedOn }),
    closedOn: t.field({ type: 'Date', nullable: true, resolve: (c) => c.closedOn }),
  }),
});

/** A case of the active organisation, or NOT_FOUND (another organisation's id reads as unknown). */
export async function loadCase(context: GatewayContext, id: string): Promise<HateCrimeCaseShape> {
  const organizationId = requireOrganizationId(context);
  const row = isUuid(id)
    ? await prisma().hateCrimeAftercareCase.findFirst({ where: { id, organizationId }, select: CASE_SELECT })
    : null;
  if (!row) {
    // A refusal goes on the audit trail with the id asked for, never a person id.
    if (isUuid(id)) context.audit({ action: 'DENIED', entity: 'HateCrimeAftercareCase', entityId: id });
    throw gatewayError(ErrorCode.NOT_FOUND);
  }
  return row;
}

builder.queryField('hateCrimeCases', (t) =>
  t.field({
    type: [HateCrimeCaseRef],
    nullable: false,
    description: 'The organisation’s open aftercare cases (the newest first).',
    authScopes: { role: SENDER_ROLES },
    resolve: async (_root, _args, context) => {
      const organizationId = requireOrganizationId(context);
      return prisma().hateCrimeAftercareCase.findMany({
        where: { organizationId, closedOn: null },
        orderBy: [{ openedOn: 'desc' }, { id: 'asc' }],
        take: 200,
        select: CASE_SELECT,
      });
    },
  }),
);

builder.queryField('hateCrimeCase', (t) =>
  t.field({
    type: HateCrimeCaseRef,
    nullable: false,
    authScopes: { role: SENDER_ROLES },
    args: { id: t.arg.id({ required: true }) },
    resolve: (_root, { id }, context) => loadCase(context, String(id)),
  }),
);

const StartInputRef = builder.inputType('StartHateCrimeAftercareInput', {
  fields: (t) => ({
    entryPoint: t.field({ type: HateCrimeEntryPointEnum, required: true }),
    outreachCaseId: t.id({
      description: 'With OUTREACH_CALL: the outreach case of the call (incident type HATE_CRIME).',
    }),
    otherEntryText: t.string({ description: 'With OTHER: a few words on who referred, no names.' }),
    openedOn: t.field({ type: 'Date', required: true }),
    alias: t.string({
      description: 'Not with OUTREACH_CALL (the outreach case holds it): first name or alias.',
    }),
    phone: t.string({ description: 'Not with OUTREACH_CALL: a Danish phone number.' }),
  }),
});

const MAX_ALIAS = 60;

builder.mutationField('startHateCrimeAftercare', (t) =>
  t.field({
    type: HateCrimeCaseRef,
    nullable: false,
    description:
      'Starts aftercare for a hate-crime victim: from the outreach call (the person of that outreach case), or registered with an alias and phone. CONFLICT when the outreach case already has one.',
    authScopes: { role: SENDER_ROLES },
    args: { input: t.arg({ type: StartInputRef, required: true }) },
    resolve: async (_root, { input }, context) => {
      const organizationId = requireOrganizationId(context);
      const user = requireUser(context);
      const today = todayInDenmark();
      const openedOn = (input.openedOn as Date).toISOString().slice(0, 10);
      const outreachCaseId = input.outreachCaseId == null ? null : String(input.outreachCaseId);
      const errors: FieldError[] = validateHateCrimeCaseEntry(
        {
          entryPoint: input.entryPoint,
          outreachCaseId,
          otherEntryText: input.otherEntryText ?? null,
          motive: null,
          openedOn,
        },
        today,
      );
      const fromCall = input.entryPoint === 'OUTREACH_CALL';
      const alias = shortText('alias', input.alias, MAX_ALIAS, errors);
      let phone: string | null = null;
      if (fromCall) {
        if (alias !== null) errors.push(fieldError('alias', 'NOT_APPLICABLE'));
        if (input.phone) errors.push(fieldError('phone', 'NOT_APPLICABLE'));
      } else {
        if (alias === null) errors.push(fieldError('alias', 'REQUIRED'));
        if (input.phone) {
          phone = normaliseDanishPhone(input.phone);
          if (phone === null) errors.push(fieldError('phone', 'INVALID_PHONE'));
        }
      }
      let personId: string | null = null;
      if (fromCall && outreachCaseId !== null) {
        const outreach = isUuid(outreachCaseId)
          ? await prisma().outreachCase.findFirst({
              where: { id: outreachCaseId, organizationId },
              select: { personId: true, incidentType: true },
            })
          : null;
        if (!outreach) {
          if (isUuid(outreachCaseId))
            context.audit({ action: 'DENIED', entity: 'OutreachCase', entityId: outreachCaseId });
          throw gatewayError(ErrorCode.NOT_FOUND);
        }
        if (outreach.incidentType !== 'HATE_CRIME')
          errors.push(fieldError('outreachCaseId', 'NOT_APPLICABLE'));
        personId = outreach.personId;
      }
      throwValidation(errors);
      try {
        const id = await prisma().$transaction(async (tx) => {
          if (personId === null) {
            for (let attempt = 0; ; attempt++) {
              const pseudonym = newPseudonym();
              const exists = await tx.person.count({ where: { organizationId, pseudonym } });
              if (exists > 0 && attempt < 5) continue;
              const person = await tx.person.create({
                data: {
                  organizationId,
                  pseudonym,
                  contact: {
                    create: { organizationId, ...(await sealContact(organizationId, { alias, phone }, tx)) },
                  },
                },
              });
              personId = person.id;
              break;
            }
          }
          const created = await tx.hateCrimeAftercareCase.create({
            data: {
              organizationId,
              personId: personId as string,
              entryPoint: input.entryPoint,
              outreachCaseId,
              otherEntryText: await sealText(organizationId, input.otherEntryText?.trim() || null, tx),
              openedOn: dateColumn(openedOn),
              createdById: user.id,
            },
            select: { id: true },
          });
          await auditWrites(tx, context, [
            {
              action: 'CREATE',
              entity: 'HateCrimeAftercareCase',
              entityId: created.id,
              personId,
              detail: { entryPoint: input.entryPoint },
            },
          ]);
          return created.id;
        });
        return loadCase(context, id);
      } catch (error) {
        if (isUniqueViolation(error, 'outreachCaseId')) {
          throw gatewayError(ErrorCode.CONFLICT, {
            message: {
              da: 'Der er allerede startet efterværn for denne sag.',
              en: 'Aftercare has already been started for this case.',
            },
          });
        }
        throw error;
      }
    },
  }),
);

const CaseCloseInputRef = builder.inputType('CloseHateCrimeCaseInput', {
  fields: (t) => ({ closedOn: t.field({ type: 'Date', required: true }) }),
});

const REFERRALS_OPEN = {
  da: 'Sagen har henvisninger, der ikke er afsluttet. Vent på dem, eller træk dem tilbage.',
  en: 'The case has referrals that are not closed. Wait for them, or withdraw them.',
};

builder.mutationField('closeHateCrimeCase', (t) =>
  t.field({
    type: HateCrimeCaseRef,
    nullable: false,
    description:
      'Closes the aftercare case when its referrals are closed (CONFLICT while one is open, or when it is already closed).',
    authScopes: { role: SENDER_ROLES },
    args: {
      hateCrimeCaseId: t.arg.id({ required: true }),
      input: t.arg({ type: CaseCloseInputRef, required: true }),
    },
    resolve: async (_root, { hateCrimeCaseId, input }, context) => {
      const found = await loadCase(context, String(hateCrimeCaseId));
      const closedOn = (input.closedOn as Date).toISOString().slice(0, 10);
      throwValidation(checkDay('closedOn', closedOn, todayInDenmark(), found.openedOn));
      const referrals = await prisma().hateCrimeReferral.findMany({
        where: { caseId: found.id },
        select: { status: true },
      });
      const open = referrals.some(
        (r) => !HATE_CRIME_REFERRAL_STATUSES.some((s) => s.code === r.status && s.closed),
      );
      if (open) throw gatewayError(ErrorCode.CONFLICT, { message: REFERRALS_OPEN });
      await prisma().$transaction(async (tx) => {
        const closed = await tx.hateCrimeAftercareCase.updateMany({
          where: { id: found.id, closedOn: null },
          data: { closedOn: dateColumn(closedOn) },
        });
        if (closed.count === 0) throw gatewayError(ErrorCode.CONFLICT);
        await auditWrites(tx, context, [
          {
            action: 'UPDATE',
            entity: 'HateCrimeAftercareCase',
            entityId: found.id,
            personId: found.personId,
            detail: { closed: true },
          },
        ]);
      });
      return loadCase(context, found.id);
    },
  }),
);
