-- An evaluation request that repeats a combination the evaluator already asked today (issue 11):
-- the evaluation app asks one combination several times (one request per dashboard section, and
-- again each time a reader comes back to it), and each asking paid for the evaluator's advisory
-- lock, a count of the day's combinations and a wait for the disk.
--
-- A repeat is now found with one index probe, before any lock. It never takes a slot, so it needs
-- neither the lock (which only keeps two new combinations from both taking the last slot) nor the
-- count (which decides only for a new combination); the count is made for a repeat only when the
-- caller shows the day's use to the evaluator (p_count_used). A new combination goes the way of
-- migration 0316: the lock, the count after the lock is granted (which also finds a repeat that
-- another request committed meanwhile), then the EVALUATE or DENIED row.
--
-- A repeat's EVALUATE row is committed without waiting for the WAL flush (synchronous_commit off for
-- this statement's own transaction only); a new combination's row and every DENIED row still wait
-- for it. What the daily limit and the trail rest on is that the evaluator asked this combination
-- today, and that row (the first asking) was flushed before its answer left. A repeat gives the same
-- answer again and is never counted, so its row only records the repetition. Should the database
-- server crash in the fraction of a second before the WAL writer flushes it (at most three times
-- wal_writer_delay), the repetition's row is lost whole: the audit chain's head update is in the same
-- transaction and is lost with it, so the chain stays unbroken (packages/db/src/audit-chain.ts
-- verifies it). The flush is the one part of the admission that waits for the disk: 0.3-0.7 ms on a
-- quiet machine, several ms while other work writes.
CREATE FUNCTION "vi_evaluation_request"(
  p_user UUID,
  p_request_id TEXT,
  p_combination TEXT,
  p_day TEXT,
  p_limit INTEGER,
  p_detail JSONB,
  p_count_used BOOLEAN
) RETURNS TABLE (refused BOOLEAN, used INTEGER)
LANGUAGE plpgsql VOLATILE SET search_path = public, pg_temp AS $$
DECLARE
  v_used INTEGER;
  v_seen BOOLEAN;
BEGIN
  SELECT EXISTS (
    SELECT 1 FROM "AuditEvent" e
     WHERE e."userId" = p_user AND e.action = 'EVALUATE' AND (e.detail ->> 'day') = p_day
       AND e."entityId" = p_combination
  ) INTO v_seen;
  IF NOT v_seen THEN
    PERFORM pg_advisory_xact_lock(hashtext('evaluation-limit:' || p_user::text));
  END IF;
  IF NOT v_seen OR p_count_used THEN
    -- Today's distinct combinations by skipping through the index of 0316, one probe per combination
    -- (at most the limit), however often each was asked.
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
    SELECT count(asked."entityId")::int, v_seen OR coalesce(bool_or(asked."entityId" = p_combination), false)
      INTO v_used, v_seen
      FROM asked;
  END IF;
  IF NOT v_seen AND v_used >= p_limit THEN
    INSERT INTO "AuditEvent" ("userId", "organizationId", "requestId", action, entity, "entityId", detail)
      VALUES (p_user, NULL, p_request_id, 'DENIED', 'Evaluation', p_combination,
              p_detail || jsonb_build_object('reason', 'EVALUATION_LIMIT', 'limit', p_limit));
    RETURN QUERY SELECT true, v_used;
    RETURN;
  END IF;
  IF v_seen THEN
    -- Local to this transaction: the next statement on the connection commits as configured.
    PERFORM set_config('synchronous_commit', 'off', true);
  END IF;
  INSERT INTO "AuditEvent" ("userId", "organizationId", "requestId", action, entity, "entityId", detail)
    VALUES (p_user, NULL, p_request_id, 'EVALUATE', 'Evaluation', p_combination, p_detail);
  RETURN QUERY SELECT false, CASE WHEN v_seen THEN v_used ELSE v_used + 1 END;
END;
$$;

-- The six-argument form of 0316 stays for a process still running the older code during a rolling
-- deploy: it counts, as it always did.
CREATE OR REPLACE FUNCTION "vi_evaluation_request"(
  p_user UUID,
  p_request_id TEXT,
  p_combination TEXT,
  p_day TEXT,
  p_limit INTEGER,
  p_detail JSONB
) RETURNS TABLE (refused BOOLEAN, used INTEGER)
LANGUAGE sql VOLATILE SET search_path = public, pg_temp AS $$
  SELECT * FROM "vi_evaluation_request"(p_user, p_request_id, p_combination, p_day, p_limit, p_detail, true)
$$;
