import crypto from 'node:crypto';
import { checkAnswers, type FormAnswers, type FormAssignment, type FormField } from '@tend/contracts';
import { v7 as uuidv7 } from 'uuid';
import { recordAudit } from '../../platform/audit';
import type { Principal } from '../../platform/auth/tokens';
import type { Mailer } from '../../platform/channels/mailer';
import { mailTemplates } from '../../platform/channels/mail-templates';
import type { Tx } from '../../platform/db/database';
import { AppError } from '../../platform/http/app-error';
import { type RequestMeta, userAad, usersRepository } from '../identity';
import { inActiveOrg, type OrgScope, orgsRepository } from '../orgs';
import { type AssignmentRow, type FormRow, formsRepository } from './forms.repository';
import type { ClinicalDeps, NotesService } from './notes.service';

export type FormsDeps = ClinicalDeps & { mailer: Mailer; publicUrl: string };
type FormDto = { id: string; title: string; description: string | null; fields: FormField[]; created_at: string };

export const answersAad = (id: string) => `form_assignment:${id}:answers`;
export const signerAad = (id: string) => `form_assignment:${id}:signer`;
const toForm = (r: FormRow): FormDto => ({ id: r.id, title: r.title, description: r.description, fields: r.fields, created_at: r.createdAt.toISOString() });

function canonical(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonical).join(',')}]`;
  if (value && typeof value === 'object') {
    return `{${Object.keys(value)
      .sort()
      .map((k) => `${JSON.stringify(k)}:${canonical((value as Record<string, unknown>)[k])}`)
      .join(',')}}`;
  }
  return JSON.stringify(value);
}

/** Intake forms: an org builds them, sends one to a client on a case, the client fills, signs and submits. */
export function createFormsService(deps: FormsDeps, notes: NotesService) {
  const { crypto: fields } = deps;

  function ensureValid(formFields: FormField[], answers: FormAnswers, final: boolean): void {
    const problems = checkAnswers(formFields, answers, final);
    if (problems.unknown.length) throw new AppError('FORM.INVALID_ANSWER', `This form has no field ${problems.unknown.join(', ')}`, problems);
    if (problems.invalid.length) throw new AppError('FORM.INVALID_ANSWER', problems.invalid.map((i) => `${i.key}: ${i.reason}`).join('; '), problems);
    if (problems.missing.length) throw new AppError('FORM.INCOMPLETE', `Answer ${problems.missing.join(', ')} before submitting`, problems);
  }

  async function present(tx: Tx, row: AssignmentRow): Promise<FormAssignment> {
    const answers = row.answersCiphertext ? (JSON.parse((await fields.open(tx, row.answersCiphertext, answersAad(row.id))) ?? '{}') as FormAnswers) : {};
    const signer = row.signerNameCiphertext ? await fields.open(tx, row.signerNameCiphertext, signerAad(row.id)) : null;
    return {
      id: row.id,
      case_id: row.caseId,
      form_id: row.formId,
      title: row.title,
      description: row.description,
      fields: row.fields,
      status: row.status,
      answers,
      sent_at: row.sentAt.toISOString(),
      submitted_at: row.submittedAt?.toISOString() ?? null,
      signature:
        row.signedAt && row.signedHash ? { name: signer ?? '[erased]', signed_at: row.signedAt.toISOString(), ip: row.signerIp, hash: row.signedHash } : null,
    };
  }

  /**
   * The client's own assignment, locked for a change. The look-up comes before the role check: whoever cannot see
   * the assignment (another org's member, a colleague off the care team) gets the 404 of a form that does not
   * exist; whoever sees it but is not its client gets 403.
   */
  async function clientsOwn(scope: OrgScope, id: string): Promise<AssignmentRow> {
    const row = await formsRepository.assignment(scope.tx, id);
    if (!row) throw new AppError('FORM.NOT_FOUND', 'No such form');
    if (scope.role !== 'client' || row.clientUserId !== scope.actor.userId) throw new AppError('AUTH.FORBIDDEN', 'Only the client fills in their form');
    if (row.status === 'submitted') throw new AppError('FORM.ALREADY_SUBMITTED', 'This form was already submitted');
    if (row.status === 'cancelled') throw new AppError('FORM.CANCELLED', 'Your specialist withdrew this form');
    return (await formsRepository.assignment(scope.tx, id, true)) as AssignmentRow;
  }

  const audit = (scope: OrgScope, row: AssignmentRow, action: string, details?: Record<string, unknown>) =>
    recordAudit(scope.tx, scope.actor, {
      action,
      resourceType: 'form_assignment',
      resourceId: row.id,
      subjectUserId: row.clientUserId,
      purpose: 'treatment',
      details: { case_id: row.caseId, ...details },
    });

  return {
    list: (p: Principal, meta: RequestMeta): Promise<FormDto[]> =>
      inActiveOrg(deps, p, meta, ['specialist', 'co_specialist', 'supervisor', 'org_admin'], async ({ tx, actor }) =>
        (await formsRepository.list(tx, actor.orgId)).filter((r) => !r.archivedAt).map(toForm),
      ),

    create: (p: Principal, body: { title: string; description?: string | undefined; fields: FormField[] }, meta: RequestMeta): Promise<FormDto> =>
      inActiveOrg(deps, p, meta, ['specialist', 'org_admin'], async ({ tx, actor }) => {
        const id = uuidv7();
        await formsRepository.insert(tx, {
          id,
          orgId: actor.orgId,
          title: body.title,
          description: body.description ?? null,
          fields: body.fields,
          createdBy: p.userId,
        });
        await recordAudit(tx, actor, { action: 'form.create', resourceType: 'form', resourceId: id });
        return toForm((await formsRepository.byId(tx, id)) as FormRow);
      }),

    send: (p: Principal, caseId: string, formId: string, meta: RequestMeta): Promise<FormAssignment> =>
      notes.inCase(p, caseId, 'write_notes', meta, async (scope) => {
        const { tx, caseRow } = scope;
        const form = await formsRepository.byId(tx, formId);
        if (!form || form.archivedAt) throw new AppError('FORM.NOT_FOUND', 'No such form');
        if (caseRow.status === 'closed' || caseRow.status === 'archived' || caseRow.status === 'transferred') {
          throw new AppError('CASE.NOT_EDITABLE', `A ${caseRow.status} case takes no new forms`);
        }
        const id = uuidv7();
        await formsRepository.assign(tx, {
          id,
          orgId: caseRow.orgId,
          caseId: caseRow.id,
          formId,
          clientUserId: caseRow.clientUserId,
          title: form.title,
          description: form.description,
          fields: form.fields,
          sentBy: p.userId,
        });
        const row = (await formsRepository.assignment(tx, id)) as AssignmentRow;
        const client = await usersRepository.byId(tx, caseRow.clientUserId);
        const email = client ? await fields.open(tx, client.emailCiphertext, userAad(client.id, 'email')) : null;
        const org = await orgsRepository.byId(tx, caseRow.orgId);
        if (client && email && org) {
          const mail = mailTemplates.formToFill(client.locale, `${deps.publicUrl}/forms/${id}`, org.name);
          await deps.mailer.enqueue(tx, { orgId: caseRow.orgId, to: email, ...mail, template: 'form_to_fill' });
        }
        await audit(scope, row, 'form.send', { form_id: formId });
        await deps.cases.event(tx, scope.actor, caseRow, 'form_sent', { assignment_id: id });
        return present(tx, row);
      }),

    forCase: (p: Principal, caseId: string, meta: RequestMeta): Promise<FormAssignment[]> =>
      notes.inCase(p, caseId, 'read_notes', meta, async (scope) => {
        const rows = await formsRepository.forCase(scope.tx, scope.caseRow.id);
        await recordAudit(scope.tx, scope.actor, {
          action: 'form.list',
          resourceType: 'case',
          resourceId: caseId,
          subjectUserId: scope.caseRow.clientUserId,
          purpose: 'treatment',
        });
        return Promise.all(rows.map((r) => present(scope.tx, r)));
      }),

    /** A client's forms: those to fill (sent, in progress) and, with `all`, the submitted ones. */
    mine: (p: Principal, all: boolean, meta: RequestMeta): Promise<FormAssignment[]> =>
      inActiveOrg(deps, p, meta, ['client'], async ({ tx }) => {
        const rows = await formsRepository.forClient(tx, p.userId, all ? ['sent', 'in_progress', 'submitted'] : ['sent', 'in_progress']);
        return Promise.all(rows.map((r) => present(tx, r)));
      }),

    get: (p: Principal, id: string, meta: RequestMeta): Promise<FormAssignment> =>
      inActiveOrg(deps, p, meta, null, async (scope) => {
        const row = await formsRepository.assignment(scope.tx, id);
        if (!row) throw new AppError('FORM.NOT_FOUND', 'No such form');
        await audit(scope, row, 'form.read');
        return present(scope.tx, row);
      }),

    /** Save and resume: the client's draft answers. */
    save: (p: Principal, id: string, answers: FormAnswers, meta: RequestMeta): Promise<FormAssignment> =>
      inActiveOrg(deps, p, meta, null, async (scope) => {
        const row = await clientsOwn(scope, id);
        ensureValid(row.fields, answers, false);
        await formsRepository.update(scope.tx, id, {
          status: 'in_progress',
          answersCiphertext: await fields.sealForOrg(scope.tx, row.orgId, JSON.stringify(answers), answersAad(id)),
        });
        await audit(scope, row, 'form.save');
        return present(scope.tx, (await formsRepository.assignment(scope.tx, id)) as AssignmentRow);
      }),

    submit: (
      p: Principal,
      id: string,
      body: { answers?: FormAnswers | undefined; signature_name?: string | undefined },
      meta: RequestMeta,
    ): Promise<FormAssignment> =>
      inActiveOrg(deps, p, meta, null, async (scope) => {
        const row = await clientsOwn(scope, id);
        const saved = row.answersCiphertext ? (JSON.parse((await fields.open(scope.tx, row.answersCiphertext, answersAad(id))) ?? '{}') as FormAnswers) : {};
        const answers = body.answers ?? saved;
        ensureValid(row.fields, answers, true);
        const signatureField = row.fields.find((f) => f.type === 'signature');
        if (signatureField && !body.signature_name)
          throw new AppError('FORM.SIGNATURE_REQUIRED', 'Type your full name to sign this form', { field: signatureField.key });
        const at = new Date();
        const signed = signatureField
          ? crypto
              .createHash('sha256')
              .update(canonical({ form: { title: row.title, fields: row.fields }, answers, signer: body.signature_name, at: at.toISOString(), assignment: id }))
              .digest('hex')
          : null;
        await formsRepository.update(scope.tx, id, {
          status: 'submitted',
          submittedAt: at,
          answersCiphertext: await fields.sealForOrg(scope.tx, row.orgId, JSON.stringify(answers), answersAad(id)),
          ...(signatureField && body.signature_name
            ? {
                signerNameCiphertext: await fields.sealForOrg(scope.tx, row.orgId, body.signature_name, signerAad(id)),
                signedAt: at,
                signerIp: meta.ip,
                signedHash: signed,
              }
            : {}),
        });
        await audit(scope, row, 'form.submit', { signed: Boolean(signed) });
        // The client reaches the case as its client (row-level security shows them their own case only), as when they add a file.
        const { row: caseRow } = await deps.cases.load(scope, row.caseId, 'read');
        await deps.cases.event(scope.tx, scope.actor, caseRow, 'form_submitted', { assignment_id: id, signed: String(Boolean(signed)) });
        return present(scope.tx, (await formsRepository.assignment(scope.tx, id)) as AssignmentRow);
      }),

    cancel: (p: Principal, caseId: string, id: string, meta: RequestMeta): Promise<FormAssignment> =>
      notes.inCase(p, caseId, 'write_notes', meta, async (scope) => {
        const row = await formsRepository.assignment(scope.tx, id, true);
        if (!row || row.caseId !== scope.caseRow.id) throw new AppError('FORM.NOT_FOUND', 'No such form');
        if (row.status === 'submitted') throw new AppError('FORM.ALREADY_SUBMITTED', 'A submitted form stays with the case');
        if (row.status === 'cancelled') throw new AppError('FORM.CANCELLED', 'This form was already withdrawn');
        await formsRepository.update(scope.tx, id, { status: 'cancelled' });
        await audit(scope, row, 'form.cancel');
        await deps.cases.event(scope.tx, scope.actor, scope.caseRow, 'form_cancelled', { assignment_id: id });
        return present(scope.tx, (await formsRepository.assignment(scope.tx, id)) as AssignmentRow);
      }),
  };
}

export type FormsService = ReturnType<typeof createFormsService>;
