-- CreateEnum
CREATE TYPE "ReferralAttemptKind" AS ENUM ('NOT_REACHED', 'NOT_SAFE_TO_TALK', 'NEW_TIME_AGREED', 'NOTE');

-- CreateTable
CREATE TABLE "ReferralAttempt" (
    "id" UUID NOT NULL DEFAULT gen_random_uuid(),
    "organizationId" UUID NOT NULL,
    "referralId" UUID NOT NULL,
    "counsellorId" UUID,
    "at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "kind" "ReferralAttemptKind" NOT NULL,
    "note" TEXT,

    CONSTRAINT "ReferralAttempt_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "ReferralAttempt_referralId_at_idx" ON "ReferralAttempt"("referralId", "at");

-- AddForeignKey
ALTER TABLE "ReferralAttempt" ADD CONSTRAINT "ReferralAttempt_referralId_fkey" FOREIGN KEY ("referralId") REFERENCES "Referral"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ReferralAttempt" ADD CONSTRAINT "ReferralAttempt_counsellorId_fkey" FOREIGN KEY ("counsellorId") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;
