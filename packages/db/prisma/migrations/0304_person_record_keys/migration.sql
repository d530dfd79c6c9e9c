-- Disclosure control keys per person, not per record (packages/domain disclosure.ts). The
-- evaluation counts the same people through different records: the end forms of a course, its
-- linked pairs and its completers; the waiting list and the enrolments. With a key per record
-- those counts got independent noise, and an evaluator could average them within one request.
-- With every record carrying its person's key, the same people always give the same cell key,
-- whichever record a figure counts.

-- AlterTable
ALTER TABLE "Person" ADD COLUMN     "recordKey" INTEGER NOT NULL DEFAULT (floor((random() * ('2147483648'::bigint)::double precision)))::integer;

-- Existing records take their person's key; questionnaire answers (stored under the
-- participant code only) take the key of the enrolment that code belongs to.
UPDATE "OutreachCase" r SET "recordKey" = p."recordKey" FROM "Person" p WHERE p.id = r."personId";
UPDATE "IntakeRegistration" r SET "recordKey" = p."recordKey" FROM "Person" p WHERE p.id = r."personId";
UPDATE "WaitingListEntry" r SET "recordKey" = p."recordKey" FROM "Person" p WHERE p.id = r."personId";
UPDATE "Enrolment" r SET "recordKey" = p."recordKey" FROM "Person" p WHERE p.id = r."personId";
UPDATE "QuestionnaireResponse" q SET "recordKey" = e."recordKey" FROM "Enrolment" e
  WHERE e."participantCode" = q."participantCode";

-- New records get it the same way, whichever code path writes them (Prisma's schema language
-- cannot express triggers, hence this hand-written part).
CREATE FUNCTION "vi_person_record_key"() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
  SELECT p."recordKey" INTO NEW."recordKey" FROM "Person" p WHERE p.id = NEW."personId";
  RETURN NEW;
END;
$$;

CREATE FUNCTION "vi_participant_record_key"() RETURNS trigger
LANGUAGE plpgsql AS $$
DECLARE
  key integer;
BEGIN
  SELECT e."recordKey" INTO key FROM "Enrolment" e WHERE e."participantCode" = NEW."participantCode";
  IF key IS NOT NULL THEN
    NEW."recordKey" := key;
  END IF;
  RETURN NEW;
END;
$$;

CREATE TRIGGER "OutreachCase_person_record_key" BEFORE INSERT OR UPDATE OF "personId" ON "OutreachCase"
  FOR EACH ROW EXECUTE FUNCTION "vi_person_record_key"();
CREATE TRIGGER "IntakeRegistration_person_record_key" BEFORE INSERT OR UPDATE OF "personId" ON "IntakeRegistration"
  FOR EACH ROW EXECUTE FUNCTION "vi_person_record_key"();
CREATE TRIGGER "WaitingListEntry_person_record_key" BEFORE INSERT OR UPDATE OF "personId" ON "WaitingListEntry"
  FOR EACH ROW EXECUTE FUNCTION "vi_person_record_key"();
CREATE TRIGGER "Enrolment_person_record_key" BEFORE INSERT OR UPDATE OF "personId" ON "Enrolment"
  FOR EACH ROW EXECUTE FUNCTION "vi_person_record_key"();
CREATE TRIGGER "QuestionnaireResponse_participant_record_key" BEFORE INSERT OR UPDATE OF "participantCode" ON "QuestionnaireResponse"
  FOR EACH ROW EXECUTE FUNCTION "vi_participant_record_key"();
