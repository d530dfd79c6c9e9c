import type { ReferralAttemptKind } from '@vi/db';
import type { FieldError } from '@vi/domain';
import { requireOrganizationId, requireUser } from '../authorization.ts';
import { builder } from '../builder.ts';
import type { GatewayContext } from '../context.ts';
import { prisma } from '../database.ts';
import { ErrorCode, gatewayError, throwValidation } from '../errors.ts';
import { openText, sealText } from '../persons/field-crypto.ts';
import { auditWrites } from './outreach-audit.ts';
import { ReferralAttemptKindEnum } from './outreach-enums.ts';
import { COUNSELLOR_ROLES } from './outreach-roles.ts';
import { REFERRAL_SELECT, ReferralRef, type ReferralShape, toShape } from './referral.ts';

/** A note is a few lines for the counsellor's own next call, not a case file. */
export const MAX_REFERRAL_NOTE_LENGTH = 500;

export interface ReferralAttemptShape {
  id: string;
  at: Date;
  kind: string;
  /** Encrypted as stored; opened only in the resolver. */
  note: string | null;
}

const ReferralAttemptRef = builder.objectRef<ReferralAttemptShape>('ReferralAttempt').implement({
  description: "The counsellor's own call-back attempt or note on a referral they hold.",
  authScopes: { role: COUNSELLOR_ROLES },
  fields: (t) => ({
    id: t.exposeID('id', { nullable: false }),
    at: t.field({ nullable: false, type: 'DateTime', resolve: (a) => a.at }),
    kind: t.field({ nullable: false, type: ReferralAttemptKindEnum, resolve: (a) => a.kind as never }),
    note: t.string({ nullable: true, resolve: (a) => openText(a.note) }),
  }),
});

builder.objectField(ReferralRef, 'attempts', (t) =>
  t.field({
    nullable: false,
    type: [ReferralAttemptRef],
    description:
      'The call-back attempts and notes, newest first; only for the counsellor who holds the referral (empty otherwise).',
    resolve: async (r: ReferralShape, _args, context) => {
      if (!r.takenByMe || r.status !== 'TAKEN') return [];
      const rows = await prisma().referralAttempt.findMany({
        where: { referralId: r.id, organizationId: requireOrganizationId(context) },
        orderBy: [{ at: 'desc' }, { id: 'desc' }],
        take: 50,
        select: { id: true, at: true, kind: true, note: true },
      });
      return rows;
    },
  }),
);

const ReferralAttemptInputRef = builder.inputType('ReferralAttemptInput', {
  fields: (t) => ({
    kind: t.field({ type: ReferralAttemptKindEnum, required: true }),
    note: t.string({ description: `Up to ${MAX_REFERRAL_NOTE_LENGTH} characters; required for NOTE.` }),
  }),
});

const NOT_YOUR_OPEN_REFERRAL = {
  da: 'Henvisningen er ikke din, eller den er allerede afsluttet.',
  en: 'The referral is not yours, or it is already closed.',
};

export function checkReferralAttempt(input: { kind: string; note: string | null }): FieldError[] {
  const note = input.note?.trim() ?? '';
  if (input.kind === 'NOTE' && note === '') {
    return [
      {
        field: 'note',
        code: 'REQUIRED',
        message: { da: 'Skriv noten.', en: 'Write the note.' },
      },
    ];
  }
  if (note.length > MAX_REFERRAL_NOTE_LENGTH) {
    return [
      {
        field: 'note',
        code: 'TOO_LONG',
        message: {
          da: `Noten må højst være ${MAX_REFERRAL_NOTE_LENGTH} tegn (den er ${note.length}).`,
          en: `The note may be at most ${MAX_REFERRAL_NOTE_LENGTH} characters (it is ${note.length}).`,
        },
      },
    ];
  }
  return [];
}

/**
 * Logs a call-back attempt or a note on a referral the counsellor holds (status TAKEN): the
 * same check as closing it. Another counsellor's referral, or a closed one, is a CONFLICT and
 * is audited as DENIED, so probing other people's referrals leaves a trail.
 */
export async function logReferralAttempt(
  context: GatewayContext,
  referralId: string,
  input: { kind: ReferralAttemptKind; note: string | null },
  now = new Date(),
) {
  const organizationId = requireOrganizationId(context);
  const user = requireUser(context);
  throwValidation(checkReferralAttempt(input));
  const note = input.note?.trim() ? input.note.trim() : null;
  const referral = await prisma().referral.findFirst({
    where: { id: referralId, organizationId },
    select: { id: true, status: true, counsellorId: true, case: { select: { personId: true } } },
  });
  if (!referral) throw gatewayError(ErrorCode.NOT_FOUND);
  if (referral.status !== 'TAKEN' || referral.counsellorId !== user.id) {
    context.audit({
      action: 'DENIED',
      entity: 'Referral',
      entityId: referral.id,
      personId: referral.case.personId,
      detail: { attempt: true },
    });
    throw gatewayError(ErrorCode.CONFLICT, { message: NOT_YOUR_OPEN_REFERRAL });
  }
  return prisma().$transaction(async (tx) => {
    const created = await tx.referralAttempt.create({
      data: {
        organizationId,
        referralId,
        counsellorId: user.id,
        at: now,
        kind: input.kind,
        note: await sealText(organizationId, note, tx),
      },
      select: { id: true },
    });
    await auditWrites(tx, context, [
      {
        action: 'CREATE',
        entity: 'ReferralAttempt',
        entityId: created.id,
        personId: referral.case.personId,
        // The kind only: a note may hold personal details, so it never goes into the trail.
        detail: { referralId, kind: input.kind, note: note !== null },
      },
    ]);
    return tx.referral.findUniqueOrThrow({ where: { id: referralId }, select: REFERRAL_SELECT });
  });
}

builder.mutationField('logReferralAttempt', (t) =>
  t.field({
    nullable: false,
    type: ReferralRef,
    description:
      'The counsellor logs a call-back attempt or a note on a referral they hold, before closing it.',
    authScopes: { role: COUNSELLOR_ROLES },
    args: {
      referralId: t.arg.id({ required: true }),
      input: t.arg({ type: ReferralAttemptInputRef, required: true }),
    },
    resolve: async (_root, { referralId, input }, context) => {
      const row = await logReferralAttempt(context, String(referralId), {
        kind: input.kind as ReferralAttemptKind,
        note: input.note ?? null,
      });
      return toShape(row, context);
    },
  }),
);
