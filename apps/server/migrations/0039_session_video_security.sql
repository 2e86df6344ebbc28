-- Video events and recordings are the session's: visible with the appointment (its client and specialist, the
-- practice's admins and supervisors, the system). Events are written only by verified webhooks (system context);
-- a recording is started by the session's specialist and updated by them or by the system (webhooks, revocations).
GRANT SELECT, INSERT ON scheduling.session_video_events TO tend_app;
--> statement-breakpoint
GRANT SELECT, INSERT, UPDATE ON scheduling.session_recordings TO tend_app;
--> statement-breakpoint
ALTER TABLE scheduling.session_video_events ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
ALTER TABLE scheduling.session_video_events FORCE ROW LEVEL SECURITY;
--> statement-breakpoint
CREATE POLICY video_events_read ON scheduling.session_video_events FOR SELECT TO tend_app USING (
  (select app.is_system()) OR (org_id = (select app.org_id()) AND EXISTS (SELECT 1 FROM scheduling.appointments a WHERE a.id = appointment_id))
);
--> statement-breakpoint
CREATE POLICY video_events_insert ON scheduling.session_video_events FOR INSERT TO tend_app WITH CHECK (
  (select app.is_system()) AND org_id = (select app.org_id())
);
--> statement-breakpoint
ALTER TABLE scheduling.session_recordings ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
ALTER TABLE scheduling.session_recordings FORCE ROW LEVEL SECURITY;
--> statement-breakpoint
CREATE POLICY recordings_read ON scheduling.session_recordings FOR SELECT TO tend_app USING (
  (select app.is_system()) OR (org_id = (select app.org_id()) AND EXISTS (SELECT 1 FROM scheduling.appointments a WHERE a.id = appointment_id))
);
--> statement-breakpoint
CREATE POLICY recordings_start ON scheduling.session_recordings FOR INSERT TO tend_app WITH CHECK (
  org_id = (select app.org_id()) AND started_by = (select app.user_id()) AND EXISTS (
    SELECT 1 FROM scheduling.appointments a WHERE a.id = appointment_id AND a.org_id = (select app.org_id()) AND a.specialist_user_id = (select app.user_id())
  )
);
--> statement-breakpoint
CREATE POLICY recordings_update ON scheduling.session_recordings FOR UPDATE TO tend_app
  USING ((select app.is_system()) OR (org_id = (select app.org_id()) AND EXISTS (
    SELECT 1 FROM scheduling.appointments a WHERE a.id = appointment_id AND a.specialist_user_id = (select app.user_id())
  )))
  WITH CHECK ((select app.is_system()) OR org_id = (select app.org_id()));
--> statement-breakpoint
DO $$
DECLARE t text;
BEGIN
  FOREACH t IN ARRAY ARRAY['scheduling.session_video_events', 'scheduling.session_recordings'] LOOP
    EXECUTE format('GRANT DELETE ON %s TO tend_app', t);
    EXECUTE format('CREATE POLICY erasure_read ON %s FOR SELECT TO tend_app USING ((select app.is_erasing()))', t);
    EXECUTE format('CREATE POLICY erasure_delete ON %s FOR DELETE TO tend_app USING ((select app.is_erasing()))', t);
  END LOOP;
END $$;
