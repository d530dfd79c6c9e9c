-- The call queue as an index-range read (issue 11, part 3; apps/gateway/src/outreach/call-queue.ts).
-- A claim used to read every callable case, look its type's priority up in "IncidentTypeSetting"
-- and sort them all: 33-41 ms per claim at 10,000 callable. Now the case carries its priority and one
-- partial index holds the open cases in the queue's order, so a claim reads the index from the
-- front and stops at the first case callable now.

-- AlterTable
ALTER TABLE "OutreachCase" ADD COLUMN     "queuePriority" INTEGER NOT NULL DEFAULT 0;

-- The priority of the case's incident type in its organisation (0 without a setting), copied onto
-- the case by triggers so that every writer keeps it right (the import, the seed, the settings
-- mutation, raw SQL), not only the code paths that remember to:
-- 1. a case takes its type's priority when it is inserted and whenever its organisation, type or
--    status is written (a case that comes back into the queue gets today's priority), and any
--    direct write of the column is replaced by the looked-up value;
-- 2. a setting inserted, changed or deleted re-ranks its organisation's OPEN cases of that type.
-- Closed cases keep the priority they had when they left the queue: nothing reads it there, and a
-- priority change must not rewrite years of history.
CREATE FUNCTION "vi_case_queue_priority"() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
  NEW."queuePriority" := COALESCE(
    (SELECT s.priority FROM "IncidentTypeSetting" s
      WHERE s."organizationId" = NEW."organizationId" AND s.type = NEW."incidentType"),
    0);
  RETURN NEW;
END;
$$;

CREATE TRIGGER "OutreachCase_queue_priority"
  BEFORE INSERT OR UPDATE OF "organizationId", "incidentType", status, "queuePriority" ON "OutreachCase"
  FOR EACH ROW EXECUTE FUNCTION "vi_case_queue_priority"();

CREATE FUNCTION "vi_setting_queue_priority"() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
  -- The case trigger above computes the value again from the settings this statement can see, so
  -- both paths agree. Only cases whose priority changes are written: the settings screen saves
  -- every type at once, and an unchanged priority must not rewrite (and lock) the whole queue.
  IF TG_OP = 'DELETE' OR (TG_OP = 'UPDATE' AND (OLD."organizationId", OLD.type) IS DISTINCT FROM (NEW."organizationId", NEW.type)) THEN
    -- No setting for the old pair any more (it is the primary key): its cases fall back to 0.
    UPDATE "OutreachCase" c SET "queuePriority" = 0
     WHERE c."organizationId" = OLD."organizationId" AND c."incidentType" = OLD.type AND c.status = 'OPEN'
       AND c."queuePriority" <> 0;
  END IF;
  IF TG_OP IN ('INSERT', 'UPDATE') THEN
    UPDATE "OutreachCase" c SET "queuePriority" = NEW.priority
     WHERE c."organizationId" = NEW."organizationId" AND c."incidentType" = NEW.type AND c.status = 'OPEN'
       AND c."queuePriority" <> NEW.priority;
  END IF;
  RETURN NULL;
END;
$$;

CREATE TRIGGER "IncidentTypeSetting_queue_priority"
  AFTER INSERT OR DELETE OR UPDATE OF "organizationId", type, priority ON "IncidentTypeSetting"
  FOR EACH ROW EXECUTE FUNCTION "vi_setting_queue_priority"();

-- Existing cases (the trigger fires on the column it writes, so this takes each type's priority).
UPDATE "OutreachCase" SET "queuePriority" = 0
 WHERE status = 'OPEN'
   AND EXISTS (SELECT FROM "IncidentTypeSetting" s
                WHERE s."organizationId" = "OutreachCase"."organizationId" AND s.type = "OutreachCase"."incidentType"
                  AND s.priority <> 0);

-- The queue's index: only OPEN cases, in exactly the claim's ORDER BY (priority first, then the
-- oldest callable, createdAt, id; compareQueueOrder in @vi/domain), after the organisation. The
-- priority is negated so every column ascends and the queue page's keyset row comparison
-- (-priority, callableFrom, createdAt, id) > (cursor) is a range start in the index.
-- The last two columns are there for the time-dependent eligibility, which stays exact (it is
-- checked on every read, never stored): "callableFrom" <= today, "callableUntil" >= today and the
-- retry time are checked on the index entry itself, so cases waiting for a retry or not callable
-- yet are skipped without visiting the table. Only a case another worker holds is read from the
-- table and passed over (at most one or a few per worker).
CREATE INDEX "OutreachCase_call_queue_idx" ON "OutreachCase" (
  "organizationId",
  (-"queuePriority"),
  "callableFrom",
  "createdAt",
  id,
  "callableUntil",
  (COALESCE("nextAttemptAfter", '-infinity'::timestamp))
) WHERE status = 'OPEN';
