-- Licences and session presence: members of the org read licences (a client sees where their specialist
-- may practise); a specialist writes their own. Presence is the appointment's: its client and specialist.
GRANT SELECT, INSERT, DELETE ON scheduling.licences TO tend_app;
--> statement-breakpoint
GRANT SELECT, INSERT, UPDATE ON scheduling.session_presence TO tend_app;
--> statement-breakpoint
ALTER TABLE scheduling.licences ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
ALTER TABLE scheduling.licences FORCE ROW LEVEL SECURITY;
--> statement-breakpoint
CREATE POLICY member_read ON scheduling.licences FOR SELECT TO tend_app USING (org_id = (select app.org_id()));
--> statement-breakpoint
CREATE POLICY own_write ON scheduling.licences FOR ALL TO tend_app
  USING (org_id = (select app.org_id()) AND (specialist_user_id = (select app.user_id()) OR (select app.role()) = 'org_admin'))
  WITH CHECK (org_id = (select app.org_id()) AND (specialist_user_id = (select app.user_id()) OR (select app.role()) = 'org_admin'));
--> statement-breakpoint
ALTER TABLE scheduling.session_presence ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
ALTER TABLE scheduling.session_presence FORCE ROW LEVEL SECURITY;
--> statement-breakpoint
-- Visible and writable with the appointment (the subquery runs under the appointments policy).
CREATE POLICY presence_read ON scheduling.session_presence FOR SELECT TO tend_app USING (
  (select app.is_system()) OR (org_id = (select app.org_id()) AND EXISTS (SELECT 1 FROM scheduling.appointments a WHERE a.id = appointment_id))
);
--> statement-breakpoint
CREATE POLICY presence_insert ON scheduling.session_presence FOR INSERT TO tend_app WITH CHECK (
  org_id = (select app.org_id()) AND EXISTS (SELECT 1 FROM scheduling.appointments a WHERE a.id = appointment_id AND a.client_user_id = (select app.user_id()))
);
--> statement-breakpoint
CREATE POLICY presence_update ON scheduling.session_presence FOR UPDATE TO tend_app
  USING (org_id = (select app.org_id()) AND EXISTS (SELECT 1 FROM scheduling.appointments a WHERE a.id = appointment_id))
  WITH CHECK (org_id = (select app.org_id()));
--> statement-breakpoint
DO $$
BEGIN
  EXECUTE 'GRANT DELETE ON scheduling.session_presence TO tend_app';
  EXECUTE 'CREATE POLICY erasure_read ON scheduling.session_presence FOR SELECT TO tend_app USING ((select app.is_erasing()))';
  EXECUTE 'CREATE POLICY erasure_delete ON scheduling.session_presence FOR DELETE TO tend_app USING ((select app.is_erasing()))';
END $$;
