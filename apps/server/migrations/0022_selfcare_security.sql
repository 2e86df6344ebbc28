-- Client-owned data: the owner reads and writes it; a specialist reads it only while a data-sharing
-- consent in the current practice names them, covers the category, has not expired and was not revoked.
-- The service checks the same consent first; this policy makes a bug unable to leak it.
ALTER TABLE selfcare.mood_entries ADD CONSTRAINT mood_entries_score CHECK (score BETWEEN 0 AND 10);
--> statement-breakpoint
GRANT USAGE ON SCHEMA selfcare TO tend_app;
--> statement-breakpoint
GRANT SELECT, INSERT ON selfcare.mood_entries TO tend_app;
--> statement-breakpoint
CREATE OR REPLACE FUNCTION consent.shares_with_me(p_owner uuid, p_category text) RETURNS boolean LANGUAGE sql STABLE AS $$
  SELECT EXISTS (
    SELECT 1 FROM consent.records g
     WHERE g.org_id = app.org_id() AND g.client_user_id = p_owner AND g.kind = 'data_sharing' AND g.action = 'grant'
       AND g.recipient_user_id = app.user_id() AND g.scope ? p_category
       AND (g.expires_at IS NULL OR g.expires_at > now())
       AND NOT EXISTS (SELECT 1 FROM consent.records r WHERE r.action = 'revoke' AND r.grant_id = g.id)
  )
$$;
--> statement-breakpoint
GRANT EXECUTE ON FUNCTION consent.shares_with_me(uuid, text) TO tend_app;
--> statement-breakpoint
ALTER TABLE selfcare.mood_entries ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
ALTER TABLE selfcare.mood_entries FORCE ROW LEVEL SECURITY;
--> statement-breakpoint
CREATE POLICY mood_owner ON selfcare.mood_entries FOR ALL TO tend_app
  USING (owner_user_id = (select app.user_id())) WITH CHECK (owner_user_id = (select app.user_id()));
--> statement-breakpoint
CREATE POLICY mood_shared ON selfcare.mood_entries FOR SELECT TO tend_app USING ((select app.is_staff()) AND consent.shares_with_me(owner_user_id, 'mood'));
