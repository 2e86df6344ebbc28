-- Leaving a program chat (ADR 0022, update): anyone in it but whoever started it may delete their own membership.
-- Removal by the creator (0046) stays as it was; case and direct chats are never left this way. Once the row is
-- gone, the policies of 0024 hide the chat and its messages from them, as after a removal.
CREATE POLICY participants_leave ON messaging.participants FOR DELETE TO tend_app USING (
  org_id = (select app.org_id()) AND user_id = (select app.user_id())
  AND EXISTS (SELECT 1 FROM messaging.conversations c WHERE c.id = conversation_id AND c.kind = 'program' AND c.created_by <> (select app.user_id()))
);
