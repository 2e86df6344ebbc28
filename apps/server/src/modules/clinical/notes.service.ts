import { BUILTIN_NOTE_TEMPLATES, type CaseDto, type NoteContent, type NoteDto, type NoteSection, type NoteTemplate, sectionProblem } from '@tend/contracts';
import { v7 as uuidv7 } from 'uuid';
import { recordAudit } from '../../platform/audit';
import type { Principal } from '../../platform/auth/tokens';
import type { FieldCrypto } from '../../platform/crypto/field-crypto';
import type { QueryResultRow } from 'pg';
import type { Database, Tx } from '../../platform/db/database';
import { VersionedCache } from '../../platform/db/read-versions';
import { AppError } from '../../platform/http/app-error';
import type { CaseAction, CaseRow, CasesService } from '../cases';
import type { RequestMeta } from '../identity';
import { inActiveOrg, type OrgScope, readerKey, userNames } from '../orgs';
import { noteAad, toNote, toTemplate } from './notes.mapper';
import { type NoteRow, notesRepository } from './notes.repository';

/** `overviewCachePages`: case pages kept while their read version holds (ADR 0034); 0 or unset keeps none. */
export type ClinicalDeps = { db: Database; crypto: FieldCrypto; cases: CasesService; overviewCachePages?: number };
export type CaseScope = OrgScope & { caseRow: CaseRow };
type CaseOverview = { case: CaseDto; latest_notes: NoteDto[] };
/** A built case page, with what its audit row names. */
type KeptOverview = { overview: CaseOverview; caseRow: CaseRow; noteIds: string[] };

/** How many of its latest progress notes the case page shows. */
const OVERVIEW_NOTES = 3;
/** How long a kept case page may be served at most, even while nothing it shows has changed. */
const OVERVIEW_CACHE_TTL_MS = 5 * 60_000;

/** Checks that every key is a section of the template and each value fits its section's type; returns the content unchanged. */
export function checkSections(sections: NoteSection[], content: NoteContent): NoteContent {
  const byKey = new Map(sections.map((s) => [s.key, s]));
  const unknown = Object.keys(content).filter((k) => !byKey.has(k));
  if (unknown.length) throw new AppError('NOTE.UNKNOWN_SECTION', `This template has no section ${unknown.join(', ')}`, { sections: unknown });
  const invalid = Object.entries(content).flatMap(([key, value]) => {
    const message = sectionProblem(byKey.get(key) as NoteSection, value);
    return message ? [{ path: `content.${key}`, message }] : [];
  });
  if (invalid.length) throw new AppError('REQUEST.VALIDATION', 'A section does not fit its type', invalid);
  return content;
}

export function createNotesService(deps: ClinicalDeps) {
  const { crypto } = deps;
  const overviews = new VersionedCache<KeptOverview>(deps.overviewCachePages ?? 0, OVERVIEW_CACHE_TTL_MS);

  /**
   * Builds the case page: the case, its reader's access and names, then its latest notes, which their own policy
   * guards and which are shown only once the reader may read this case's notes. `fetched`: the rows of the case's
   * and the notes' statements, when they were read alongside entering the org.
   */
  async function buildOverview(scope: OrgScope, caseId: string, fetched: QueryResultRow[][]): Promise<KeptOverview> {
    const [caseRows, noteRows] = fetched;
    const { row, access, names } = await deps.cases.read(scope, caseId, 'read_notes', caseRows);
    const rows = (noteRows as NoteRow[] | undefined) ?? (await notesRepository.forCase(scope.tx, caseId, OVERVIEW_NOTES));
    // Notes are nearly always the lead's, whose name came with the case.
    const authors = rows.map((r) => r.authorUserId).filter((id) => !names.has(id));
    if (authors.length) for (const [id, name] of await userNames(scope.tx, crypto, authors)) names.set(id, name);
    const [dto, latest] = await Promise.all([
      deps.cases.present(scope.tx, row, access, names),
      Promise.all(rows.map((r) => toNote(scope.tx, crypto, r, names))),
    ]);
    return { overview: { case: dto, latest_notes: latest }, caseRow: row, noteIds: rows.map((r) => r.id) };
  }

  /** Runs `work` in the caller's org with the case loaded and `action` allowed on it. */
  const inCase = <T>(p: Principal, caseId: string, action: CaseAction, meta: RequestMeta, work: (scope: CaseScope) => Promise<T>): Promise<T> =>
    inActiveOrg(deps, p, meta, null, async (scope) => {
      const { row } = await deps.cases.load(scope, caseId, action);
      return work({ ...scope, caseRow: row });
    });

  async function templateFor(tx: Tx, id: string): Promise<NoteTemplate> {
    const builtin = BUILTIN_NOTE_TEMPLATES.find((t) => t.id === id);
    if (builtin) return builtin;
    const row = /^[0-9a-f-]{36}$/i.test(id) ? await notesRepository.template(tx, id) : undefined;
    if (!row || row.archivedAt) throw new AppError('NOTE.TEMPLATE_NOT_FOUND', 'No such note template');
    return toTemplate(row);
  }

  async function loadNote(scope: CaseScope, noteId: string, lock = false): Promise<NoteRow> {
    const row = await notesRepository.byId(scope.tx, scope.caseRow.id, noteId, lock);
    if (!row) throw new AppError('NOTE.NOT_FOUND', 'No such note');
    return row;
  }

  async function present(tx: Tx, row: NoteRow, withVersions: boolean): Promise<NoteDto> {
    const versions = withVersions ? await notesRepository.versions(tx, row.id) : undefined;
    const names = await userNames(tx, crypto, [row.authorUserId, ...(versions ?? []).map((v) => v.byUserId)]);
    return toNote(tx, crypto, row, names, versions);
  }

  const audit = (scope: CaseScope, action: string, noteId: string | null, details?: Record<string, unknown>) =>
    recordAudit(scope.tx, scope.actor, {
      action,
      resourceType: 'clinical_note',
      resourceId: noteId,
      subjectUserId: scope.caseRow.clientUserId,
      purpose: 'treatment',
      details: { case_id: scope.caseRow.id, ...details },
    });

  return {
    inCase,
    templateFor,
    loadNote,
    present,
    audit,

    templates: (p: Principal, meta: RequestMeta): Promise<NoteTemplate[]> =>
      inActiveOrg(deps, p, meta, ['specialist', 'co_specialist', 'supervisor', 'org_admin'], async ({ tx, actor }) => [
        ...BUILTIN_NOTE_TEMPLATES,
        ...(await notesRepository.templates(tx, actor.orgId)).filter((r) => !r.archivedAt).map(toTemplate),
      ]),

    createTemplate: (p: Principal, body: { name_en: string; name_uk: string; sections: NoteSection[] }, meta: RequestMeta): Promise<NoteTemplate> =>
      inActiveOrg(deps, p, meta, ['org_admin'], async ({ tx, actor }) => {
        const id = uuidv7();
        await notesRepository.insertTemplate(tx, {
          id,
          orgId: actor.orgId,
          nameEn: body.name_en,
          nameUk: body.name_uk,
          sections: body.sections,
          createdBy: p.userId,
        });
        await recordAudit(tx, actor, { action: 'note_template.create', resourceType: 'note_template', resourceId: id });
        return toTemplate((await notesRepository.template(tx, id)) as NonNullable<Awaited<ReturnType<typeof notesRepository.template>>>);
      }),

    list: (p: Principal, caseId: string, meta: RequestMeta): Promise<NoteDto[]> =>
      inCase(p, caseId, 'read_notes', meta, async (scope) => {
        const rows = await notesRepository.forCase(scope.tx, scope.caseRow.id);
        const names = await userNames(
          scope.tx,
          crypto,
          rows.map((r) => r.authorUserId),
        );
        const items = await Promise.all(rows.map((r) => toNote(scope.tx, crypto, r, names)));
        await audit(scope, 'note.list', null, { count: rows.length });
        return items;
      }),

    /**
     * The case with its latest notes: what a specialist opens before a session. Kept for its reader while the
     * case's read version holds (ADR 0034); audited on every read, kept or built.
     */
    overview: (p: Principal, caseId: string, meta: RequestMeta): Promise<CaseOverview> => {
      const done = async (scope: OrgScope, page: KeptOverview) => {
        await audit({ ...scope, caseRow: page.caseRow }, 'case.overview_read', null, { notes: page.noteIds });
        return page.overview;
      };
      if (!overviews.enabled) {
        // The case and its three latest notes are read as the transaction enters the org, in the same round trip.
        const alongside = [deps.cases.reading(caseId, p.userId), notesRepository.forCaseStatement(caseId, OVERVIEW_NOTES)];
        return inActiveOrg(deps, p, meta, null, async (scope) => done(scope, await buildOverview(scope, caseId, scope.alongside)), { alongside });
      }
      return inActiveOrg(
        deps,
        p,
        meta,
        null,
        async (scope) => {
          const { readVersion } = scope;
          const key = readerKey(scope, p, caseId);
          const kept = readVersion ? overviews.get(key, readVersion) : undefined;
          const page = kept ?? (await buildOverview(scope, caseId, []));
          if (!kept && readVersion) overviews.set(key, readVersion, page);
          return done(scope, page);
        },
        { readVersion: { case: caseId } },
      );
    },

    create: (
      p: Principal,
      caseId: string,
      body: { template_id: string; content: NoteContent; session_date?: string | undefined },
      meta: RequestMeta,
    ): Promise<NoteDto> =>
      inCase(p, caseId, 'write_notes', meta, async (scope) => {
        const { tx, caseRow } = scope;
        if (caseRow.status === 'archived') throw new AppError('CASE.NOT_EDITABLE', 'An archived case takes no new notes');
        const template = await templateFor(tx, body.template_id);
        const id = uuidv7();
        await notesRepository.insert(tx, {
          id,
          orgId: caseRow.orgId,
          caseId: caseRow.id,
          authorUserId: p.userId,
          templateId: template.id,
          templateName: template.name_en,
          sections: template.sections,
          contentCiphertext: await crypto.sealForOrg(tx, caseRow.orgId, JSON.stringify(checkSections(template.sections, body.content)), noteAad(id)),
          sessionDate: body.session_date ?? null,
        });
        await audit(scope, 'note.create', id, { template: template.id });
        return present(tx, (await loadNote(scope, id)) as NoteRow, false);
      }),

    get: (p: Principal, caseId: string, noteId: string, meta: RequestMeta): Promise<NoteDto> =>
      inCase(p, caseId, 'read_notes', meta, async (scope) => {
        const dto = await present(scope.tx, await loadNote(scope, noteId), true);
        await audit(scope, 'note.read', noteId);
        return dto;
      }),

    /** Autosave of a draft by its author. */
    saveDraft: (
      p: Principal,
      caseId: string,
      noteId: string,
      body: { content: NoteContent; session_date?: string | null | undefined },
      meta: RequestMeta,
    ): Promise<NoteDto> =>
      inCase(p, caseId, 'write_notes', meta, async (scope) => {
        const note = await loadNote(scope, noteId, true);
        if (note.authorUserId !== p.userId) throw new AppError('AUTH.FORBIDDEN', 'Only the author edits a draft');
        if (note.status !== 'draft') throw new AppError('NOTE.SIGNED', 'A signed note changes only by amendment');
        await notesRepository.update(scope.tx, note.id, {
          contentCiphertext: await crypto.sealForOrg(scope.tx, note.orgId, JSON.stringify(checkSections(note.sections, body.content)), noteAad(note.id)),
          ...(body.session_date !== undefined ? { sessionDate: body.session_date } : {}),
        });
        await audit(scope, 'note.update', note.id);
        return present(scope.tx, await loadNote(scope, noteId), false);
      }),
  };
}

export type NotesService = ReturnType<typeof createNotesService>;
