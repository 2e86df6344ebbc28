-- A client may see the name of anyone they have shared their data with in the practice: a data-sharing consent
-- of theirs names that person (ADR 0032). Without it, a recipient off their care team (a supervisor, say) showed
-- as unavailable in their consent status and their export. Only for a client (staff read their practice's
-- members through users_read, and skip the lookup), only inside the active org, and only the client's own
-- records count (consent.records' own policy applies to this subquery as well).
CREATE POLICY users_read_consent_recipient ON identity.users FOR SELECT TO tend_app USING (
  (select app.role()) = 'client'
  AND EXISTS (
    SELECT 1 FROM consent.records r
    WHERE r.recipient_user_id = users.id
      AND r.client_user_id = (select app.user_id())
      AND r.org_id = (select app.org_id())
  )
);
