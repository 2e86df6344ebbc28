import type { FastifyInstance } from 'fastify';
import { clinicalRoutes } from './clinical.routes';
import { createNoteSigningService } from './note-signing.service';
import { type ClinicalDeps, createNotesService } from './notes.service';
import { createPsychotherapyNotesService } from './psychotherapy-notes.service';

/** Clinical documentation: progress notes (templates, drafts, signing, amendments, co-signature) and psychotherapy notes. */
export function clinicalPlugin(app: FastifyInstance, deps: ClinicalDeps) {
  const notes = createNotesService(deps);
  const signing = createNoteSigningService(deps, notes);
  const psychotherapy = createPsychotherapyNotesService(deps, notes);
  clinicalRoutes(app, { notes, signing, psychotherapy });
  return { notes, signing, psychotherapy };
}
