-- Consent records check their own references in the database, so that a bug in a route cannot revoke
-- another client's grant, name a recipient from outside the practice, or sign another practice's text.
-- SECURITY DEFINER: the check must see the grant and the membership whatever the caller may read.
CREATE OR REPLACE FUNCTION consent.check_record() RETURNS trigger
LANGUAGE plpgsql SECURITY DEFINER SET search_path = pg_catalog, pg_temp AS $$
BEGIN
  IF NOT EXISTS (SELECT 1 FROM consent.templates t WHERE t.id = NEW.template_id AND t.kind = NEW.kind
                 AND (t.org_id IS NULL OR t.org_id = NEW.org_id)) THEN
    RAISE EXCEPTION 'a consent record must name a text of its kind from its own practice or the platform' USING ERRCODE = 'check_violation';
  END IF;
  IF NEW.action = 'revoke' THEN
    IF NOT EXISTS (SELECT 1 FROM consent.records g WHERE g.id = NEW.grant_id AND g.action = 'grant' AND g.org_id = NEW.org_id
                   AND g.client_user_id = NEW.client_user_id AND g.kind = NEW.kind) THEN
      RAISE EXCEPTION 'a revocation must point at a grant of the same client' USING ERRCODE = 'check_violation';
    END IF;
  ELSIF NEW.recipient_user_id IS NOT NULL AND NOT EXISTS (
    SELECT 1 FROM identity.memberships m WHERE m.user_id = NEW.recipient_user_id AND m.org_id = NEW.org_id AND m.removed_at IS NULL
       AND m.role IN ('specialist', 'co_specialist', 'supervisor')
  ) THEN
    RAISE EXCEPTION 'data may be shared only with a specialist of the same practice' USING ERRCODE = 'check_violation';
  END IF;
  RETURN NEW;
END $$;
--> statement-breakpoint
CREATE TRIGGER records_check BEFORE INSERT ON consent.records FOR EACH ROW EXECUTE FUNCTION consent.check_record();
--> statement-breakpoint
CREATE TRIGGER templates_no_truncate BEFORE TRUNCATE ON consent.templates FOR EACH STATEMENT EXECUTE FUNCTION consent.reject_change();
--> statement-breakpoint
-- Clinical staff and the org admin read a client's consents; an EAP manager (an employer's view) does not.
DROP POLICY records_read ON consent.records;
--> statement-breakpoint
CREATE POLICY records_read ON consent.records FOR SELECT TO tend_app USING (
  (select app.is_system()) OR (org_id = (select app.org_id()) AND (
    client_user_id = (select app.user_id()) OR (select app.role()) IN ('specialist', 'co_specialist', 'supervisor', 'org_admin')
  ))
);
