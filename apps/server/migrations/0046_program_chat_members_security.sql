-- Program chat membership: whoever started a program chat takes people out of it (never themselves). DELETE on
-- participants was granted for the erasure path (0025); this policy opens exactly that one more way. A removed
-- person is no participant any more, so the policies of 0024 hide the chat and its messages from them.
CREATE POLICY participants_remove ON messaging.participants FOR DELETE TO tend_app USING (
  org_id = (select app.org_id()) AND user_id <> (select app.user_id())
  AND EXISTS (SELECT 1 FROM messaging.conversations c WHERE c.id = conversation_id AND c.kind = 'program' AND c.created_by = (select app.user_id()))
);
