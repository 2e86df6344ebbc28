import type { PlanProblem, SavePlanBody, TreatmentPlan } from '@tend/contracts';
import { v7 as uuidv7 } from 'uuid';
import type { Principal } from '../../platform/auth/tokens';
import { AppError } from '../../platform/http/app-error';
import type { RequestMeta } from '../identity';
import { userNames } from '../orgs';
import type { CaseScope, ClinicalDeps, NotesService } from './notes.service';
import { type PlanRow, plansRepository, type ProgressRow } from './treatment-plans.repository';
type ClientView = {
  case_id: string;
  version: number;
  goals: {
    id: string;
    title: string;
    target_date: string | null;
    status: PlanProblem['goals'][number]['status'];
    progress: number | null;
    objectives: { id: string; text: string; measure: string; status: PlanProblem['goals'][number]['status']; progress: number | null }[];
  }[];
  updated_at: string;
};

export const planAad = (caseId: string, version: number) => `treatment_plan:${caseId}:v${version}`;
const progressAad = (id: string) => `plan_progress:${id}:note`;

/** Treatment plans: every save is a new version; progress is recorded against goals and objectives. */
export function createTreatmentPlansService(deps: ClinicalDeps, notes: NotesService) {
  const { crypto } = deps;

  const current = (scope: CaseScope): Promise<PlanRow | undefined> => plansRepository.current(scope.tx, scope.caseRow.id);
  const problemsOf = async (scope: CaseScope, row: PlanRow): Promise<PlanProblem[]> =>
    JSON.parse((await crypto.open(scope.tx, row.contentCiphertext, planAad(row.caseId, row.version))) ?? '[]') as PlanProblem[];
  const progressOf = (scope: CaseScope): Promise<ProgressRow[]> => plansRepository.progress(scope.tx, scope.caseRow.id);

  async function full(scope: CaseScope, row: PlanRow): Promise<TreatmentPlan> {
    const progress = await progressOf(scope);
    const names = await userNames(scope.tx, crypto, [row.byUserId, ...progress.map((p) => p.byUserId)]);
    return {
      case_id: row.caseId,
      version: row.version,
      problems: await problemsOf(scope, row),
      review_date: row.reviewDate,
      updated_by: { id: row.byUserId, name: names.get(row.byUserId) ?? '' },
      updated_at: row.at.toISOString(),
      progress: await Promise.all(
        progress.map(async (p) => ({
          id: p.id,
          goal_id: p.goalId,
          objective_id: p.objectiveId,
          progress: p.progress,
          note: p.noteCiphertext ? await crypto.open(scope.tx, p.noteCiphertext, progressAad(p.id)) : null,
          by: { id: p.byUserId, name: names.get(p.byUserId) ?? '' },
          at: p.at.toISOString(),
        })),
      ),
    };
  }

  async function clientView(scope: CaseScope, row: PlanRow): Promise<ClientView> {
    const progress = await progressOf(scope);
    // Newest first, so the first match is the latest figure.
    const latest = (goalId: string, objectiveId: string | null) => progress.find((p) => p.goalId === goalId && p.objectiveId === objectiveId)?.progress ?? null;
    const goals = (await problemsOf(scope, row)).flatMap((problem) => problem.goals);
    return {
      case_id: row.caseId,
      version: row.version,
      goals: goals.map((g) => ({
        id: g.id,
        title: g.title,
        target_date: g.target_date ?? null,
        status: g.status,
        progress: latest(g.id, null),
        objectives: g.objectives.map((o) => ({ id: o.id, text: o.text, measure: o.measure, status: o.status, progress: latest(g.id, o.id) })),
      })),
      updated_at: row.at.toISOString(),
    };
  }

  const audit = (scope: CaseScope, action: string, details?: Record<string, unknown>) =>
    notes.audit(scope, action, null, { kind: 'treatment_plan', ...details });

  return {
    /** The care team gets the whole plan; the client gets their goals and progress. */
    get: (p: Principal, caseId: string, meta: RequestMeta): Promise<TreatmentPlan | ClientView> =>
      notes.inCase(p, caseId, 'read_plan', meta, async (scope) => {
        const row = await current(scope);
        if (!row) throw new AppError('PLAN.NOT_FOUND', 'This case has no treatment plan yet');
        const plan = scope.caseRow.clientUserId === p.userId ? await clientView(scope, row) : await full(scope, row);
        await audit(scope, 'treatment_plan.read', { version: row.version });
        return plan;
      }),

    save: (p: Principal, caseId: string, body: SavePlanBody, meta: RequestMeta): Promise<TreatmentPlan> =>
      notes.inCase(p, caseId, 'write_notes', meta, async (scope) => {
        // Saves of one case's plan are serialised; the unique (case, version) index backs this up.
        const latest = await plansRepository.lockLatestVersion(scope.tx, scope.caseRow.id);
        if (body.base_version !== latest) {
          throw new AppError('PLAN.VERSION_CONFLICT', `The plan changed since you opened it (now version ${latest}); reload and apply your changes again`, {
            current_version: latest,
          });
        }
        const version = latest + 1;
        await plansRepository.insert(scope.tx, {
          id: uuidv7(),
          orgId: scope.caseRow.orgId,
          caseId: scope.caseRow.id,
          version,
          contentCiphertext: await crypto.sealForOrg(scope.tx, scope.caseRow.orgId, JSON.stringify(body.problems), planAad(scope.caseRow.id, version)),
          reviewDate: body.review_date ?? null,
          byUserId: p.userId,
        });
        await audit(scope, 'treatment_plan.save', { version });
        const goals = body.problems.reduce((n, problem) => n + problem.goals.length, 0);
        await deps.cases.event(scope.tx, scope.actor, scope.caseRow, 'plan_saved', { version: String(version), goals: String(goals) });
        return full(scope, (await current(scope)) as PlanRow);
      }),

    versions: (p: Principal, caseId: string, meta: RequestMeta) =>
      notes.inCase(p, caseId, 'read_notes', meta, async (scope) => {
        const rows = await plansRepository.all(scope.tx, scope.caseRow.id);
        const names = await userNames(
          scope.tx,
          crypto,
          rows.map((r) => r.byUserId),
        );
        const items = await Promise.all(
          rows.map(async (r) => ({
            version: r.version,
            by: { id: r.byUserId, name: names.get(r.byUserId) ?? '' },
            at: r.at.toISOString(),
            goals: (await problemsOf(scope, r)).reduce((n, problem) => n + problem.goals.length, 0),
          })),
        );
        await audit(scope, 'treatment_plan.versions_read');
        return items;
      }),

    /** One saved version as it was written, for reading back (care team); progress is the case's, not the version's. */
    version: (p: Principal, caseId: string, version: number, meta: RequestMeta): Promise<TreatmentPlan> =>
      notes.inCase(p, caseId, 'read_notes', meta, async (scope) => {
        const row = await plansRepository.byVersion(scope.tx, scope.caseRow.id, version);
        if (!row) throw new AppError('PLAN.NOT_FOUND', 'This case has no such version of its treatment plan');
        const plan = await full(scope, row);
        await audit(scope, 'treatment_plan.version_read', { version });
        return plan;
      }),

    recordProgress: (
      p: Principal,
      caseId: string,
      body: { goal_id: string; objective_id?: string | undefined; progress: number; note?: string | undefined },
      meta: RequestMeta,
    ): Promise<TreatmentPlan> =>
      notes.inCase(p, caseId, 'write_notes', meta, async (scope) => {
        const row = await current(scope);
        if (!row) throw new AppError('PLAN.NOT_FOUND', 'This case has no treatment plan yet');
        const goal = (await problemsOf(scope, row)).flatMap((x) => x.goals).find((g) => g.id === body.goal_id);
        if (!goal || (body.objective_id && !goal.objectives.some((o) => o.id === body.objective_id))) {
          throw new AppError('PLAN.UNKNOWN_GOAL', 'No such goal or objective in the current plan');
        }
        const id = uuidv7();
        await plansRepository.insertProgress(scope.tx, {
          id,
          orgId: scope.caseRow.orgId,
          caseId: scope.caseRow.id,
          goalId: body.goal_id,
          objectiveId: body.objective_id ?? null,
          progress: body.progress,
          noteCiphertext: body.note ? await crypto.sealForOrg(scope.tx, scope.caseRow.orgId, body.note, progressAad(id)) : null,
          byUserId: p.userId,
        });
        await audit(scope, 'treatment_plan.progress', { goal_id: body.goal_id });
        await deps.cases.event(scope.tx, scope.actor, scope.caseRow, 'plan_progress', {
          goal_id: body.goal_id,
          objective_id: body.objective_id ?? null,
          progress: String(body.progress),
        });
        return full(scope, row);
      }),
  };
}

export type TreatmentPlansService = ReturnType<typeof createTreatmentPlansService>;
