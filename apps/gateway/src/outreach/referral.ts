import type { LostReason, ReferralStatus } from '@vi/db';
import {
  checkReferralResult,
  eraseAfterFor,
  type IncidentTypeCode,
  type ReferralResultCode,
} from '@vi/domain';
import { requireOrganizationId, requireUser } from '../authorization.ts';
import { builder } from '../builder.ts';
import type { GatewayContext } from '../context.ts';
import { prisma } from '../database.ts';
import { IncidentTypeEnum, PersonRoleEnum } from '../enums.ts';
import { ErrorCode, gatewayError, throwValidation } from '../errors.ts';
import { openText } from '../persons/field-crypto.ts';
import { auditWrites } from './outreach-audit.ts';
import { LostReasonEnum, ReferralResultEnum, ReferralStatusEnum } from './outreach-enums.ts';
import { COUNSELLOR_ROLES } from './outreach-roles.ts';

/**
 * A referral as a counsellor sees it. Contact details are filled in only for the
 * counsellor who has taken the referral: the pool shows what is needed to choose
 * (incident type, role, days waiting), not who the person is.
 */
export interface ReferralShape {
  id: string;
  organizationId: string;
  personId: string;
  pseudonym: string;
  incidentType: IncidentTypeCode;
  /** The incident's date: the counsellor opens the call knowing when it happened. */
  occurredOn: Date;
  role: string;
  status: string;
  createdAt: Date;
  consentAt: Date;
  takenAt: Date | null;
  closedAt: Date | null;
  lostReason: string | null;
  takenByMe: boolean;
  name: string | null;
  phone: string | null;
}

export const REFERRAL_SELECT = {
  id: true,
  organizationId: true,
  status: true,
  createdAt: true,
  consentAt: true,
  takenAt: true,
  closedAt: true,
  lostReason: true,
  counsellorId: true,
  case: {
    select: {
      personId: true,
      incidentType: true,
      role: true,
      incident: { select: { occurredOn: true } },
      person: { select: { pseudonym: true, contact: { select: { name: true, phone: true } } } },
    },
  },
} as const;

type ReferralRow = {
  id: string;
  organizationId: string;
  status: string;
  createdAt: Date;
  consentAt: Date;
  takenAt: Date | null;
  closedAt: Date | null;
  lostReason: string | null;
  counsellorId: string | null;
  case: {
    personId: string;
    incidentType: string;
    role: string;
    incident: { occurredOn: Date };
    person: { pseudonym: string; contact: { name: string | null; phone: string | null } | null };
  };
};

export function toShape(row: ReferralRow, context: GatewayContext): ReferralShape {
  const mine = row.counsellorId !== null && row.counsellorId === context.user?.id;
  const showContact = mine && row.status === 'TAKEN';
  if (showContact) {
    context.audit({
      action: 'READ',
      entity: 'Referral',
      entityId: row.id,
      personId: row.case.personId,
      detail: { contact: true },
    });
  }
  return {
    id: row.id,
    organizationId: row.organizationId,
    personId: row.case.personId,
    pseudonym: row.case.person.pseudonym,
    incidentType: row.case.incidentType as IncidentTypeCode,
    occurredOn: row.case.incident.occurredOn,
    role: row.case.role,
    status: row.status,
    createdAt: row.createdAt,
    consentAt: row.consentAt,
    takenAt: row.takenAt,
    closedAt: row.closedAt,
    lostReason: row.lostReason,
    takenByMe: mine,
    name: showContact ? (row.case.person.contact?.name ?? null) : null,
    phone: showContact ? (row.case.person.contact?.phone ?? null) : null,
  };
}

const DAY_MS = 86_400_000;

export const ReferralRef = builder.objectRef<ReferralShape>('Referral').implement({
  description: "A person who wants a counsellor's call, with their recorded consent.",
  authScopes: (r, context) =>
    r.organizationId === context.organizationId ? { role: COUNSELLOR_ROLES } : false,
  fields: (t) => ({
    id: t.exposeID('id', { nullable: false }),
    pseudonym: t.exposeString('pseudonym', { nullable: false }),
    incidentType: t.field({ nullable: false, type: IncidentTypeEnum, resolve: (r) => r.incidentType }),
    occurredOn: t.field({ nullable: false, type: 'Date', resolve: (r) => r.occurredOn }),
    role: t.field({ nullable: false, type: PersonRoleEnum, resolve: (r) => r.role as never }),
    status: t.field({ nullable: false, type: ReferralStatusEnum, resolve: (r) => r.status as never }),
    createdAt: t.field({ nullable: false, type: 'DateTime', resolve: (r) => r.createdAt }),
    consentAt: t.field({ nullable: false, type: 'DateTime', resolve: (r) => r.consentAt }),
    takenAt: t.field({ type: 'DateTime', nullable: true, resolve: (r) => r.takenAt }),
    closedAt: t.field({ type: 'DateTime', nullable: true, resolve: (r) => r.closedAt }),
    lostReason: t.field({ type: LostReasonEnum, nullable: true, resolve: (r) => r.lostReason as never }),
    daysWaiting: t.int({
      nullable: false,
      description: 'Whole days from the referral until it was taken (or until now while it waits).',
      resolve: (r) => Math.floor(((r.takenAt ?? new Date()).getTime() - r.createdAt.getTime()) / DAY_MS),
    }),
    takenByMe: t.exposeBoolean('takenByMe', { nullable: false }),
    // The shape holds the stored (encrypted) values, or null when not shown: decrypted only here.
    name: t.string({
      nullable: true,
      description: 'Only for the counsellor who took the referral.',
      resolve: (r) => openText(r.name),
    }),
    phone: t.string({
      nullable: true,
      description: 'Only for the counsellor who took the referral.',
      resolve: (r) => openText(r.phone),
    }),
  }),
});

builder.queryField('waitingReferrals', (t) =>
  t.field({
    nullable: false,
    type: [ReferralRef],
    description: 'Referrals waiting in the pool, the longest waiting first.',
    authScopes: { role: COUNSELLOR_ROLES },
    resolve: async (_root, _args, context) => {
      const organizationId = requireOrganizationId(context);
      const rows = await prisma().referral.findMany({
        where: { organizationId, status: 'OPEN' },
        orderBy: [{ createdAt: 'asc' }, { id: 'asc' }],
        take: 200,
        select: REFERRAL_SELECT,
      });
      for (const row of rows) {
        context.audit({
          action: 'READ',
          entity: 'Referral',
          entityId: row.id,
          personId: row.case.personId,
          detail: { view: 'pool' },
        });
      }
      return rows.map((r) => toShape(r, context));
    },
  }),
);

builder.queryField('myReferrals', (t) =>
  t.field({
    nullable: false,
    type: [ReferralRef],
    description: 'Referrals the counsellor has taken and not yet closed, with contact details.',
    authScopes: { role: COUNSELLOR_ROLES },
    resolve: async (_root, _args, context) => {
      const organizationId = requireOrganizationId(context);
      const user = requireUser(context);
      const rows = await prisma().referral.findMany({
        where: { organizationId, status: 'TAKEN', counsellorId: user.id },
        orderBy: [{ takenAt: 'asc' }, { id: 'asc' }],
        select: REFERRAL_SELECT,
      });
      return rows.map((r) => toShape(r, context));
    },
  }),
);

const REFERRAL_TAKEN = {
  da: 'En anden offerrådgiver har allerede taget henvisningen.',
  en: 'Another counsellor has already taken the referral.',
};

builder.mutationField('takeReferral', (t) =>
  t.field({
    nullable: false,
    type: ReferralRef,
    description: 'Takes a waiting referral. CONFLICT when another counsellor was first.',
    authScopes: { role: COUNSELLOR_ROLES },
    args: { referralId: t.arg.id({ required: true }) },
    resolve: async (_root, { referralId }, context) => {
      const organizationId = requireOrganizationId(context);
      const user = requireUser(context);
      const row = await prisma().$transaction(async (tx) => {
        // The status condition makes the take atomic: of two counsellors, one updates one row.
        const taken = await tx.referral.updateMany({
          where: { id: String(referralId), organizationId, status: 'OPEN' },
          data: { status: 'TAKEN', counsellorId: user.id, takenAt: new Date() },
        });
        if (taken.count === 0) {
          const exists = await tx.referral.count({ where: { id: String(referralId), organizationId } });
          throw exists
            ? gatewayError(ErrorCode.CONFLICT, { message: REFERRAL_TAKEN })
            : gatewayError(ErrorCode.NOT_FOUND);
        }
        const loaded = await tx.referral.findUniqueOrThrow({
          where: { id: String(referralId) },
          select: REFERRAL_SELECT,
        });
        await auditWrites(tx, context, [
          {
            action: 'UPDATE',
            entity: 'Referral',
            entityId: loaded.id,
            personId: loaded.case.personId,
            detail: { taken: true },
          },
        ]);
        return loaded;
      });
      return toShape(row, context);
    },
  }),
);

const ReferralResultInputRef = builder.inputType('ReferralResultInput', {
  fields: (t) => ({
    result: t.field({ type: ReferralResultEnum, required: true }),
    lostReason: t.field({
      type: LostReasonEnum,
      description: 'Required when the result is LOST.',
    }),
  }),
});

const NOT_YOUR_REFERRAL = {
  da: 'Henvisningen er ikke din, eller den er allerede afsluttet.',
  en: 'The referral is not yours, or it is already closed.',
};

const REGISTERED_OTHER_RETIRED = {
  da: 'Vælg "Samtale gennemført" eller "Tabt". "Registreret som andet" bruges kun i gamle henvisninger.',
  en: 'Choose "Conversation held" or "Lost". "Registered as other" is only kept on old referrals.',
};

/** Closes a taken referral; its contact details are erased after the retention period. */
export async function recordReferralResult(
  context: GatewayContext,
  referralId: string,
  input: { result: ReferralResultCode; lostReason: LostReason | null },
  now = new Date(),
) {
  const organizationId = requireOrganizationId(context);
  const user = requireUser(context);
  throwValidation(checkReferralResult({ result: input.result, lostReason: input.lostReason }));
  // "Registered as other" was an artefact of the old survey tool (outreach referrals could not be
  // registered as such before spring 2019): old referrals keep it, a new closure says what happened.
  if (input.result === 'REGISTERED_OTHER') {
    throwValidation([{ field: 'result', code: 'UNKNOWN_OPTION', message: REGISTERED_OTHER_RETIRED }]);
  }
  return prisma().$transaction(async (tx) => {
    const referral = await tx.referral.findFirst({
      where: { id: referralId, organizationId },
      select: {
        id: true,
        status: true,
        counsellorId: true,
        case: { select: { personId: true } },
        organization: { select: { contactRetentionDays: true } },
      },
    });
    if (!referral) throw gatewayError(ErrorCode.NOT_FOUND);
    const closed = await tx.referral.updateMany({
      where: { id: referralId, status: 'TAKEN', counsellorId: user.id },
      data: { status: input.result as ReferralStatus, closedAt: now, lostReason: input.lostReason },
    });
    if (closed.count === 0) throw gatewayError(ErrorCode.CONFLICT, { message: NOT_YOUR_REFERRAL });
    await tx.personContact.updateMany({
      where: { personId: referral.case.personId },
      data: { eraseAfter: eraseAfterFor(now, referral.organization.contactRetentionDays) },
    });
    await auditWrites(tx, context, [
      {
        action: 'UPDATE',
        entity: 'Referral',
        entityId: referralId,
        personId: referral.case.personId,
        detail: { result: input.result },
      },
    ]);
    return tx.referral.findUniqueOrThrow({ where: { id: referralId }, select: REFERRAL_SELECT });
  });
}

builder.mutationField('recordReferralResult', (t) =>
  t.field({
    nullable: false,
    type: ReferralRef,
    authScopes: { role: COUNSELLOR_ROLES },
    args: {
      referralId: t.arg.id({ required: true }),
      input: t.arg({ type: ReferralResultInputRef, required: true }),
    },
    resolve: async (_root, { referralId, input }, context) => {
      const row = await recordReferralResult(context, String(referralId), {
        result: input.result as ReferralResultCode,
        lostReason: (input.lostReason ?? null) as LostReason | null,
      });
      return toShape(row, context);
    },
  }),
);
