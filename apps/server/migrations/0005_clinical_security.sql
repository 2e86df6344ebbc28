-- Clinical notes: row-level security, grants, append-only versions and the signed-note lock.
-- Progress notes are for the care team: the lead specialist, co-specialists and supervisors on the case,
-- and the org's supervisors. Not the client, not the org admin (unless on the care team).
-- Psychotherapy notes are for their author only: no one else, not even the system context.
GRANT USAGE ON SCHEMA clinical TO tend_app;
--> statement-breakpoint
GRANT SELECT, INSERT, UPDATE ON clinical.note_templates, clinical.notes, clinical.psychotherapy_notes TO tend_app;
--> statement-breakpoint
GRANT SELECT, INSERT ON clinical.note_versions TO tend_app;
--> statement-breakpoint
CREATE OR REPLACE FUNCTION clinical.can_read_notes(p_case uuid) RETURNS boolean LANGUAGE sql STABLE AS $$
  SELECT EXISTS (
    SELECT 1 FROM case_mgmt.cases c
     WHERE c.id = p_case AND c.org_id = app.org_id()
       AND (c.specialist_user_id = app.user_id() OR case_mgmt.has_grant(c.id) OR app.role() = 'supervisor')
  )
$$;
--> statement-breakpoint
CREATE OR REPLACE FUNCTION clinical.can_write_notes(p_case uuid) RETURNS boolean LANGUAGE sql STABLE AS $$
  SELECT EXISTS (
    SELECT 1 FROM case_mgmt.cases c
     WHERE c.id = p_case AND c.org_id = app.org_id()
       AND (c.specialist_user_id = app.user_id()
            OR EXISTS (SELECT 1 FROM case_mgmt.case_access a WHERE a.case_id = c.id AND a.user_id = app.user_id() AND a.role = 'co_specialist' AND a.revoked_at IS NULL))
  )
$$;
--> statement-breakpoint
GRANT EXECUTE ON FUNCTION clinical.can_read_notes(uuid), clinical.can_write_notes(uuid) TO tend_app;
--> statement-breakpoint
ALTER TABLE clinical.note_templates ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
ALTER TABLE clinical.note_templates FORCE ROW LEVEL SECURITY;
--> statement-breakpoint
CREATE POLICY note_templates_read ON clinical.note_templates FOR SELECT TO tend_app USING (org_id = (select app.org_id()) AND (select app.is_staff()));
--> statement-breakpoint
CREATE POLICY note_templates_insert ON clinical.note_templates FOR INSERT TO tend_app WITH CHECK (org_id = (select app.org_id()) AND (select app.role()) = 'org_admin');
--> statement-breakpoint
CREATE POLICY note_templates_update ON clinical.note_templates FOR UPDATE TO tend_app USING (org_id = (select app.org_id()) AND (select app.role()) = 'org_admin') WITH CHECK (org_id = (select app.org_id()));
--> statement-breakpoint
ALTER TABLE clinical.notes ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
ALTER TABLE clinical.notes FORCE ROW LEVEL SECURITY;
--> statement-breakpoint
CREATE POLICY notes_read ON clinical.notes FOR SELECT TO tend_app USING (org_id = (select app.org_id()) AND (select app.is_staff()) AND clinical.can_read_notes(case_id));
--> statement-breakpoint
CREATE POLICY notes_insert ON clinical.notes FOR INSERT TO tend_app WITH CHECK (org_id = (select app.org_id()) AND author_user_id = (select app.user_id()) AND clinical.can_write_notes(case_id));
--> statement-breakpoint
CREATE POLICY notes_update ON clinical.notes FOR UPDATE TO tend_app USING (org_id = (select app.org_id()) AND (select app.is_staff()) AND clinical.can_read_notes(case_id)) WITH CHECK (org_id = (select app.org_id()));
--> statement-breakpoint
-- A signed note changes only by an amendment, which raises its version; a draft changes freely.
CREATE OR REPLACE FUNCTION clinical.guard_signed_note() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF OLD.status <> 'draft' AND (NEW.content_ciphertext IS DISTINCT FROM OLD.content_ciphertext OR NEW.content_hash IS DISTINCT FROM OLD.content_hash)
     AND NEW.version <= OLD.version THEN
    RAISE EXCEPTION 'a signed note changes only by amendment' USING ERRCODE = 'insufficient_privilege';
  END IF;
  IF NEW.case_id IS DISTINCT FROM OLD.case_id OR NEW.author_user_id IS DISTINCT FROM OLD.author_user_id OR NEW.org_id IS DISTINCT FROM OLD.org_id THEN
    RAISE EXCEPTION 'a note stays with its case and author' USING ERRCODE = 'insufficient_privilege';
  END IF;
  RETURN NEW;
END $$;
--> statement-breakpoint
CREATE TRIGGER notes_signed_lock BEFORE UPDATE ON clinical.notes FOR EACH ROW EXECUTE FUNCTION clinical.guard_signed_note();
--> statement-breakpoint
ALTER TABLE clinical.note_versions ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
ALTER TABLE clinical.note_versions FORCE ROW LEVEL SECURITY;
--> statement-breakpoint
CREATE POLICY note_versions_read ON clinical.note_versions FOR SELECT TO tend_app USING (
  org_id = (select app.org_id()) AND EXISTS (SELECT 1 FROM clinical.notes n WHERE n.id = note_versions.note_id)
);
--> statement-breakpoint
CREATE POLICY note_versions_insert ON clinical.note_versions FOR INSERT TO tend_app WITH CHECK (
  org_id = (select app.org_id()) AND by_user_id = (select app.user_id()) AND EXISTS (SELECT 1 FROM clinical.notes n WHERE n.id = note_versions.note_id)
);
--> statement-breakpoint
CREATE OR REPLACE FUNCTION clinical.reject_change() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION 'note versions are append-only' USING ERRCODE = 'insufficient_privilege';
END $$;
--> statement-breakpoint
CREATE TRIGGER note_versions_append_only BEFORE UPDATE OR DELETE ON clinical.note_versions FOR EACH ROW EXECUTE FUNCTION clinical.reject_change();
--> statement-breakpoint
CREATE TRIGGER note_versions_no_truncate BEFORE TRUNCATE ON clinical.note_versions FOR EACH STATEMENT EXECUTE FUNCTION clinical.reject_change();
--> statement-breakpoint
ALTER TABLE clinical.psychotherapy_notes ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
ALTER TABLE clinical.psychotherapy_notes FORCE ROW LEVEL SECURITY;
--> statement-breakpoint
CREATE POLICY psychotherapy_notes_author ON clinical.psychotherapy_notes FOR ALL TO tend_app
  USING (org_id = (select app.org_id()) AND author_user_id = (select app.user_id()) AND (select app.is_staff()))
  WITH CHECK (org_id = (select app.org_id()) AND author_user_id = (select app.user_id()) AND (select app.is_staff()) AND clinical.can_write_notes(case_id));
