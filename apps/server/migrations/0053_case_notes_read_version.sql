-- Read versions for case pages (ADR 0034): the case page shows the case (the org's counter), names and keys (the
-- people counter) and the case's latest progress notes. Notes get a counter per case, not the org's: drafts are
-- autosaved every few seconds, and moving the org's counter for each would rebuild every kept caseload page of
-- the practice. The scope names its org, so a member of one org can never read a counter of another's case.
CREATE OR REPLACE FUNCTION app.bump_case_notes_read_version() RETURNS trigger LANGUAGE plpgsql SECURITY DEFINER SET search_path = pg_catalog, app AS $$
BEGIN
  IF TG_OP = 'DELETE' THEN
    PERFORM app.bump_read_version('notes:' || OLD.org_id || ':' || OLD.case_id);
  ELSE
    PERFORM app.bump_read_version('notes:' || NEW.org_id || ':' || NEW.case_id);
  END IF;
  RETURN NULL;
END $$;
--> statement-breakpoint
REVOKE ALL ON FUNCTION app.bump_case_notes_read_version() FROM PUBLIC;
--> statement-breakpoint
CREATE CONSTRAINT TRIGGER notes_read_version AFTER INSERT OR UPDATE OR DELETE ON clinical.notes
  DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION app.bump_case_notes_read_version();
--> statement-breakpoint
-- The org's counter, the people counter and the case's notes counter as "<org>.<people>.<notes>", for an active
-- member of the org; null for anyone else. Whether the caller may read the case at all is not its business: the
-- server serves a kept page only to the reader it was built for, under the policies that built it.
CREATE OR REPLACE FUNCTION app.read_version(p_org uuid, p_case uuid) RETURNS text LANGUAGE sql STABLE SECURITY DEFINER SET search_path = pg_catalog, app AS $$
  SELECT coalesce((SELECT version FROM app.read_versions WHERE scope = 'org:' || p_org), 0)
    || '.' || coalesce((SELECT version FROM app.read_versions WHERE scope = 'people'), 0)
    || '.' || coalesce((SELECT version FROM app.read_versions WHERE scope = 'notes:' || p_org || ':' || p_case), 0)
  WHERE EXISTS (SELECT 1 FROM identity.memberships m WHERE m.org_id = p_org AND m.user_id = app.user_id() AND m.removed_at IS NULL)
$$;
--> statement-breakpoint
REVOKE ALL ON FUNCTION app.read_version(uuid, uuid) FROM PUBLIC;
--> statement-breakpoint
GRANT EXECUTE ON FUNCTION app.read_version(uuid, uuid) TO tend_app;
