import type { Locale } from '@tend/contracts';

type Mail = { subject: string; text: string };

const ROLE_NAMES: Record<Locale, Record<string, string>> = {
  uk: {
    client: 'клієнт',
    specialist: 'спеціаліст',
    co_specialist: 'співспеціаліст',
    supervisor: 'супервізор',
    org_admin: 'адміністратор практики',
    eap_manager: 'менеджер EAP',
  },
  en: {
    client: 'client',
    specialist: 'specialist',
    co_specialist: 'co-specialist',
    supervisor: 'supervisor',
    org_admin: 'practice administrator',
    eap_manager: 'EAP manager',
  },
};
const roleName = (locale: Locale, role: string) => ROLE_NAMES[locale][role] ?? role;

/** Transactional emails in both languages. Links are absolute; the web app handles the paths. */
export const mailTemplates = {
  passwordReset: (locale: Locale, link: string): Mail =>
    locale === 'uk'
      ? {
          subject: 'Tend: відновлення пароля',
          text: `Ви (або хтось інший) попросили змінити пароль до Tend.\n\nЩоб задати новий пароль, відкрийте посилання протягом 30 хвилин:\n${link}\n\nЯкщо ви цього не робили, просто проігноруйте цей лист — пароль залишиться тим самим.`,
        }
      : {
          subject: 'Tend: reset your password',
          text: `You (or someone else) asked to reset your Tend password.\n\nOpen this link within 30 minutes to choose a new one:\n${link}\n\nIf it was not you, ignore this email; your password stays the same.`,
        },
  invitation: (locale: Locale, link: string, orgName: string, role: string): Mail =>
    locale === 'uk'
      ? {
          subject: `Запрошення до ${orgName} у Tend`,
          text: `Вас запрошено приєднатися до «${orgName}» у Tend (роль: ${roleName(locale, role)}).\n\nЩоб прийняти запрошення, відкрийте посилання протягом 7 днів:\n${link}`,
        }
      : {
          subject: `You are invited to ${orgName} on Tend`,
          text: `You have been invited to join ${orgName} on Tend as ${roleName(locale, role)}.\n\nOpen this link within 7 days to accept:\n${link}`,
        },
  formToFill: (locale: Locale, link: string, orgName: string): Mail =>
    locale === 'uk'
      ? {
          subject: `${orgName}: форма для заповнення`,
          text: `Ваш спеціаліст у «${orgName}» надіслав вам форму. Її можна заповнювати частинами: відповіді зберігаються, і ви зможете продовжити пізніше.\n\nВідкрити форму:\n${link}`,
        }
      : {
          subject: `${orgName}: a form to fill in`,
          text: `Your specialist at ${orgName} sent you a form. You can fill it in bit by bit: your answers are saved and you can come back later.\n\nOpen the form:\n${link}`,
        },
};
