-- Erasure requests and legal holds, and the one narrow path by which a client's data is deleted: the
-- erasure job, in the system context with app.erasure = 'on' for its transaction only. Outside that
-- path every append-only rule stands, for the app role and the owner alike.
GRANT USAGE ON SCHEMA privacy TO tend_app;
--> statement-breakpoint
GRANT SELECT, INSERT, UPDATE ON privacy.erasure_requests, privacy.legal_holds TO tend_app;
--> statement-breakpoint
CREATE OR REPLACE FUNCTION app.is_erasing() RETURNS boolean LANGUAGE sql STABLE AS $$
  SELECT app.is_system() AND coalesce(current_setting('app.erasure', true), '') = 'on'
$$;
--> statement-breakpoint
GRANT EXECUTE ON FUNCTION app.is_erasing() TO tend_app;
--> statement-breakpoint
ALTER TABLE privacy.erasure_requests ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
ALTER TABLE privacy.erasure_requests FORCE ROW LEVEL SECURITY;
--> statement-breakpoint
CREATE POLICY erasure_requests_read ON privacy.erasure_requests FOR SELECT TO tend_app USING (
  (select app.is_system()) OR (org_id = (select app.org_id()) AND (client_user_id = (select app.user_id()) OR (select app.role()) = 'org_admin'))
);
--> statement-breakpoint
CREATE POLICY erasure_requests_insert ON privacy.erasure_requests FOR INSERT TO tend_app WITH CHECK (
  org_id = (select app.org_id()) AND client_user_id = (select app.user_id()) AND (select app.role()) = 'client'
);
--> statement-breakpoint
CREATE POLICY erasure_requests_update ON privacy.erasure_requests FOR UPDATE TO tend_app
  USING ((select app.is_system()) OR (org_id = (select app.org_id()) AND (select app.role()) = 'org_admin'))
  WITH CHECK ((select app.is_system()) OR org_id = (select app.org_id()));
--> statement-breakpoint
ALTER TABLE privacy.legal_holds ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
ALTER TABLE privacy.legal_holds FORCE ROW LEVEL SECURITY;
--> statement-breakpoint
CREATE POLICY legal_holds_read ON privacy.legal_holds FOR SELECT TO tend_app USING (
  (select app.is_system()) OR (org_id = (select app.org_id()) AND (client_user_id = (select app.user_id()) OR (select app.role()) = 'org_admin'))
);
--> statement-breakpoint
CREATE POLICY legal_holds_insert ON privacy.legal_holds FOR INSERT TO tend_app WITH CHECK (org_id = (select app.org_id()) AND (select app.role()) = 'org_admin');
--> statement-breakpoint
CREATE POLICY legal_holds_update ON privacy.legal_holds FOR UPDATE TO tend_app USING ((select app.is_system())) WITH CHECK ((select app.is_system()));
--> statement-breakpoint
-- The erasure path: read and delete a client's rows while erasing, nothing else.
DO $$
DECLARE t text;
BEGIN
  FOREACH t IN ARRAY ARRAY['case_mgmt.cases', 'case_mgmt.case_access', 'case_mgmt.case_events', 'clinical.notes', 'clinical.note_versions',
                           'clinical.psychotherapy_notes', 'clinical.treatment_plans', 'clinical.plan_progress', 'clinical.form_assignments'] LOOP
    EXECUTE format('GRANT DELETE ON %s TO tend_app', t);
    EXECUTE format('CREATE POLICY erasure_read ON %s FOR SELECT TO tend_app USING ((select app.is_erasing()))', t);
    EXECUTE format('CREATE POLICY erasure_delete ON %s FOR DELETE TO tend_app USING ((select app.is_erasing()))', t);
  END LOOP;
END $$;
--> statement-breakpoint
CREATE OR REPLACE FUNCTION case_mgmt.reject_change() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'DELETE' AND app.is_erasing() THEN RETURN OLD; END IF;
  RAISE EXCEPTION 'case history is append-only' USING ERRCODE = 'insufficient_privilege';
END $$;
--> statement-breakpoint
CREATE OR REPLACE FUNCTION clinical.reject_change() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'DELETE' AND app.is_erasing() THEN RETURN OLD; END IF;
  RAISE EXCEPTION 'clinical history is append-only' USING ERRCODE = 'insufficient_privilege';
END $$;
