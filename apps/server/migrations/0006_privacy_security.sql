-- "Who viewed my record": a person reads the audit rows about them written by someone else, with the
-- actor's role and practice, across every practice they belong to. IPs and request ids stay with the
-- practice. Runs as the owner because the caller may not read other members' memberships.
CREATE OR REPLACE FUNCTION audit.record_access_for_me(p_limit int, p_offset int)
RETURNS TABLE (id uuid, at timestamptz, org_id uuid, org_name text, actor_user_id uuid, actor_role text, action text, resource_type text, purpose text, total bigint)
LANGUAGE sql STABLE SECURITY DEFINER SET search_path = pg_catalog, pg_temp AS $$
  SELECT a.id, a.at, a.org_id, o.name, a.actor_user_id, m.role, a.action, a.resource_type, a.purpose, count(*) OVER ()
    FROM audit.audit_log a
    LEFT JOIN identity.orgs o ON o.id = a.org_id
    LEFT JOIN identity.memberships m ON m.org_id = a.org_id AND m.user_id = a.actor_user_id AND m.removed_at IS NULL
   WHERE app.user_id() IS NOT NULL AND a.subject_user_id = app.user_id()
     AND a.actor_user_id IS DISTINCT FROM app.user_id() AND a.outcome = 'success'
   ORDER BY a.at DESC, a.id DESC
   LIMIT least(greatest(p_limit, 1), 100) OFFSET greatest(p_offset, 0)
$$;
--> statement-breakpoint
REVOKE ALL ON FUNCTION audit.record_access_for_me(int, int) FROM PUBLIC;
--> statement-breakpoint
GRANT EXECUTE ON FUNCTION audit.record_access_for_me(int, int) TO tend_app;
