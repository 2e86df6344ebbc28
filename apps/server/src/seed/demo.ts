import crypto from 'node:crypto';
import type { OrgRole } from '@tend/contracts';
import { v7 as uuidv7 } from 'uuid';
import type { Principal } from '../platform/auth/tokens';
import { systemContext } from '../platform/db/database';
import type { Runtime } from '../platform/runtime';
import { createAuthService, orgs as orgsTable, usersRepository } from '../modules/identity';
import { createOrgsService, orgsRepository } from '../modules/orgs';
import { openDemoHours } from '../modules/scheduling';

export type DemoAccount = { role: OrgRole | 'platform_admin'; name: string; email: string; password: string };

const PEOPLE: { role: OrgRole | 'platform_admin'; name: string; email: string }[] = [
  { role: 'platform_admin', name: 'Platform Admin', email: 'platform@demo.tend.local' },
  { role: 'org_admin', name: 'Олена Коваль', email: 'admin@demo.tend.local' },
  { role: 'specialist', name: 'Андрій Шевченко', email: 'specialist1@demo.tend.local' },
  { role: 'specialist', name: 'Maria Lysenko', email: 'specialist2@demo.tend.local' },
  { role: 'client', name: 'Ірина Бондар', email: 'client1@demo.tend.local' },
  { role: 'client', name: 'Taras Melnyk', email: 'client2@demo.tend.local' },
  { role: 'client', name: 'Оксана Ткаченко', email: 'client3@demo.tend.local' },
];

/**
 * On first run (no organization yet) creates "Demo Practice" in Europe/Kyiv with an org admin, two
 * specialists (bookable on weekdays 09:00–17:00), three clients and a platform admin. Returns the credentials to print once, or null.
 */
export async function seedDemoPractice(runtime: Runtime, fixedPassword?: string): Promise<DemoAccount[] | null> {
  const hasOrg = await runtime.db.inContext(systemContext, async (tx) => (await tx.$count(orgsTable)) > 0);
  if (hasOrg) return null;
  const deps = { db: runtime.db, crypto: runtime.crypto, tokens: runtime.tokens, mailer: runtime.mailer, publicUrl: '' };
  const auth = createAuthService(deps);
  const meta = { requestId: 'seed', ip: '127.0.0.1', userAgent: 'tend seed' };
  const accounts: (DemoAccount & { id: string })[] = [];
  for (const person of PEOPLE) {
    const password = fixedPassword ?? crypto.randomBytes(9).toString('base64url');
    const id = await auth.createAccount({ email: person.email, password, name: person.name, locale: 'uk' }, meta);
    accounts.push({ ...person, password, id });
  }
  const admin = accounts.find((a) => a.role === 'org_admin') as (typeof accounts)[number];
  const principal: Principal = { userId: admin.id, orgId: null, role: null, platformAdmin: false, sessionId: uuidv7(), mfaEnrolmentRequired: false };
  const org = await createOrgsService(deps).create(
    principal,
    { name: 'Demo Practice', timezone: 'Europe/Kyiv', locale: 'uk', currency: 'UAH', region: 'ua' },
    meta,
  );
  await runtime.db.inContext(systemContext, async (tx) => {
    for (const account of accounts) {
      if (account.role === 'platform_admin') await usersRepository.update(tx, account.id, { platformAdmin: true });
      else if (account.id !== admin.id) await orgsRepository.addMember(tx, { id: uuidv7(), orgId: org.id, userId: account.id, role: account.role });
      if (account.role !== 'platform_admin') await usersRepository.update(tx, account.id, { defaultOrgId: org.id });
    }
  });
  // A bookable practice from the first start: each specialist sets their own weekday hours (as themselves, under RLS).
  for (const specialist of accounts.filter((a) => a.role === 'specialist'))
    await runtime.db.inContext({ userId: specialist.id, orgId: org.id, role: 'specialist', platformAdmin: false, system: false }, (tx) =>
      openDemoHours(tx, org.id, specialist.id),
    );
  return accounts.map(({ role, name, email, password }) => ({ role, name, email, password }));
}
