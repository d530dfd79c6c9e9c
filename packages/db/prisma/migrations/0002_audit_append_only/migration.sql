-- The audit trail is evidence of who saw or changed a person's data. Once an
-- event is written it may not be altered or removed by anyone who connects,
-- the application included, so the rule lives in the database rather than in
-- code paths that could forget it. Prisma's schema language cannot express
-- triggers, hence this hand-written migration.
CREATE FUNCTION "vi_audit_event_append_only"() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION 'AuditEvent is append-only: % is not allowed', TG_OP
    USING ERRCODE = 'P0001',
          HINT = 'Audit events can only be inserted.';
END;
$$;

CREATE TRIGGER "AuditEvent_no_update_or_delete"
  BEFORE UPDATE OR DELETE ON "AuditEvent"
  FOR EACH ROW EXECUTE FUNCTION "vi_audit_event_append_only"();

CREATE TRIGGER "AuditEvent_no_truncate"
  BEFORE TRUNCATE ON "AuditEvent"
  FOR EACH STATEMENT EXECUTE FUNCTION "vi_audit_event_append_only"();
