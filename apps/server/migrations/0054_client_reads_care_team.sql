-- A client sees who is on the care team of their own cases (ADR 0035): the co-specialists and supervisors with
-- an active grant, and their names, so they know who reads their record and can share their own data with them.
-- Asked for clients only (`app.role() = 'client'` first), inside the org the transaction entered; staff keep the
-- policies they had. Grants move the org's read version (ADR 0030), so kept caseload and case pages, which read
-- names under these policies, stay exact.
CREATE POLICY case_access_read_own_case ON case_mgmt.case_access FOR SELECT TO tend_app USING (
  (select app.role()) = 'client'
  AND org_id = (select app.org_id())
  AND revoked_at IS NULL
  AND EXISTS (SELECT 1 FROM case_mgmt.cases c WHERE c.id = case_access.case_id AND c.client_user_id = (select app.user_id()))
);
--> statement-breakpoint
CREATE POLICY users_read_client_care_team ON identity.users FOR SELECT TO tend_app USING (
  (select app.role()) = 'client'
  AND EXISTS (
    SELECT 1 FROM case_mgmt.case_access a
    JOIN case_mgmt.cases c ON c.id = a.case_id
    WHERE a.user_id = users.id
      AND a.revoked_at IS NULL
      AND a.org_id = (select app.org_id())
      AND c.client_user_id = (select app.user_id())
  )
);
