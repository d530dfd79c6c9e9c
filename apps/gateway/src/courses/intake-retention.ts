import type { Database } from '@vi/db';
import type { JobTransaction, PeriodicJob } from '../scale-out/periodic-job.ts';
import { todayInDenmark } from './iso-date.ts';

export interface IntakeRetentionResult {
  /** Contacts of people whose course journey ended: erase date set (or moved). */
  scheduled: number;
  /** Contacts whose erase date was lifted because the person is on a list again. */
  kept: number;
  /** Contact rows deleted because their erase date passed. */
  erased: number;
}

/**
 * The same retention as outreach's (outreach/retention.ts): a person's contact details (name,
 * alias, phone, how to reach them, case number) are kept while the organisation may need to call
 * them, and erased the organisation's `contactRetentionDays` after that ends. Registrations,
 * assessments, enrolments and forms stay, so no figure changes; only PersonContact goes.
 *
 * Outreach's contact is needed until its case closes. An intake registration has no case, so
 * "closed" is defined here, in one place, as: the person is on none of the group course's lists.
 * They are still on one while
 * - they await their first risk assessment (the assessors' list),
 * - their latest assessment names a re-assessment date (the list of re-assessments due),
 * - they wait for a course (the waiting list),
 * - they take part in a course whose last session is today or later, or have a booked follow-up
 *   talk today or later.
 * The day it closed is the latest of: the latest assessment, leaving the waiting list, leaving a
 * course, the last session of a course they finished, the follow-up talk. The contact is erased
 * from the start (Danish time) of the day `contactRetentionDays` after it. A person who comes back
 * on a list (a corrected decision, a new assessment) has the erase date lifted again.
 */
const STATE = `
  WITH intake_people AS (
    SELECT DISTINCT ir."personId" AS person_id, ir."organizationId" AS organization_id
      FROM "IntakeRegistration" ir
      JOIN "PersonContact" pc ON pc."personId" = ir."personId"
  ), latest AS (
    SELECT DISTINCT ON (ra."personId") ra."personId" AS person_id, ra."assessedOn", ra."reassessOn"
      FROM "RiskAssessment" ra JOIN intake_people p ON p.person_id = ra."personId"
     ORDER BY ra."personId", ra."assessedOn" DESC, ra."createdAt" DESC
  ), courses AS (
    SELECT e."personId" AS person_id, e."withdrawnOn", e."followUpStatus", e."followUpOn",
           (SELECT max(s.date) FROM "CourseSession" s WHERE s."courseId" = e."courseId") AS last_session
      FROM "Enrolment" e JOIN intake_people p ON p.person_id = e."personId"
  ), state AS (
    SELECT p.person_id, p.organization_id,
           (l.person_id IS NULL
            OR l."reassessOn" IS NOT NULL
            OR EXISTS (SELECT 1 FROM "WaitingListEntry" w WHERE w."personId" = p.person_id AND w."leftOn" IS NULL)
            OR EXISTS (SELECT 1 FROM courses c WHERE c.person_id = p.person_id AND c."withdrawnOn" IS NULL
                         AND (coalesce(c.last_session, $1::date) >= $1::date
                              OR (c."followUpStatus" = 'BOOKED' AND c."followUpOn" >= $1::date)))
           ) AS on_a_list,
           GREATEST(
             l."assessedOn",
             (SELECT max(w."leftOn") FROM "WaitingListEntry" w WHERE w."personId" = p.person_id),
             (SELECT max(coalesce(c."withdrawnOn", c.last_session)) FROM courses c WHERE c.person_id = p.person_id),
             (SELECT max(c."followUpOn") FROM courses c WHERE c.person_id = p.person_id)
           ) AS closed_on
      FROM intake_people p LEFT JOIN latest l ON l.person_id = p.person_id
  )`;

/** The job's statements and the audit rows, on the caller's transaction; `now` is the clock. */
export async function applyIntakeRetention(tx: JobTransaction, now: Date): Promise<IntakeRetentionResult> {
  const today = todayInDenmark(now);
  const scheduled = await tx.$executeRawUnsafe(
    `${STATE}
     UPDATE "PersonContact" pc
        SET "eraseAfter" = ((state.closed_on + o."contactRetentionDays")::timestamp AT TIME ZONE 'Europe/Copenhagen')
       FROM state JOIN "Organization" o ON o.id = state.organization_id
      WHERE pc."personId" = state.person_id AND NOT state.on_a_list
        AND pc."eraseAfter" IS DISTINCT FROM
            ((state.closed_on + o."contactRetentionDays")::timestamp AT TIME ZONE 'Europe/Copenhagen')`,
    today,
  );
  const kept = await tx.$executeRawUnsafe(
    `${STATE}
     UPDATE "PersonContact" pc SET "eraseAfter" = NULL
       FROM state
      WHERE pc."personId" = state.person_id AND state.on_a_list AND pc."eraseAfter" IS NOT NULL`,
    today,
  );
  const erased = await tx.$queryRawUnsafe<{ person_id: string; organization_id: string }[]>(
    `DELETE FROM "PersonContact" pc
      WHERE pc."eraseAfter" <= $1::timestamptz
        AND EXISTS (SELECT 1 FROM "IntakeRegistration" ir WHERE ir."personId" = pc."personId")
     RETURNING pc."personId" AS person_id, pc."organizationId" AS organization_id`,
    now,
  );
  if (erased.length > 0) {
    await tx.auditEvent.createMany({
      data: erased.map((e) => ({
        organizationId: e.organization_id,
        personId: e.person_id,
        action: 'DELETE',
        entity: 'PersonContact',
        entityId: e.person_id,
        detail: { reason: 'retention' },
      })),
    });
  }
  return { scheduled, kept, erased: erased.length };
}

export async function runIntakeRetention(
  db: Database,
  now: Date = new Date(),
): Promise<IntakeRetentionResult> {
  return db.prisma.$transaction((tx) => applyIntakeRetention(tx, now));
}

/** Hourly, once per UTC hour across every gateway process (server.ts schedules it), as outreach's. */
export const intakeRetentionJob: PeriodicJob<IntakeRetentionResult> = {
  name: 'intake-retention',
  periodMs: 60 * 60 * 1000,
  work: applyIntakeRetention,
};
