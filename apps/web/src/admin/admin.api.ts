import type { AdminOrg, AuditEntry, AuditVerification, Mail } from '@tend/contracts';
import { api } from '../api/client';

const adminPageSize = 50;

export const adminApi = {
  orgs: (page: number) => api.page<AdminOrg>('/api/v1/admin/orgs', { page, per_page: adminPageSize }),
  /** Every organization, for the audit filter: walks the pages until all are loaded. */
  allOrgs: async (): Promise<AdminOrg[]> => {
    const all: AdminOrg[] = [];
    for (let page = 1; ; page += 1) {
      const { items, meta } = await api.page<AdminOrg>('/api/v1/admin/orgs', { page, per_page: 100 });
      all.push(...items);
      if (items.length === 0 || all.length >= (meta.total ?? all.length)) return all;
    }
  },
  audit: (page: number, orgId: string | null) => api.page<AuditEntry>('/api/v1/admin/audit', { page, per_page: adminPageSize, org_id: orgId ?? undefined }),
  verifyAudit: () => api.post<AuditVerification>('/api/v1/admin/audit/verify'),
  mailbox: (page: number) => api.page<Mail>('/api/v1/admin/mail', { page, per_page: adminPageSize }),
  mail: (mailId: string) => api.get<Mail>(`/api/v1/admin/mail/${mailId}`),
};
