-- Session views cached in each gateway process (issue 11, part 2: apps/gateway/src/auth/session-cache.ts)
-- are dropped when the rows they were built from change, whoever writes them: this gateway, another
-- gateway process, an administrator's psql. Each trigger NOTIFYs the channel
-- 'vi_session_invalidation' (INVALIDATION_CHANNEL in packages/db/src/client.ts) with
--   's:<session id>'  a session ended, moved to another organisation or was changed,
--   'u:<user id>'     the user's account or memberships (roles) changed: every session of that user,
--   '*'               everything (an organisation renamed, a table truncated).
-- A NOTIFY is sent at commit, so a rolled-back change invalidates nothing. No column of the schema
-- changes; the runtime role may run pg_notify (granted to PUBLIC).

CREATE FUNCTION "vi_notify_session_invalidation"() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
  IF TG_LEVEL = 'STATEMENT' THEN
    PERFORM pg_notify('vi_session_invalidation', '*');
  ELSIF TG_TABLE_NAME = 'Session' THEN
    PERFORM pg_notify('vi_session_invalidation', 's:' || OLD."id");
  ELSIF TG_TABLE_NAME = 'User' THEN
    PERFORM pg_notify('vi_session_invalidation', 'u:' || OLD."id");
  ELSIF TG_TABLE_NAME = 'Membership' THEN
    IF TG_OP <> 'INSERT' THEN
      PERFORM pg_notify('vi_session_invalidation', 'u:' || OLD."userId");
    END IF;
    IF TG_OP <> 'DELETE' THEN
      PERFORM pg_notify('vi_session_invalidation', 'u:' || NEW."userId");
    END IF;
  ELSIF TG_TABLE_NAME = 'Organization' THEN
    PERFORM pg_notify('vi_session_invalidation', '*');
  END IF;
  RETURN NULL;
END
$$;

-- Ended or changed sessions. The once-a-minute lastSeenAt touch does not notify (it changes no
-- cached answer); lastSeenAt moved back (an administrator ageing a session) does.
CREATE TRIGGER "Session_invalidate_delete" AFTER DELETE ON "Session"
  FOR EACH ROW EXECUTE FUNCTION "vi_notify_session_invalidation"();
CREATE TRIGGER "Session_invalidate_update" AFTER UPDATE ON "Session"
  FOR EACH ROW WHEN (
    OLD."userId" IS DISTINCT FROM NEW."userId"
    OR OLD."activeOrganizationId" IS DISTINCT FROM NEW."activeOrganizationId"
    OR OLD."expiresAt" IS DISTINCT FROM NEW."expiresAt"
    OR NEW."lastSeenAt" < OLD."lastSeenAt"
    OR OLD."id" IS DISTINCT FROM NEW."id"
  ) EXECUTE FUNCTION "vi_notify_session_invalidation"();

-- Deactivation, password change or reset, name, e-mail or language: what the session view holds
-- of the user, and the revocations. TOTP bookkeeping (totpLastStep on every 2-step login) does not.
CREATE TRIGGER "User_invalidate_delete" AFTER DELETE ON "User"
  FOR EACH ROW EXECUTE FUNCTION "vi_notify_session_invalidation"();
CREATE TRIGGER "User_invalidate_update" AFTER UPDATE ON "User"
  FOR EACH ROW WHEN (
    OLD."disabledAt" IS DISTINCT FROM NEW."disabledAt"
    OR OLD."passwordHash" IS DISTINCT FROM NEW."passwordHash"
    OR OLD."passwordChangedAt" IS DISTINCT FROM NEW."passwordChangedAt"
    OR OLD."mustChangePassword" IS DISTINCT FROM NEW."mustChangePassword"
    OR OLD."email" IS DISTINCT FROM NEW."email"
    OR OLD."displayName" IS DISTINCT FROM NEW."displayName"
    OR OLD."locale" IS DISTINCT FROM NEW."locale"
    OR OLD."id" IS DISTINCT FROM NEW."id"
  ) EXECUTE FUNCTION "vi_notify_session_invalidation"();

-- Roles granted, changed or taken away.
CREATE TRIGGER "Membership_invalidate" AFTER INSERT OR UPDATE OR DELETE ON "Membership"
  FOR EACH ROW EXECUTE FUNCTION "vi_notify_session_invalidation"();

-- Organisation names are part of the cached memberships.
CREATE TRIGGER "Organization_invalidate_update" AFTER UPDATE ON "Organization"
  FOR EACH ROW WHEN (OLD."name" IS DISTINCT FROM NEW."name")
  EXECUTE FUNCTION "vi_notify_session_invalidation"();

CREATE TRIGGER "Session_invalidate_truncate" AFTER TRUNCATE ON "Session"
  FOR EACH STATEMENT EXECUTE FUNCTION "vi_notify_session_invalidation"();
CREATE TRIGGER "User_invalidate_truncate" AFTER TRUNCATE ON "User"
  FOR EACH STATEMENT EXECUTE FUNCTION "vi_notify_session_invalidation"();
CREATE TRIGGER "Membership_invalidate_truncate" AFTER TRUNCATE ON "Membership"
  FOR EACH STATEMENT EXECUTE FUNCTION "vi_notify_session_invalidation"();
CREATE TRIGGER "Organization_invalidate_truncate" AFTER TRUNCATE ON "Organization"
  FOR EACH STATEMENT EXECUTE FUNCTION "vi_notify_session_invalidation"();
