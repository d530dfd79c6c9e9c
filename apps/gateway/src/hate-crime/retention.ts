// Erasure of a closed referral's handed-over contact text (alias, phone, contact times,
// language, police case number) at the receiving organisation after its retention period, as
// outreach erases PersonContact (outreach/retention.ts). The referral row, its status, dates
// and coded fields stay, so the statuses the sender sees and the evaluation's figures do not change.
import type { JobTransaction, PeriodicJob } from '../scale-out/periodic-job.ts';

export interface HateCrimeRetentionResult {
  /** Referrals whose handed-over contact text was erased in this run. */
  erasedReferrals: number;
}

export async function applyHateCrimeRetention(
  tx: JobTransaction,
  now: Date,
): Promise<HateCrimeRetentionResult> {
  const erased = await tx.$queryRawUnsafe<{ id: string; organization_id: string }[]>(
    `UPDATE "HateCrimeReferral"
        SET alias = NULL, phone = NULL, "contactTimes" = NULL, "preferredLanguage" = NULL,
            "policeJournalNumber" = NULL, "eraseAfter" = NULL
      WHERE "eraseAfter" <= $1::timestamptz
      RETURNING id::text AS id, "organizationId"::text AS organization_id`,
    now,
  );
  if (erased.length > 0) {
    await tx.auditEvent.createMany({
      data: erased.map((e) => ({
        organizationId: e.organization_id,
        action: 'DELETE',
        entity: 'HateCrimeReferral',
        entityId: e.id,
        detail: { reason: 'retention', fields: 'contact' },
      })),
    });
  }
  return { erasedReferrals: erased.length };
}

/** Hourly, once per UTC hour across every gateway process (scheduled in server.ts). */
export const hateCrimeRetentionJob: PeriodicJob<HateCrimeRetentionResult> = {
  name: 'hate-crime-retention',
  periodMs: 60 * 60 * 1000,
  work: applyHateCrimeRetention,
};
