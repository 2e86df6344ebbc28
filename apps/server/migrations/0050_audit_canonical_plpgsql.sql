-- The same canonical text (0001), in PL/pgSQL instead of SQL. The chain trigger calls it once per audit row,
-- and PostgreSQL parsed and planned a SQL function's body anew on every call from PL/pgSQL (a fifth of the
-- backend's CPU for an audited request, perf record); PL/pgSQL keeps the plan for the session. The text is
-- unchanged, and the verifier rebuilds it in its own query rather than calling this function.
CREATE OR REPLACE FUNCTION audit.canonical(r audit.audit_log) RETURNS text LANGUAGE plpgsql IMMUTABLE AS $$
BEGIN
  RETURN jsonb_build_array(r.id, r.org_id, r.lane, r.seq, (extract(epoch FROM r.at) * 1000000)::bigint, r.actor_user_id, r.action,
    r.resource_type, r.resource_id, r.subject_user_id, r.purpose, r.outcome, r.request_id, host(r.ip), r.details,
    encode(r.prev_hash, 'hex'))::text;
END $$;
