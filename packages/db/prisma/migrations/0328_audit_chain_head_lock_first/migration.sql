-- The audit chain's trigger (0309) first tried to create its chain's head on every insert
-- (INSERT … ON CONFLICT DO NOTHING: a speculative insertion into the head's unique index each
-- time), although the head exists for every insert but a chain's first. Every audited request pays
-- for that, an evaluation request included. The head is now locked first and created only when it
-- is missing; the links computed are the same (packages/db/src/audit-chain.ts verifies them).
CREATE OR REPLACE FUNCTION "vi_audit_event_chain"() RETURNS trigger
LANGUAGE plpgsql SECURITY DEFINER SET search_path = public, pg_temp AS $$
DECLARE
  chain TEXT := COALESCE(NEW."organizationId"::text, 'none');
  head_seq BIGINT;
  head_hash TEXT;
BEGIN
  -- The lock is held until the inserting transaction ends; the next insert on this chain waits and
  -- then reads the committed head (in REPEATABLE READ it fails with a serialization error instead).
  SELECT "seq", "hash" INTO head_seq, head_hash
    FROM "AuditChainHead" WHERE "chainKey" = chain FOR UPDATE;
  IF head_seq IS NULL THEN
    -- A chain's first event: two first inserts at once both get here; ON CONFLICT lets the second
    -- wait for the first's head and then lock it like any later insert.
    INSERT INTO "AuditChainHead" ("chainKey", "seq", "hash")
      VALUES (chain, 0, repeat('0', 64))
      ON CONFLICT ("chainKey") DO NOTHING;
    SELECT "seq", "hash" INTO head_seq, head_hash
      FROM "AuditChainHead" WHERE "chainKey" = chain FOR UPDATE;
  END IF;
  IF head_seq IS NULL THEN
    RAISE EXCEPTION 'audit chain % has no head', chain;
  END IF;
  NEW."chainSeq" := head_seq + 1;
  NEW."prevHash" := head_hash;
  NEW."hash" := "vi_audit_event_hash"(head_hash, NEW);
  UPDATE "AuditChainHead" SET "seq" = NEW."chainSeq", "hash" = NEW."hash" WHERE "chainKey" = chain;
  RETURN NEW;
END;
$$;

REVOKE ALL ON FUNCTION "vi_audit_event_chain"() FROM PUBLIC;
