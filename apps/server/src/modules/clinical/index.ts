import type { FastifyInstance } from 'fastify';
import { clinicalRoutes } from './clinical.routes';
import { createNoteSigningService } from './note-signing.service';
import { type ClinicalDeps, createNotesService } from './notes.service';
import { createPsychotherapyNotesService } from './psychotherapy-notes.service';
import { treatmentPlanRoutes } from './treatment-plans.routes';
import { createTreatmentPlansService } from './treatment-plans.service';

/** Clinical documentation: progress notes (templates, drafts, signing, amendments, co-signature), psychotherapy notes, treatment plans. */
export function clinicalPlugin(app: FastifyInstance, deps: ClinicalDeps) {
  const notes = createNotesService(deps);
  const signing = createNoteSigningService(deps, notes);
  const psychotherapy = createPsychotherapyNotesService(deps, notes);
  const plans = createTreatmentPlansService(deps, notes);
  clinicalRoutes(app, { notes, signing, psychotherapy });
  treatmentPlanRoutes(app, plans);
  return { notes, signing, psychotherapy, plans };
}
