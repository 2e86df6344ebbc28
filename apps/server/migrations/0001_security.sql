-- Tenancy, roles and audit guarantees that drizzle-kit cannot express (ARCHITECTURE §4).
-- Requests run as tend_server (LOGIN, NOINHERIT) which must SET ROLE tend_app (NOLOGIN, no BYPASSRLS).
DO $$ BEGIN
  IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = 'tend_app') THEN CREATE ROLE tend_app NOLOGIN NOBYPASSRLS; END IF;
  IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = 'tend_server') THEN CREATE ROLE tend_server LOGIN NOINHERIT NOBYPASSRLS; END IF;
END $$;
--> statement-breakpoint
GRANT tend_app TO tend_server;
--> statement-breakpoint
CREATE SCHEMA IF NOT EXISTS app;
--> statement-breakpoint
-- Settings are read with nullif(..., ''): on a pooled connection an unset custom setting comes back as ''.
CREATE OR REPLACE FUNCTION app.user_id() RETURNS uuid LANGUAGE sql STABLE AS $$ SELECT nullif(current_setting('app.user_id', true), '')::uuid $$;
--> statement-breakpoint
CREATE OR REPLACE FUNCTION app.org_id() RETURNS uuid LANGUAGE sql STABLE AS $$ SELECT nullif(current_setting('app.org_id', true), '')::uuid $$;
--> statement-breakpoint
CREATE OR REPLACE FUNCTION app.role() RETURNS text LANGUAGE sql STABLE AS $$ SELECT nullif(current_setting('app.role', true), '') $$;
--> statement-breakpoint
CREATE OR REPLACE FUNCTION app.is_platform_admin() RETURNS boolean LANGUAGE sql STABLE AS $$ SELECT coalesce(current_setting('app.platform_admin', true), '') = 'on' $$;
--> statement-breakpoint
-- The system context is used only by identity's unauthenticated flows (sign-in, registration, refresh,
-- reset, invitation acceptance), jobs and the CLI. See docs/adr/0003-tenancy-and-system-context.md.
CREATE OR REPLACE FUNCTION app.is_system() RETURNS boolean LANGUAGE sql STABLE AS $$ SELECT coalesce(current_setting('app.system', true), '') = 'on' $$;
--> statement-breakpoint
CREATE OR REPLACE FUNCTION app.is_staff() RETURNS boolean LANGUAGE sql STABLE AS $$ SELECT app.role() IN ('specialist', 'co_specialist', 'supervisor', 'org_admin', 'eap_manager') $$;
--> statement-breakpoint
GRANT USAGE ON SCHEMA app, identity, audit, crypto, notify TO tend_app;
--> statement-breakpoint
GRANT EXECUTE ON ALL FUNCTIONS IN SCHEMA app TO tend_app;
--> statement-breakpoint
GRANT SELECT, INSERT, UPDATE ON ALL TABLES IN SCHEMA identity TO tend_app;
--> statement-breakpoint
GRANT DELETE ON identity.recovery_codes, identity.login_attempts TO tend_app;
--> statement-breakpoint
GRANT SELECT, INSERT ON audit.audit_log TO tend_app;
--> statement-breakpoint
GRANT SELECT, INSERT, UPDATE ON crypto.data_keys TO tend_app;
--> statement-breakpoint
GRANT SELECT, INSERT, UPDATE ON notify.mail_outbox TO tend_app;
--> statement-breakpoint
ALTER TABLE identity.users ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
ALTER TABLE identity.users FORCE ROW LEVEL SECURITY;
--> statement-breakpoint
CREATE POLICY users_read ON identity.users FOR SELECT TO tend_app USING (
  id = app.user_id() OR app.is_system() OR app.is_platform_admin()
  OR (app.is_staff() AND EXISTS (SELECT 1 FROM identity.memberships m WHERE m.user_id = users.id AND m.org_id = app.org_id() AND m.removed_at IS NULL))
);
--> statement-breakpoint
CREATE POLICY users_insert ON identity.users FOR INSERT TO tend_app WITH CHECK (app.is_system());
--> statement-breakpoint
CREATE POLICY users_update ON identity.users FOR UPDATE TO tend_app USING (id = app.user_id() OR app.is_system()) WITH CHECK (id = app.user_id() OR app.is_system());
--> statement-breakpoint
-- A user may update their own row, but never their privileges, erasure or identity (email): those
-- change only in the system context, so one injectable query cannot make anyone a platform admin.
CREATE OR REPLACE FUNCTION identity.guard_user_update() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF NOT app.is_system() AND (NEW.platform_admin IS DISTINCT FROM OLD.platform_admin OR NEW.erased_at IS DISTINCT FROM OLD.erased_at
      OR NEW.email_blind_index IS DISTINCT FROM OLD.email_blind_index OR NEW.email_ciphertext IS DISTINCT FROM OLD.email_ciphertext
      OR NEW.id IS DISTINCT FROM OLD.id OR NEW.created_at IS DISTINCT FROM OLD.created_at) THEN
    RAISE EXCEPTION 'this change to a user needs the system context' USING ERRCODE = 'insufficient_privilege';
  END IF;
  RETURN NEW;
END $$;
--> statement-breakpoint
CREATE TRIGGER users_guard BEFORE UPDATE ON identity.users FOR EACH ROW EXECUTE FUNCTION identity.guard_user_update();
--> statement-breakpoint
ALTER TABLE identity.orgs ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
ALTER TABLE identity.orgs FORCE ROW LEVEL SECURITY;
--> statement-breakpoint
CREATE POLICY orgs_read ON identity.orgs FOR SELECT TO tend_app USING (
  id = app.org_id() OR app.is_system() OR app.is_platform_admin()
  OR EXISTS (SELECT 1 FROM identity.memberships m WHERE m.org_id = orgs.id AND m.user_id = app.user_id() AND m.removed_at IS NULL)
);
--> statement-breakpoint
CREATE POLICY orgs_insert ON identity.orgs FOR INSERT TO tend_app WITH CHECK (app.is_system());
--> statement-breakpoint
CREATE POLICY orgs_update ON identity.orgs FOR UPDATE TO tend_app USING ((id = app.org_id() AND app.role() = 'org_admin') OR app.is_system());
--> statement-breakpoint
ALTER TABLE identity.memberships ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
ALTER TABLE identity.memberships FORCE ROW LEVEL SECURITY;
--> statement-breakpoint
CREATE POLICY memberships_read ON identity.memberships FOR SELECT TO tend_app USING (
  user_id = app.user_id() OR app.is_system() OR app.is_platform_admin() OR (org_id = app.org_id() AND app.is_staff())
);
--> statement-breakpoint
CREATE POLICY memberships_write ON identity.memberships FOR INSERT TO tend_app WITH CHECK ((org_id = app.org_id() AND app.role() = 'org_admin') OR app.is_system());
--> statement-breakpoint
CREATE POLICY memberships_update ON identity.memberships FOR UPDATE TO tend_app USING ((org_id = app.org_id() AND app.role() = 'org_admin') OR app.is_system());
--> statement-breakpoint
ALTER TABLE identity.invitations ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
ALTER TABLE identity.invitations FORCE ROW LEVEL SECURITY;
--> statement-breakpoint
CREATE POLICY invitations_org_admin ON identity.invitations FOR ALL TO tend_app
  USING ((org_id = app.org_id() AND app.role() = 'org_admin') OR app.is_system())
  WITH CHECK ((org_id = app.org_id() AND app.role() = 'org_admin') OR app.is_system());
--> statement-breakpoint
ALTER TABLE identity.auth_sessions ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
ALTER TABLE identity.auth_sessions FORCE ROW LEVEL SECURITY;
--> statement-breakpoint
CREATE POLICY auth_sessions_own ON identity.auth_sessions FOR ALL TO tend_app
  USING (user_id = app.user_id() OR app.is_system()) WITH CHECK (user_id = app.user_id() OR app.is_system());
--> statement-breakpoint
ALTER TABLE identity.recovery_codes ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
ALTER TABLE identity.recovery_codes FORCE ROW LEVEL SECURITY;
--> statement-breakpoint
CREATE POLICY recovery_codes_own ON identity.recovery_codes FOR ALL TO tend_app
  USING (user_id = app.user_id() OR app.is_system()) WITH CHECK (user_id = app.user_id() OR app.is_system());
--> statement-breakpoint
ALTER TABLE identity.password_resets ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
ALTER TABLE identity.password_resets FORCE ROW LEVEL SECURITY;
--> statement-breakpoint
CREATE POLICY password_resets_system ON identity.password_resets FOR ALL TO tend_app USING (app.is_system()) WITH CHECK (app.is_system());
--> statement-breakpoint
ALTER TABLE identity.login_attempts ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
ALTER TABLE identity.login_attempts FORCE ROW LEVEL SECURITY;
--> statement-breakpoint
CREATE POLICY login_attempts_system ON identity.login_attempts FOR ALL TO tend_app USING (app.is_system()) WITH CHECK (app.is_system());
--> statement-breakpoint
ALTER TABLE crypto.data_keys ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
ALTER TABLE crypto.data_keys FORCE ROW LEVEL SECURITY;
--> statement-breakpoint
-- Wrapped keys are useless without the master key, which never enters the database.
CREATE POLICY data_keys_read ON crypto.data_keys FOR SELECT TO tend_app USING (true);
--> statement-breakpoint
CREATE POLICY data_keys_insert ON crypto.data_keys FOR INSERT TO tend_app WITH CHECK (app.is_system() OR (scope = 'org' AND org_id = app.org_id()));
--> statement-breakpoint
CREATE POLICY data_keys_update ON crypto.data_keys FOR UPDATE TO tend_app USING (app.is_system());
--> statement-breakpoint
ALTER TABLE notify.mail_outbox ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
ALTER TABLE notify.mail_outbox FORCE ROW LEVEL SECURITY;
--> statement-breakpoint
CREATE POLICY mail_outbox_insert ON notify.mail_outbox FOR INSERT TO tend_app WITH CHECK (org_id IS NULL OR org_id = app.org_id() OR app.is_system());
--> statement-breakpoint
CREATE POLICY mail_outbox_read ON notify.mail_outbox FOR SELECT TO tend_app USING (app.is_platform_admin() OR app.is_system());
--> statement-breakpoint
CREATE POLICY mail_outbox_update ON notify.mail_outbox FOR UPDATE TO tend_app USING (app.is_system());
--> statement-breakpoint
ALTER TABLE audit.audit_log ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
ALTER TABLE audit.audit_log FORCE ROW LEVEL SECURITY;
--> statement-breakpoint
CREATE POLICY audit_read ON audit.audit_log FOR SELECT TO tend_app USING (
  (org_id = app.org_id() AND app.role() = 'org_admin') OR app.is_platform_admin() OR app.is_system()
);
--> statement-breakpoint
CREATE POLICY audit_insert ON audit.audit_log FOR INSERT TO tend_app WITH CHECK (org_id IS NULL OR org_id = app.org_id() OR app.is_system());
--> statement-breakpoint
-- The head of every chain ("<org id or platform>/<lane>"). Locking its row serialises appends per
-- chain; comparing it with the last row lets `tend audit verify` notice rows cut from the end.
CREATE TABLE audit.chain_heads (chain text PRIMARY KEY, seq bigint NOT NULL, hash bytea NOT NULL);
--> statement-breakpoint
CREATE OR REPLACE FUNCTION audit.canonical(r audit.audit_log) RETURNS text LANGUAGE sql IMMUTABLE AS $$
  SELECT jsonb_build_array(r.id, r.org_id, r.lane, r.seq, (extract(epoch FROM r.at) * 1000000)::bigint, r.actor_user_id, r.action,
    r.resource_type, r.resource_id, r.subject_user_id, r.purpose, r.outcome, r.request_id, host(r.ip), r.details,
    encode(r.prev_hash, 'hex'))::text
$$;
--> statement-breakpoint
CREATE OR REPLACE FUNCTION audit.chain_row() RETURNS trigger LANGUAGE plpgsql SECURITY DEFINER SET search_path = pg_catalog, audit AS $$
DECLARE
  chain_key text;
  head record;
BEGIN
  -- One lane per connection (mod 32): appends from different connections rarely wait for each other.
  NEW.lane := pg_backend_pid() % 32;
  chain_key := coalesce(NEW.org_id::text, 'platform') || '/' || NEW.lane;
  SELECT seq, hash INTO head FROM audit.chain_heads WHERE chain = chain_key FOR UPDATE;
  IF NOT FOUND THEN -- the lane's first row: create its head (once), then lock it
    INSERT INTO audit.chain_heads (chain, seq, hash) VALUES (chain_key, 0, '\x'::bytea) ON CONFLICT (chain) DO NOTHING;
    SELECT seq, hash INTO head FROM audit.chain_heads WHERE chain = chain_key FOR UPDATE;
  END IF;
  NEW.seq := head.seq + 1;
  NEW.prev_hash := CASE WHEN head.seq = 0 THEN NULL ELSE head.hash END;
  NEW.at := clock_timestamp();
  NEW.hash := sha256(convert_to(audit.canonical(NEW), 'UTF8'));
  UPDATE audit.chain_heads SET seq = NEW.seq, hash = NEW.hash WHERE chain = chain_key;
  RETURN NEW;
END $$;
--> statement-breakpoint
CREATE TRIGGER audit_log_chain BEFORE INSERT ON audit.audit_log FOR EACH ROW EXECUTE FUNCTION audit.chain_row();
--> statement-breakpoint
CREATE OR REPLACE FUNCTION audit.reject_change() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION 'the audit log is append-only (% rejected)', TG_OP USING ERRCODE = 'insufficient_privilege';
END $$;
--> statement-breakpoint
CREATE TRIGGER audit_log_append_only BEFORE UPDATE OR DELETE ON audit.audit_log FOR EACH ROW EXECUTE FUNCTION audit.reject_change();
--> statement-breakpoint
CREATE TRIGGER audit_log_no_truncate BEFORE TRUNCATE ON audit.audit_log FOR EACH STATEMENT EXECUTE FUNCTION audit.reject_change();
--> statement-breakpoint
CREATE TRIGGER chain_heads_no_delete BEFORE DELETE ON audit.chain_heads FOR EACH ROW EXECUTE FUNCTION audit.reject_change();
--> statement-breakpoint
CREATE TRIGGER chain_heads_no_truncate BEFORE TRUNCATE ON audit.chain_heads FOR EACH STATEMENT EXECUTE FUNCTION audit.reject_change();
