-- Reminders are sent by jobs (system context); the calendar feed is looked up by its secret, also as the
-- system. Members of an org never read another's feed secret: it is only returned to its specialist.
ALTER TABLE scheduling.reminders_sent ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
ALTER TABLE scheduling.reminders_sent FORCE ROW LEVEL SECURITY;
--> statement-breakpoint
GRANT SELECT, INSERT, DELETE ON scheduling.reminders_sent TO tend_app;
--> statement-breakpoint
CREATE POLICY reminders_system ON scheduling.reminders_sent FOR ALL TO tend_app USING ((select app.is_system())) WITH CHECK ((select app.is_system()));
--> statement-breakpoint
CREATE POLICY erasure_delete ON scheduling.reminders_sent FOR DELETE TO tend_app USING ((select app.is_erasing()));
--> statement-breakpoint
-- The system context (jobs, the feed) reads and updates what it needs of scheduling.
CREATE POLICY system_read ON scheduling.specialist_settings FOR SELECT TO tend_app USING ((select app.is_system()));
--> statement-breakpoint
CREATE POLICY system_read ON scheduling.session_types FOR SELECT TO tend_app USING ((select app.is_system()));
