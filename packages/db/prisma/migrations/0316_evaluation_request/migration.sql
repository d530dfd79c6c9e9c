-- An evaluation request's daily-limit check and audit row in one round trip (issue 11).
-- apps/gateway/src/evaluation/evaluation-limit.ts calls vi_evaluation_request once per request,
-- as a statement of its own (autocommit): it takes the evaluator's advisory lock, counts today's
-- distinct filter combinations, and inserts the EVALUATE row, or the DENIED row when a new
-- combination would pass the limit. Before, this was a Prisma transaction of five round trips
-- (BEGIN, lock, count, insert, COMMIT) holding the audit chain's head lock across them.
--
-- Why a function and not one CTE statement: a statement sees the snapshot taken when it started,
-- so a count in the same statement as the lock could miss the row the previous lock holder just
-- committed, and two requests could both take the last slot. In PL/pgSQL under READ COMMITTED each
-- statement takes a new snapshot: the count runs after the lock is granted and sees that row.
-- The advisory key is the same as before (hashtext('evaluation-limit:' || user id)), so a process
-- still running the old code during a rolling deploy queues on the same lock.
--
-- SECURITY INVOKER (the default): it runs with the caller's rights, which for the gateway's role
-- are SELECT and INSERT on "AuditEvent"; the hash chain is still linked by the table's trigger
-- (migration 0309), and nothing here can update or delete a row.
CREATE FUNCTION "vi_evaluation_request"(
  p_user UUID,
  p_request_id TEXT,
  p_combination TEXT,
  p_day TEXT,
  p_limit INTEGER,
  p_detail JSONB
) RETURNS TABLE (refused BOOLEAN, used INTEGER)
LANGUAGE plpgsql VOLATILE SET search_path = public, pg_temp AS $$
DECLARE
  v_used INTEGER;
  v_seen BOOLEAN;
BEGIN
  PERFORM pg_advisory_xact_lock(hashtext('evaluation-limit:' || p_user::text));
  -- Today's distinct combinations by skipping through the index below, one probe per combination
  -- (at most the limit), however often each was asked: count(DISTINCT) would read every request of
  -- the day, and an evaluator (or the bench) can make thousands.
  WITH RECURSIVE asked AS (
    (SELECT e."entityId" FROM "AuditEvent" e
      WHERE e."userId" = p_user AND e.action = 'EVALUATE' AND (e.detail ->> 'day') = p_day
      ORDER BY e."entityId" LIMIT 1)
    UNION ALL
    SELECT (SELECT e."entityId" FROM "AuditEvent" e
             WHERE e."userId" = p_user AND e.action = 'EVALUATE' AND (e.detail ->> 'day') = p_day
               AND e."entityId" > asked."entityId"
             ORDER BY e."entityId" LIMIT 1)
      FROM asked WHERE asked."entityId" IS NOT NULL
  )
  SELECT count(asked."entityId")::int, coalesce(bool_or(asked."entityId" = p_combination), false)
    INTO v_used, v_seen
    FROM asked;
  IF NOT v_seen AND v_used >= p_limit THEN
    INSERT INTO "AuditEvent" ("userId", "organizationId", "requestId", action, entity, "entityId", detail)
      VALUES (p_user, NULL, p_request_id, 'DENIED', 'Evaluation', p_combination,
              p_detail || jsonb_build_object('reason', 'EVALUATION_LIMIT', 'limit', p_limit));
    RETURN QUERY SELECT true, v_used;
  ELSE
    INSERT INTO "AuditEvent" ("userId", "organizationId", "requestId", action, entity, "entityId", detail)
      VALUES (p_user, NULL, p_request_id, 'EVALUATE', 'Evaluation', p_combination, p_detail);
    RETURN QUERY SELECT false, CASE WHEN v_seen THEN v_used ELSE v_used + 1 END;
  END IF;
END;
$$;

-- The count above as index probes into exactly one evaluator's one Danish day (the day the gateway
-- computed, stored in the row's detail), ordered by combination: the (userId, at) index read every
-- request of the last 26 hours, and each row's detail from the table.
CREATE INDEX "AuditEvent_evaluation_day_idx" ON "AuditEvent" ("userId", (detail ->> 'day'), "entityId")
  WHERE action = 'EVALUATE';
