-- The erasure job's narrow path (0012) extended to the tables added since: a client's case chat,
-- appointments, crisis history, safety plans and own mood log. Still only with app.erasure = 'on'.
DO $$
DECLARE t text;
BEGIN
  FOREACH t IN ARRAY ARRAY['messaging.conversations', 'messaging.participants', 'messaging.messages', 'scheduling.appointments',
                           'crisis.alerts', 'crisis.escalation_log', 'crisis.safety_plans', 'crisis.risk_flags', 'selfcare.mood_entries'] LOOP
    EXECUTE format('GRANT DELETE ON %s TO tend_app', t);
    EXECUTE format('CREATE POLICY erasure_read ON %s FOR SELECT TO tend_app USING ((select app.is_erasing()))', t);
    EXECUTE format('CREATE POLICY erasure_delete ON %s FOR DELETE TO tend_app USING ((select app.is_erasing()))', t);
  END LOOP;
END $$;
