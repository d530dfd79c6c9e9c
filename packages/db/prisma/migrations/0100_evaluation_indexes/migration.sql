-- Indexes for the evaluators' aggregate queries (issue 5; apps/gateway/src/evaluation/queries).
-- Measured on the national-scale bench dataset (bench/RESULTS.md); each says which figure needs it.

-- Outreach figures (funnel, acceptance, decline reasons, survey) filter by organisation and the
-- day a case was identified and group by these columns: an index-only scan reads about half
-- the bytes of the table and skips other organisations' and periods' cases entirely.
CREATE INDEX "OutreachCase_evaluation_idx" ON "OutreachCase" ("organizationId", "createdAt")
  INCLUDE (status, "incidentType", gender, role, "ageAtIncident", "declineReason", "surveyStatus");

-- Referral results in the funnel: only cases that ended in a referral can have one, so the
-- join starts from this small partial index instead of every case.
CREATE INDEX "OutreachCase_evaluation_referred_idx" ON "OutreachCase" ("organizationId", "createdAt")
  INCLUDE (id, "incidentType", gender, role, "ageAtIncident")
  WHERE status = 'REFERRED';

-- ...and reads the referral's status without visiting the table.
CREATE INDEX "Referral_evaluation_idx" ON "Referral" ("caseId") INCLUDE (status);

-- Waiting times: "did this person on the waiting list get enrolled?" looks enrolments up by person.
CREATE INDEX "Enrolment_personId_idx" ON "Enrolment" ("personId");
