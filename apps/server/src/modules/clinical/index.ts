import type { FastifyInstance } from 'fastify';
import { clinicalRoutes } from './clinical.routes';
import { formsRoutes } from './forms.routes';
import { sessionBriefRoute } from './session-brief.routes';
import { createFormsService, type FormsDeps } from './forms.service';
import { createNoteSigningService } from './note-signing.service';
import { createNotesService } from './notes.service';
import { createPsychotherapyNotesService } from './psychotherapy-notes.service';
import { createSessionBriefService } from './session-brief.service';
import { sessionAfterRoutes } from './session-after.routes';
import { createSessionAfterService } from './session-after.service';
import { treatmentPlanRoutes } from './treatment-plans.routes';
import { createTreatmentPlansService } from './treatment-plans.service';

/** Clinical documentation: progress notes (templates, drafts, signing, amendments, co-signature), psychotherapy notes, treatment plans, intake forms. */
export function clinicalPlugin(app: FastifyInstance, deps: FormsDeps) {
  const notes = createNotesService(deps);
  const signing = createNoteSigningService(deps, notes);
  const psychotherapy = createPsychotherapyNotesService(deps, notes);
  const plans = createTreatmentPlansService(deps, notes);
  clinicalRoutes(app, { notes, signing, psychotherapy });
  treatmentPlanRoutes(app, plans);
  const forms = createFormsService(deps, notes);
  formsRoutes(app, forms);
  sessionBriefRoute(app, createSessionBriefService(deps, notes));
  sessionAfterRoutes(app, createSessionAfterService(deps, notes));
  return { notes, signing, psychotherapy, plans, forms };
}
export { clinicalForExport, type ExportedForm, type ExportedGoal } from './clinical.export';
export { eraseClinicalRecord, eraseFormsOf } from './clinical-erasure.repository';
