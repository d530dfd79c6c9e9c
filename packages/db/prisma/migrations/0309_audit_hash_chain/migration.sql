-- A tamper-evident audit trail (issue 10). Each AuditEvent carries its place in its organisation's
-- chain (events without an organisation form a chain of their own, key 'none'), the previous
-- event's hash and its own: hash = sha256(prevHash || canonical row). The database computes the
-- link in a BEFORE INSERT trigger, under a row lock on the chain's head, so concurrent inserts from
-- any number of gateway processes queue on their chain instead of forking it, and the gateway
-- cannot choose the values. `npm run -w @vi/db audit:verify` recomputes every link independently
-- (packages/db/src/audit-chain.ts); the canonical form below must stay identical to it.

-- AlterTable
ALTER TABLE "AuditEvent" ADD COLUMN     "chainSeq" INTEGER,
ADD COLUMN     "hash" TEXT,
ADD COLUMN     "prevHash" TEXT;

-- CreateTable
CREATE TABLE "AuditChainHead" (
    "chainKey" TEXT NOT NULL,
    "seq" INTEGER NOT NULL,
    "hash" TEXT NOT NULL,

    CONSTRAINT "AuditChainHead_pkey" PRIMARY KEY ("chainKey")
);

-- CreateTable
CREATE TABLE "AuditChainAnchor" (
    "chainKey" TEXT NOT NULL,
    "seq" INTEGER NOT NULL,
    "hash" TEXT NOT NULL,
    "archivedAt" TIMESTAMP(3) NOT NULL,
    "file" TEXT NOT NULL,
    "fileSha256" TEXT NOT NULL,

    CONSTRAINT "AuditChainAnchor_pkey" PRIMARY KEY ("chainKey")
);

-- CreateIndex
CREATE INDEX "AuditEvent_organizationId_chainSeq_idx" ON "AuditEvent"("organizationId", "chainSeq");

-- The chain tables are the owner's: the default privileges of 0308 granted them to the gateway.
REVOKE ALL ON "AuditChainHead", "AuditChainAnchor" FROM vi_runtime;

-- One field of the canonical row: '-' for NULL, else its length in UTF-8 bytes, ':' and the text,
-- so no value can shift into its neighbour.
CREATE FUNCTION "vi_audit_field"(value TEXT) RETURNS TEXT
LANGUAGE sql IMMUTABLE AS $$
  SELECT CASE WHEN value IS NULL THEN '-' ELSE octet_length(value)::text || ':' || value END
$$;

-- sha256(prevHash || canonical row), hex. `at` is TIMESTAMP(3) without time zone, so to_char does
-- not depend on the session's TimeZone; detail is jsonb, whose text form is normalised.
CREATE FUNCTION "vi_audit_event_hash"(prev TEXT, e "AuditEvent") RETURNS TEXT
LANGUAGE sql IMMUTABLE AS $$
  SELECT encode(sha256(convert_to(
    prev
      || "vi_audit_field"(e."id"::text)
      || "vi_audit_field"(e."chainSeq"::text)
      || "vi_audit_field"(to_char(e."at", 'YYYY-MM-DD"T"HH24:MI:SS.MS'))
      || "vi_audit_field"(e."userId"::text)
      || "vi_audit_field"(e."organizationId"::text)
      || "vi_audit_field"(e."personId"::text)
      || "vi_audit_field"(e."action")
      || "vi_audit_field"(e."entity")
      || "vi_audit_field"(e."entityId")
      || "vi_audit_field"(e."requestId")
      || "vi_audit_field"(e."detail"::text),
    'UTF8')), 'hex')
$$;

-- SECURITY DEFINER: runs with the owner's rights so the gateway's role, which has none on
-- "AuditChainHead", can advance the head only through this trigger. Whatever chain values an INSERT
-- supplies are overwritten.
CREATE FUNCTION "vi_audit_event_chain"() RETURNS trigger
LANGUAGE plpgsql SECURITY DEFINER SET search_path = public, pg_temp AS $$
DECLARE
  chain TEXT := COALESCE(NEW."organizationId"::text, 'none');
  head_seq BIGINT;
  head_hash TEXT;
BEGIN
  INSERT INTO "AuditChainHead" ("chainKey", "seq", "hash")
    VALUES (chain, 0, repeat('0', 64))
    ON CONFLICT ("chainKey") DO NOTHING;
  -- The lock is held until the inserting transaction ends; the next insert on this chain waits and
  -- then reads the committed head (in REPEATABLE READ it fails with a serialization error instead).
  SELECT "seq", "hash" INTO head_seq, head_hash
    FROM "AuditChainHead" WHERE "chainKey" = chain FOR UPDATE;
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

-- Existing events join their chains in id order (the append-only trigger is lifted for this
-- transaction only; the migration runs as the owner).
ALTER TABLE "AuditEvent" DISABLE TRIGGER "AuditEvent_no_update_or_delete";
DO $$
DECLARE
  e "AuditEvent";
  chain TEXT;
  current_chain TEXT := NULL;
  seq BIGINT := 0;
  prev TEXT := repeat('0', 64);
BEGIN
  FOR e IN SELECT * FROM "AuditEvent" ORDER BY COALESCE("organizationId"::text, 'none'), "id" LOOP
    chain := COALESCE(e."organizationId"::text, 'none');
    IF current_chain IS DISTINCT FROM chain THEN
      IF current_chain IS NOT NULL THEN
        INSERT INTO "AuditChainHead" VALUES (current_chain, seq, prev);
      END IF;
      current_chain := chain;
      seq := 0;
      prev := repeat('0', 64);
    END IF;
    seq := seq + 1;
    e."chainSeq" := seq;
    e."prevHash" := prev;
    e."hash" := "vi_audit_event_hash"(prev, e);
    UPDATE "AuditEvent" SET "chainSeq" = e."chainSeq", "prevHash" = e."prevHash", "hash" = e."hash"
      WHERE "id" = e."id";
    prev := e."hash";
  END LOOP;
  IF current_chain IS NOT NULL THEN
    INSERT INTO "AuditChainHead" VALUES (current_chain, seq, prev);
  END IF;
END
$$;
ALTER TABLE "AuditEvent" ENABLE TRIGGER "AuditEvent_no_update_or_delete";

CREATE TRIGGER "AuditEvent_chain"
  BEFORE INSERT ON "AuditEvent"
  FOR EACH ROW EXECUTE FUNCTION "vi_audit_event_chain"();
