-- Treatment plans: the care team reads and writes them; the client of the case reads them (the service
-- shows a client only their goals, objectives and progress). Versions and progress are append-only.
GRANT SELECT, INSERT ON clinical.treatment_plans, clinical.plan_progress TO tend_app;
--> statement-breakpoint
CREATE OR REPLACE FUNCTION clinical.is_client_of(p_case uuid) RETURNS boolean LANGUAGE sql STABLE AS $$
  SELECT EXISTS (SELECT 1 FROM case_mgmt.cases c WHERE c.id = p_case AND c.org_id = app.org_id() AND c.client_user_id = app.user_id())
$$;
--> statement-breakpoint
GRANT EXECUTE ON FUNCTION clinical.is_client_of(uuid) TO tend_app;
--> statement-breakpoint
ALTER TABLE clinical.treatment_plans ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
ALTER TABLE clinical.treatment_plans FORCE ROW LEVEL SECURITY;
--> statement-breakpoint
CREATE POLICY treatment_plans_read ON clinical.treatment_plans FOR SELECT TO tend_app USING (
  org_id = (select app.org_id()) AND (((select app.is_staff()) AND clinical.can_read_notes(case_id)) OR clinical.is_client_of(case_id))
);
--> statement-breakpoint
CREATE POLICY treatment_plans_insert ON clinical.treatment_plans FOR INSERT TO tend_app WITH CHECK (
  org_id = (select app.org_id()) AND by_user_id = (select app.user_id()) AND clinical.can_write_notes(case_id)
);
--> statement-breakpoint
ALTER TABLE clinical.plan_progress ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
ALTER TABLE clinical.plan_progress FORCE ROW LEVEL SECURITY;
--> statement-breakpoint
CREATE POLICY plan_progress_read ON clinical.plan_progress FOR SELECT TO tend_app USING (
  org_id = (select app.org_id()) AND (((select app.is_staff()) AND clinical.can_read_notes(case_id)) OR clinical.is_client_of(case_id))
);
--> statement-breakpoint
CREATE POLICY plan_progress_insert ON clinical.plan_progress FOR INSERT TO tend_app WITH CHECK (
  org_id = (select app.org_id()) AND by_user_id = (select app.user_id()) AND clinical.can_write_notes(case_id)
);
--> statement-breakpoint
CREATE TRIGGER treatment_plans_append_only BEFORE UPDATE OR DELETE ON clinical.treatment_plans FOR EACH ROW EXECUTE FUNCTION clinical.reject_change();
--> statement-breakpoint
CREATE TRIGGER plan_progress_append_only BEFORE UPDATE OR DELETE ON clinical.plan_progress FOR EACH ROW EXECUTE FUNCTION clinical.reject_change();
