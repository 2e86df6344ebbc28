-- Consent: platform texts (version 1, in uk and en), row-level security, and append-only records.
-- The texts are Tend's own plain-language wording built on domain reference §5 (UA Law 2297-VI Art. 7,
-- HIPAA, GDPR Art. 9(2)(a)) and §7 (telehealth consent content, all-party recording consent).
GRANT USAGE ON SCHEMA consent TO tend_app;
--> statement-breakpoint
GRANT SELECT, INSERT ON consent.templates, consent.records TO tend_app;
--> statement-breakpoint
ALTER TABLE consent.templates ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
ALTER TABLE consent.templates FORCE ROW LEVEL SECURITY;
--> statement-breakpoint
CREATE POLICY templates_read ON consent.templates FOR SELECT TO tend_app USING (org_id IS NULL OR org_id = (select app.org_id()) OR (select app.is_system()));
--> statement-breakpoint
CREATE POLICY templates_insert ON consent.templates FOR INSERT TO tend_app WITH CHECK (org_id = (select app.org_id()) AND (select app.role()) = 'org_admin');
--> statement-breakpoint
ALTER TABLE consent.records ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
ALTER TABLE consent.records FORCE ROW LEVEL SECURITY;
--> statement-breakpoint
-- A client sees their own records; staff of the org see its clients' records (a named recipient sees the grants naming them).
CREATE POLICY records_read ON consent.records FOR SELECT TO tend_app USING (
  (select app.is_system()) OR (org_id = (select app.org_id()) AND (client_user_id = (select app.user_id()) OR (select app.is_staff())))
);
--> statement-breakpoint
-- Only a client records their own consent and its revocation.
CREATE POLICY records_insert ON consent.records FOR INSERT TO tend_app WITH CHECK (
  org_id = (select app.org_id()) AND client_user_id = (select app.user_id()) AND recorded_by = (select app.user_id()) AND (select app.role()) = 'client'
);
--> statement-breakpoint
CREATE OR REPLACE FUNCTION consent.reject_change() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'DELETE' AND app.is_erasing() THEN RETURN OLD; END IF;
  RAISE EXCEPTION 'consent records are append-only' USING ERRCODE = 'insufficient_privilege';
END $$;
--> statement-breakpoint
CREATE TRIGGER records_append_only BEFORE UPDATE OR DELETE ON consent.records FOR EACH ROW EXECUTE FUNCTION consent.reject_change();
--> statement-breakpoint
CREATE TRIGGER records_no_truncate BEFORE TRUNCATE ON consent.records FOR EACH STATEMENT EXECUTE FUNCTION consent.reject_change();
--> statement-breakpoint
CREATE TRIGGER templates_append_only BEFORE UPDATE OR DELETE ON consent.templates FOR EACH ROW EXECUTE FUNCTION consent.reject_change();
--> statement-breakpoint
-- Whether a person is a specialist of the caller's practice (a client may name only those as recipients).
CREATE OR REPLACE FUNCTION consent.is_specialist_here(p_user uuid) RETURNS boolean
LANGUAGE sql STABLE SECURITY DEFINER SET search_path = pg_catalog, pg_temp AS $$
  SELECT EXISTS (SELECT 1 FROM identity.memberships m WHERE m.user_id = p_user AND m.org_id = app.org_id() AND m.removed_at IS NULL
                 AND m.role IN ('specialist', 'co_specialist', 'supervisor'))
$$;
--> statement-breakpoint
REVOKE ALL ON FUNCTION consent.is_specialist_here(uuid) FROM PUBLIC;
--> statement-breakpoint
GRANT EXECUTE ON FUNCTION consent.is_specialist_here(uuid) TO tend_app;
--> statement-breakpoint
INSERT INTO consent.templates (id, org_id, kind, jurisdiction, version, title_uk, title_en, body_uk, body_en) VALUES
  (gen_random_uuid(), NULL, 'treatment', 'UA', 1, $t$Згода на психотерапевтичну допомогу$t$, $t$Consent to treatment$t$, $t$Я погоджуюся отримувати психологічну допомогу від фахівців цієї практики, розумію мету, можливі переваги й ризики терапії та межі конфіденційності (зокрема, коли є загроза життю).

Відповідно до ст. 7 Закону України «Про захист персональних даних» обробка даних про здоров’я потребує вашої однозначної згоди.

Ви можете відкликати цю згоду в будь-який момент у розділі «Мої згоди»; відкликання діє одразу.$t$, $t$I agree to receive psychological care from this practice’s specialists. I understand the aims, likely benefits and risks of therapy, and the limits of confidentiality (including when a life is at risk).

Under Article 7 of Ukraine’s Law “On Personal Data Protection”, processing data about your health needs your unambiguous consent.

You can revoke this consent at any time under “My consents”; a revocation takes effect at once.$t$),
  (gen_random_uuid(), NULL, 'treatment', 'US', 1, $t$Згода на психотерапевтичну допомогу$t$, $t$Consent to treatment$t$, $t$Я погоджуюся отримувати психологічну допомогу від фахівців цієї практики, розумію мету, можливі переваги й ризики терапії та межі конфіденційності (зокрема, коли є загроза життю).

Практика захищає вашу медичну інформацію згідно з HIPAA; ця згода не обмежує ваші права за HIPAA.

Ви можете відкликати цю згоду в будь-який момент у розділі «Мої згоди»; відкликання діє одразу.$t$, $t$I agree to receive psychological care from this practice’s specialists. I understand the aims, likely benefits and risks of therapy, and the limits of confidentiality (including when a life is at risk).

The practice protects your health information under HIPAA; this consent does not limit your rights under HIPAA.

You can revoke this consent at any time under “My consents”; a revocation takes effect at once.$t$),
  (gen_random_uuid(), NULL, 'treatment', 'EU', 1, $t$Згода на психотерапевтичну допомогу$t$, $t$Consent to treatment$t$, $t$Я погоджуюся отримувати психологічну допомогу від фахівців цієї практики, розумію мету, можливі переваги й ризики терапії та межі конфіденційності (зокрема, коли є загроза життю).

Ця згода є підставою для обробки даних про здоров’я за ст. 9(2)(a) GDPR. Ви можете відкликати її будь-коли; це не впливає на законність обробки до відкликання.

Ви можете відкликати цю згоду в будь-який момент у розділі «Мої згоди»; відкликання діє одразу.$t$, $t$I agree to receive psychological care from this practice’s specialists. I understand the aims, likely benefits and risks of therapy, and the limits of confidentiality (including when a life is at risk).

This consent is the basis for processing health data under GDPR Art. 9(2)(a). You may withdraw it at any time; that does not affect processing before the withdrawal.

You can revoke this consent at any time under “My consents”; a revocation takes effect at once.$t$),
  (gen_random_uuid(), NULL, 'telehealth', 'UA', 1, $t$Згода на онлайн-сесії$t$, $t$Consent to telehealth$t$, $t$Я погоджуюся на сесії через відео, аудіо чи повідомлення. Я розумію ризики онлайн-зв’язку та межі конфіденційності; буду в приватному місці без публічного Wi-Fi; назву резервний контакт на випадок технічного збою та контакт для екстреної ситуації; знаю, де найближче приймальне відділення. Сесії не записуються без окремої згоди.

Відповідно до ст. 7 Закону України «Про захист персональних даних» обробка даних про здоров’я потребує вашої однозначної згоди.

Ви можете відкликати цю згоду в будь-який момент у розділі «Мої згоди»; відкликання діє одразу.$t$, $t$I agree to sessions by video, audio or messaging. I understand the risks of remote care and the limits of confidentiality; I will be in a private place, not on public Wi-Fi; I will give a backup contact for technical failures and an emergency contact; I know where my nearest emergency department is. Sessions are not recorded without separate consent.

Under Article 7 of Ukraine’s Law “On Personal Data Protection”, processing data about your health needs your unambiguous consent.

You can revoke this consent at any time under “My consents”; a revocation takes effect at once.$t$),
  (gen_random_uuid(), NULL, 'telehealth', 'US', 1, $t$Згода на онлайн-сесії$t$, $t$Consent to telehealth$t$, $t$Я погоджуюся на сесії через відео, аудіо чи повідомлення. Я розумію ризики онлайн-зв’язку та межі конфіденційності; буду в приватному місці без публічного Wi-Fi; назву резервний контакт на випадок технічного збою та контакт для екстреної ситуації; знаю, де найближче приймальне відділення. Сесії не записуються без окремої згоди.

Практика захищає вашу медичну інформацію згідно з HIPAA; ця згода не обмежує ваші права за HIPAA.

Ви можете відкликати цю згоду в будь-який момент у розділі «Мої згоди»; відкликання діє одразу.$t$, $t$I agree to sessions by video, audio or messaging. I understand the risks of remote care and the limits of confidentiality; I will be in a private place, not on public Wi-Fi; I will give a backup contact for technical failures and an emergency contact; I know where my nearest emergency department is. Sessions are not recorded without separate consent.

The practice protects your health information under HIPAA; this consent does not limit your rights under HIPAA.

You can revoke this consent at any time under “My consents”; a revocation takes effect at once.$t$),
  (gen_random_uuid(), NULL, 'telehealth', 'EU', 1, $t$Згода на онлайн-сесії$t$, $t$Consent to telehealth$t$, $t$Я погоджуюся на сесії через відео, аудіо чи повідомлення. Я розумію ризики онлайн-зв’язку та межі конфіденційності; буду в приватному місці без публічного Wi-Fi; назву резервний контакт на випадок технічного збою та контакт для екстреної ситуації; знаю, де найближче приймальне відділення. Сесії не записуються без окремої згоди.

Ця згода є підставою для обробки даних про здоров’я за ст. 9(2)(a) GDPR. Ви можете відкликати її будь-коли; це не впливає на законність обробки до відкликання.

Ви можете відкликати цю згоду в будь-який момент у розділі «Мої згоди»; відкликання діє одразу.$t$, $t$I agree to sessions by video, audio or messaging. I understand the risks of remote care and the limits of confidentiality; I will be in a private place, not on public Wi-Fi; I will give a backup contact for technical failures and an emergency contact; I know where my nearest emergency department is. Sessions are not recorded without separate consent.

This consent is the basis for processing health data under GDPR Art. 9(2)(a). You may withdraw it at any time; that does not affect processing before the withdrawal.

You can revoke this consent at any time under “My consents”; a revocation takes effect at once.$t$),
  (gen_random_uuid(), NULL, 'recording', 'UA', 1, $t$Згода на запис сесії$t$, $t$Consent to session recording$t$, $t$Я погоджуюся на запис сесії. Запис починається лише тоді, коли згоду дали всі учасники, зберігається зашифрованим і доступний лише моїй команді допомоги.

Відповідно до ст. 7 Закону України «Про захист персональних даних» обробка даних про здоров’я потребує вашої однозначної згоди.

Ви можете відкликати цю згоду в будь-який момент у розділі «Мої згоди»; відкликання діє одразу.$t$, $t$I agree to the session being recorded. Recording starts only when every participant has consented; it is stored encrypted and is available only to my care team.

Under Article 7 of Ukraine’s Law “On Personal Data Protection”, processing data about your health needs your unambiguous consent.

You can revoke this consent at any time under “My consents”; a revocation takes effect at once.$t$),
  (gen_random_uuid(), NULL, 'recording', 'US', 1, $t$Згода на запис сесії$t$, $t$Consent to session recording$t$, $t$Я погоджуюся на запис сесії. Запис починається лише тоді, коли згоду дали всі учасники, зберігається зашифрованим і доступний лише моїй команді допомоги.

Практика захищає вашу медичну інформацію згідно з HIPAA; ця згода не обмежує ваші права за HIPAA.

Ви можете відкликати цю згоду в будь-який момент у розділі «Мої згоди»; відкликання діє одразу.$t$, $t$I agree to the session being recorded. Recording starts only when every participant has consented; it is stored encrypted and is available only to my care team.

The practice protects your health information under HIPAA; this consent does not limit your rights under HIPAA.

You can revoke this consent at any time under “My consents”; a revocation takes effect at once.$t$),
  (gen_random_uuid(), NULL, 'recording', 'EU', 1, $t$Згода на запис сесії$t$, $t$Consent to session recording$t$, $t$Я погоджуюся на запис сесії. Запис починається лише тоді, коли згоду дали всі учасники, зберігається зашифрованим і доступний лише моїй команді допомоги.

Ця згода є підставою для обробки даних про здоров’я за ст. 9(2)(a) GDPR. Ви можете відкликати її будь-коли; це не впливає на законність обробки до відкликання.

Ви можете відкликати цю згоду в будь-який момент у розділі «Мої згоди»; відкликання діє одразу.$t$, $t$I agree to the session being recorded. Recording starts only when every participant has consented; it is stored encrypted and is available only to my care team.

This consent is the basis for processing health data under GDPR Art. 9(2)(a). You may withdraw it at any time; that does not affect processing before the withdrawal.

You can revoke this consent at any time under “My consents”; a revocation takes effect at once.$t$),
  (gen_random_uuid(), NULL, 'ai_processing', 'UA', 1, $t$Згода на обробку за допомогою ШІ$t$, $t$Consent to AI processing$t$, $t$Я погоджуюся, щоб тексти й записи моїх сесій оброблялися інструментами штучного інтелекту для чернеток нотаток і підсумків. Фахівець перевіряє все, що створює ШІ; рішення щодо моєї допомоги ухвалює людина.

Відповідно до ст. 7 Закону України «Про захист персональних даних» обробка даних про здоров’я потребує вашої однозначної згоди.

Ви можете відкликати цю згоду в будь-який момент у розділі «Мої згоди»; відкликання діє одразу.$t$, $t$I agree that texts and recordings of my sessions may be processed by AI tools to draft notes and summaries. A specialist reviews everything the AI produces; decisions about my care are made by a person.

Under Article 7 of Ukraine’s Law “On Personal Data Protection”, processing data about your health needs your unambiguous consent.

You can revoke this consent at any time under “My consents”; a revocation takes effect at once.$t$),
  (gen_random_uuid(), NULL, 'ai_processing', 'US', 1, $t$Згода на обробку за допомогою ШІ$t$, $t$Consent to AI processing$t$, $t$Я погоджуюся, щоб тексти й записи моїх сесій оброблялися інструментами штучного інтелекту для чернеток нотаток і підсумків. Фахівець перевіряє все, що створює ШІ; рішення щодо моєї допомоги ухвалює людина.

Практика захищає вашу медичну інформацію згідно з HIPAA; ця згода не обмежує ваші права за HIPAA.

Ви можете відкликати цю згоду в будь-який момент у розділі «Мої згоди»; відкликання діє одразу.$t$, $t$I agree that texts and recordings of my sessions may be processed by AI tools to draft notes and summaries. A specialist reviews everything the AI produces; decisions about my care are made by a person.

The practice protects your health information under HIPAA; this consent does not limit your rights under HIPAA.

You can revoke this consent at any time under “My consents”; a revocation takes effect at once.$t$),
  (gen_random_uuid(), NULL, 'ai_processing', 'EU', 1, $t$Згода на обробку за допомогою ШІ$t$, $t$Consent to AI processing$t$, $t$Я погоджуюся, щоб тексти й записи моїх сесій оброблялися інструментами штучного інтелекту для чернеток нотаток і підсумків. Фахівець перевіряє все, що створює ШІ; рішення щодо моєї допомоги ухвалює людина.

Ця згода є підставою для обробки даних про здоров’я за ст. 9(2)(a) GDPR. Ви можете відкликати її будь-коли; це не впливає на законність обробки до відкликання.

Ви можете відкликати цю згоду в будь-який момент у розділі «Мої згоди»; відкликання діє одразу.$t$, $t$I agree that texts and recordings of my sessions may be processed by AI tools to draft notes and summaries. A specialist reviews everything the AI produces; decisions about my care are made by a person.

This consent is the basis for processing health data under GDPR Art. 9(2)(a). You may withdraw it at any time; that does not affect processing before the withdrawal.

You can revoke this consent at any time under “My consents”; a revocation takes effect at once.$t$),
  (gen_random_uuid(), NULL, 'data_sharing', 'UA', 1, $t$Згода на надання доступу до моїх даних$t$, $t$Consent to share my data$t$, $t$Я надаю названому фахівцю доступ до вибраних категорій моїх даних (наприклад, щоденника настрою) на визначений строк. Доступ закінчується автоматично або коли я його відкличу.

Відповідно до ст. 7 Закону України «Про захист персональних даних» обробка даних про здоров’я потребує вашої однозначної згоди.

Ви можете відкликати цю згоду в будь-який момент у розділі «Мої згоди»; відкликання діє одразу.$t$, $t$I give the named specialist access to the categories of my data I choose (for example my mood log) for a set period. Access ends by itself, or when I revoke it.

Under Article 7 of Ukraine’s Law “On Personal Data Protection”, processing data about your health needs your unambiguous consent.

You can revoke this consent at any time under “My consents”; a revocation takes effect at once.$t$),
  (gen_random_uuid(), NULL, 'data_sharing', 'US', 1, $t$Згода на надання доступу до моїх даних$t$, $t$Consent to share my data$t$, $t$Я надаю названому фахівцю доступ до вибраних категорій моїх даних (наприклад, щоденника настрою) на визначений строк. Доступ закінчується автоматично або коли я його відкличу.

Практика захищає вашу медичну інформацію згідно з HIPAA; ця згода не обмежує ваші права за HIPAA.

Ви можете відкликати цю згоду в будь-який момент у розділі «Мої згоди»; відкликання діє одразу.$t$, $t$I give the named specialist access to the categories of my data I choose (for example my mood log) for a set period. Access ends by itself, or when I revoke it.

The practice protects your health information under HIPAA; this consent does not limit your rights under HIPAA.

You can revoke this consent at any time under “My consents”; a revocation takes effect at once.$t$),
  (gen_random_uuid(), NULL, 'data_sharing', 'EU', 1, $t$Згода на надання доступу до моїх даних$t$, $t$Consent to share my data$t$, $t$Я надаю названому фахівцю доступ до вибраних категорій моїх даних (наприклад, щоденника настрою) на визначений строк. Доступ закінчується автоматично або коли я його відкличу.

Ця згода є підставою для обробки даних про здоров’я за ст. 9(2)(a) GDPR. Ви можете відкликати її будь-коли; це не впливає на законність обробки до відкликання.

Ви можете відкликати цю згоду в будь-який момент у розділі «Мої згоди»; відкликання діє одразу.$t$, $t$I give the named specialist access to the categories of my data I choose (for example my mood log) for a set period. Access ends by itself, or when I revoke it.

This consent is the basis for processing health data under GDPR Art. 9(2)(a). You may withdraw it at any time; that does not affect processing before the withdrawal.

You can revoke this consent at any time under “My consents”; a revocation takes effect at once.$t$),
  (gen_random_uuid(), NULL, 'research', 'UA', 1, $t$Згода на використання даних у дослідженнях$t$, $t$Consent to research use$t$, $t$Я погоджуюся, щоб знеособлені дані про мою допомогу використовувалися в дослідженнях для покращення послуг. Відмова не впливає на мою допомогу.

Відповідно до ст. 7 Закону України «Про захист персональних даних» обробка даних про здоров’я потребує вашої однозначної згоди.

Ви можете відкликати цю згоду в будь-який момент у розділі «Мої згоди»; відкликання діє одразу.$t$, $t$I agree that de-identified data about my care may be used in research to improve services. Saying no does not affect my care.

Under Article 7 of Ukraine’s Law “On Personal Data Protection”, processing data about your health needs your unambiguous consent.

You can revoke this consent at any time under “My consents”; a revocation takes effect at once.$t$),
  (gen_random_uuid(), NULL, 'research', 'US', 1, $t$Згода на використання даних у дослідженнях$t$, $t$Consent to research use$t$, $t$Я погоджуюся, щоб знеособлені дані про мою допомогу використовувалися в дослідженнях для покращення послуг. Відмова не впливає на мою допомогу.

Практика захищає вашу медичну інформацію згідно з HIPAA; ця згода не обмежує ваші права за HIPAA.

Ви можете відкликати цю згоду в будь-який момент у розділі «Мої згоди»; відкликання діє одразу.$t$, $t$I agree that de-identified data about my care may be used in research to improve services. Saying no does not affect my care.

The practice protects your health information under HIPAA; this consent does not limit your rights under HIPAA.

You can revoke this consent at any time under “My consents”; a revocation takes effect at once.$t$),
  (gen_random_uuid(), NULL, 'research', 'EU', 1, $t$Згода на використання даних у дослідженнях$t$, $t$Consent to research use$t$, $t$Я погоджуюся, щоб знеособлені дані про мою допомогу використовувалися в дослідженнях для покращення послуг. Відмова не впливає на мою допомогу.

Ця згода є підставою для обробки даних про здоров’я за ст. 9(2)(a) GDPR. Ви можете відкликати її будь-коли; це не впливає на законність обробки до відкликання.

Ви можете відкликати цю згоду в будь-який момент у розділі «Мої згоди»; відкликання діє одразу.$t$, $t$I agree that de-identified data about my care may be used in research to improve services. Saying no does not affect my care.

This consent is the basis for processing health data under GDPR Art. 9(2)(a). You may withdraw it at any time; that does not affect processing before the withdrawal.

You can revoke this consent at any time under “My consents”; a revocation takes effect at once.$t$);
