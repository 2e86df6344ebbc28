-- After the session: homework and the client's feedback.
ALTER TABLE scheduling.session_feedback ADD CONSTRAINT session_feedback_scores CHECK (helpful BETWEEN 0 AND 10 AND heard BETWEEN 0 AND 10);
--> statement-breakpoint
-- Homework is clinical text of a case: the client it is for, and the case's care team (its specialist,
-- colleagues granted access, supervisors) see it; the org admin runs the practice but is not on the care team.
-- The care team assigns it; the client ticks it off.
GRANT SELECT, INSERT, UPDATE ON selfcare.homework TO tend_app;
--> statement-breakpoint
ALTER TABLE selfcare.homework ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
ALTER TABLE selfcare.homework FORCE ROW LEVEL SECURITY;
--> statement-breakpoint
CREATE POLICY homework_read ON selfcare.homework FOR SELECT TO tend_app USING (
  org_id = (select app.org_id()) AND (
    client_user_id = (select app.user_id()) OR (select app.role()) = 'supervisor'
    OR EXISTS (SELECT 1 FROM case_mgmt.cases c WHERE c.id = case_id AND (c.specialist_user_id = (select app.user_id()) OR case_mgmt.has_grant(c.id)))
  )
);
--> statement-breakpoint
CREATE POLICY homework_assign ON selfcare.homework FOR INSERT TO tend_app WITH CHECK (
  org_id = (select app.org_id()) AND assigned_by = (select app.user_id()) AND (select app.role()) IN ('specialist', 'co_specialist')
  AND EXISTS (SELECT 1 FROM case_mgmt.cases c WHERE c.id = case_id AND c.client_user_id = homework.client_user_id
    AND (c.specialist_user_id = (select app.user_id()) OR case_mgmt.has_grant(c.id)))
);
--> statement-breakpoint
CREATE POLICY homework_tick ON selfcare.homework FOR UPDATE TO tend_app
  USING (org_id = (select app.org_id()) AND client_user_id = (select app.user_id()))
  WITH CHECK (org_id = (select app.org_id()) AND client_user_id = (select app.user_id()));
--> statement-breakpoint
-- Feedback: given once by the session's client after it ended; read by that client and the session's
-- specialist (and colleagues on the case's care team). Never changed.
GRANT SELECT, INSERT ON scheduling.session_feedback TO tend_app;
--> statement-breakpoint
ALTER TABLE scheduling.session_feedback ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
ALTER TABLE scheduling.session_feedback FORCE ROW LEVEL SECURITY;
--> statement-breakpoint
CREATE POLICY feedback_read ON scheduling.session_feedback FOR SELECT TO tend_app USING (
  org_id = (select app.org_id()) AND (
    client_user_id = (select app.user_id())
    OR EXISTS (SELECT 1 FROM scheduling.appointments a WHERE a.id = appointment_id AND a.specialist_user_id = (select app.user_id()))
    OR (case_id IS NOT NULL AND case_mgmt.has_grant(case_id))
  )
);
--> statement-breakpoint
CREATE POLICY feedback_give ON scheduling.session_feedback FOR INSERT TO tend_app WITH CHECK (
  org_id = (select app.org_id()) AND client_user_id = (select app.user_id())
  AND EXISTS (SELECT 1 FROM scheduling.appointments a WHERE a.id = appointment_id AND a.client_user_id = (select app.user_id()) AND a.status = 'completed')
);
--> statement-breakpoint
DO $$
DECLARE t text;
BEGIN
  FOREACH t IN ARRAY ARRAY['selfcare.homework', 'scheduling.session_feedback'] LOOP
    EXECUTE format('GRANT DELETE ON %s TO tend_app', t);
    EXECUTE format('CREATE POLICY erasure_read ON %s FOR SELECT TO tend_app USING ((select app.is_erasing()))', t);
    EXECUTE format('CREATE POLICY erasure_delete ON %s FOR DELETE TO tend_app USING ((select app.is_erasing()))', t);
  END LOOP;
END $$;
