-- CreateEnum
CREATE TYPE "ReachAnswer" AS ENUM ('YES', 'NO', 'NOT_KNOWN');

-- CreateTable
CREATE TABLE "ReachAnswers" (
    "id" UUID NOT NULL DEFAULT gen_random_uuid(),
    "organizationId" UUID NOT NULL,
    "outreachCaseId" UUID,
    "intakeRegistrationId" UUID,
    "preferredLanguage" TEXT,
    "interpreterNeeded" "ReachAnswer",
    "interpreterUsed" "ReachAnswer",
    "childrenAffected" "ReachAnswer",
    "sameSexRelationship" "ReachAnswer",
    "mutualViolence" "ReachAnswer",
    "recordedById" UUID,
    "updatedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "ReachAnswers_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "ReachAnswers_outreachCaseId_key" ON "ReachAnswers"("outreachCaseId");

-- CreateIndex
CREATE UNIQUE INDEX "ReachAnswers_intakeRegistrationId_key" ON "ReachAnswers"("intakeRegistrationId");

-- CreateIndex
CREATE INDEX "ReachAnswers_organizationId_idx" ON "ReachAnswers"("organizationId");

-- AddForeignKey
ALTER TABLE "ReachAnswers" ADD CONSTRAINT "ReachAnswers_organizationId_fkey" FOREIGN KEY ("organizationId") REFERENCES "Organization"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ReachAnswers" ADD CONSTRAINT "ReachAnswers_outreachCaseId_fkey" FOREIGN KEY ("outreachCaseId") REFERENCES "OutreachCase"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ReachAnswers" ADD CONSTRAINT "ReachAnswers_intakeRegistrationId_fkey" FOREIGN KEY ("intakeRegistrationId") REFERENCES "IntakeRegistration"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- One row answers for exactly one outreach case or one intake registration.
ALTER TABLE "ReachAnswers" ADD CONSTRAINT "ReachAnswers_one_subject_check"
  CHECK (num_nonnulls("outreachCaseId", "intakeRegistrationId") = 1);
-- The domain's REACH_LANGUAGES (packages/domain/src/reach): the participant languages and 'other'.
ALTER TABLE "ReachAnswers" ADD CONSTRAINT "ReachAnswers_preferredLanguage_check"
  CHECK ("preferredLanguage" IS NULL
         OR "preferredLanguage" IN ('da', 'en', 'ar', 'tr', 'so', 'ur', 'fa', 'pl', 'uk', 'other'));
