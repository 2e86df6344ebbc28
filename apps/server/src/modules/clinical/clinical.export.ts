import type { FieldCrypto } from '../../platform/crypto/field-crypto';
import type { Tx } from '../../platform/db/database';
import type { FormAnswers, PlanProblem } from '@tend/contracts';
import { formsRepository } from './forms.repository';
import { answersAad, signerAad } from './forms.service';
import { planAad } from './treatment-plans.service';
import { plansRepository } from './treatment-plans.repository';

export type ExportedGoal = {
  id: string;
  title: string;
  status: string;
  target_date: string | null;
  objectives: { id: string; text: string; measure: string; status: string }[];
};
export type ExportedForm = {
  id: string;
  case_id: string;
  title: string;
  fields: { key: string; label: string; type: string }[];
  answers: FormAnswers;
  submitted_at: string;
  signature: { name: string; signed_at: string; hash: string } | null;
};

/**
 * What a client provided or may see of their clinical record, for their export: treatment-plan goals
 * and submitted forms. Progress notes are released by the practice on request; psychotherapy notes never.
 */
export async function clinicalForExport(
  tx: Tx,
  crypto: FieldCrypto,
  clientUserId: string,
  caseIds: string[],
): Promise<{ goals: Record<string, ExportedGoal[]>; forms: ExportedForm[] }> {
  const goals: Record<string, ExportedGoal[]> = {};
  for (const caseId of caseIds) {
    const plan = await plansRepository.current(tx, caseId);
    if (!plan) continue;
    const problems = JSON.parse((await crypto.open(tx, plan.contentCiphertext, planAad(caseId, plan.version))) ?? '[]') as PlanProblem[];
    goals[caseId] = problems.flatMap((p) =>
      p.goals.map((g) => ({
        id: g.id,
        title: g.title,
        status: g.status,
        target_date: g.target_date ?? null,
        objectives: g.objectives.map((o) => ({ id: o.id, text: o.text, measure: o.measure, status: o.status })),
      })),
    );
  }
  const submitted = await formsRepository.forClient(tx, clientUserId, ['submitted']);
  const forms = await Promise.all(
    submitted.map(async (f) => ({
      id: f.id,
      case_id: f.caseId,
      title: f.title,
      fields: f.fields.map((x) => ({ key: x.key, label: x.label, type: x.type })),
      answers: f.answersCiphertext ? (JSON.parse((await crypto.open(tx, f.answersCiphertext, answersAad(f.id))) ?? '{}') as FormAnswers) : {},
      submitted_at: (f.submittedAt ?? f.updatedAt).toISOString(),
      signature:
        f.signedAt && f.signedHash && f.signerNameCiphertext
          ? { name: (await crypto.open(tx, f.signerNameCiphertext, signerAad(f.id))) ?? '[erased]', signed_at: f.signedAt.toISOString(), hash: f.signedHash }
          : null,
    })),
  );
  return { goals, forms };
}
