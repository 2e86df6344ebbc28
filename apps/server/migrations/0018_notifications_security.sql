-- The notification centre: each person reads and marks only their own; anyone in the org (or the
-- system context, for jobs and the crisis path) may notify a person.
GRANT USAGE ON SCHEMA notifications TO tend_app;
--> statement-breakpoint
GRANT SELECT, INSERT, UPDATE ON notifications.inbox TO tend_app;
--> statement-breakpoint
ALTER TABLE notifications.inbox ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
ALTER TABLE notifications.inbox FORCE ROW LEVEL SECURITY;
--> statement-breakpoint
CREATE POLICY inbox_own ON notifications.inbox FOR SELECT TO tend_app USING (user_id = (select app.user_id()) OR (select app.is_system()));
--> statement-breakpoint
CREATE POLICY inbox_notify ON notifications.inbox FOR INSERT TO tend_app WITH CHECK ((select app.is_system()) OR (org_id IS NOT NULL AND org_id = (select app.org_id())));
--> statement-breakpoint
CREATE POLICY inbox_mark ON notifications.inbox FOR UPDATE TO tend_app USING (user_id = (select app.user_id())) WITH CHECK (user_id = (select app.user_id()));
