-- Messaging: a conversation is visible to its participants only; messages to the participants of their
-- conversation; nobody edits or deletes a message. Risk flags follow the client's alerts (0014).
GRANT USAGE ON SCHEMA messaging TO tend_app;
--> statement-breakpoint
GRANT SELECT, INSERT ON messaging.conversations, messaging.messages TO tend_app;
--> statement-breakpoint
GRANT SELECT, INSERT, UPDATE ON messaging.participants TO tend_app;
--> statement-breakpoint
GRANT SELECT, INSERT, UPDATE ON crisis.risk_flags TO tend_app;
--> statement-breakpoint
CREATE OR REPLACE FUNCTION messaging.is_participant(p_conversation uuid) RETURNS boolean LANGUAGE sql STABLE SECURITY DEFINER SET search_path = pg_catalog, pg_temp AS $$
  SELECT EXISTS (SELECT 1 FROM messaging.participants p WHERE p.conversation_id = p_conversation AND p.user_id = app.user_id() AND p.org_id = app.org_id())
$$;
--> statement-breakpoint
REVOKE ALL ON FUNCTION messaging.is_participant(uuid) FROM PUBLIC;
--> statement-breakpoint
GRANT EXECUTE ON FUNCTION messaging.is_participant(uuid) TO tend_app;
--> statement-breakpoint
ALTER TABLE messaging.conversations ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
ALTER TABLE messaging.conversations FORCE ROW LEVEL SECURITY;
--> statement-breakpoint
CREATE POLICY conversations_read ON messaging.conversations FOR SELECT TO tend_app USING (
  (select app.is_system()) OR (org_id = (select app.org_id()) AND (created_by = (select app.user_id()) OR messaging.is_participant(id)))
);
--> statement-breakpoint
CREATE POLICY conversations_insert ON messaging.conversations FOR INSERT TO tend_app WITH CHECK (org_id = (select app.org_id()) AND created_by = (select app.user_id()));
--> statement-breakpoint
ALTER TABLE messaging.participants ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
ALTER TABLE messaging.participants FORCE ROW LEVEL SECURITY;
--> statement-breakpoint
CREATE POLICY participants_read ON messaging.participants FOR SELECT TO tend_app USING (
  (select app.is_system()) OR (org_id = (select app.org_id()) AND messaging.is_participant(conversation_id))
);
--> statement-breakpoint
-- Participants are added by whoever creates the conversation, in the same transaction.
CREATE POLICY participants_insert ON messaging.participants FOR INSERT TO tend_app WITH CHECK (
  org_id = (select app.org_id()) AND EXISTS (SELECT 1 FROM messaging.conversations c WHERE c.id = conversation_id AND c.created_by = (select app.user_id()))
);
--> statement-breakpoint
CREATE POLICY participants_read_receipt ON messaging.participants FOR UPDATE TO tend_app
  USING (user_id = (select app.user_id()) AND org_id = (select app.org_id())) WITH CHECK (user_id = (select app.user_id()));
--> statement-breakpoint
ALTER TABLE messaging.messages ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
ALTER TABLE messaging.messages FORCE ROW LEVEL SECURITY;
--> statement-breakpoint
CREATE POLICY messages_read ON messaging.messages FOR SELECT TO tend_app USING (
  (select app.is_system()) OR (org_id = (select app.org_id()) AND messaging.is_participant(conversation_id))
);
--> statement-breakpoint
CREATE POLICY messages_insert ON messaging.messages FOR INSERT TO tend_app WITH CHECK (
  org_id = (select app.org_id()) AND sender_user_id = (select app.user_id()) AND messaging.is_participant(conversation_id)
);
--> statement-breakpoint
CREATE OR REPLACE FUNCTION messaging.reject_change() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'DELETE' AND app.is_erasing() THEN RETURN OLD; END IF;
  RAISE EXCEPTION 'messages are never edited or deleted' USING ERRCODE = 'insufficient_privilege';
END $$;
--> statement-breakpoint
CREATE TRIGGER messages_append_only BEFORE UPDATE OR DELETE ON messaging.messages FOR EACH ROW EXECUTE FUNCTION messaging.reject_change();
--> statement-breakpoint
ALTER TABLE crisis.risk_flags ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
ALTER TABLE crisis.risk_flags FORCE ROW LEVEL SECURITY;
--> statement-breakpoint
CREATE POLICY risk_flags_read ON crisis.risk_flags FOR SELECT TO tend_app USING (
  (select app.is_system()) OR (org_id = (select app.org_id()) AND (select app.is_staff()) AND ((select app.role()) IN ('org_admin', 'supervisor') OR crisis.cares_for(client_user_id)))
);
--> statement-breakpoint
CREATE POLICY risk_flags_insert ON crisis.risk_flags FOR INSERT TO tend_app WITH CHECK ((select app.is_system()) OR org_id = (select app.org_id()));
--> statement-breakpoint
CREATE POLICY risk_flags_update ON crisis.risk_flags FOR UPDATE TO tend_app
  USING ((select app.is_system()) OR (org_id = (select app.org_id()) AND (select app.is_staff()) AND ((select app.role()) IN ('org_admin', 'supervisor') OR crisis.cares_for(client_user_id))))
  WITH CHECK ((select app.is_system()) OR org_id = (select app.org_id()));
