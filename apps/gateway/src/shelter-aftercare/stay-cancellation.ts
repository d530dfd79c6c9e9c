import { auditRow } from '../audit.ts';
import { requireOrganizationId } from '../authorization.ts';
import { builder } from '../builder.ts';
import { prisma } from '../database.ts';
import { ErrorCode, gatewayError } from '../errors.ts';
import { refreshLaterRepeatFlags } from './repeat-flags.ts';
import { SHELTER_STAFF_ROLES, stayForWrite } from './shelter-access.ts';

/**
 * Why an admission is cancelled: each says the stay never happened as registered. A stay that
 * did happen is corrected, never cancelled (move-out, planned move-out, the checklist).
 */
export const SHELTER_ADMISSION_CANCEL_REASONS = [
  'DUPLICATE',
  'WRONG_WOMAN',
  'WRONG_SHELTER',
  'NOT_ADMITTED',
] as const;

export const ShelterAdmissionCancelReasonEnum = builder.enumType('ShelterAdmissionCancelReason', {
  values: {
    DUPLICATE: { description: 'The same admission was registered twice.' },
    WRONG_WOMAN: { description: 'Registered for the wrong woman (another person or CPR number).' },
    WRONG_SHELTER: { description: 'Registered at this shelter but she was admitted at another.' },
    NOT_ADMITTED: { description: 'She was never admitted (e.g. she did not come).' },
  } satisfies Record<(typeof SHELTER_ADMISSION_CANCEL_REASONS)[number], { description: string }>,
});

/**
 * A cancelled admission is DELETED, with everything that hangs on it, not marked cancelled:
 * - it never happened, so its data are data the shelter must not hold (data minimisation,
 *   GDPR art. 5(1)(c) and (d)): the woman and children it created, with their pseudonyms and
 *   birth years, go too when no other stay names them;
 * - every figure (the evaluation's repeat-stay rate and admissions, the § 109 share, hours,
 *   referrals, start-up help, the costs) and every query (the stay list, readmission matching by
 *   person or CPR hash, overlap checks, the repeat-stay flags) reads ShelterStay as it is: a
 *   cancelled flag would need a filter in each of them, and one forgotten (or a future query's)
 *   would count a stay that never was, whereas a deleted row is counted by none;
 * - what stays is the audit trail: the admission's CREATE rows and this DELETE with the reason
 *   code and the counts (never content), so it is known who registered and who cancelled it.
 * A CPR number typed at the cancelled admission and taken up by her earlier stays here (their
 * keyedByStayId) goes back with it: otherwise those stays stay joined, in the evaluation and the
 * repeat-stay flags, with the stays of the woman the number belongs to.
 * A woman or child left without any stay must go as well: with no stay, the person queries of
 * the organisation's other roles would no longer treat her as a shelter's (NOT_A_SHELTER_PERSON).
 */
builder.mutationField('cancelShelterAdmission', (t) =>
  t.field({
    nullable: false,
    type: 'Boolean',
    description:
      'Cancels an admission of the active shelter registered by mistake: the stay, its children, § 109 checklist, psychologist hours, civil-society referrals and start-up needs are deleted (persons with no other stay too), and the repeat-stay flags of her later stays at every shelter are set again. Audited with the reason.',
    authScopes: { role: SHELTER_STAFF_ROLES },
    args: {
      stayId: t.arg.id({ required: true }),
      reason: t.arg({ type: ShelterAdmissionCancelReasonEnum, required: true }),
    },
    resolve: async (_root, { stayId, reason }, context) => {
      const organizationId = requireOrganizationId(context);
      const stay = await stayForWrite(context, organizationId, stayId);
      const actor = { userId: context.user?.id ?? null, organizationId, requestId: context.requestId };
      await prisma().$transaction(async (tx) => {
        // Locks the stay: a child added at the same moment waits (its link needs the row) and
        // then finds it gone, so no child's person is left behind without a stay.
        const locked = await tx.$queryRaw<Array<{ id: string }>>`
          SELECT id::text FROM "ShelterStay" WHERE id = ${stay.id}::uuid AND "organizationId" = ${organizationId}::uuid
          FOR UPDATE`;
        // Another request cancelled it in the meantime: as unknown now, like any second attempt.
        if (locked.length === 0) {
          context.audit({ action: 'DENIED', entity: 'ShelterStay', entityId: stay.id });
          throw gatewayError(ErrorCode.NOT_FOUND);
        }
        const children = await tx.shelterStayChild.findMany({
          where: { stayId: stay.id },
          select: { personId: true },
        });
        const counts = {
          counsellingItems: await tx.counsellingItem.count({ where: { stayId: stay.id } }),
          psychologistHours: await tx.psychologistHours.count({ where: { stayId: stay.id } }),
          civilSocietyReferrals: await tx.civilSocietyReferral.count({ where: { stayId: stay.id } }),
          startUpHelp: await tx.startUpHelpNeed.count({ where: { stayId: stay.id } }),
        };
        // A CPR number typed at this admission was taken up by her earlier stays here: it goes
        // back with it, unless another stay of hers here was admitted under the same number.
        const keyed = await tx.shelterStay.findMany({
          where: { keyedByStayId: stay.id },
          select: { id: true },
        });
        const holder =
          keyed.length > 0 && stay.personKey
            ? await tx.shelterStay.findFirst({
                where: {
                  organizationId,
                  personId: stay.personId,
                  personKey: stay.personKey,
                  id: { notIn: [stay.id, ...keyed.map((k) => k.id)] },
                },
                orderBy: [{ admittedOn: 'asc' }, { id: 'asc' }],
                select: { id: true },
              })
            : null;
        if (keyed.length > 0)
          await tx.shelterStay.updateMany({
            where: { keyedByStayId: stay.id },
            data: holder ? { keyedByStayId: holder.id } : { personKey: null, keyedByStayId: null },
          });
        const keysWithdrawn = holder ? 0 : keyed.length;
        // The checklist, hours, referrals, start-up needs and child links go with it (cascade).
        await tx.shelterStay.delete({ where: { id: stay.id } });
        const personIds = [stay.personId, ...children.map((child) => child.personId)];
        // Only persons no other stay names and nothing else holds (a shelter's person has no
        // other records; an older one might, and then she stays).
        const orphans = await tx.person.findMany({
          where: {
            id: { in: personIds },
            organizationId,
            shelterStays: { none: {} },
            shelterChildOf: { none: {} },
            psychologistHours: { none: {} },
            contact: { is: null },
            outreachCases: { none: {} },
            intakes: { none: {} },
            riskAssessments: { none: {} },
            waitingList: { none: {} },
            enrolments: { none: {} },
            hateCrimeCases: { none: {} },
          },
          select: { id: true },
        });
        // The woman first, then her children (the trail's order).
        orphans.sort((a, b) => personIds.indexOf(a.id) - personIds.indexOf(b.id));
        await tx.person.deleteMany({ where: { id: { in: orphans.map((p) => p.id) } } });
        // Her later stays at every shelter. With a key taken back, the two were different women
        // joined by it: every stay of each is set again on its own (her stays here by her Person,
        // the key's at every shelter).
        const repeatFlagsChanged =
          keysWithdrawn > 0
            ? (await refreshLaterRepeatFlags(tx, { personId: stay.personId, personKey: null }, new Date(0))) +
              (await refreshLaterRepeatFlags(tx, { personId: null, personKey: stay.personKey }, new Date(0)))
            : await refreshLaterRepeatFlags(tx, stay, stay.admittedOn);
        await tx.auditEvent.createMany({
          data: [
            auditRow(actor, {
              action: 'DELETE',
              entity: 'ShelterStay',
              entityId: stay.id,
              personId: stay.personId,
              // Counts only: how much went, how many later flags changed (never which).
              detail: {
                reason,
                children: children.length,
                ...counts,
                personsDeleted: orphans.length,
                keysWithdrawn,
                repeatFlagsChanged,
              },
            }),
            ...orphans.map((person) =>
              auditRow(actor, {
                action: 'DELETE',
                entity: 'Person',
                entityId: person.id,
                personId: person.id,
                detail: { reason, stayId: stay.id },
              }),
            ),
          ],
        });
      });
      return true;
    },
  }),
);
