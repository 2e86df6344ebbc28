import type { Me, OrgRole } from '@tend/contracts';
import type { TFunction } from 'i18next';
import { homePath, roleHomePath } from '../auth/home-path';

type NavLinkItem = { to: string; label: string };
type NavSection = { title: string; links: NavLinkItem[] };

const careLinks: Partial<Record<OrgRole, (t: TFunction) => NavLinkItem[]>> = {
  specialist: (t) => [
    { to: '/cases', label: t('nav.caseload') },
    { to: '/calendar', label: t('scheduling.nav.calendar') },
    { to: '/availability', label: t('scheduling.nav.availability') },
  ],
  co_specialist: (t) => [{ to: '/cases', label: t('nav.caseload') }],
  supervisor: (t) => [{ to: '/cases', label: t('nav.practiceCases') }],
  org_admin: (t) => [{ to: '/cases', label: t('nav.practiceCases') }],
  client: (t) => [
    { to: '/my-care', label: t('nav.myCare') },
    { to: '/book', label: t('scheduling.nav.book') },
    { to: '/my-appointments', label: t('scheduling.nav.myAppointments') },
    { to: '/messages', label: t('chat.nav') },
    { to: '/my-goals', label: t('portalNav.myGoals') },
    { to: '/my-homework', label: t('homework.mine') },
    { to: '/my-forms', label: t('portalNav.myForms') },
    { to: '/my-consents', label: t('consent.nav') },
    { to: '/privacy', label: t('portalNav.privacy') },
    { to: '/safety-plan', label: t('portalNav.safetyPlan') },
    { to: '/crisis', label: t('portalNav.crisis') },
  ],
};

const staffRoles: OrgRole[] = ['specialist', 'co_specialist', 'supervisor', 'org_admin'];

function practiceLinks(role: OrgRole, t: TFunction): NavLinkItem[] {
  const care = [
    ...(careLinks[role]?.(t) ?? []),
    ...(staffRoles.includes(role)
      ? [
          { to: '/conversations', label: t('inbox.nav') },
          { to: '/crisis/alerts', label: t('portalNav.crisisAlerts') },
        ]
      : []),
    ...(role === 'specialist' || role === 'org_admin' ? [{ to: '/forms', label: t('portalNav.forms') }] : []),
  ];
  if (role === 'org_admin') {
    return [
      ...care,
      { to: '/org/members', label: t('nav.members') },
      { to: '/org/invitations', label: t('nav.invitations') },
      { to: '/org/note-templates', label: t('noteTemplates.nav') },
      { to: '/org/audit', label: t('nav.orgAudit') },
      { to: '/org/erasure-requests', label: t('portalNav.erasureRequests') },
      { to: '/org/settings', label: t('nav.orgSettings') },
    ];
  }
  return role === 'supervisor' ? [...care, { to: '/org/members', label: t('nav.team') }] : care;
}

/** The navbar of each role: only pages that exist and that this user may open. */
export function navSections(me: Me, t: TFunction): NavSection[] {
  const sections: NavSection[] = [
    {
      title: t('nav.general'),
      links: [
        { to: homePath(me), label: t('nav.home') },
        { to: '/notifications', label: t('portalNav.notifications') },
      ],
    },
  ];
  if (me.platform_admin) {
    sections.push({
      title: t('nav.platform'),
      links: [
        { to: '/admin/orgs', label: t('nav.adminOrgs') },
        { to: '/admin/audit', label: t('nav.adminAudit') },
        { to: '/admin/mail', label: t('nav.mailbox') },
      ],
    });
  }
  if (me.active_role) {
    const practiceHome = roleHomePath(me.active_role);
    const links = practiceHome === homePath(me) ? [] : [{ to: practiceHome, label: t('nav.practiceHome') }];
    links.push(...practiceLinks(me.active_role, t));
    if (links.length > 0) sections.push({ title: t('nav.practice'), links });
  }
  sections.push({
    title: t('nav.yourAccount'),
    links: [
      { to: '/account', label: t('nav.account') },
      { to: '/account/security', label: t('nav.security') },
      { to: '/account/notifications', label: t('nav.notificationSettings') },
    ],
  });
  return sections;
}
