import type { Invitation, OrgRole } from '@tend/contracts';
import { v7 as uuidv7 } from 'uuid';
import { recordAudit } from '../../platform/audit';
import { hashToken, type Principal, randomToken } from '../../platform/auth/tokens';
import { mailTemplates } from '../../platform/channels/mail-templates';
import type { Mailer } from '../../platform/channels/mailer';
import { systemContext } from '../../platform/db/database';
import { AppError } from '../../platform/http/app-error';
import { type AuthService, type RequestMeta, usersRepository, userAad } from '../identity';
import { orgsRepository } from './orgs.repository';
import { invitationStatus, toInvitation } from './orgs.mapper';
import { inOrg, type OrgDeps } from './orgs.service';

const INVITATION_DAYS = 7;
const invitationAad = (id: string) => `identity.invitations.email:${id}`;

export function createInvitationsService(deps: OrgDeps & { mailer: Mailer; auth: AuthService; publicUrl: string }) {
  const { db, crypto, mailer } = deps;

  async function pendingByToken(tx: Parameters<Parameters<typeof db.inContext>[1]>[0], token: string) {
    const row = await orgsRepository.invitationByToken(tx, hashToken(token));
    if (!row || row.revokedAt || row.acceptedAt) throw new AppError('INVITATION.NOT_FOUND', 'This invitation link is not valid; ask for a new one');
    if (invitationStatus(row) === 'expired') throw new AppError('INVITATION.EXPIRED', 'This invitation has expired; ask the practice to send a new one');
    return row;
  }

  return {
    list: (p: Principal, orgId: string, meta: RequestMeta): Promise<Invitation[]> =>
      inOrg(deps, p, orgId, meta, ['org_admin'], async ({ tx }) =>
        Promise.all(
          (await orgsRepository.invitations(tx, orgId)).map(async (r) =>
            toInvitation(r, (await crypto.open(tx, r.emailCiphertext, invitationAad(r.id))) ?? '[erased]'),
          ),
        ),
      ),

    create: (p: Principal, orgId: string, input: { email: string; role: OrgRole }, meta: RequestMeta): Promise<Invitation> =>
      inOrg(deps, p, orgId, meta, ['org_admin'], async ({ tx, actor }) => {
        const emailIndex = crypto.blindIndex(input.email);
        const existing = await orgsRepository.invitations(tx, orgId);
        if (existing.some((i) => i.emailBlindIndex.equals(emailIndex) && invitationStatus(i) === 'pending')) {
          throw new AppError('INVITATION.ALREADY_PENDING', 'This email already has a pending invitation; revoke it to send a new one');
        }
        const id = uuidv7();
        const token = randomToken();
        await orgsRepository.insertInvitation(tx, {
          id,
          orgId,
          emailBlindIndex: emailIndex,
          emailCiphertext: await crypto.sealForOrg(tx, orgId, input.email, invitationAad(id)),
          role: input.role,
          tokenHash: hashToken(token),
          invitedBy: p.userId,
          expiresAt: new Date(Date.now() + INVITATION_DAYS * 86_400_000),
        });
        const org = await orgsRepository.byId(tx, orgId);
        const mail = mailTemplates.invitation(org?.locale ?? 'uk', `${deps.publicUrl}/invitations/accept?token=${token}`, org?.name ?? '', input.role);
        await mailer.enqueue(tx, { orgId, to: input.email, ...mail, template: 'invitation' });
        await recordAudit(tx, actor, { action: 'invitation.create', resourceType: 'invitation', resourceId: id, details: { role: input.role } });
        return toInvitation((await orgsRepository.invitationById(tx, orgId, id)) as never, input.email);
      }),

    revoke: (p: Principal, orgId: string, invitationId: string, meta: RequestMeta) =>
      inOrg(deps, p, orgId, meta, ['org_admin'], async ({ tx, actor }) => {
        const row = await orgsRepository.invitationById(tx, orgId, invitationId);
        if (!row) throw new AppError('INVITATION.NOT_FOUND', 'No such invitation');
        if (invitationStatus(row) !== 'pending') return;
        await orgsRepository.updateInvitation(tx, row.id, { revokedAt: new Date() });
        await recordAudit(tx, actor, { action: 'invitation.revoke', resourceType: 'invitation', resourceId: row.id });
      }),

    preview: (token: string) =>
      db.inContext(systemContext, async (tx) => {
        const row = await pendingByToken(tx, token);
        const org = await orgsRepository.byId(tx, row.orgId);
        return {
          org_name: org?.name ?? '',
          role: row.role,
          email: (await crypto.open(tx, row.emailCiphertext, invitationAad(row.id))) ?? '',
          expires_at: row.expiresAt.toISOString(),
        };
      }),

    /**
     * Signed in: joins with the invited email only. Signed out: creates the account from the
     * invitation (the email is proven by the link) and signs it in.
     */
    async accept(token: string, principal: Principal | null, account: { name?: string | undefined; password?: string | undefined }, meta: RequestMeta) {
      const invite = await db.inContext(systemContext, async (tx) => {
        const row = await pendingByToken(tx, token);
        return { row, email: (await crypto.open(tx, row.emailCiphertext, invitationAad(row.id))) ?? '' };
      });
      let userId = principal?.userId ?? null;
      if (!principal) {
        if (!account.name || !account.password)
          throw new AppError('REQUEST.VALIDATION', 'Enter your name and a password to create your account', [
            { path: 'name', message: 'Required' },
            { path: 'password', message: 'Required' },
          ]);
        userId = await deps.auth.createAccount({ email: invite.email, password: account.password, name: account.name }, meta);
      }
      await db.inContext(systemContext, async (tx) => {
        const row = await pendingByToken(tx, token);
        const user = await usersRepository.byId(tx, userId as string);
        const email = user ? await crypto.open(tx, user.emailCiphertext, userAad(user.id, 'email')) : null;
        if (!user || email !== invite.email)
          throw new AppError('INVITATION.EMAIL_MISMATCH', `This invitation is for ${invite.email}; sign in with that email to accept it`);
        if (await orgsRepository.roleOf(tx, row.orgId, user.id)) throw new AppError('ORG.ALREADY_MEMBER', 'You are already a member of this organization');
        await orgsRepository.addMember(tx, { id: uuidv7(), orgId: row.orgId, userId: user.id, role: row.role });
        await orgsRepository.updateInvitation(tx, row.id, { acceptedAt: new Date(), acceptedBy: user.id });
        await usersRepository.update(tx, user.id, { defaultOrgId: row.orgId });
        await recordAudit(
          tx,
          { userId: user.id, orgId: row.orgId, requestId: meta.requestId, ip: meta.ip },
          { action: 'invitation.accept', resourceType: 'invitation', resourceId: row.id, subjectUserId: user.id, details: { role: row.role } },
        );
      });
      return { userId: userId as string, orgId: invite.row.orgId };
    },
  };
}

export type InvitationsService = ReturnType<typeof createInvitationsService>;
