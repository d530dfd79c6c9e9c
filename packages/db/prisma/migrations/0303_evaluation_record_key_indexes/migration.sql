-- Disclosure control sums each counted record's key (migration 0302) in the same pass that
-- counts it. Without the key in the index the intake and questionnaire figures lose their
-- index-only scans and read the table instead (bench/RESULTS.md: about 3x on Table 5.1).

-- Intake figures filter by organisation and registration date and group by gender and age.
CREATE INDEX "IntakeRegistration_evaluation_idx" ON "IntakeRegistration" ("organizationId", "registeredOn")
  INCLUDE ("recordKey", gender, "ageYears");

-- Form counts by year, recovery and course items filter by organisation, kind and submission date.
CREATE INDEX "QuestionnaireResponse_evaluation_idx" ON "QuestionnaireResponse" ("organizationId", kind, "submittedAt")
  INCLUDE ("recordKey", "inspireOScore", "inspireScore", "participantCode");
