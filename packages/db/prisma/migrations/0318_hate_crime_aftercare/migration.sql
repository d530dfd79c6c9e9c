-- CreateEnum
CREATE TYPE "HateCrimeEntryPoint" AS ENUM ('OUTREACH_CALL', 'POLICE_HATE_CRIME_UNIT', 'SELF', 'OTHER');

-- CreateEnum
CREATE TYPE "HateCrimeTrack" AS ENUM ('LEGAL_FINANCIAL', 'PSYCHOLOGICAL');

-- CreateEnum
CREATE TYPE "HateCrimeNeedAnswer" AS ENUM ('CERTAINLY', 'MAYBE', 'NO');

-- CreateEnum
CREATE TYPE "HateCrimeReferralStatus" AS ENUM ('SENT', 'ACCEPTED', 'STARTED', 'COMPLETED', 'DECLINED_BY_RECEIVER', 'NO_CONTACT', 'WITHDRAWN');

-- CreateEnum
CREATE TYPE "HateCrimeMotive" AS ENUM ('RACE_ETHNICITY', 'RELIGION', 'SEXUAL_ORIENTATION', 'GENDER_IDENTITY', 'DISABILITY', 'POLITICAL_VIEWS', 'OTHER');

-- CreateEnum
CREATE TYPE "LegalTaskKind" AS ENUM ('COMPENSATION_CLAIM', 'LOST_EARNINGS', 'REPORT_AND_CRIMINAL_CASE', 'AUTHORITY_CONTACT');

-- CreateEnum
CREATE TYPE "LegalTaskStatus" AS ENUM ('OPENED', 'IN_PROGRESS', 'CLOSED');

-- CreateEnum
CREATE TYPE "LegalTaskOutcome" AS ENUM ('GRANTED', 'REFUSED', 'HELP_GIVEN', 'HANDED_ON', 'STOPPED_BY_PERSON', 'NO_CONTACT');

-- CreateEnum
CREATE TYPE "PsychologicalSupportForm" AS ENUM ('INDIVIDUAL_SESSIONS', 'GROUP_PLACE');

-- CreateTable
CREATE TABLE "HateCrimeAftercareCase" (
    "id" UUID NOT NULL DEFAULT gen_random_uuid(),
    "organizationId" UUID NOT NULL,
    "personId" UUID NOT NULL,
    "entryPoint" "HateCrimeEntryPoint" NOT NULL,
    "outreachCaseId" UUID,
    "otherEntryText" TEXT,
    "openedOn" DATE NOT NULL,
    "closedOn" DATE,
    "createdById" UUID,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "recordKey" INTEGER NOT NULL DEFAULT (floor((random() * ('2147483648'::bigint)::double precision)))::integer,

    CONSTRAINT "HateCrimeAftercareCase_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "HateCrimeNeedsAssessment" (
    "id" UUID NOT NULL DEFAULT gen_random_uuid(),
    "organizationId" UUID NOT NULL,
    "caseId" UUID NOT NULL,
    "assessedOn" DATE NOT NULL,
    "assessedById" UUID,
    "needIndividualPsychologist" "HateCrimeNeedAnswer" NOT NULL,
    "needLegalFinancial" "HateCrimeNeedAnswer" NOT NULL,
    "needGroup" "HateCrimeNeedAnswer" NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "HateCrimeNeedsAssessment_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "HateCrimeReferral" (
    "id" UUID NOT NULL DEFAULT gen_random_uuid(),
    "organizationId" UUID NOT NULL,
    "senderOrganizationId" UUID NOT NULL,
    "caseId" UUID NOT NULL,
    "track" "HateCrimeTrack" NOT NULL,
    "status" "HateCrimeReferralStatus" NOT NULL DEFAULT 'SENT',
    "sentOn" DATE NOT NULL,
    "statusChangedOn" DATE NOT NULL,
    "startedOn" DATE,
    "consentGivenAt" TIMESTAMP(3) NOT NULL,
    "consentRecordedById" UUID,
    "sentById" UUID,
    "handlerId" UUID,
    "alias" TEXT,
    "phone" TEXT,
    "contactTimes" TEXT,
    "preferredLanguage" TEXT,
    "interpreterNeeded" BOOLEAN,
    "needFirmness" "HateCrimeNeedAnswer" NOT NULL,
    "incidentDate" DATE,
    "policeReportFiled" BOOLEAN,
    "policeJournalNumber" TEXT,
    "legalTaskKinds" "LegalTaskKind"[],
    "psychologicalForms" "PsychologicalSupportForm"[],
    "ageGroup" TEXT,
    "hateMotive" "HateCrimeMotive",
    "eraseAfter" TIMESTAMP(3),
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "recordKey" INTEGER NOT NULL DEFAULT (floor((random() * ('2147483648'::bigint)::double precision)))::integer,

    CONSTRAINT "HateCrimeReferral_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "HateCrimeLegalTask" (
    "id" UUID NOT NULL DEFAULT gen_random_uuid(),
    "organizationId" UUID NOT NULL,
    "referralId" UUID NOT NULL,
    "kind" "LegalTaskKind" NOT NULL,
    "status" "LegalTaskStatus" NOT NULL DEFAULT 'OPENED',
    "openedOn" DATE NOT NULL,
    "closedOn" DATE,
    "outcome" "LegalTaskOutcome",
    "openedById" UUID,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "HateCrimeLegalTask_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "HateCrimePsychologicalSupport" (
    "id" UUID NOT NULL DEFAULT gen_random_uuid(),
    "organizationId" UUID NOT NULL,
    "referralId" UUID NOT NULL,
    "form" "PsychologicalSupportForm" NOT NULL,
    "sessionsHeld" INTEGER,
    "lastSessionOn" DATE,
    "enrolmentId" UUID,
    "startedOn" DATE NOT NULL,
    "closedOn" DATE,
    "createdById" UUID,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "HateCrimePsychologicalSupport_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "HateCrimeAftercareCase_outreachCaseId_key" ON "HateCrimeAftercareCase"("outreachCaseId");

-- CreateIndex
CREATE INDEX "HateCrimeAftercareCase_organizationId_openedOn_idx" ON "HateCrimeAftercareCase"("organizationId", "openedOn");

-- CreateIndex
CREATE INDEX "HateCrimeAftercareCase_personId_idx" ON "HateCrimeAftercareCase"("personId");

-- CreateIndex
CREATE UNIQUE INDEX "HateCrimeNeedsAssessment_caseId_key" ON "HateCrimeNeedsAssessment"("caseId");

-- CreateIndex
CREATE INDEX "HateCrimeReferral_organizationId_status_sentOn_idx" ON "HateCrimeReferral"("organizationId", "status", "sentOn");

-- CreateIndex
CREATE INDEX "HateCrimeReferral_senderOrganizationId_sentOn_idx" ON "HateCrimeReferral"("senderOrganizationId", "sentOn");

-- CreateIndex
CREATE INDEX "HateCrimeReferral_caseId_idx" ON "HateCrimeReferral"("caseId");

-- CreateIndex
CREATE INDEX "HateCrimeLegalTask_organizationId_status_idx" ON "HateCrimeLegalTask"("organizationId", "status");

-- CreateIndex
CREATE INDEX "HateCrimeLegalTask_referralId_idx" ON "HateCrimeLegalTask"("referralId");

-- CreateIndex
CREATE UNIQUE INDEX "HateCrimePsychologicalSupport_enrolmentId_key" ON "HateCrimePsychologicalSupport"("enrolmentId");

-- CreateIndex
CREATE INDEX "HateCrimePsychologicalSupport_organizationId_idx" ON "HateCrimePsychologicalSupport"("organizationId");

-- CreateIndex
CREATE UNIQUE INDEX "HateCrimePsychologicalSupport_referralId_form_key" ON "HateCrimePsychologicalSupport"("referralId", "form");

-- AddForeignKey
ALTER TABLE "HateCrimeAftercareCase" ADD CONSTRAINT "HateCrimeAftercareCase_organizationId_fkey" FOREIGN KEY ("organizationId") REFERENCES "Organization"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "HateCrimeAftercareCase" ADD CONSTRAINT "HateCrimeAftercareCase_personId_fkey" FOREIGN KEY ("personId") REFERENCES "Person"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "HateCrimeAftercareCase" ADD CONSTRAINT "HateCrimeAftercareCase_outreachCaseId_fkey" FOREIGN KEY ("outreachCaseId") REFERENCES "OutreachCase"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "HateCrimeNeedsAssessment" ADD CONSTRAINT "HateCrimeNeedsAssessment_organizationId_fkey" FOREIGN KEY ("organizationId") REFERENCES "Organization"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "HateCrimeNeedsAssessment" ADD CONSTRAINT "HateCrimeNeedsAssessment_caseId_fkey" FOREIGN KEY ("caseId") REFERENCES "HateCrimeAftercareCase"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "HateCrimeReferral" ADD CONSTRAINT "HateCrimeReferral_organizationId_fkey" FOREIGN KEY ("organizationId") REFERENCES "Organization"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "HateCrimeReferral" ADD CONSTRAINT "HateCrimeReferral_senderOrganizationId_fkey" FOREIGN KEY ("senderOrganizationId") REFERENCES "Organization"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "HateCrimeReferral" ADD CONSTRAINT "HateCrimeReferral_caseId_fkey" FOREIGN KEY ("caseId") REFERENCES "HateCrimeAftercareCase"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "HateCrimeLegalTask" ADD CONSTRAINT "HateCrimeLegalTask_organizationId_fkey" FOREIGN KEY ("organizationId") REFERENCES "Organization"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "HateCrimeLegalTask" ADD CONSTRAINT "HateCrimeLegalTask_referralId_fkey" FOREIGN KEY ("referralId") REFERENCES "HateCrimeReferral"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "HateCrimePsychologicalSupport" ADD CONSTRAINT "HateCrimePsychologicalSupport_organizationId_fkey" FOREIGN KEY ("organizationId") REFERENCES "Organization"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "HateCrimePsychologicalSupport" ADD CONSTRAINT "HateCrimePsychologicalSupport_referralId_fkey" FOREIGN KEY ("referralId") REFERENCES "HateCrimeReferral"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "HateCrimePsychologicalSupport" ADD CONSTRAINT "HateCrimePsychologicalSupport_enrolmentId_fkey" FOREIGN KEY ("enrolmentId") REFERENCES "Enrolment"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- Hand-written part (Prisma's schema language cannot express triggers or CHECK constraints).

-- Disclosure control: the case carries its person's record key (as the other counted records,
-- migration 0304); a referral carries its case's key, so figures over cases and over referrals
-- count the same people with the same noise.
CREATE TRIGGER "HateCrimeAftercareCase_person_record_key" BEFORE INSERT OR UPDATE OF "personId" ON "HateCrimeAftercareCase"
  FOR EACH ROW EXECUTE FUNCTION "vi_person_record_key"();

CREATE FUNCTION "vi_hate_crime_case_record_key"() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
  SELECT c."recordKey" INTO NEW."recordKey" FROM "HateCrimeAftercareCase" c WHERE c.id = NEW."caseId";
  RETURN NEW;
END;
$$;
CREATE TRIGGER "HateCrimeReferral_case_record_key" BEFORE INSERT OR UPDATE OF "caseId" ON "HateCrimeReferral"
  FOR EACH ROW EXECUTE FUNCTION "vi_hate_crime_case_record_key"();

-- The entry's outreach case exactly with the outreach call (domain aftercare-case.ts).
ALTER TABLE "HateCrimeAftercareCase" ADD CONSTRAINT "HateCrimeAftercareCase_outreach_entry_check"
  CHECK (("entryPoint" = 'OUTREACH_CALL') = ("outreachCaseId" IS NOT NULL));
ALTER TABLE "HateCrimeAftercareCase" ADD CONSTRAINT "HateCrimeAftercareCase_other_entry_check"
  CHECK ("entryPoint" = 'OTHER' OR "otherEntryText" IS NULL);

-- A referral goes to another organisation; the motive only where the track needs it
-- (domain motives.ts trackMayKeepMotive); track-specific hand-over fields only on their track.
ALTER TABLE "HateCrimeReferral" ADD CONSTRAINT "HateCrimeReferral_other_organization_check"
  CHECK ("organizationId" <> "senderOrganizationId");
ALTER TABLE "HateCrimeReferral" ADD CONSTRAINT "HateCrimeReferral_motive_check"
  CHECK ("hateMotive" IS NULL OR "track" = 'PSYCHOLOGICAL'
         OR 'REPORT_AND_CRIMINAL_CASE' = ANY ("legalTaskKinds"));
ALTER TABLE "HateCrimeReferral" ADD CONSTRAINT "HateCrimeReferral_track_fields_check"
  CHECK (CASE "track"
           WHEN 'LEGAL_FINANCIAL' THEN cardinality("psychologicalForms") = 0 AND "ageGroup" IS NULL
           ELSE cardinality("legalTaskKinds") = 0 AND "incidentDate" IS NULL
                AND "policeReportFiled" IS NULL AND "policeJournalNumber" IS NULL
         END);
ALTER TABLE "HateCrimeReferral" ADD CONSTRAINT "HateCrimeReferral_need_firmness_check"
  CHECK ("needFirmness" <> 'NO');

-- A closed task has an outcome and a closing date, an open one neither (domain legal-tasks.ts).
ALTER TABLE "HateCrimeLegalTask" ADD CONSTRAINT "HateCrimeLegalTask_closed_check"
  CHECK (("status" = 'CLOSED') = ("outcome" IS NOT NULL)
         AND ("status" = 'CLOSED') = ("closedOn" IS NOT NULL));

-- Sessions are counted for individual support only; a group place is an enrolment.
ALTER TABLE "HateCrimePsychologicalSupport" ADD CONSTRAINT "HateCrimePsychologicalSupport_form_check"
  CHECK (CASE "form"
           WHEN 'INDIVIDUAL_SESSIONS' THEN "sessionsHeld" BETWEEN 0 AND 52 AND "enrolmentId" IS NULL
           ELSE "sessionsHeld" IS NULL AND "enrolmentId" IS NOT NULL
         END);
