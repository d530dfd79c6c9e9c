-- CreateEnum
CREATE TYPE "OrganizationKind" AS ENUM ('MUNICIPALITY', 'NGO');

-- CreateEnum
CREATE TYPE "PrivacyStance" AS ENUM ('ANONYMOUS', 'JOURNALISED');

-- CreateEnum
CREATE TYPE "Role" AS ENUM ('ADMIN', 'OUTREACH_WORKER', 'COUNSELLOR', 'INTAKE_COORDINATOR', 'RISK_ASSESSOR', 'GROUP_LEADER', 'PROJECT_LEAD', 'EVALUATOR');

-- CreateEnum
CREATE TYPE "Gender" AS ENUM ('MAN', 'WOMAN', 'OTHER');

-- CreateEnum
CREATE TYPE "PersonRole" AS ENUM ('VICTIM', 'WITNESS', 'RELATIVE', 'GUARDIAN');

-- CreateEnum
CREATE TYPE "IncidentType" AS ENUM ('STALKING', 'SEXUAL_OFFENCE', 'INDECENT_EXPOSURE', 'THREATS', 'ROBBERY', 'VIOLENCE', 'DEATH', 'ACCIDENT', 'BURGLARY_THEFT', 'MIXED', 'HATE_CRIME');

-- CreateEnum
CREATE TYPE "OutreachStatus" AS ENUM ('OPEN', 'NO_CONTACT_DETAILS', 'INACTIVE_TYPE', 'REFERRED', 'DECLINED', 'WILL_CALL_SELF', 'UNREACHED', 'EXPIRED');

-- CreateEnum
CREATE TYPE "CallOutcome" AS ENUM ('NOT_REACHED', 'NOT_SAFE_TO_TALK', 'WANTS_CALL', 'DECLINED', 'WILL_CALL_SELF');

-- CreateEnum
CREATE TYPE "DeclineReason" AS ENUM ('NO_NEED', 'NEEDS_SPECIALISED_OFFER', 'OTHER');

-- CreateEnum
CREATE TYPE "SurveyStatus" AS ENUM ('OFFERED_ACCEPTED', 'OFFERED_DECLINED', 'NOT_APPROPRIATE_LANGUAGE', 'NOT_APPROPRIATE_TECHNICAL', 'NOT_APPROPRIATE_ETHICAL', 'NOT_OFFERED');

-- CreateEnum
CREATE TYPE "ReferralStatus" AS ENUM ('OPEN', 'TAKEN', 'CONVERSATION_HELD', 'REGISTERED_OTHER', 'LOST');

-- CreateEnum
CREATE TYPE "LostReason" AS ENUM ('NOT_REACHED', 'NO_SHOW', 'CANCELLED');

-- CreateEnum
CREATE TYPE "RiskRoute" AS ENUM ('GROUP_COURSE', 'INDIVIDUAL_COURSE', 'SHELTER', 'NO_RISK_NO_REFERRAL', 'DECLINED', 'OTHER_SUPPORT');

-- CreateEnum
CREATE TYPE "FollowUpStatus" AS ENUM ('BOOKED', 'HELD', 'CANCELLED');

-- CreateEnum
CREATE TYPE "QuestionnaireKind" AS ENUM ('REGISTRATION', 'BASELINE', 'END');

-- CreateEnum
CREATE TYPE "InterventionModel" AS ENUM ('OUTREACH', 'GROUP_COURSE');

-- CreateTable
CREATE TABLE "Organization" (
    "id" UUID NOT NULL DEFAULT gen_random_uuid(),
    "slug" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "kind" "OrganizationKind" NOT NULL,
    "stance" "PrivacyStance" NOT NULL,
    "callDelayDays" INTEGER NOT NULL DEFAULT 2,
    "callWindowDays" INTEGER NOT NULL DEFAULT 30,
    "maxCallAttempts" INTEGER NOT NULL DEFAULT 3,
    "claimMinutes" INTEGER NOT NULL DEFAULT 15,
    "contactRetentionDays" INTEGER NOT NULL DEFAULT 90,
    "waitingLimitDays" INTEGER NOT NULL DEFAULT 42,
    "callScript" TEXT,
    "safeContactGuidance" TEXT,
    "riskLevels" TEXT[] DEFAULT ARRAY['LOW', 'MODERATE', 'HIGH']::TEXT[],
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "Organization_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "User" (
    "id" UUID NOT NULL DEFAULT gen_random_uuid(),
    "email" TEXT NOT NULL,
    "displayName" TEXT NOT NULL,
    "passwordHash" TEXT NOT NULL,
    "locale" TEXT NOT NULL DEFAULT 'da',
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "disabledAt" TIMESTAMP(3),

    CONSTRAINT "User_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Membership" (
    "id" UUID NOT NULL DEFAULT gen_random_uuid(),
    "userId" UUID NOT NULL,
    "organizationId" UUID NOT NULL,
    "role" "Role" NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "Membership_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Session" (
    "id" TEXT NOT NULL,
    "userId" UUID NOT NULL,
    "activeOrganizationId" UUID,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "lastSeenAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "expiresAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "Session_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "AuditEvent" (
    "id" BIGSERIAL NOT NULL,
    "at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "userId" UUID,
    "organizationId" UUID,
    "personId" UUID,
    "action" TEXT NOT NULL,
    "entity" TEXT NOT NULL,
    "entityId" TEXT,
    "requestId" TEXT,
    "detail" JSONB,

    CONSTRAINT "AuditEvent_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Person" (
    "id" UUID NOT NULL DEFAULT gen_random_uuid(),
    "organizationId" UUID NOT NULL,
    "pseudonym" TEXT NOT NULL,
    "gender" "Gender",
    "birthYear" INTEGER,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "Person_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "PersonContact" (
    "personId" UUID NOT NULL,
    "organizationId" UUID NOT NULL,
    "name" TEXT,
    "alias" TEXT,
    "phone" TEXT,
    "email" TEXT,
    "caseReference" TEXT,
    "reachNote" TEXT,
    "eraseAfter" TIMESTAMP(3),
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "PersonContact_pkey" PRIMARY KEY ("personId")
);

-- CreateTable
CREATE TABLE "IncidentTypeSetting" (
    "organizationId" UUID NOT NULL,
    "type" "IncidentType" NOT NULL,
    "activeForOutreach" BOOLEAN NOT NULL DEFAULT true,
    "priority" INTEGER NOT NULL DEFAULT 0,

    CONSTRAINT "IncidentTypeSetting_pkey" PRIMARY KEY ("organizationId","type")
);

-- CreateTable
CREATE TABLE "ImportBatch" (
    "id" UUID NOT NULL DEFAULT gen_random_uuid(),
    "organizationId" UUID NOT NULL,
    "uploadedById" UUID NOT NULL,
    "fileName" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "rowCount" INTEGER NOT NULL,
    "importedCount" INTEGER NOT NULL,
    "rejectedCount" INTEGER NOT NULL,
    "noContactCount" INTEGER NOT NULL,
    "inactiveTypeCount" INTEGER NOT NULL,

    CONSTRAINT "ImportBatch_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Incident" (
    "id" UUID NOT NULL DEFAULT gen_random_uuid(),
    "organizationId" UUID NOT NULL,
    "occurredOn" DATE NOT NULL,
    "type" "IncidentType" NOT NULL,
    "hateMotive" TEXT,
    "importBatchId" UUID,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "Incident_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "OutreachCase" (
    "id" UUID NOT NULL DEFAULT gen_random_uuid(),
    "organizationId" UUID NOT NULL,
    "personId" UUID NOT NULL,
    "incidentId" UUID NOT NULL,
    "role" "PersonRole" NOT NULL,
    "ageAtIncident" INTEGER,
    "gender" "Gender",
    "incidentType" "IncidentType" NOT NULL,
    "status" "OutreachStatus" NOT NULL,
    "callableFrom" DATE NOT NULL,
    "callableUntil" DATE NOT NULL,
    "claimedById" UUID,
    "claimExpiresAt" TIMESTAMP(3),
    "attemptCount" INTEGER NOT NULL DEFAULT 0,
    "nextAttemptAfter" TIMESTAMP(3),
    "outcome" "CallOutcome",
    "declineReason" "DeclineReason",
    "declineReasonText" TEXT,
    "surveyStatus" "SurveyStatus",
    "reachedAt" TIMESTAMP(3),
    "closedAt" TIMESTAMP(3),
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "OutreachCase_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "CallAttempt" (
    "id" UUID NOT NULL DEFAULT gen_random_uuid(),
    "organizationId" UUID NOT NULL,
    "caseId" UUID NOT NULL,
    "workerId" UUID,
    "at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "outcome" "CallOutcome" NOT NULL,

    CONSTRAINT "CallAttempt_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Referral" (
    "id" UUID NOT NULL DEFAULT gen_random_uuid(),
    "organizationId" UUID NOT NULL,
    "caseId" UUID NOT NULL,
    "consentAt" TIMESTAMP(3) NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "status" "ReferralStatus" NOT NULL DEFAULT 'OPEN',
    "counsellorId" UUID,
    "takenAt" TIMESTAMP(3),
    "closedAt" TIMESTAMP(3),
    "lostReason" "LostReason",

    CONSTRAINT "Referral_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "IntakeRegistration" (
    "id" UUID NOT NULL DEFAULT gen_random_uuid(),
    "organizationId" UUID NOT NULL,
    "personId" UUID NOT NULL,
    "registeredById" UUID,
    "registeredOn" DATE NOT NULL,
    "answers" JSONB NOT NULL,
    "gender" "Gender",
    "ageYears" INTEGER,
    "heardFrom" TEXT[],
    "referredTo" "RiskRoute"[],
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "IntakeRegistration_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "RiskAssessment" (
    "id" UUID NOT NULL DEFAULT gen_random_uuid(),
    "organizationId" UUID NOT NULL,
    "personId" UUID NOT NULL,
    "assessorId" UUID,
    "assessedOn" DATE NOT NULL,
    "riskLevel" TEXT,
    "safetyPlan" TEXT,
    "reassessOn" DATE,
    "routes" "RiskRoute"[],
    "otherSupport" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "RiskAssessment_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "WaitingListEntry" (
    "id" UUID NOT NULL DEFAULT gen_random_uuid(),
    "organizationId" UUID NOT NULL,
    "personId" UUID NOT NULL,
    "since" DATE NOT NULL,
    "leftOn" DATE,
    "leftReason" TEXT,

    CONSTRAINT "WaitingListEntry_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ModulePlan" (
    "id" UUID NOT NULL DEFAULT gen_random_uuid(),
    "organizationId" UUID,
    "name" TEXT NOT NULL,
    "modules" TEXT[],
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "ModulePlan_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Course" (
    "id" UUID NOT NULL DEFAULT gen_random_uuid(),
    "organizationId" UUID NOT NULL,
    "modulePlanId" UUID,
    "name" TEXT NOT NULL,
    "venue" TEXT NOT NULL,
    "startsOn" DATE NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "Course_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "CourseLeader" (
    "courseId" UUID NOT NULL,
    "userId" UUID NOT NULL,

    CONSTRAINT "CourseLeader_pkey" PRIMARY KEY ("courseId","userId")
);

-- CreateTable
CREATE TABLE "CourseSession" (
    "id" UUID NOT NULL DEFAULT gen_random_uuid(),
    "courseId" UUID NOT NULL,
    "number" INTEGER NOT NULL,
    "date" DATE NOT NULL,
    "title" TEXT NOT NULL,

    CONSTRAINT "CourseSession_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Enrolment" (
    "id" UUID NOT NULL DEFAULT gen_random_uuid(),
    "organizationId" UUID NOT NULL,
    "courseId" UUID NOT NULL,
    "personId" UUID NOT NULL,
    "participantCode" TEXT NOT NULL,
    "enrolledAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "withdrawnOn" DATE,
    "followUpStatus" "FollowUpStatus",
    "followUpOn" DATE,

    CONSTRAINT "Enrolment_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Attendance" (
    "sessionId" UUID NOT NULL,
    "enrolmentId" UUID NOT NULL,
    "present" BOOLEAN NOT NULL,
    "recordedById" UUID,
    "recordedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "Attendance_pkey" PRIMARY KEY ("sessionId","enrolmentId")
);

-- CreateTable
CREATE TABLE "FormLink" (
    "id" UUID NOT NULL DEFAULT gen_random_uuid(),
    "tokenHash" TEXT NOT NULL,
    "organizationId" UUID NOT NULL,
    "participantCode" TEXT NOT NULL,
    "kind" "QuestionnaireKind" NOT NULL,
    "createdById" UUID,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "expiresAt" TIMESTAMP(3) NOT NULL,
    "usedAt" TIMESTAMP(3),

    CONSTRAINT "FormLink_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "QuestionnaireResponse" (
    "id" UUID NOT NULL DEFAULT gen_random_uuid(),
    "organizationId" UUID NOT NULL,
    "courseId" UUID,
    "participantCode" TEXT NOT NULL,
    "kind" "QuestionnaireKind" NOT NULL,
    "submittedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "answers" JSONB NOT NULL,
    "inspireOScore" DOUBLE PRECISION,
    "inspireScore" DOUBLE PRECISION,

    CONSTRAINT "QuestionnaireResponse_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "CostInput" (
    "id" UUID NOT NULL DEFAULT gen_random_uuid(),
    "organizationId" UUID NOT NULL,
    "model" "InterventionModel" NOT NULL,
    "year" INTEGER NOT NULL,
    "ruleVersion" TEXT NOT NULL,
    "inputs" JSONB NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "CostInput_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "Organization_slug_key" ON "Organization"("slug");

-- CreateIndex
CREATE UNIQUE INDEX "User_email_key" ON "User"("email");

-- CreateIndex
CREATE INDEX "Membership_organizationId_idx" ON "Membership"("organizationId");

-- CreateIndex
CREATE UNIQUE INDEX "Membership_userId_organizationId_role_key" ON "Membership"("userId", "organizationId", "role");

-- CreateIndex
CREATE INDEX "Session_userId_idx" ON "Session"("userId");

-- CreateIndex
CREATE INDEX "AuditEvent_organizationId_at_idx" ON "AuditEvent"("organizationId", "at");

-- CreateIndex
CREATE INDEX "AuditEvent_personId_idx" ON "AuditEvent"("personId");

-- CreateIndex
CREATE UNIQUE INDEX "Person_organizationId_pseudonym_key" ON "Person"("organizationId", "pseudonym");

-- CreateIndex
CREATE INDEX "PersonContact_eraseAfter_idx" ON "PersonContact"("eraseAfter");

-- CreateIndex
CREATE INDEX "Incident_organizationId_occurredOn_idx" ON "Incident"("organizationId", "occurredOn");

-- CreateIndex
CREATE INDEX "OutreachCase_organizationId_status_callableFrom_idx" ON "OutreachCase"("organizationId", "status", "callableFrom");

-- CreateIndex
CREATE INDEX "OutreachCase_organizationId_createdAt_idx" ON "OutreachCase"("organizationId", "createdAt");

-- CreateIndex
CREATE INDEX "OutreachCase_personId_idx" ON "OutreachCase"("personId");

-- CreateIndex
CREATE INDEX "CallAttempt_caseId_idx" ON "CallAttempt"("caseId");

-- CreateIndex
CREATE UNIQUE INDEX "Referral_caseId_key" ON "Referral"("caseId");

-- CreateIndex
CREATE INDEX "Referral_organizationId_status_createdAt_idx" ON "Referral"("organizationId", "status", "createdAt");

-- CreateIndex
CREATE INDEX "IntakeRegistration_organizationId_registeredOn_idx" ON "IntakeRegistration"("organizationId", "registeredOn");

-- CreateIndex
CREATE INDEX "RiskAssessment_organizationId_reassessOn_idx" ON "RiskAssessment"("organizationId", "reassessOn");

-- CreateIndex
CREATE INDEX "WaitingListEntry_organizationId_leftOn_idx" ON "WaitingListEntry"("organizationId", "leftOn");

-- CreateIndex
CREATE INDEX "Course_organizationId_startsOn_idx" ON "Course"("organizationId", "startsOn");

-- CreateIndex
CREATE UNIQUE INDEX "CourseSession_courseId_number_key" ON "CourseSession"("courseId", "number");

-- CreateIndex
CREATE UNIQUE INDEX "Enrolment_participantCode_key" ON "Enrolment"("participantCode");

-- CreateIndex
CREATE UNIQUE INDEX "Enrolment_courseId_personId_key" ON "Enrolment"("courseId", "personId");

-- CreateIndex
CREATE INDEX "Attendance_enrolmentId_idx" ON "Attendance"("enrolmentId");

-- CreateIndex
CREATE UNIQUE INDEX "FormLink_tokenHash_key" ON "FormLink"("tokenHash");

-- CreateIndex
CREATE INDEX "FormLink_participantCode_idx" ON "FormLink"("participantCode");

-- CreateIndex
CREATE INDEX "QuestionnaireResponse_organizationId_kind_idx" ON "QuestionnaireResponse"("organizationId", "kind");

-- CreateIndex
CREATE UNIQUE INDEX "QuestionnaireResponse_participantCode_kind_key" ON "QuestionnaireResponse"("participantCode", "kind");

-- CreateIndex
CREATE UNIQUE INDEX "CostInput_organizationId_model_year_key" ON "CostInput"("organizationId", "model", "year");

-- AddForeignKey
ALTER TABLE "Membership" ADD CONSTRAINT "Membership_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Membership" ADD CONSTRAINT "Membership_organizationId_fkey" FOREIGN KEY ("organizationId") REFERENCES "Organization"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Session" ADD CONSTRAINT "Session_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Person" ADD CONSTRAINT "Person_organizationId_fkey" FOREIGN KEY ("organizationId") REFERENCES "Organization"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "PersonContact" ADD CONSTRAINT "PersonContact_personId_fkey" FOREIGN KEY ("personId") REFERENCES "Person"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "IncidentTypeSetting" ADD CONSTRAINT "IncidentTypeSetting_organizationId_fkey" FOREIGN KEY ("organizationId") REFERENCES "Organization"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ImportBatch" ADD CONSTRAINT "ImportBatch_organizationId_fkey" FOREIGN KEY ("organizationId") REFERENCES "Organization"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Incident" ADD CONSTRAINT "Incident_organizationId_fkey" FOREIGN KEY ("organizationId") REFERENCES "Organization"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Incident" ADD CONSTRAINT "Incident_importBatchId_fkey" FOREIGN KEY ("importBatchId") REFERENCES "ImportBatch"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "OutreachCase" ADD CONSTRAINT "OutreachCase_organizationId_fkey" FOREIGN KEY ("organizationId") REFERENCES "Organization"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "OutreachCase" ADD CONSTRAINT "OutreachCase_personId_fkey" FOREIGN KEY ("personId") REFERENCES "Person"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "OutreachCase" ADD CONSTRAINT "OutreachCase_incidentId_fkey" FOREIGN KEY ("incidentId") REFERENCES "Incident"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "OutreachCase" ADD CONSTRAINT "OutreachCase_claimedById_fkey" FOREIGN KEY ("claimedById") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "CallAttempt" ADD CONSTRAINT "CallAttempt_caseId_fkey" FOREIGN KEY ("caseId") REFERENCES "OutreachCase"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "CallAttempt" ADD CONSTRAINT "CallAttempt_workerId_fkey" FOREIGN KEY ("workerId") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Referral" ADD CONSTRAINT "Referral_organizationId_fkey" FOREIGN KEY ("organizationId") REFERENCES "Organization"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Referral" ADD CONSTRAINT "Referral_caseId_fkey" FOREIGN KEY ("caseId") REFERENCES "OutreachCase"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Referral" ADD CONSTRAINT "Referral_counsellorId_fkey" FOREIGN KEY ("counsellorId") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "IntakeRegistration" ADD CONSTRAINT "IntakeRegistration_organizationId_fkey" FOREIGN KEY ("organizationId") REFERENCES "Organization"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "IntakeRegistration" ADD CONSTRAINT "IntakeRegistration_personId_fkey" FOREIGN KEY ("personId") REFERENCES "Person"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "RiskAssessment" ADD CONSTRAINT "RiskAssessment_organizationId_fkey" FOREIGN KEY ("organizationId") REFERENCES "Organization"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "RiskAssessment" ADD CONSTRAINT "RiskAssessment_personId_fkey" FOREIGN KEY ("personId") REFERENCES "Person"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "WaitingListEntry" ADD CONSTRAINT "WaitingListEntry_organizationId_fkey" FOREIGN KEY ("organizationId") REFERENCES "Organization"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "WaitingListEntry" ADD CONSTRAINT "WaitingListEntry_personId_fkey" FOREIGN KEY ("personId") REFERENCES "Person"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ModulePlan" ADD CONSTRAINT "ModulePlan_organizationId_fkey" FOREIGN KEY ("organizationId") REFERENCES "Organization"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Course" ADD CONSTRAINT "Course_organizationId_fkey" FOREIGN KEY ("organizationId") REFERENCES "Organization"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Course" ADD CONSTRAINT "Course_modulePlanId_fkey" FOREIGN KEY ("modulePlanId") REFERENCES "ModulePlan"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "CourseLeader" ADD CONSTRAINT "CourseLeader_courseId_fkey" FOREIGN KEY ("courseId") REFERENCES "Course"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "CourseLeader" ADD CONSTRAINT "CourseLeader_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "CourseSession" ADD CONSTRAINT "CourseSession_courseId_fkey" FOREIGN KEY ("courseId") REFERENCES "Course"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Enrolment" ADD CONSTRAINT "Enrolment_courseId_fkey" FOREIGN KEY ("courseId") REFERENCES "Course"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Enrolment" ADD CONSTRAINT "Enrolment_personId_fkey" FOREIGN KEY ("personId") REFERENCES "Person"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Attendance" ADD CONSTRAINT "Attendance_sessionId_fkey" FOREIGN KEY ("sessionId") REFERENCES "CourseSession"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Attendance" ADD CONSTRAINT "Attendance_enrolmentId_fkey" FOREIGN KEY ("enrolmentId") REFERENCES "Enrolment"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "QuestionnaireResponse" ADD CONSTRAINT "QuestionnaireResponse_organizationId_fkey" FOREIGN KEY ("organizationId") REFERENCES "Organization"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "CostInput" ADD CONSTRAINT "CostInput_organizationId_fkey" FOREIGN KEY ("organizationId") REFERENCES "Organization"("id") ON DELETE CASCADE ON UPDATE CASCADE;
