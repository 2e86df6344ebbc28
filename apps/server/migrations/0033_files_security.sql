-- Case files: row-level security, grants and the immutable-record guard (ADR 0008).
-- Who sees a file: the care team of its case (lead specialist, co-specialists and supervisors on the
-- case, the org's supervisors) and the client of the case for files shared with them or uploaded by
-- them. Not the org admin (not on the care team, as with notes) and nobody outside the org.
GRANT USAGE ON SCHEMA files TO tend_app;
--> statement-breakpoint
GRANT SELECT, INSERT, UPDATE ON files.case_files TO tend_app;
--> statement-breakpoint
CREATE OR REPLACE FUNCTION files.is_care_team(p_case uuid) RETURNS boolean LANGUAGE sql STABLE AS $$
  SELECT app.is_staff() AND EXISTS (
    SELECT 1 FROM case_mgmt.cases c
     WHERE c.id = p_case AND c.org_id = app.org_id()
       AND (c.specialist_user_id = app.user_id() OR case_mgmt.has_grant(c.id) OR app.role() = 'supervisor')
  )
$$;
--> statement-breakpoint
CREATE OR REPLACE FUNCTION files.is_client_of(p_case uuid) RETURNS boolean LANGUAGE sql STABLE AS $$
  SELECT app.role() = 'client' AND EXISTS (
    SELECT 1 FROM case_mgmt.cases c WHERE c.id = p_case AND c.org_id = app.org_id() AND c.client_user_id = app.user_id()
  )
$$;
--> statement-breakpoint
-- Who may add files to a case: its lead, its co-specialists and its client.
CREATE OR REPLACE FUNCTION files.can_write(p_case uuid) RETURNS boolean LANGUAGE sql STABLE AS $$
  SELECT files.is_client_of(p_case) OR (app.is_staff() AND EXISTS (
    SELECT 1 FROM case_mgmt.cases c
     WHERE c.id = p_case AND c.org_id = app.org_id()
       AND (c.specialist_user_id = app.user_id()
            OR EXISTS (SELECT 1 FROM case_mgmt.case_access a WHERE a.case_id = c.id AND a.user_id = app.user_id() AND a.role = 'co_specialist' AND a.revoked_at IS NULL))
  ))
$$;
--> statement-breakpoint
GRANT EXECUTE ON FUNCTION files.is_care_team(uuid), files.is_client_of(uuid), files.can_write(uuid) TO tend_app;
--> statement-breakpoint
ALTER TABLE files.case_files ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
ALTER TABLE files.case_files FORCE ROW LEVEL SECURITY;
--> statement-breakpoint
CREATE POLICY case_files_read ON files.case_files FOR SELECT TO tend_app USING (
  org_id = app.org_id() AND (
    files.is_care_team(case_id)
    OR (files.is_client_of(case_id) AND (shared_with_client OR uploaded_by = app.user_id()))
  )
);
--> statement-breakpoint
CREATE POLICY case_files_insert ON files.case_files FOR INSERT TO tend_app WITH CHECK (
  org_id = app.org_id() AND uploaded_by = app.user_id() AND files.can_write(case_id)
);
--> statement-breakpoint
-- Sharing and deleting: the uploader, or a writer on the care team (the service narrows deletion to
-- the uploader and the lead, and sharing to staff).
CREATE POLICY case_files_update ON files.case_files FOR UPDATE TO tend_app
  USING (org_id = app.org_id() AND (uploaded_by = app.user_id() OR (app.is_staff() AND files.can_write(case_id))))
  WITH CHECK (org_id = app.org_id());
--> statement-breakpoint
-- A file record never moves and its sealed bytes never change: only sharing and (one-way) deletion do.
CREATE OR REPLACE FUNCTION files.guard_case_file() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF NEW.id IS DISTINCT FROM OLD.id OR NEW.org_id IS DISTINCT FROM OLD.org_id OR NEW.case_id IS DISTINCT FROM OLD.case_id
     OR NEW.uploaded_by IS DISTINCT FROM OLD.uploaded_by OR NEW.filename_ciphertext IS DISTINCT FROM OLD.filename_ciphertext
     OR NEW.size IS DISTINCT FROM OLD.size OR NEW.mime_type IS DISTINCT FROM OLD.mime_type OR NEW.sha256 IS DISTINCT FROM OLD.sha256
     OR NEW.storage_key IS DISTINCT FROM OLD.storage_key OR NEW.wrapped_key IS DISTINCT FROM OLD.wrapped_key
     OR NEW.created_at IS DISTINCT FROM OLD.created_at
     OR (OLD.deleted_at IS NOT NULL AND (NEW.deleted_at IS DISTINCT FROM OLD.deleted_at OR NEW.deleted_by IS DISTINCT FROM OLD.deleted_by)) THEN
    RAISE EXCEPTION 'a case file changes only by sharing or deletion' USING ERRCODE = 'insufficient_privilege';
  END IF;
  RETURN NEW;
END $$;
--> statement-breakpoint
CREATE TRIGGER case_files_guard BEFORE UPDATE ON files.case_files FOR EACH ROW EXECUTE FUNCTION files.guard_case_file();
--> statement-breakpoint
-- The erasure job's path (0012): deleting the row destroys the file's wrapped key, so the sealed bytes
-- left in storage can never be read again.
GRANT DELETE ON files.case_files TO tend_app;
--> statement-breakpoint
CREATE POLICY erasure_read ON files.case_files FOR SELECT TO tend_app USING ((select app.is_erasing()));
--> statement-breakpoint
CREATE POLICY erasure_delete ON files.case_files FOR DELETE TO tend_app USING ((select app.is_erasing()));
