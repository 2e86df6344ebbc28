-- Notification channels. A person reads and changes only their own preferences, quiet hours and
-- push subscriptions; the delivery worker (system context) reads them to decide and to send.
-- Delivery rows are written like the inbox they belong to: in the notifying org's context or by
-- the system; only the system claims and updates them. The VAPID key pair is the system's alone.
GRANT SELECT, INSERT, UPDATE, DELETE ON notifications.preferences, notifications.quiet_hours, notifications.push_subscriptions TO tend_app;
--> statement-breakpoint
GRANT SELECT, INSERT, UPDATE ON notifications.deliveries TO tend_app;
--> statement-breakpoint
GRANT SELECT, INSERT ON notify.vapid_keys TO tend_app;
--> statement-breakpoint
ALTER TABLE notifications.preferences ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
ALTER TABLE notifications.preferences FORCE ROW LEVEL SECURITY;
--> statement-breakpoint
ALTER TABLE notifications.quiet_hours ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
ALTER TABLE notifications.quiet_hours FORCE ROW LEVEL SECURITY;
--> statement-breakpoint
ALTER TABLE notifications.push_subscriptions ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
ALTER TABLE notifications.push_subscriptions FORCE ROW LEVEL SECURITY;
--> statement-breakpoint
ALTER TABLE notifications.deliveries ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
ALTER TABLE notifications.deliveries FORCE ROW LEVEL SECURITY;
--> statement-breakpoint
ALTER TABLE notify.vapid_keys ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
ALTER TABLE notify.vapid_keys FORCE ROW LEVEL SECURITY;
--> statement-breakpoint
CREATE POLICY preferences_own ON notifications.preferences FOR ALL TO tend_app
  USING (user_id = (select app.user_id()) OR (select app.is_system()))
  WITH CHECK (user_id = (select app.user_id()) OR (select app.is_system()));
--> statement-breakpoint
CREATE POLICY quiet_hours_own ON notifications.quiet_hours FOR ALL TO tend_app
  USING (user_id = (select app.user_id()) OR (select app.is_system()))
  WITH CHECK (user_id = (select app.user_id()) OR (select app.is_system()));
--> statement-breakpoint
CREATE POLICY push_subscriptions_own ON notifications.push_subscriptions FOR ALL TO tend_app
  USING (user_id = (select app.user_id()) OR (select app.is_system()))
  WITH CHECK (user_id = (select app.user_id()) OR (select app.is_system()));
--> statement-breakpoint
CREATE POLICY deliveries_read ON notifications.deliveries FOR SELECT TO tend_app USING (user_id = (select app.user_id()) OR (select app.is_system()));
--> statement-breakpoint
CREATE POLICY deliveries_insert ON notifications.deliveries FOR INSERT TO tend_app WITH CHECK ((select app.is_system()) OR (org_id IS NOT NULL AND org_id = (select app.org_id())));
--> statement-breakpoint
CREATE POLICY deliveries_update ON notifications.deliveries FOR UPDATE TO tend_app USING ((select app.is_system()));
--> statement-breakpoint
CREATE POLICY vapid_keys_system ON notify.vapid_keys FOR ALL TO tend_app USING ((select app.is_system())) WITH CHECK ((select app.is_system()));
