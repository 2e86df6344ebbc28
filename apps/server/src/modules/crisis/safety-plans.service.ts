import type { SafetyPlan, SafetyPlanContent } from '@tend/contracts';
import { v7 as uuidv7 } from 'uuid';
import { recordAudit } from '../../platform/audit';
import type { Principal } from '../../platform/auth/tokens';
import type { FieldCrypto } from '../../platform/crypto/field-crypto';
import type { Database, Tx } from '../../platform/db/database';
import { AppError } from '../../platform/http/app-error';
import type { RequestMeta } from '../identity';
import { inActiveOrg, type OrgScope, userNames } from '../orgs';
import { crisisRepository, type PlanRow } from './crisis.repository';

const planAad = (orgId: string, clientId: string, version: number) => `safety_plan:${orgId}:${clientId}:v${version}`;

/** Stanley–Brown safety plans, written by the client with their specialist; every version kept. */
export function createSafetyPlansService(deps: { db: Database; crypto: FieldCrypto }) {
  const { crypto } = deps;

  async function present(tx: Tx, row: PlanRow): Promise<SafetyPlan> {
    const names = await userNames(tx, crypto, [row.byUserId]);
    return {
      client_id: row.clientUserId,
      version: row.version,
      plan: JSON.parse((await crypto.open(tx, row.contentCiphertext, planAad(row.orgId, row.clientUserId, row.version))) ?? '{}') as SafetyPlanContent,
      updated_by: { id: row.byUserId, name: names.get(row.byUserId) ?? '[unavailable]' },
      updated_at: row.at.toISOString(),
    };
  }

  /** The client's own plan, or a client the caller cares for (the database checks which). */
  const subject = (scope: OrgScope, clientId: string | undefined): string => {
    if (scope.role === 'client') {
      if (clientId && clientId !== scope.actor.userId) throw new AppError('CRISIS.PLAN_NOT_FOUND', 'No safety plan');
      return scope.actor.userId;
    }
    if (!clientId) throw new AppError('REQUEST.VALIDATION', 'Name the client (client_id)', [{ path: 'client_id', message: 'Required for staff' }]);
    return clientId;
  };

  return {
    currentFor: async (tx: Tx, orgId: string, clientId: string): Promise<SafetyPlan | null> => {
      const row = await crisisRepository.currentPlan(tx, orgId, clientId);
      return row ? present(tx, row) : null;
    },

    get: (p: Principal, clientId: string | undefined, meta: RequestMeta): Promise<SafetyPlan> =>
      inActiveOrg(deps, p, meta, ['client', 'specialist', 'co_specialist', 'supervisor'], async (scope) => {
        const client = subject(scope, clientId);
        const row = await crisisRepository.currentPlan(scope.tx, scope.actor.orgId, client);
        if (!row) throw new AppError('CRISIS.PLAN_NOT_FOUND', 'No safety plan yet');
        await recordAudit(scope.tx, scope.actor, {
          action: 'safety_plan.read',
          resourceType: 'safety_plan',
          resourceId: row.id,
          subjectUserId: client,
          purpose: 'safety',
        });
        return present(scope.tx, row);
      }),

    save: (p: Principal, body: { client_id?: string | undefined; base_version: number; plan: SafetyPlanContent }, meta: RequestMeta): Promise<SafetyPlan> =>
      inActiveOrg(deps, p, meta, ['client', 'specialist', 'co_specialist', 'supervisor'], async (scope) => {
        const client = subject(scope, body.client_id);
        const { tx, actor } = scope;
        await tx.$client.query('select pg_advisory_xact_lock(hashtext($1))', [`safety_plan:${actor.orgId}:${client}`]);
        const current = await crisisRepository.currentPlan(tx, actor.orgId, client);
        if (scope.role !== 'client' && !current && !(await crisisRepository.canCareFor(tx, client)))
          throw new AppError('CRISIS.PLAN_NOT_FOUND', 'No such client in your care');
        const latest = current?.version ?? 0;
        if (body.base_version !== latest)
          throw new AppError('CRISIS.PLAN_VERSION_CONFLICT', `The plan changed (now version ${latest}); reload it`, { current_version: latest });
        const version = latest + 1;
        const id = uuidv7();
        await crisisRepository.insertPlan(tx, {
          id,
          orgId: actor.orgId,
          clientUserId: client,
          version,
          byUserId: p.userId,
          contentCiphertext: await crypto.sealForOrg(tx, actor.orgId, JSON.stringify(body.plan), planAad(actor.orgId, client, version)),
        });
        await recordAudit(tx, actor, {
          action: 'safety_plan.save',
          resourceType: 'safety_plan',
          resourceId: id,
          subjectUserId: client,
          purpose: 'safety',
          details: { version },
        });
        return present(tx, (await crisisRepository.currentPlan(tx, actor.orgId, client)) as PlanRow);
      }),
  };
}

export type SafetyPlansService = ReturnType<typeof createSafetyPlansService>;
