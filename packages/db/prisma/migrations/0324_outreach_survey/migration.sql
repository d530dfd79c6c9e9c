-- CreateEnum
CREATE TYPE "OutreachSurveyFollowUpChannel" AS ENUM ('PHONE', 'EMAIL');

-- CreateTable
CREATE TABLE "OutreachSurveyLink" (
    "id" UUID NOT NULL DEFAULT gen_random_uuid(),
    "tokenHash" TEXT NOT NULL,
    "organizationId" UUID NOT NULL,
    "caseId" UUID NOT NULL,
    "createdById" UUID,
    "sentAt" TIMESTAMP(3) NOT NULL,
    "expiresAt" TIMESTAMP(3) NOT NULL,
    "openedAt" TIMESTAMP(3),
    "answeredAt" TIMESTAMP(3),

    CONSTRAINT "OutreachSurveyLink_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "OutreachSurveyResponse" (
    "id" UUID NOT NULL DEFAULT gen_random_uuid(),
    "organizationId" UUID NOT NULL,
    "respondentCode" TEXT NOT NULL,
    "language" TEXT NOT NULL,
    "submittedMonth" DATE NOT NULL,
    "answers" JSONB NOT NULL,
    "answersSealed" TEXT NOT NULL,
    "recordKey" INTEGER NOT NULL DEFAULT (floor((random() * ('2147483648'::bigint)::double precision)))::integer,

    CONSTRAINT "OutreachSurveyResponse_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "OutreachSurveyFollowUp" (
    "id" UUID NOT NULL DEFAULT gen_random_uuid(),
    "organizationId" UUID NOT NULL,
    "channel" "OutreachSurveyFollowUpChannel" NOT NULL,
    "contact" TEXT,
    "createdOn" DATE NOT NULL,
    "doneAt" TIMESTAMP(3),
    "doneById" UUID,

    CONSTRAINT "OutreachSurveyFollowUp_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "OutreachSurveyLink_tokenHash_key" ON "OutreachSurveyLink"("tokenHash");

-- CreateIndex
CREATE UNIQUE INDEX "OutreachSurveyLink_caseId_key" ON "OutreachSurveyLink"("caseId");

-- CreateIndex
CREATE INDEX "OutreachSurveyLink_organizationId_sentAt_idx" ON "OutreachSurveyLink"("organizationId", "sentAt");

-- CreateIndex
CREATE UNIQUE INDEX "OutreachSurveyResponse_respondentCode_key" ON "OutreachSurveyResponse"("respondentCode");

-- CreateIndex
CREATE INDEX "OutreachSurveyResponse_organizationId_submittedMonth_idx" ON "OutreachSurveyResponse"("organizationId", "submittedMonth");

-- CreateIndex
CREATE INDEX "OutreachSurveyFollowUp_organizationId_doneAt_idx" ON "OutreachSurveyFollowUp"("organizationId", "doneAt");

-- AddForeignKey
ALTER TABLE "OutreachSurveyLink" ADD CONSTRAINT "OutreachSurveyLink_organizationId_fkey" FOREIGN KEY ("organizationId") REFERENCES "Organization"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "OutreachSurveyLink" ADD CONSTRAINT "OutreachSurveyLink_caseId_fkey" FOREIGN KEY ("caseId") REFERENCES "OutreachCase"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "OutreachSurveyResponse" ADD CONSTRAINT "OutreachSurveyResponse_organizationId_fkey" FOREIGN KEY ("organizationId") REFERENCES "Organization"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "OutreachSurveyFollowUp" ADD CONSTRAINT "OutreachSurveyFollowUp_organizationId_fkey" FOREIGN KEY ("organizationId") REFERENCES "Organization"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
