-- Direct and program chats: only staff start a conversation that is not a case chat (a client writes to their
-- care team from the case chat). Creating and adding people keep the rules of 0024.
CREATE POLICY conversations_staff_start ON messaging.conversations AS RESTRICTIVE FOR INSERT TO tend_app WITH CHECK (
  kind = 'case' OR (select app.is_staff())
);
--> statement-breakpoint
-- Chat attachments: sealed like case files (0033). A participant of the conversation reads an attachment once it
-- is on a message; before that only its uploader sees it. The uploader binds it to their own message, once.
GRANT SELECT, INSERT ON files.message_attachments TO tend_app;
--> statement-breakpoint
GRANT UPDATE (message_id) ON files.message_attachments TO tend_app;
--> statement-breakpoint
ALTER TABLE files.message_attachments ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
ALTER TABLE files.message_attachments FORCE ROW LEVEL SECURITY;
--> statement-breakpoint
CREATE POLICY attachments_read ON files.message_attachments FOR SELECT TO tend_app USING (
  (select app.is_system()) OR (org_id = (select app.org_id()) AND messaging.is_participant(conversation_id)
    AND (message_id IS NOT NULL OR uploaded_by = (select app.user_id())))
);
--> statement-breakpoint
CREATE POLICY attachments_upload ON files.message_attachments FOR INSERT TO tend_app WITH CHECK (
  org_id = (select app.org_id()) AND uploaded_by = (select app.user_id()) AND message_id IS NULL AND messaging.is_participant(conversation_id)
);
--> statement-breakpoint
CREATE POLICY attachments_bind ON files.message_attachments FOR UPDATE TO tend_app
  USING (org_id = (select app.org_id()) AND uploaded_by = (select app.user_id()) AND message_id IS NULL)
  WITH CHECK (org_id = (select app.org_id()) AND uploaded_by = (select app.user_id()) AND messaging.is_participant(conversation_id));
--> statement-breakpoint
-- Response-time targets: staff of the practice read them; the org admin sets the practice's, the care team a case's
-- (the service checks case access; the database keeps it inside the org and to staff).
GRANT SELECT, INSERT, UPDATE ON messaging.response_settings, messaging.case_response TO tend_app;
--> statement-breakpoint
ALTER TABLE messaging.response_settings ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
ALTER TABLE messaging.response_settings FORCE ROW LEVEL SECURITY;
--> statement-breakpoint
CREATE POLICY response_settings_read ON messaging.response_settings FOR SELECT TO tend_app USING (
  (select app.is_system()) OR (org_id = (select app.org_id()) AND (select app.is_staff()))
);
--> statement-breakpoint
CREATE POLICY response_settings_write ON messaging.response_settings FOR INSERT TO tend_app WITH CHECK (
  org_id = (select app.org_id()) AND (select app.role()) = 'org_admin' AND updated_by = (select app.user_id())
);
--> statement-breakpoint
CREATE POLICY response_settings_update ON messaging.response_settings FOR UPDATE TO tend_app
  USING (org_id = (select app.org_id()) AND (select app.role()) = 'org_admin')
  WITH CHECK (org_id = (select app.org_id()) AND updated_by = (select app.user_id()));
--> statement-breakpoint
ALTER TABLE messaging.case_response ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
ALTER TABLE messaging.case_response FORCE ROW LEVEL SECURITY;
--> statement-breakpoint
CREATE POLICY case_response_read ON messaging.case_response FOR SELECT TO tend_app USING (
  (select app.is_system()) OR (org_id = (select app.org_id()) AND (select app.is_staff()))
);
--> statement-breakpoint
CREATE POLICY case_response_write ON messaging.case_response FOR INSERT TO tend_app WITH CHECK (
  org_id = (select app.org_id()) AND (select app.is_staff()) AND updated_by = (select app.user_id())
);
--> statement-breakpoint
CREATE POLICY case_response_update ON messaging.case_response FOR UPDATE TO tend_app
  USING (org_id = (select app.org_id()) AND (select app.is_staff()))
  WITH CHECK (org_id = (select app.org_id()) AND updated_by = (select app.user_id()));
--> statement-breakpoint
-- The practice's response-time figures need when each message of a case chat was sent and by whom — never its
-- text. The org admin is not a participant of those chats, so this narrow definer function gives them exactly
-- those columns for their own org.
CREATE OR REPLACE FUNCTION messaging.message_times() RETURNS TABLE (conversation_id uuid, case_id uuid, sender_user_id uuid, created_at timestamptz)
LANGUAGE sql STABLE SECURITY DEFINER SET search_path = pg_catalog, pg_temp AS $$
  SELECT m.conversation_id, c.case_id, m.sender_user_id, m.created_at FROM messaging.messages m
  JOIN messaging.conversations c ON c.id = m.conversation_id AND c.kind = 'case'
  WHERE m.org_id = app.org_id() AND app.role() = 'org_admin'
$$;
--> statement-breakpoint
REVOKE ALL ON FUNCTION messaging.message_times() FROM PUBLIC;
--> statement-breakpoint
GRANT EXECUTE ON FUNCTION messaging.message_times() TO tend_app;
--> statement-breakpoint
-- The erasure job's path (0012): attachments and case response settings go with the case's chat.
DO $$
DECLARE t text;
BEGIN
  FOREACH t IN ARRAY ARRAY['files.message_attachments', 'messaging.case_response'] LOOP
    EXECUTE format('GRANT DELETE ON %s TO tend_app', t);
    EXECUTE format('CREATE POLICY erasure_read ON %s FOR SELECT TO tend_app USING ((select app.is_erasing()))', t);
    EXECUTE format('CREATE POLICY erasure_delete ON %s FOR DELETE TO tend_app USING ((select app.is_erasing()))', t);
  END LOOP;
END $$;
