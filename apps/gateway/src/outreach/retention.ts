import type { Database } from '@vi/db';
import type { JobTransaction, PeriodicJob } from '../scale-out/periodic-job.ts';

export interface RetentionResult {
  /** Open cases whose call window closed: now EXPIRED, with an erase date. */
  expiredCases: number;
  /** Contact rows deleted because their erase date passed. */
  erasedContacts: number;
}

/**
 * The scheduled retention job (issue 3, step 4). Two set-based statements in one
 * transaction:
 * 1. open cases whose call window has closed are closed as EXPIRED, and their
 *    contact details get an erase date (the start of the Danish day the organisation's retention
 *    period after the day of closing, the domain's contactEraseAfter);
 * 2. contact rows past their erase date are deleted.
 * Cases, incidents, referrals and attempts stay, so the statistics do not change; only
 * PersonContact (name, phone …) goes, with the counsellors' notes on the person's referral. Each erasure is written to the audit trail.
 */
export async function runRetention(db: Database, now: Date = new Date()): Promise<RetentionResult> {
  return db.prisma.$transaction((tx) => applyRetention(tx, now));
}

/** The job's two statements and the audit rows, on the caller's transaction. */
export async function applyRetention(tx: JobTransaction, now: Date): Promise<RetentionResult> {
  const expired = await tx.$queryRawUnsafe<{ person_id: string }[]>(
    `WITH closed AS (
       UPDATE "OutreachCase" c
          SET status = 'EXPIRED', "closedAt" = $1::timestamptz, "claimedById" = NULL, "claimExpiresAt" = NULL
         FROM "Organization" o
        WHERE o.id = c."organizationId" AND c.status = 'OPEN'
          AND c."callableUntil" < (($1::timestamptz AT TIME ZONE 'Europe/Copenhagen')::date)
        RETURNING c."personId", c."organizationId", o."contactRetentionDays"
     ), marked AS (
       UPDATE "PersonContact" pc
          -- The domain's contactEraseAfter in SQL: the start of the Danish day the retention
          -- period after the Danish day of closing (as the intake's retention job).
          SET "eraseAfter" = (((($1::timestamptz AT TIME ZONE 'Europe/Copenhagen')::date
                                + closed."contactRetentionDays")::timestamp) AT TIME ZONE 'Europe/Copenhagen')
         FROM closed
        WHERE pc."personId" = closed."personId"
        RETURNING pc."personId"
     )
     SELECT closed."personId" AS person_id FROM closed`,
    now,
  );
  const erased = await tx.$queryRawUnsafe<{ person_id: string; organization_id: string }[]>(
    `DELETE FROM "PersonContact" WHERE "eraseAfter" <= $1::timestamptz
     RETURNING "personId" AS person_id, "organizationId" AS organization_id`,
    now,
  );
  if (erased.length > 0) {
    // A counsellor's notes on the person's referral go with the contact details: they may name
    // or describe the person. The attempts themselves (when, what kind) stay for the statistics.
    await tx.$executeRawUnsafe(
      `UPDATE "ReferralAttempt" ra SET note = NULL
         FROM "Referral" r JOIN "OutreachCase" c ON c.id = r."caseId"
        WHERE ra."referralId" = r.id AND ra.note IS NOT NULL AND c."personId" = ANY($1::uuid[])`,
      erased.map((e) => e.person_id),
    );
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
  return { expiredCases: expired.length, erasedContacts: erased.length };
}

/**
 * Hourly, once per UTC hour across every gateway process and restart (server.ts schedules it with
 * scale-out/periodic-job.ts): two processes that both find the hour due do not both close and erase.
 */
export const retentionJob: PeriodicJob<RetentionResult> = {
  name: 'outreach-retention',
  periodMs: 60 * 60 * 1000,
  work: applyRetention,
};
