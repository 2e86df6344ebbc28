import crypto from 'node:crypto';
import { addMember, call, createOrg, type Session, type TestApp } from './harness';

export type BuiltOrg = {
  orgId: string;
  admin: Session & { orgId: string };
  specialist: Session;
  supervisor: Session;
  client: Session;
  /** A pending invitation of this org. */
  invitationId: string;
};

/** An org with an admin, a specialist, a supervisor, a client and one pending invitation. */
export async function buildOrg(t: TestApp, name: string): Promise<BuiltOrg> {
  const admin = await createOrg(t.app, `${name} ${crypto.randomBytes(3).toString('hex')}`);
  const specialist = await addMember(t, admin, 'specialist');
  const supervisor = await addMember(t, admin, 'supervisor');
  const client = await addMember(t, admin, 'client');
  const invite = await call(t.app, {
    method: 'POST',
    url: `/api/v1/orgs/${admin.orgId}/invitations`,
    token: admin.token,
    payload: { email: `pending-${crypto.randomBytes(5).toString('hex')}@example.test`, role: 'specialist' },
  });
  if (invite.statusCode !== 201) throw new Error(`invite failed: ${invite.statusCode} ${invite.body}`);
  return { orgId: admin.orgId, admin, specialist, supervisor, client, invitationId: invite.json().data.id };
}
