-- A specialist who takes bookings in a practice is named on their booking page and in the appointments of
-- that practice's clients, before any case joins them (ADR 0016). The row is readable only inside that
-- practice (the active org of the request) and only while the specialist has booking settings there;
-- the scheduling service asks for nothing but the name.
CREATE POLICY users_read_bookable ON identity.users FOR SELECT TO tend_app USING (
  EXISTS (
    SELECT 1 FROM scheduling.specialist_settings s
    WHERE s.user_id = users.id AND s.org_id = (select app.org_id())
  )
);
