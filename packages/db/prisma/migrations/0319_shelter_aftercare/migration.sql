-- CreateEnum
CREATE TYPE "StayPersonRole" AS ENUM ('WOMAN', 'CHILD');

-- CreateEnum
CREATE TYPE "CounsellingArea" AS ENUM ('HOUSING', 'FINANCES', 'WORK', 'SCHOOL', 'DAY_CARE', 'HEALTH');

-- CreateEnum
CREATE TYPE "CounsellingItemStatus" AS ENUM ('NOT_STARTED', 'IN_PROGRESS', 'DONE', 'NOT_RELEVANT');

-- CreateEnum
CREATE TYPE "CivilSocietyOffer" AS ENUM ('QNET', 'FRA_BOLIG_TIL_HJEM', 'OTHER');

-- CreateEnum
CREATE TYPE "CivilSocietyReferralStatus" AS ENUM ('OFFERED', 'DECLINED', 'REFERRED', 'STARTED', 'NOT_STARTED', 'ENDED');

-- CreateEnum
CREATE TYPE "CivilSocietyOutcome" AS ENUM ('COMPLETED', 'STOPPED_EARLY', 'NO_CONTACT', 'NO_PLACE', 'CHANGED_MIND');

-- CreateEnum
CREATE TYPE "StartUpHelpNeedKind" AS ENUM ('DEPOSIT', 'MOVING', 'FURNITURE', 'CLOTHES', 'TOYS');

-- CreateEnum
CREATE TYPE "StartUpHelpStatus" AS ENUM ('NEEDED', 'APPLIED', 'MET', 'NOT_MET');

-- CreateTable
CREATE TABLE "ShelterStay" (
    "id" UUID NOT NULL DEFAULT gen_random_uuid(),
    "organizationId" UUID NOT NULL,
    "personId" UUID NOT NULL,
    "personKey" TEXT,
    "admittedOn" DATE NOT NULL,
    "plannedMoveOutOn" DATE,
    "movedOutOn" DATE,
    "repeatStay" BOOLEAN NOT NULL DEFAULT false,
    "recordKey" INTEGER NOT NULL DEFAULT (floor((random() * ('2147483648'::bigint)::double precision)))::integer,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "ShelterStay_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ShelterStayChild" (
    "id" UUID NOT NULL DEFAULT gen_random_uuid(),
    "organizationId" UUID NOT NULL,
    "stayId" UUID NOT NULL,
    "personId" UUID NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "ShelterStayChild_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "CounsellingItem" (
    "id" UUID NOT NULL DEFAULT gen_random_uuid(),
    "organizationId" UUID NOT NULL,
    "stayId" UUID NOT NULL,
    "area" "CounsellingArea" NOT NULL,
    "status" "CounsellingItemStatus" NOT NULL DEFAULT 'NOT_STARTED',
    "dueOn" DATE NOT NULL,
    "completedOn" DATE,
    "updatedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "CounsellingItem_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "PsychologistHours" (
    "id" UUID NOT NULL DEFAULT gen_random_uuid(),
    "organizationId" UUID NOT NULL,
    "stayId" UUID NOT NULL,
    "personId" UUID NOT NULL,
    "role" "StayPersonRole" NOT NULL,
    "booked" DECIMAL(4,2) NOT NULL DEFAULT 0,
    "used" DECIMAL(4,2) NOT NULL DEFAULT 0,
    "updatedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "PsychologistHours_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "CivilSocietyOwnOffer" (
    "id" UUID NOT NULL DEFAULT gen_random_uuid(),
    "organizationId" UUID NOT NULL,
    "name" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "CivilSocietyOwnOffer_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "CivilSocietyReferral" (
    "id" UUID NOT NULL DEFAULT gen_random_uuid(),
    "organizationId" UUID NOT NULL,
    "stayId" UUID NOT NULL,
    "offer" "CivilSocietyOffer" NOT NULL,
    "ownOfferId" UUID,
    "status" "CivilSocietyReferralStatus" NOT NULL DEFAULT 'OFFERED',
    "offeredOn" DATE NOT NULL,
    "consentGivenOn" DATE,
    "referredOn" DATE,
    "startedOn" DATE,
    "outcome" "CivilSocietyOutcome",
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "CivilSocietyReferral_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "StartUpHelpNeed" (
    "id" UUID NOT NULL DEFAULT gen_random_uuid(),
    "organizationId" UUID NOT NULL,
    "stayId" UUID NOT NULL,
    "need" "StartUpHelpNeedKind" NOT NULL,
    "status" "StartUpHelpStatus" NOT NULL DEFAULT 'NEEDED',
    "amount" INTEGER,
    "updatedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "StartUpHelpNeed_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "ShelterStay_organizationId_admittedOn_idx" ON "ShelterStay"("organizationId", "admittedOn");

-- CreateIndex
CREATE INDEX "ShelterStay_personId_admittedOn_idx" ON "ShelterStay"("personId", "admittedOn");

-- CreateIndex
CREATE INDEX "ShelterStay_personKey_admittedOn_idx" ON "ShelterStay"("personKey", "admittedOn");

-- CreateIndex
CREATE INDEX "ShelterStayChild_organizationId_idx" ON "ShelterStayChild"("organizationId");

-- CreateIndex
CREATE INDEX "ShelterStayChild_personId_idx" ON "ShelterStayChild"("personId");

-- CreateIndex
CREATE UNIQUE INDEX "ShelterStayChild_stayId_personId_key" ON "ShelterStayChild"("stayId", "personId");

-- CreateIndex
CREATE INDEX "CounsellingItem_organizationId_idx" ON "CounsellingItem"("organizationId");

-- CreateIndex
CREATE UNIQUE INDEX "CounsellingItem_stayId_area_key" ON "CounsellingItem"("stayId", "area");

-- CreateIndex
CREATE INDEX "PsychologistHours_organizationId_idx" ON "PsychologistHours"("organizationId");

-- CreateIndex
CREATE UNIQUE INDEX "PsychologistHours_stayId_personId_key" ON "PsychologistHours"("stayId", "personId");

-- CreateIndex
CREATE UNIQUE INDEX "CivilSocietyOwnOffer_organizationId_name_key" ON "CivilSocietyOwnOffer"("organizationId", "name");

-- CreateIndex
CREATE INDEX "CivilSocietyReferral_stayId_idx" ON "CivilSocietyReferral"("stayId");

-- CreateIndex
CREATE INDEX "CivilSocietyReferral_organizationId_offer_idx" ON "CivilSocietyReferral"("organizationId", "offer");

-- CreateIndex
CREATE INDEX "StartUpHelpNeed_organizationId_idx" ON "StartUpHelpNeed"("organizationId");

-- CreateIndex
CREATE UNIQUE INDEX "StartUpHelpNeed_stayId_need_key" ON "StartUpHelpNeed"("stayId", "need");

-- AddForeignKey
ALTER TABLE "ShelterStay" ADD CONSTRAINT "ShelterStay_organizationId_fkey" FOREIGN KEY ("organizationId") REFERENCES "Organization"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ShelterStay" ADD CONSTRAINT "ShelterStay_personId_fkey" FOREIGN KEY ("personId") REFERENCES "Person"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ShelterStayChild" ADD CONSTRAINT "ShelterStayChild_stayId_fkey" FOREIGN KEY ("stayId") REFERENCES "ShelterStay"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ShelterStayChild" ADD CONSTRAINT "ShelterStayChild_personId_fkey" FOREIGN KEY ("personId") REFERENCES "Person"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "CounsellingItem" ADD CONSTRAINT "CounsellingItem_stayId_fkey" FOREIGN KEY ("stayId") REFERENCES "ShelterStay"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "PsychologistHours" ADD CONSTRAINT "PsychologistHours_stayId_fkey" FOREIGN KEY ("stayId") REFERENCES "ShelterStay"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "PsychologistHours" ADD CONSTRAINT "PsychologistHours_personId_fkey" FOREIGN KEY ("personId") REFERENCES "Person"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "CivilSocietyOwnOffer" ADD CONSTRAINT "CivilSocietyOwnOffer_organizationId_fkey" FOREIGN KEY ("organizationId") REFERENCES "Organization"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "CivilSocietyReferral" ADD CONSTRAINT "CivilSocietyReferral_stayId_fkey" FOREIGN KEY ("stayId") REFERENCES "ShelterStay"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "CivilSocietyReferral" ADD CONSTRAINT "CivilSocietyReferral_ownOfferId_fkey" FOREIGN KEY ("ownOfferId") REFERENCES "CivilSocietyOwnOffer"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "StartUpHelpNeed" ADD CONSTRAINT "StartUpHelpNeed_stayId_fkey" FOREIGN KEY ("stayId") REFERENCES "ShelterStay"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- Hand-written (Prisma's schema language cannot express triggers or CHECK constraints).
-- A stay carries the woman's disclosure record key, like every counted record (migration 0304).
CREATE TRIGGER "ShelterStay_person_record_key" BEFORE INSERT OR UPDATE OF "personId" ON "ShelterStay"
  FOR EACH ROW EXECUTE FUNCTION "vi_person_record_key"();

-- The domain's rules the database can hold on one row, so no code path stores what the gateway refuses.
ALTER TABLE "ShelterStay" ADD CONSTRAINT "ShelterStay_move_out_not_before_admission"
  CHECK ("movedOutOn" IS NULL OR "movedOutOn" >= "admittedOn");
ALTER TABLE "ShelterStay" ADD CONSTRAINT "ShelterStay_planned_move_out_not_before_admission"
  CHECK ("plannedMoveOutOn" IS NULL OR "plannedMoveOutOn" >= "admittedOn");
-- Up to 10 hours per person (PSYCHOLOGIST_HOURS_PER_PERSON), used no more than booked, quarter hours.
ALTER TABLE "PsychologistHours" ADD CONSTRAINT "PsychologistHours_entitlement"
  CHECK ("booked" >= 0 AND "booked" <= 10 AND "used" >= 0 AND "used" <= "booked"
         AND "booked" * 4 = floor("booked" * 4) AND "used" * 4 = floor("used" * 4));
ALTER TABLE "CounsellingItem" ADD CONSTRAINT "CounsellingItem_completed_only_when_done"
  CHECK (("status" = 'DONE') = ("completedOn" IS NOT NULL));
ALTER TABLE "CivilSocietyReferral" ADD CONSTRAINT "CivilSocietyReferral_own_offer_with_other"
  CHECK (("offer" = 'OTHER') = ("ownOfferId" IS NOT NULL));
ALTER TABLE "CivilSocietyReferral" ADD CONSTRAINT "CivilSocietyReferral_consent_before_referral"
  CHECK ("status" IN ('OFFERED', 'DECLINED')
         OR ("consentGivenOn" IS NOT NULL AND "referredOn" IS NOT NULL AND "consentGivenOn" <= "referredOn"));
ALTER TABLE "StartUpHelpNeed" ADD CONSTRAINT "StartUpHelpNeed_amount_not_negative"
  CHECK ("amount" IS NULL OR "amount" >= 0);
