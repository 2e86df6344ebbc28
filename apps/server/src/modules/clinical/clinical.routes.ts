import {
  amendNoteBody,
  caseOverview,
  createNoteBody,
  createNoteTemplateBody,
  noteDto,
  noteParams,
  noteTemplate,
  psychotherapyNote,
  psychotherapyNoteBody,
  saveDraftBody,
  uuidParam,
} from '@tend/contracts';
import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { privateRoute } from '../../platform/http/route';
import { requestMeta } from '../identity';
import type { NoteSigningService } from './note-signing.service';
import type { NotesService } from './notes.service';
import type { PsychotherapyNotesService } from './psychotherapy-notes.service';

const tags = ['clinical notes'];

export function clinicalRoutes(app: FastifyInstance, s: { notes: NotesService; signing: NoteSigningService; psychotherapy: PsychotherapyNotesService }): void {
  privateRoute(app, {
    method: 'GET',
    url: '/api/v1/note-templates',
    summary: 'Note templates: SOAP, DAP, BIRP, GIRP and the practice’s own',
    tags,
    response: z.array(noteTemplate),
    handler: ({ principal, request }) => s.notes.templates(principal, requestMeta(request)),
  });
  privateRoute(app, {
    method: 'POST',
    url: '/api/v1/note-templates',
    summary: 'Define a note template (org admin)',
    tags,
    status: 201,
    body: createNoteTemplateBody,
    response: noteTemplate,
    handler: ({ principal, body, request }) => s.notes.createTemplate(principal, body, requestMeta(request)),
  });
  privateRoute(app, {
    method: 'GET',
    url: '/api/v1/cases/:id/overview',
    summary: 'The case with its three latest progress notes (care team)',
    tags,
    params: uuidParam,
    response: caseOverview,
    handler: ({ principal, params, request }) => s.notes.overview(principal, params.id, requestMeta(request)),
  });
  privateRoute(app, {
    method: 'GET',
    url: '/api/v1/cases/:id/notes',
    summary: 'Progress notes of a case, newest first (care team)',
    tags,
    params: uuidParam,
    response: z.array(noteDto),
    handler: ({ principal, params, request }) => s.notes.list(principal, params.id, requestMeta(request)),
  });
  privateRoute(app, {
    method: 'POST',
    url: '/api/v1/cases/:id/notes',
    summary: 'Start a progress note (a draft) from a template',
    tags,
    status: 201,
    params: uuidParam,
    body: createNoteBody,
    response: noteDto,
    handler: ({ principal, params, body, request }) => s.notes.create(principal, params.id, body, requestMeta(request)),
  });
  privateRoute(app, {
    method: 'GET',
    url: '/api/v1/cases/:id/notes/:noteId',
    summary: 'One progress note with every signed version',
    tags,
    params: noteParams,
    response: noteDto,
    handler: ({ principal, params, request }) => s.notes.get(principal, params.id, params.noteId, requestMeta(request)),
  });
  privateRoute(app, {
    method: 'PATCH',
    url: '/api/v1/cases/:id/notes/:noteId',
    summary: 'Save a draft (autosave; author only)',
    tags,
    params: noteParams,
    body: saveDraftBody,
    response: noteDto,
    handler: ({ principal, params, body, request }) => s.notes.saveDraft(principal, params.id, params.noteId, body, requestMeta(request)),
  });
  privateRoute(app, {
    method: 'POST',
    url: '/api/v1/cases/:id/notes/:noteId/sign',
    summary: 'Sign a draft: locks it under a content hash',
    tags,
    params: noteParams,
    response: noteDto,
    handler: ({ principal, params, request }) => s.signing.sign(principal, params.id, params.noteId, requestMeta(request)),
  });
  privateRoute(app, {
    method: 'POST',
    url: '/api/v1/cases/:id/notes/:noteId/amend',
    summary: 'Amend a signed note with a reason; every version is kept',
    tags,
    params: noteParams,
    body: amendNoteBody,
    response: noteDto,
    handler: ({ principal, params, body, request }) => s.signing.amend(principal, params.id, params.noteId, body, requestMeta(request)),
  });
  privateRoute(app, {
    method: 'POST',
    url: '/api/v1/cases/:id/notes/:noteId/cosign',
    summary: 'Co-sign a note (supervisor, when the practice requires it)',
    tags,
    params: noteParams,
    response: noteDto,
    handler: ({ principal, params, request }) => s.signing.cosign(principal, params.id, params.noteId, requestMeta(request)),
  });

  const ptags = ['psychotherapy notes'];
  privateRoute(app, {
    method: 'GET',
    url: '/api/v1/cases/:id/psychotherapy-notes',
    summary: 'My psychotherapy notes on this case (author only, never exported)',
    tags: ptags,
    params: uuidParam,
    response: z.array(psychotherapyNote),
    handler: ({ principal, params, request }) => s.psychotherapy.list(principal, params.id, requestMeta(request)),
  });
  privateRoute(app, {
    method: 'POST',
    url: '/api/v1/cases/:id/psychotherapy-notes',
    summary: 'Write a psychotherapy note',
    tags: ptags,
    status: 201,
    params: uuidParam,
    body: psychotherapyNoteBody,
    response: psychotherapyNote,
    handler: ({ principal, params, body, request }) => s.psychotherapy.create(principal, params.id, body.text, requestMeta(request)),
  });
  privateRoute(app, {
    method: 'GET',
    url: '/api/v1/cases/:id/psychotherapy-notes/:noteId',
    summary: 'One of my psychotherapy notes',
    tags: ptags,
    params: noteParams,
    response: psychotherapyNote,
    handler: ({ principal, params, request }) => s.psychotherapy.get(principal, params.id, params.noteId, requestMeta(request)),
  });
  privateRoute(app, {
    method: 'PATCH',
    url: '/api/v1/cases/:id/psychotherapy-notes/:noteId',
    summary: 'Change one of my psychotherapy notes',
    tags: ptags,
    params: noteParams,
    body: psychotherapyNoteBody,
    response: psychotherapyNote,
    handler: ({ principal, params, body, request }) => s.psychotherapy.update(principal, params.id, params.noteId, body.text, requestMeta(request)),
  });
}
