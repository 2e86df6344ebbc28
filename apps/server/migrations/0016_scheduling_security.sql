-- Scheduling: double booking impossible by construction, row-level security, and the one way a client
-- may see a specialist's busy time (ranges only, never who booked them).
CREATE EXTENSION IF NOT EXISTS btree_gist;
--> statement-breakpoint
ALTER TABLE scheduling.appointments ADD CONSTRAINT appointments_time_order CHECK (ends_at > starts_at AND blocked_from <= starts_at AND blocked_until >= ends_at);
--> statement-breakpoint
ALTER TABLE scheduling.appointments ADD CONSTRAINT appointments_no_overlap
  EXCLUDE USING gist (specialist_user_id WITH =, tstzrange(blocked_from, blocked_until) WITH &&) WHERE (status IN ('scheduled', 'in_progress'));
--> statement-breakpoint
ALTER TABLE scheduling.availability_rules ADD CONSTRAINT availability_rules_valid CHECK (weekday BETWEEN 1 AND 7 AND start_minute >= 0 AND end_minute <= 1440 AND start_minute < end_minute);
--> statement-breakpoint
ALTER TABLE scheduling.availability_overrides ADD CONSTRAINT availability_overrides_valid CHECK ((start_minute IS NULL AND end_minute IS NULL) OR (start_minute >= 0 AND end_minute <= 1440 AND start_minute < end_minute));
--> statement-breakpoint
GRANT USAGE ON SCHEMA scheduling TO tend_app;
--> statement-breakpoint
GRANT SELECT, INSERT, UPDATE ON scheduling.specialist_settings, scheduling.session_types, scheduling.appointments TO tend_app;
--> statement-breakpoint
GRANT SELECT, INSERT, DELETE ON scheduling.availability_rules, scheduling.availability_overrides TO tend_app;
--> statement-breakpoint
DO $$
DECLARE t text;
BEGIN
  FOREACH t IN ARRAY ARRAY['scheduling.specialist_settings', 'scheduling.session_types', 'scheduling.availability_rules', 'scheduling.availability_overrides'] LOOP
    EXECUTE format('ALTER TABLE %s ENABLE ROW LEVEL SECURITY', t);
    EXECUTE format('ALTER TABLE %s FORCE ROW LEVEL SECURITY', t);
    EXECUTE format('CREATE POLICY member_read ON %s FOR SELECT TO tend_app USING (org_id = (select app.org_id()))', t);
  END LOOP;
END $$;
--> statement-breakpoint
CREATE POLICY own_write ON scheduling.specialist_settings FOR ALL TO tend_app
  USING (org_id = (select app.org_id()) AND (user_id = (select app.user_id()) OR (select app.role()) = 'org_admin'))
  WITH CHECK (org_id = (select app.org_id()) AND (user_id = (select app.user_id()) OR (select app.role()) = 'org_admin'));
--> statement-breakpoint
DO $$
DECLARE t text;
BEGIN
  FOREACH t IN ARRAY ARRAY['scheduling.session_types', 'scheduling.availability_rules', 'scheduling.availability_overrides'] LOOP
    EXECUTE format('CREATE POLICY own_write ON %s FOR ALL TO tend_app
      USING (org_id = (select app.org_id()) AND (specialist_user_id = (select app.user_id()) OR (select app.role()) = ''org_admin''))
      WITH CHECK (org_id = (select app.org_id()) AND (specialist_user_id = (select app.user_id()) OR (select app.role()) = ''org_admin''))', t);
  END LOOP;
END $$;
--> statement-breakpoint
ALTER TABLE scheduling.appointments ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
ALTER TABLE scheduling.appointments FORCE ROW LEVEL SECURITY;
--> statement-breakpoint
CREATE POLICY appointments_read ON scheduling.appointments FOR SELECT TO tend_app USING (
  (select app.is_system()) OR (org_id = (select app.org_id()) AND (
    client_user_id = (select app.user_id()) OR specialist_user_id = (select app.user_id()) OR (select app.role()) IN ('org_admin', 'supervisor')
  ))
);
--> statement-breakpoint
CREATE POLICY appointments_insert ON scheduling.appointments FOR INSERT TO tend_app WITH CHECK (
  org_id = (select app.org_id()) AND booked_by = (select app.user_id()) AND (
    (client_user_id = (select app.user_id()) AND (select app.role()) = 'client') OR specialist_user_id = (select app.user_id()) OR (select app.role()) = 'org_admin'
  )
);
--> statement-breakpoint
CREATE POLICY appointments_update ON scheduling.appointments FOR UPDATE TO tend_app
  USING ((select app.is_system()) OR (org_id = (select app.org_id()) AND (client_user_id = (select app.user_id()) OR specialist_user_id = (select app.user_id()) OR (select app.role()) = 'org_admin')))
  WITH CHECK ((select app.is_system()) OR org_id = (select app.org_id()));
--> statement-breakpoint
-- A specialist's busy time in the caller's org, as ranges only: what a client needs to see free slots.
CREATE OR REPLACE FUNCTION scheduling.busy_ranges(p_specialist uuid, p_from timestamptz, p_to timestamptz)
RETURNS TABLE (blocked_from timestamptz, blocked_until timestamptz)
LANGUAGE sql STABLE SECURITY DEFINER SET search_path = pg_catalog, pg_temp AS $$
  SELECT a.blocked_from, a.blocked_until FROM scheduling.appointments a
   WHERE a.specialist_user_id = p_specialist AND a.org_id = app.org_id() AND app.org_id() IS NOT NULL
     AND a.status IN ('scheduled', 'in_progress') AND a.blocked_until > p_from AND a.blocked_from < p_to
$$;
--> statement-breakpoint
REVOKE ALL ON FUNCTION scheduling.busy_ranges(uuid, timestamptz, timestamptz) FROM PUBLIC;
--> statement-breakpoint
GRANT EXECUTE ON FUNCTION scheduling.busy_ranges(uuid, timestamptz, timestamptz) TO tend_app;
