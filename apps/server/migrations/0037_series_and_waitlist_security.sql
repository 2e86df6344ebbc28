-- Recurring series: visible like their appointments (the client, the specialist, the practice's admins and
-- supervisors, the system), created by whoever may book them, deleted only by erasure.
GRANT SELECT, INSERT ON scheduling.series TO tend_app;
--> statement-breakpoint
ALTER TABLE scheduling.series ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
ALTER TABLE scheduling.series FORCE ROW LEVEL SECURITY;
--> statement-breakpoint
CREATE POLICY series_read ON scheduling.series FOR SELECT TO tend_app USING (
  (select app.is_system()) OR (org_id = (select app.org_id()) AND (
    client_user_id = (select app.user_id()) OR specialist_user_id = (select app.user_id()) OR (select app.role()) IN ('org_admin', 'supervisor')
  ))
);
--> statement-breakpoint
CREATE POLICY series_insert ON scheduling.series FOR INSERT TO tend_app WITH CHECK (
  org_id = (select app.org_id()) AND booked_by = (select app.user_id()) AND (
    (client_user_id = (select app.user_id()) AND (select app.role()) = 'client') OR specialist_user_id = (select app.user_id()) OR (select app.role()) = 'org_admin'
  )
);
--> statement-breakpoint
GRANT DELETE ON scheduling.series TO tend_app;
--> statement-breakpoint
CREATE POLICY erasure_read ON scheduling.series FOR SELECT TO tend_app USING ((select app.is_erasing()));
--> statement-breakpoint
CREATE POLICY erasure_delete ON scheduling.series FOR DELETE TO tend_app USING ((select app.is_erasing()));

--> statement-breakpoint
-- Waitlist: a client joins and leaves for themselves; the specialist, the practice's admins and supervisors
-- see who waits. Offers are made and expired by jobs (system context); a client reads and accepts their own.
GRANT SELECT, INSERT, UPDATE ON scheduling.waitlist_entries, scheduling.waitlist_offers TO tend_app;
--> statement-breakpoint
ALTER TABLE scheduling.waitlist_entries ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
ALTER TABLE scheduling.waitlist_entries FORCE ROW LEVEL SECURITY;
--> statement-breakpoint
CREATE POLICY entries_read ON scheduling.waitlist_entries FOR SELECT TO tend_app USING (
  (select app.is_system()) OR (org_id = (select app.org_id()) AND (
    client_user_id = (select app.user_id()) OR specialist_user_id = (select app.user_id()) OR (select app.role()) IN ('org_admin', 'supervisor')
  ))
);
--> statement-breakpoint
CREATE POLICY entries_join ON scheduling.waitlist_entries FOR INSERT TO tend_app WITH CHECK (
  org_id = (select app.org_id()) AND client_user_id = (select app.user_id()) AND (select app.role()) = 'client'
);
--> statement-breakpoint
CREATE POLICY entries_update ON scheduling.waitlist_entries FOR UPDATE TO tend_app
  USING ((select app.is_system()) OR (org_id = (select app.org_id()) AND client_user_id = (select app.user_id())))
  WITH CHECK ((select app.is_system()) OR (org_id = (select app.org_id()) AND client_user_id = (select app.user_id())));
--> statement-breakpoint
ALTER TABLE scheduling.waitlist_offers ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
ALTER TABLE scheduling.waitlist_offers FORCE ROW LEVEL SECURITY;
--> statement-breakpoint
CREATE POLICY offers_read ON scheduling.waitlist_offers FOR SELECT TO tend_app USING (
  (select app.is_system()) OR (org_id = (select app.org_id()) AND (
    client_user_id = (select app.user_id()) OR specialist_user_id = (select app.user_id()) OR (select app.role()) IN ('org_admin', 'supervisor')
  ))
);
--> statement-breakpoint
CREATE POLICY offers_make ON scheduling.waitlist_offers FOR INSERT TO tend_app WITH CHECK ((select app.is_system()));
--> statement-breakpoint
CREATE POLICY offers_answer ON scheduling.waitlist_offers FOR UPDATE TO tend_app
  USING ((select app.is_system()) OR (org_id = (select app.org_id()) AND client_user_id = (select app.user_id())))
  WITH CHECK ((select app.is_system()) OR (org_id = (select app.org_id()) AND client_user_id = (select app.user_id())));
--> statement-breakpoint
DO $$
DECLARE t text;
BEGIN
  FOREACH t IN ARRAY ARRAY['scheduling.waitlist_entries', 'scheduling.waitlist_offers'] LOOP
    EXECUTE format('GRANT DELETE ON %s TO tend_app', t);
    EXECUTE format('CREATE POLICY erasure_read ON %s FOR SELECT TO tend_app USING ((select app.is_erasing()))', t);
    EXECUTE format('CREATE POLICY erasure_delete ON %s FOR DELETE TO tend_app USING ((select app.is_erasing()))', t);
  END LOOP;
END $$;
