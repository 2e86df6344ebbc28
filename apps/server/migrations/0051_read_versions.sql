-- Read versions (ADR 0030): a counter per org, and one for people, that every committed write to what a
-- caseload shows moves on. A server may keep a caseload page it built and serve it again while both counters
-- still read as they did when it was built; a changed counter means build it anew.
-- The table is closed to the app roles (like audit.chain_heads): the triggers below write it as its owner,
-- and a reader learns only the counters of an org it belongs to, through app.read_version(org).
CREATE TABLE app.read_versions (scope text PRIMARY KEY, version bigint NOT NULL);
--> statement-breakpoint
REVOKE ALL ON app.read_versions FROM PUBLIC;
--> statement-breakpoint
-- Moves a scope's counter on once per transaction, however many rows it writes. It runs when the transaction
-- commits (the triggers are deferred): the counter's row is then the last lock the transaction takes, so two
-- writers of one org wait for each other's commit instead of deadlocking over rows they took in other orders.
CREATE OR REPLACE FUNCTION app.bump_read_version(p_scope text) RETURNS void LANGUAGE plpgsql SECURITY DEFINER SET search_path = pg_catalog, app AS $$
DECLARE
  done text := coalesce(current_setting('tend.read_versions_bumped', true), '');
BEGIN
  IF position('|' || p_scope || '|' IN done) > 0 THEN
    RETURN;
  END IF;
  INSERT INTO app.read_versions AS v (scope, version) VALUES (p_scope, 1)
    ON CONFLICT (scope) DO UPDATE SET version = v.version + 1;
  PERFORM set_config('tend.read_versions_bumped', coalesce(nullif(done, ''), '|') || p_scope || '|', true);
END $$;
--> statement-breakpoint
REVOKE ALL ON FUNCTION app.bump_read_version(text) FROM PUBLIC;
--> statement-breakpoint
CREATE OR REPLACE FUNCTION app.bump_org_read_version() RETURNS trigger LANGUAGE plpgsql SECURITY DEFINER SET search_path = pg_catalog, app AS $$
BEGIN
  IF TG_OP = 'DELETE' THEN
    PERFORM app.bump_read_version('org:' || OLD.org_id);
  ELSE
    PERFORM app.bump_read_version('org:' || NEW.org_id);
  END IF;
  RETURN NULL;
END $$;
--> statement-breakpoint
CREATE OR REPLACE FUNCTION app.bump_people_read_version() RETURNS trigger LANGUAGE plpgsql SECURITY DEFINER SET search_path = pg_catalog, app AS $$
BEGIN
  PERFORM app.bump_read_version('people');
  RETURN NULL;
END $$;
--> statement-breakpoint
-- What decides a caseload line: the case itself, who has been granted it, who belongs to the org (whose names a
-- member may read) and who is bookable there (ditto); for every org, people's names and their keys.
CREATE CONSTRAINT TRIGGER cases_read_version AFTER INSERT OR UPDATE OR DELETE ON case_mgmt.cases
  DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION app.bump_org_read_version();
--> statement-breakpoint
CREATE CONSTRAINT TRIGGER case_access_read_version AFTER INSERT OR UPDATE OR DELETE ON case_mgmt.case_access
  DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION app.bump_org_read_version();
--> statement-breakpoint
CREATE CONSTRAINT TRIGGER memberships_read_version AFTER INSERT OR UPDATE OR DELETE ON identity.memberships
  DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION app.bump_org_read_version();
--> statement-breakpoint
CREATE CONSTRAINT TRIGGER specialist_settings_read_version AFTER INSERT OR UPDATE OR DELETE ON scheduling.specialist_settings
  DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION app.bump_org_read_version();
--> statement-breakpoint
-- A user row changes at every sign-in; only a new name or an erasure changes what a caseload shows.
CREATE CONSTRAINT TRIGGER users_read_version AFTER UPDATE ON identity.users DEFERRABLE INITIALLY DEFERRED FOR EACH ROW
  WHEN (OLD.name_ciphertext IS DISTINCT FROM NEW.name_ciphertext OR OLD.erased_at IS DISTINCT FROM NEW.erased_at)
  EXECUTE FUNCTION app.bump_people_read_version();
--> statement-breakpoint
CREATE CONSTRAINT TRIGGER users_delete_read_version AFTER DELETE ON identity.users
  DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION app.bump_people_read_version();
--> statement-breakpoint
-- A destroyed key turns what it sealed into "[erased]" without touching those rows.
CREATE CONSTRAINT TRIGGER data_keys_read_version AFTER UPDATE ON crypto.data_keys DEFERRABLE INITIALLY DEFERRED FOR EACH ROW
  WHEN (OLD.destroyed_at IS DISTINCT FROM NEW.destroyed_at OR OLD.wrapped IS DISTINCT FROM NEW.wrapped)
  EXECUTE FUNCTION app.bump_people_read_version();
--> statement-breakpoint
CREATE CONSTRAINT TRIGGER data_keys_delete_read_version AFTER DELETE ON crypto.data_keys
  DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION app.bump_people_read_version();
--> statement-breakpoint
-- An org's counter and the people counter as "<org>.<people>" (0 for one never moved), for a caller who is an
-- active member of that org; null for anyone else. The server asks for it as it enters the org, in the same
-- statement that checks the membership and sets the transaction's org.
CREATE OR REPLACE FUNCTION app.read_version(p_org uuid) RETURNS text LANGUAGE sql STABLE SECURITY DEFINER SET search_path = pg_catalog, app AS $$
  SELECT coalesce((SELECT version FROM app.read_versions WHERE scope = 'org:' || p_org), 0)
    || '.' || coalesce((SELECT version FROM app.read_versions WHERE scope = 'people'), 0)
  WHERE EXISTS (SELECT 1 FROM identity.memberships m WHERE m.org_id = p_org AND m.user_id = app.user_id() AND m.removed_at IS NULL)
$$;
--> statement-breakpoint
REVOKE ALL ON FUNCTION app.read_version(uuid) FROM PUBLIC;
--> statement-breakpoint
GRANT EXECUTE ON FUNCTION app.read_version(uuid) TO tend_app;
