-- Forms: staff of the org read them; org admins and specialists build them. Assignments: the client
-- they were sent to and the case's care team see them; the client fills them in; once submitted
-- (signed) an assignment never changes again, even for the owner.
GRANT SELECT, INSERT, UPDATE ON clinical.forms, clinical.form_assignments TO tend_app;
--> statement-breakpoint
ALTER TABLE clinical.forms ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
ALTER TABLE clinical.forms FORCE ROW LEVEL SECURITY;
--> statement-breakpoint
CREATE POLICY forms_read ON clinical.forms FOR SELECT TO tend_app USING (org_id = (select app.org_id()) AND (select app.is_staff()));
--> statement-breakpoint
CREATE POLICY forms_insert ON clinical.forms FOR INSERT TO tend_app WITH CHECK (org_id = (select app.org_id()) AND (select app.role()) IN ('org_admin', 'specialist'));
--> statement-breakpoint
CREATE POLICY forms_update ON clinical.forms FOR UPDATE TO tend_app USING (org_id = (select app.org_id()) AND (select app.role()) IN ('org_admin', 'specialist')) WITH CHECK (org_id = (select app.org_id()));
--> statement-breakpoint
ALTER TABLE clinical.form_assignments ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
ALTER TABLE clinical.form_assignments FORCE ROW LEVEL SECURITY;
--> statement-breakpoint
CREATE POLICY form_assignments_read ON clinical.form_assignments FOR SELECT TO tend_app USING (
  org_id = (select app.org_id()) AND (client_user_id = (select app.user_id()) OR ((select app.is_staff()) AND clinical.can_read_notes(case_id)))
);
--> statement-breakpoint
CREATE POLICY form_assignments_insert ON clinical.form_assignments FOR INSERT TO tend_app WITH CHECK (
  org_id = (select app.org_id()) AND sent_by = (select app.user_id()) AND clinical.can_write_notes(case_id)
);
--> statement-breakpoint
CREATE POLICY form_assignments_update ON clinical.form_assignments FOR UPDATE TO tend_app
  USING (org_id = (select app.org_id()) AND (client_user_id = (select app.user_id()) OR ((select app.is_staff()) AND clinical.can_write_notes(case_id))))
  WITH CHECK (org_id = (select app.org_id()));
--> statement-breakpoint
CREATE OR REPLACE FUNCTION clinical.guard_submitted_form() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF OLD.status IN ('submitted', 'cancelled') THEN
    RAISE EXCEPTION 'a submitted or cancelled form never changes' USING ERRCODE = 'insufficient_privilege';
  END IF;
  IF NEW.client_user_id IS DISTINCT FROM OLD.client_user_id OR NEW.case_id IS DISTINCT FROM OLD.case_id OR NEW.fields IS DISTINCT FROM OLD.fields THEN
    RAISE EXCEPTION 'a sent form keeps its client, case and fields' USING ERRCODE = 'insufficient_privilege';
  END IF;
  RETURN NEW;
END $$;
--> statement-breakpoint
CREATE TRIGGER form_assignments_guard BEFORE UPDATE ON clinical.form_assignments FOR EACH ROW EXECUTE FUNCTION clinical.guard_submitted_form();
--> statement-breakpoint
CREATE TRIGGER form_assignments_no_delete BEFORE DELETE ON clinical.form_assignments FOR EACH ROW EXECUTE FUNCTION clinical.reject_change();
