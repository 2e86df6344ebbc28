import { AUTO_PAUSE_DAYS } from '@tend/contracts';
import { v7 as uuidv7 } from 'uuid';
import { recordAudit } from '../../platform/audit';
import type { Principal } from '../../platform/auth/tokens';
import type { FieldCrypto } from '../../platform/crypto/field-crypto';
import { type Database, systemContext } from '../../platform/db/database';
import { AppError } from '../../platform/http/app-error';
import type { RequestMeta } from '../identity';
import { inActiveOrg, userNames } from '../orgs';
import { casesRepository } from './cases.repository';
import type { CasesService } from './cases.service';

type Grant = { user: { id: string; name: string }; role: 'co_specialist' | 'supervisor'; granted_by: string; granted_at: string };

/** Who works on a case: transfer of the primary specialist, co-specialist and supervisor access. */
export function createCareTeamService(deps: { db: Database; crypto: FieldCrypto }, cases: CasesService) {
  return {
    /** Hands the case to another specialist of the practice; the previous lead loses access unless granted. */
    transfer: (p: Principal, caseId: string, toSpecialistId: string, reason: string, meta: RequestMeta): Promise<void> =>
      inActiveOrg(deps, p, meta, null, async (scope) => {
        const { tx, actor } = scope;
        const { row } = await cases.load(scope, caseId, 'transfer', true);
        if (row.status === 'archived' || row.status === 'closed' || row.status === 'transferred') {
          throw new AppError('CASE.NOT_EDITABLE', `A ${row.status} case cannot be transferred`);
        }
        if (toSpecialistId === row.specialistUserId) throw new AppError('CASE.SAME_SPECIALIST', 'That specialist already leads this case');
        await cases.ensureRole(tx, row.orgId, toSpecialistId, ['specialist'], 'CASE.NOT_A_SPECIALIST', 'That person is not a specialist of this practice');
        // The new lead no longer needs a separate grant; the previous lead keeps none unless given one.
        // History first: once the lead changes, a lead who transferred their own case no longer sees it.
        await cases.event(tx, actor, row, 'transferred', { from: row.specialistUserId, to: toSpecialistId }, reason);
        await casesRepository.revokeAccess(tx, row.id, toSpecialistId, p.userId);
        if (!(await casesRepository.handOver(tx, row.id, toSpecialistId))) throw new AppError('AUTH.FORBIDDEN', 'Your access to this case does not allow this');
        await cases.audit(tx, actor, row, 'case.transfer', { from: row.specialistUserId, to: toSpecialistId });
      }),

    team: (p: Principal, caseId: string, meta: RequestMeta): Promise<Grant[]> =>
      inActiveOrg(deps, p, meta, null, async (scope) => {
        const { row } = await cases.load(scope, caseId, 'read_team');
        const grants = await casesRepository.activeAccess(scope.tx, row.id);
        const names = await userNames(
          scope.tx,
          deps.crypto,
          grants.map((g) => g.userId),
        );
        await cases.audit(scope.tx, scope.actor, row, 'case.team_read');
        return grants.map((g) => ({
          user: { id: g.userId, name: names.get(g.userId) ?? '' },
          role: g.role,
          granted_by: g.grantedBy,
          granted_at: g.grantedAt.toISOString(),
        }));
      }),

    grant: (p: Principal, caseId: string, userId: string, role: 'co_specialist' | 'supervisor', meta: RequestMeta): Promise<Grant> =>
      inActiveOrg(deps, p, meta, null, async (scope) => {
        const { tx, actor } = scope;
        const { row } = await cases.load(scope, caseId, 'manage_access', true);
        if (userId === row.specialistUserId || userId === row.clientUserId) throw new AppError('CASE.ACCESS_EXISTS', 'That person is already on this case');
        const eligible = role === 'co_specialist' ? ['specialist', 'co_specialist'] : ['supervisor', 'specialist'];
        await cases.ensureRole(tx, row.orgId, userId, eligible, 'CASE.NOT_A_SPECIALIST', `That person cannot be a ${role.replace('_', '-')} on a case`);
        if (await casesRepository.accessOf(tx, row.id, userId)) throw new AppError('CASE.ACCESS_EXISTS', 'That person already has access to this case');
        const grantedAt = new Date();
        await casesRepository.grantAccess(tx, { id: uuidv7(), orgId: row.orgId, caseId: row.id, userId, role, grantedBy: p.userId, grantedAt });
        await cases.event(tx, actor, row, 'access_granted', { user_id: userId, role });
        await cases.audit(tx, actor, row, 'case.access_grant', { user_id: userId, role });
        const names = await userNames(tx, deps.crypto, [userId]);
        return { user: { id: userId, name: names.get(userId) ?? '' }, role, granted_by: p.userId, granted_at: grantedAt.toISOString() };
      }),

    revoke: (p: Principal, caseId: string, userId: string, meta: RequestMeta): Promise<void> =>
      inActiveOrg(deps, p, meta, null, async (scope) => {
        const { tx, actor } = scope;
        const { row } = await cases.load(scope, caseId, 'manage_access', true);
        const [revoked] = await casesRepository.revokeAccess(tx, row.id, userId, p.userId);
        if (!revoked) throw new AppError('CASE.ACCESS_NOT_FOUND', 'That person has no access grant on this case');
        await cases.event(tx, actor, row, 'access_revoked', { user_id: userId });
        await cases.audit(tx, actor, row, 'case.access_revoke', { user_id: userId });
      }),

    /** Pauses active cases whose last completed session is more than AUTO_PAUSE_DAYS old. */
    autoPause: (now: Date = new Date()): Promise<number> =>
      deps.db.inContext(systemContext, async (tx) => {
        const paused = await casesRepository.pauseDormant(tx, new Date(now.getTime() - AUTO_PAUSE_DAYS * 86_400_000));
        for (const c of paused) {
          const actor = { userId: null, orgId: c.orgId, requestId: `job-${uuidv7()}`, ip: null };
          await casesRepository.addEvent(tx, {
            id: uuidv7(),
            orgId: c.orgId,
            caseId: c.id,
            kind: 'status_changed',
            actorUserId: null,
            data: { from: 'active', to: 'paused', by: 'auto_pause' },
          });
          await recordAudit(tx, actor, {
            action: 'case.auto_pause',
            resourceType: 'case',
            resourceId: c.id,
            subjectUserId: c.clientUserId,
            purpose: 'operations',
          });
        }
        return paused.length;
      }),
  };
}

export type CareTeamService = ReturnType<typeof createCareTeamService>;
