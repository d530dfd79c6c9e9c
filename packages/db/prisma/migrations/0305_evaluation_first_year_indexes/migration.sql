-- Table 5.1's open-ended periods start at the installation's first year with a registration or
-- a form (apps/gateway/src/evaluation/queries/intake-counts-by-year.ts): with these indexes
-- that is two index endpoint lookups instead of two scans of the tables.
CREATE INDEX "IntakeRegistration_first_year_idx" ON "IntakeRegistration" ("registeredOn");
CREATE INDEX "QuestionnaireResponse_first_year_idx" ON "QuestionnaireResponse" ("submittedAt");
