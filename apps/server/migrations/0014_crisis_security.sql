-- Crisis: safety plans, alerts and their escalation log. A client sees their own; the care team of
-- the client (lead, co-specialists, supervisors of any of their cases) and the org's admins and
-- supervisors see the client's alerts; the escalation job works in the system context.
GRANT USAGE ON SCHEMA crisis TO tend_app;
--> statement-breakpoint
GRANT SELECT, INSERT ON crisis.safety_plans, crisis.escalation_log TO tend_app;
--> statement-breakpoint
GRANT SELECT, INSERT, UPDATE ON crisis.alerts TO tend_app;
--> statement-breakpoint
CREATE OR REPLACE FUNCTION crisis.cares_for(p_client uuid) RETURNS boolean LANGUAGE sql STABLE AS $$
  SELECT EXISTS (
    SELECT 1 FROM case_mgmt.cases c
     WHERE c.client_user_id = p_client AND c.org_id = app.org_id()
       AND (c.specialist_user_id = app.user_id() OR case_mgmt.has_grant(c.id))
  )
$$;
--> statement-breakpoint
GRANT EXECUTE ON FUNCTION crisis.cares_for(uuid) TO tend_app;
--> statement-breakpoint
ALTER TABLE crisis.safety_plans ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
ALTER TABLE crisis.safety_plans FORCE ROW LEVEL SECURITY;
--> statement-breakpoint
CREATE POLICY safety_plans_read ON crisis.safety_plans FOR SELECT TO tend_app USING (
  org_id = (select app.org_id()) AND (client_user_id = (select app.user_id()) OR ((select app.is_staff()) AND crisis.cares_for(client_user_id)))
);
--> statement-breakpoint
CREATE POLICY safety_plans_insert ON crisis.safety_plans FOR INSERT TO tend_app WITH CHECK (
  org_id = (select app.org_id()) AND by_user_id = (select app.user_id())
  AND (client_user_id = (select app.user_id()) OR ((select app.is_staff()) AND crisis.cares_for(client_user_id)))
);
--> statement-breakpoint
ALTER TABLE crisis.alerts ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
ALTER TABLE crisis.alerts FORCE ROW LEVEL SECURITY;
--> statement-breakpoint
CREATE POLICY alerts_read ON crisis.alerts FOR SELECT TO tend_app USING (
  (select app.is_system()) OR (org_id = (select app.org_id()) AND (
    client_user_id = (select app.user_id()) OR (select app.role()) IN ('org_admin', 'supervisor') OR ((select app.is_staff()) AND crisis.cares_for(client_user_id))
  ))
);
--> statement-breakpoint
CREATE POLICY alerts_insert ON crisis.alerts FOR INSERT TO tend_app WITH CHECK ((select app.is_system()) OR (org_id = (select app.org_id()) AND client_user_id = (select app.user_id())));
--> statement-breakpoint
CREATE POLICY alerts_update ON crisis.alerts FOR UPDATE TO tend_app
  USING ((select app.is_system()) OR (org_id = (select app.org_id()) AND (select app.is_staff()) AND ((select app.role()) IN ('org_admin', 'supervisor') OR crisis.cares_for(client_user_id))))
  WITH CHECK ((select app.is_system()) OR org_id = (select app.org_id()));
--> statement-breakpoint
ALTER TABLE crisis.escalation_log ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
ALTER TABLE crisis.escalation_log FORCE ROW LEVEL SECURITY;
--> statement-breakpoint
CREATE POLICY escalation_log_read ON crisis.escalation_log FOR SELECT TO tend_app USING (
  (select app.is_system()) OR (org_id = (select app.org_id()) AND EXISTS (SELECT 1 FROM crisis.alerts a WHERE a.id = escalation_log.alert_id))
);
--> statement-breakpoint
CREATE POLICY escalation_log_insert ON crisis.escalation_log FOR INSERT TO tend_app WITH CHECK (
  (select app.is_system()) OR (org_id = (select app.org_id()) AND EXISTS (SELECT 1 FROM crisis.alerts a WHERE a.id = escalation_log.alert_id))
);
--> statement-breakpoint
CREATE OR REPLACE FUNCTION crisis.reject_change() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'DELETE' AND app.is_erasing() THEN RETURN OLD; END IF;
  RAISE EXCEPTION 'crisis history is append-only' USING ERRCODE = 'insufficient_privilege';
END $$;
--> statement-breakpoint
CREATE TRIGGER escalation_log_append_only BEFORE UPDATE OR DELETE ON crisis.escalation_log FOR EACH ROW EXECUTE FUNCTION crisis.reject_change();
--> statement-breakpoint
CREATE TRIGGER safety_plans_append_only BEFORE UPDATE OR DELETE ON crisis.safety_plans FOR EACH ROW EXECUTE FUNCTION crisis.reject_change();
