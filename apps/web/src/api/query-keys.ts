/** One key per server resource, so a mutation can invalidate exactly what it changed. */
export const queryKeys = {
  me: ['me'] as const,
  sessions: ['me', 'sessions'] as const,
  org: (orgId: string) => ['orgs', orgId] as const,
  members: (orgId: string) => ['orgs', orgId, 'members'] as const,
  invitations: (orgId: string) => ['orgs', orgId, 'invitations'] as const,
  orgAudit: (orgId: string, page: number) => ['orgs', orgId, 'audit', page] as const,
  invitationPreview: (token: string) => ['invitations', 'preview', token] as const,
  adminOrgs: (page: number) => ['admin', 'orgs', page] as const,
  adminOrgsAll: ['admin', 'orgs', 'all'] as const,
  adminAuditPage: (page: number, orgId: string | null) => ['admin', 'audit', page, orgId] as const,
  mailbox: (page: number) => ['admin', 'mail', 'list', page] as const,
  mail: (mailId: string) => ['admin', 'mail', mailId] as const,
};
