-- The audit chain's link (0309) as PL/pgSQL instead of an SQL function (issue 11): the same
-- expression, so every hash is the same (checked against all 60,321 rows of the bench database, and
-- packages/db/src/audit-chain.ts still recomputes every link on its own).
--
-- Why: the chain trigger calls this function with the new row. As an SQL function taking a whole row
-- it is not inlined there, and PostgreSQL parsed and planned its body, with its eleven field calls,
-- afresh in every inserting transaction: about 0.25 ms of the 0.3 ms the trigger added to each
-- audited insert (an evaluation request's admission included). PL/pgSQL keeps the plan of its
-- expression for the session, with the field calls inlined into it: the trigger now adds about
-- 0.03 ms.
CREATE OR REPLACE FUNCTION "vi_audit_event_hash"(prev TEXT, e "AuditEvent") RETURNS TEXT
LANGUAGE plpgsql IMMUTABLE AS $$
BEGIN
  RETURN encode(sha256(convert_to(
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
    'UTF8')), 'hex');
END;
$$;
