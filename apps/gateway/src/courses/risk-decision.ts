import type { Prisma, RiskRoute } from '@vi/db';
import { type Answers, registrationWithDecision } from '@vi/domain';
import { type AuditActor, auditRow } from '../audit.ts';
import { openedAnswers, sealedAnswers } from '../persons/field-crypto.ts';
import { dateColumn, todayInDenmark } from './iso-date.ts';

type Tx = Prisma.TransactionClient;

/**
 * Writes a risk decision into the person's latest registration: the registration form's question 8
 * ("referred to") is the decision, so a recorded and a corrected decision both land there.
 */
export async function writeDecisionIntoRegistration(
  tx: Tx,
  organizationId: string,
  personId: string,
  decision: { routes: readonly RiskRoute[]; otherSupport: string | null },
): Promise<void> {
  const intake = await tx.intakeRegistration.findFirst({
    where: { organizationId, personId },
    orderBy: [{ registeredOn: 'desc' }, { createdAt: 'desc' }],
    select: { id: true, answers: true, answersSealed: true },
  });
  if (!intake) return;
  const answers = registrationWithDecision((await openedAnswers(intake, tx)) as Answers, {
    routes: [...decision.routes],
    otherSupport: decision.otherSupport,
  });
  await tx.intakeRegistration.update({
    where: { id: intake.id },
    data: {
      referredTo: [...decision.routes],
      ...(await sealedAnswers(organizationId, 'REGISTRATION', answers as Record<string, unknown>, tx)),
    },
  });
}

/**
 * Puts the person on the waiting list or takes them off it as the decision says, and returns the
 * audit rows for what changed. A decision with a group course adds a person who is neither waiting
 * nor enrolled; one without takes a waiting person off as REROUTED.
 *
 * `reopenSince` (YYYY-MM-DD), given by a correction, lets a person whom the wrong decision took off the list
 * get their old place back (the entry it closed as REROUTED on or after that day), so a mistake
 * does not cost them their waiting time.
 */
export async function applyDecisionToWaitingList(
  tx: Tx,
  actor: AuditActor,
  person: { id: string; organizationId: string },
  decision: { routes: readonly RiskRoute[]; waitingSince: string; reopenSince?: string },
): Promise<Prisma.AuditEventCreateManyInput[]> {
  const { organizationId } = person;
  const waiting = await tx.waitingListEntry.findFirst({
    where: { organizationId, personId: person.id, leftOn: null },
    select: { id: true },
  });
  const enrolled = await tx.enrolment.count({ where: { personId: person.id, withdrawnOn: null } });
  const audit: Prisma.AuditEventCreateManyInput[] = [];
  if (decision.routes.includes('GROUP_COURSE') && !waiting && enrolled === 0) {
    const closedByMistake = decision.reopenSince
      ? await tx.waitingListEntry.findFirst({
          where: {
            organizationId,
            personId: person.id,
            leftReason: 'REROUTED',
            leftOn: { gte: dateColumn(decision.reopenSince) },
          },
          orderBy: [{ leftOn: 'desc' }, { since: 'desc' }],
          select: { id: true },
        })
      : null;
    if (closedByMistake) {
      await tx.waitingListEntry.update({
        where: { id: closedByMistake.id },
        data: { leftOn: null, leftReason: null },
      });
      audit.push(
        auditRow(actor, {
          action: 'UPDATE',
          entity: 'WaitingListEntry',
          entityId: closedByMistake.id,
          personId: person.id,
          detail: { reopened: true },
        }),
      );
    } else {
      const entry = await tx.waitingListEntry.create({
        data: { organizationId, personId: person.id, since: dateColumn(decision.waitingSince) },
        select: { id: true },
      });
      audit.push(
        auditRow(actor, {
          action: 'CREATE',
          entity: 'WaitingListEntry',
          entityId: entry.id,
          personId: person.id,
        }),
      );
    }
  } else if (!decision.routes.includes('GROUP_COURSE') && waiting) {
    await tx.waitingListEntry.update({
      where: { id: waiting.id },
      data: { leftOn: dateColumn(todayInDenmark()), leftReason: 'REROUTED' },
    });
    audit.push(
      auditRow(actor, {
        action: 'UPDATE',
        entity: 'WaitingListEntry',
        entityId: waiting.id,
        personId: person.id,
        detail: { leftReason: 'REROUTED' },
      }),
    );
  }
  return audit;
}
