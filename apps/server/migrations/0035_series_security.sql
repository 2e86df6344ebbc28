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
