import type { NoteContent, NoteDto } from '@tend/contracts';
import { v7 as uuidv7 } from 'uuid';
import type { Principal } from '../../platform/auth/tokens';
import { AppError } from '../../platform/http/app-error';
import type { RequestMeta } from '../identity';
import { orgsRepository } from '../orgs';
import { contentHash, noteAad, versionAad } from './notes.mapper';
import type { NoteRow } from './notes.repository';
import { notesRepository } from './notes.repository';
import { type CaseScope, checkSections, type ClinicalDeps, type NotesService } from './notes.service';

/** Signing, amending and co-signing progress notes. A signature seals a content hash, signer and time. */
export function createNoteSigningService(deps: ClinicalDeps, notes: NotesService) {
  const { crypto } = deps;

  async function needsCosign(scope: CaseScope): Promise<boolean> {
    const org = await orgsRepository.byId(scope.tx, scope.actor.orgId);
    return Boolean(org?.requireNoteCosign) && scope.role !== 'supervisor';
  }

  async function seal(scope: CaseScope, note: NoteRow, content: NoteContent, kind: 'signed' | 'amendment', reason: string | null): Promise<void> {
    const { tx } = scope;
    const version = note.version + 1;
    const at = new Date();
    const hash = contentHash({ noteId: note.id, version, content, signerId: scope.actor.userId, at });
    const json = JSON.stringify(content);
    await notesRepository.addVersion(tx, {
      id: uuidv7(),
      orgId: note.orgId,
      noteId: note.id,
      version,
      kind,
      contentCiphertext: await crypto.sealForOrg(tx, note.orgId, json, versionAad(note.id, version, 'content')),
      contentHash: hash,
      reasonCiphertext: reason ? await crypto.sealForOrg(tx, note.orgId, reason, versionAad(note.id, version, 'reason')) : null,
      byUserId: scope.actor.userId,
      at,
    });
    await notesRepository.update(tx, note.id, {
      version,
      status: (await needsCosign(scope)) ? 'pending_cosign' : 'signed',
      contentCiphertext: await crypto.sealForOrg(tx, note.orgId, json, noteAad(note.id)),
      contentHash: hash,
      signedAt: at,
      signedBy: scope.actor.userId,
      cosignedAt: null,
      cosignedBy: null,
    });
  }

  const currentContent = async (scope: CaseScope, note: NoteRow): Promise<NoteContent> =>
    JSON.parse((await crypto.open(scope.tx, note.contentCiphertext, noteAad(note.id))) ?? '{}') as NoteContent;

  return {
    sign: (p: Principal, caseId: string, noteId: string, meta: RequestMeta): Promise<NoteDto> =>
      notes.inCase(p, caseId, 'write_notes', meta, async (scope) => {
        const note = await notes.loadNote(scope, noteId, true);
        if (note.authorUserId !== p.userId) throw new AppError('AUTH.FORBIDDEN', 'Only the author signs a note');
        if (note.status !== 'draft') throw new AppError('NOTE.SIGNED', 'This note is already signed');
        const content = await currentContent(scope, note);
        const missing = note.sections.filter((s) => s.required && !content[s.key]?.trim()).map((s) => s.key);
        if (missing.length) throw new AppError('NOTE.INCOMPLETE', `Fill in ${missing.join(', ')} before signing`, { missing });
        await seal(scope, note, content, 'signed', null);
        await notes.audit(scope, 'note.sign', note.id);
        return notes.present(scope.tx, await notes.loadNote(scope, noteId), true);
      }),

    /** A signed note changes only here: a new version with its reason; every earlier version stays. */
    amend: (p: Principal, caseId: string, noteId: string, body: { content: NoteContent; reason: string }, meta: RequestMeta): Promise<NoteDto> =>
      notes.inCase(p, caseId, 'write_notes', meta, async (scope) => {
        const note = await notes.loadNote(scope, noteId, true);
        if (note.authorUserId !== p.userId) throw new AppError('AUTH.FORBIDDEN', 'Only the author amends a note');
        if (note.status === 'draft') throw new AppError('NOTE.NOT_SIGNED', 'A draft is edited, not amended');
        const content = { ...(await currentContent(scope, note)), ...checkSections(note.sections, body.content) };
        const missing = note.sections.filter((s) => s.required && !content[s.key]?.trim()).map((s) => s.key);
        if (missing.length) throw new AppError('NOTE.INCOMPLETE', `An amendment cannot empty ${missing.join(', ')}`, { missing });
        await seal(scope, note, content, 'amendment', body.reason);
        await notes.audit(scope, 'note.amend', note.id, { version: note.version + 1 });
        return notes.present(scope.tx, await notes.loadNote(scope, noteId), true);
      }),

    cosign: (p: Principal, caseId: string, noteId: string, meta: RequestMeta): Promise<NoteDto> =>
      notes.inCase(p, caseId, 'cosign_notes', meta, async (scope) => {
        const note = await notes.loadNote(scope, noteId, true);
        if (note.authorUserId === p.userId) throw new AppError('NOTE.OWN_COSIGN', 'A supervisor co-signs the notes of others');
        if (note.status !== 'pending_cosign') throw new AppError('NOTE.COSIGN_NOT_PENDING', 'This note is not waiting for a co-signature');
        await notesRepository.update(scope.tx, note.id, { status: 'cosigned', cosignedAt: new Date(), cosignedBy: p.userId });
        await notes.audit(scope, 'note.cosign', note.id, { version: note.version });
        return notes.present(scope.tx, await notes.loadNote(scope, noteId), true);
      }),
  };
}

export type NoteSigningService = ReturnType<typeof createNoteSigningService>;
