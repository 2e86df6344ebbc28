-- The same rules as 0003, worded so PostgreSQL checks the reader's role once per statement instead of once
-- per row: `(select app.role() in (...))` is one init plan, where `(select app.role()) in (...)` compared
-- the role with both names again on every row. A caseload of 5,000 is counted on every page; this cut
-- its count from about 0.70 to 0.52 ms (EXPLAIN ANALYZE, docs/performance.md). The rule that decides
-- most rows (the reader leads the case) now comes first.
ALTER POLICY cases_read ON case_mgmt.cases USING (
  (select app.is_system()) OR (org_id = (select app.org_id()) AND (
    specialist_user_id = (select app.user_id()) OR (select app.role() IN ('org_admin', 'supervisor'))
    OR client_user_id = (select app.user_id()) OR case_mgmt.has_grant(id)
  ))
);
--> statement-breakpoint
ALTER POLICY cases_update ON case_mgmt.cases
  USING ((select app.is_system()) OR (org_id = (select app.org_id()) AND (select app.is_staff()) AND (
    specialist_user_id = (select app.user_id()) OR (select app.role() IN ('org_admin', 'supervisor')) OR case_mgmt.has_grant(id)
  )))
  WITH CHECK ((select app.is_system()) OR org_id = (select app.org_id()));
