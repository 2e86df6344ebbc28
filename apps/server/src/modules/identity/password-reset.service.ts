import { and, eq, gt, isNull } from 'drizzle-orm';
import { v7 as uuidv7 } from 'uuid';
import { recordAudit } from '../../platform/audit';
import { hashToken, randomToken } from '../../platform/auth/tokens';
import { mailTemplates } from '../../platform/channels/mail-templates';
import { systemContext } from '../../platform/db/database';
import { AppError } from '../../platform/http/app-error';
import { CommittedFailure, inSystem } from './auth.service';
import type { IdentityDeps, RequestMeta } from './identity.deps';
import { userAad } from './identity.mapper';
import { passwordResets } from './identity.table';
import { hashPassword } from './password';
import { sessionsRepository } from './sessions.repository';
import { clearFailures } from './throttle';
import { usersRepository } from './users.repository';

const RESET_MINUTES = 30;

export function createPasswordResetService(deps: IdentityDeps) {
  const { db, crypto, mailer } = deps;
  return {
    /** Always succeeds from the caller's point of view, so it reveals nothing about which emails exist. */
    async request(email: string, meta: RequestMeta): Promise<void> {
      await db.inContext(systemContext, async (tx) => {
        const user = await usersRepository.byEmailIndex(tx, crypto.blindIndex(email));
        await recordAudit(
          tx,
          { userId: null, orgId: null, requestId: meta.requestId, ip: meta.ip },
          {
            action: 'auth.password_reset_requested',
            resourceType: 'user',
            resourceId: user?.id ?? null,
            subjectUserId: user?.id ?? null,
            purpose: 'authentication',
            outcome: user ? 'success' : 'failure',
          },
        );
        if (!user) return;
        const token = randomToken();
        await tx
          .insert(passwordResets)
          .values({ id: uuidv7(), userId: user.id, tokenHash: hashToken(token), expiresAt: new Date(Date.now() + RESET_MINUTES * 60_000) });
        const to = (await crypto.open(tx, user.emailCiphertext, userAad(user.id, 'email'))) ?? '';
        const mail = mailTemplates.passwordReset(user.locale, `${deps.publicUrl}/reset-password?token=${token}`);
        await mailer.enqueue(tx, { orgId: null, to, ...mail, template: 'password_reset' });
      });
    },

    async reset(token: string, newPassword: string, meta: RequestMeta): Promise<void> {
      const passwordHash = await hashPassword(newPassword);
      await inSystem(db, async (tx) => {
        const [reset] = await tx
          .select()
          .from(passwordResets)
          .where(and(eq(passwordResets.tokenHash, hashToken(token)), isNull(passwordResets.usedAt), gt(passwordResets.expiresAt, new Date())))
          .for('update');
        if (!reset) return new CommittedFailure(new AppError('AUTH.RESET_TOKEN_INVALID', 'This reset link is invalid or has expired; ask for a new one'));
        const user = await usersRepository.byId(tx, reset.userId);
        if (!user) return new CommittedFailure(new AppError('AUTH.RESET_TOKEN_INVALID', 'This reset link is invalid or has expired; ask for a new one'));
        await tx.update(passwordResets).set({ usedAt: new Date() }).where(eq(passwordResets.id, reset.id));
        await usersRepository.update(tx, user.id, { passwordHash });
        await sessionsRepository.revokeAllOfUser(tx, user.id, 'password_reset');
        await clearFailures(tx, [`email:${user.emailBlindIndex.toString('hex')}`]);
        await recordAudit(
          tx,
          { userId: user.id, orgId: null, requestId: meta.requestId, ip: meta.ip },
          { action: 'auth.password_reset', resourceType: 'user', resourceId: user.id, subjectUserId: user.id, purpose: 'authentication' },
        );
        return undefined;
      });
    },
  };
}

export type PasswordResetService = ReturnType<typeof createPasswordResetService>;
