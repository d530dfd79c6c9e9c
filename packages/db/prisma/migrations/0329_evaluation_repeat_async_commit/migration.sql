-- An evaluation request that repeats a combination the evaluator already asked today (issue 11).
-- Its EVALUATE row is committed without waiting for the WAL flush (synchronous_commit off for this
-- statement's own transaction only); a new combination's row and every DENIED row still wait for it.
--
-- Why this is safe: what the daily limit and the trail rest on is that the evaluator asked this
-- combination today, and that row (the first asking) was flushed before its answer left. A repeat
-- gives the same answer again and is never counted, so its row only records the repetition. Should
-- the database server crash in the fraction of a second before the WAL writer flushes it (at most
-- three times wal_writer_delay), the repetition's row is lost, whole: the audit chain's head update
-- is in the same transaction and is lost with it, so the chain stays unbroken
-- (packages/db/src/audit-chain.ts verifies it). Nothing else in the transaction changes data.
--
-- Why it matters: the flush is the one part of an evaluation request's admission that waits for
-- the disk (0.3-0.7 ms on a quiet machine, several ms when other work writes), and the evaluation
-- app asks one combination several times (one request per dashboard section, and each time a
-- reader comes back to it).
--
-- Otherwise as in 0316: the evaluator's advisory lock, today's distinct combinations counted after
-- the lock is granted, then the EVALUATE or DENIED row.
CREATE OR REPLACE FUNCTION "vi_evaluation_request"(
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
    IF v_seen THEN
      -- Local to this transaction: the next statement on the connection commits as configured.
      PERFORM set_config('synchronous_commit', 'off', true);
    END IF;
    INSERT INTO "AuditEvent" ("userId", "organizationId", "requestId", action, entity, "entityId", detail)
      VALUES (p_user, NULL, p_request_id, 'EVALUATE', 'Evaluation', p_combination, p_detail);
    RETURN QUERY SELECT false, CASE WHEN v_seen THEN v_used ELSE v_used + 1 END;
  END IF;
END;
$$;
