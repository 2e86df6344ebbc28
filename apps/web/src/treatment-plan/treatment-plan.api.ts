import type { PlanVersionSummary, SavePlanBody, TreatmentPlan } from '@tend/contracts';
import { ApiError, api } from '../api/client';

const planPath = (caseId: string) => `/api/v1/cases/${caseId}/treatment-plan`;

export type ProgressInput = { goal_id: string; objective_id?: string; progress: number; note?: string };

export const treatmentPlanApi = {
  /** The current plan for the care team, or null when none has been written yet. */
  async current(caseId: string): Promise<TreatmentPlan | null> {
    try {
      return await api.get<TreatmentPlan>(planPath(caseId));
    } catch (error) {
      if (error instanceof ApiError && error.code === 'PLAN.NOT_FOUND') return null;
      throw error;
    }
  },
  save: (caseId: string, body: SavePlanBody) => api.put<TreatmentPlan>(planPath(caseId), body),
  versions: (caseId: string) => api.get<PlanVersionSummary[]>(`${planPath(caseId)}/versions`),
  version: (caseId: string, version: number) => api.get<TreatmentPlan>(`${planPath(caseId)}/versions/${version}`),
  recordProgress: (caseId: string, body: ProgressInput) => api.post<TreatmentPlan>(`${planPath(caseId)}/progress`, body),
};

export const isVersionConflict = (error: unknown): boolean => error instanceof ApiError && error.code === 'PLAN.VERSION_CONFLICT';
