-- Two people opening a case's chat at the same moment could create two chats for one case. Fold every
-- later duplicate into the case's first chat (its messages, attachments and people), then forbid it.
CREATE TEMP TABLE case_chat_duplicates ON COMMIT DROP AS
  SELECT id, keep FROM (
    SELECT id, first_value(id) OVER (PARTITION BY case_id ORDER BY created_at, id) AS keep
    FROM "messaging"."conversations" WHERE kind = 'case' AND case_id IS NOT NULL
  ) ranked WHERE id <> keep;--> statement-breakpoint
UPDATE "messaging"."messages" m SET conversation_id = d.keep FROM case_chat_duplicates d WHERE m.conversation_id = d.id;--> statement-breakpoint
UPDATE "files"."message_attachments" a SET conversation_id = d.keep FROM case_chat_duplicates d WHERE a.conversation_id = d.id;--> statement-breakpoint
INSERT INTO "messaging"."participants" (conversation_id, user_id, org_id, last_read_at, joined_at)
  SELECT d.keep, p.user_id, p.org_id, p.last_read_at, p.joined_at
  FROM "messaging"."participants" p JOIN case_chat_duplicates d ON p.conversation_id = d.id
  ON CONFLICT DO NOTHING;--> statement-breakpoint
DELETE FROM "messaging"."participants" p USING case_chat_duplicates d WHERE p.conversation_id = d.id;--> statement-breakpoint
DELETE FROM "messaging"."conversations" c USING case_chat_duplicates d WHERE c.id = d.id;--> statement-breakpoint
CREATE UNIQUE INDEX "conversations_case_idx" ON "messaging"."conversations" USING btree ("case_id") WHERE "messaging"."conversations"."kind" = 'case';