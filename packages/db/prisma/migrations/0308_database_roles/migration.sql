-- Two database roles (issue 10). Migrations run as the owner (the login that applies them); the
-- gateway runs as "vi_runtime", which owns nothing: it cannot ALTER a table, disable a trigger or
-- set session_replication_role, and has only the privileges granted here.
--
-- The role is made NOLOGIN and without a password: no secret belongs in a committed migration. On a
-- server, log in as a member that an administrator creates once (README, "Two database roles"):
--   CREATE ROLE vi_gateway LOGIN PASSWORD '…' IN ROLE vi_runtime;
-- or let the owner's own connections act as it (DATABASE_URL alone: packages/db/src/client.ts).
-- Roles belong to the whole server: several databases (tests, bench) share this one, so creating it
-- may race another database's migration, hence the caught duplicate.
DO $$
BEGIN
  IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = 'vi_runtime') THEN
    BEGIN
      CREATE ROLE vi_runtime NOLOGIN NOSUPERUSER NOCREATEDB NOCREATEROLE NOINHERIT;
    EXCEPTION WHEN duplicate_object OR unique_violation THEN
      NULL;
    END;
  END IF;
END
$$;

-- PostgreSQL before 15 lets every role create objects in schema public; nobody but the owner should.
REVOKE CREATE ON SCHEMA public FROM PUBLIC;
GRANT USAGE ON SCHEMA public TO vi_runtime;

-- The data tables the gateway reads and writes (it never truncates or alters them).
GRANT SELECT, INSERT, UPDATE, DELETE ON ALL TABLES IN SCHEMA public TO vi_runtime;
GRANT USAGE, SELECT ON ALL SEQUENCES IN SCHEMA public TO vi_runtime;
-- Tables later migrations create get the same grants (default privileges of the role that migrates),
-- so a new data table works at once. A table that must be protected revokes explicitly, as below
-- and in 0309 (packages/db/src/database-roles.test.ts checks these).
ALTER DEFAULT PRIVILEGES IN SCHEMA public GRANT SELECT, INSERT, UPDATE, DELETE ON TABLES TO vi_runtime;
ALTER DEFAULT PRIVILEGES IN SCHEMA public GRANT USAGE, SELECT ON SEQUENCES TO vi_runtime;

-- The audit trail: append and read only (the append-only trigger of 0002 holds besides).
REVOKE UPDATE, DELETE, TRUNCATE, REFERENCES, TRIGGER ON "AuditEvent" FROM vi_runtime;
-- The migration runner's bookkeeping is the owner's alone (Prisma's schema engine replays these
-- files without the runner when it checks for drift, hence the test for the table).
DO $$
BEGIN
  IF to_regclass('"_vi_migrations"') IS NOT NULL THEN
    REVOKE ALL ON "_vi_migrations" FROM vi_runtime;
  END IF;
END
$$;
