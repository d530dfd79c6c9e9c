-- AlterTable
ALTER TABLE "Enrolment" ADD COLUMN     "recordKey" INTEGER NOT NULL DEFAULT (floor(random() * 2147483648))::int;

-- AlterTable
ALTER TABLE "IntakeRegistration" ADD COLUMN     "recordKey" INTEGER NOT NULL DEFAULT (floor(random() * 2147483648))::int;

-- AlterTable
ALTER TABLE "OutreachCase" ADD COLUMN     "recordKey" INTEGER NOT NULL DEFAULT (floor(random() * 2147483648))::int;

-- AlterTable
ALTER TABLE "QuestionnaireResponse" ADD COLUMN     "recordKey" INTEGER NOT NULL DEFAULT (floor(random() * 2147483648))::int;

-- AlterTable
ALTER TABLE "WaitingListEntry" ADD COLUMN     "recordKey" INTEGER NOT NULL DEFAULT (floor(random() * 2147483648))::int;

-- CreateTable
CREATE TABLE "DisclosureSecret" (
    "id" INTEGER NOT NULL,
    "key" BYTEA NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "DisclosureSecret_pkey" PRIMARY KEY ("id")
);

-- The evaluation's index-only scans (migration 0100) now also read each case's record key:
-- every count an evaluator sees sums the keys of its records (disclosure control).
DROP INDEX "OutreachCase_evaluation_idx";
CREATE INDEX "OutreachCase_evaluation_idx" ON "OutreachCase" ("organizationId", "createdAt")
  INCLUDE (status, "incidentType", gender, role, "ageAtIncident", "declineReason", "surveyStatus", "recordKey");

DROP INDEX "OutreachCase_evaluation_referred_idx";
CREATE INDEX "OutreachCase_evaluation_referred_idx" ON "OutreachCase" ("organizationId", "createdAt")
  INCLUDE (id, "incidentType", gender, role, "ageAtIncident", "recordKey")
  WHERE status = 'REFERRED';

-- CreateIndex (the evaluation's daily limit counts an evaluator's requests of the last day)
CREATE INDEX "AuditEvent_userId_at_idx" ON "AuditEvent"("userId", "at");
