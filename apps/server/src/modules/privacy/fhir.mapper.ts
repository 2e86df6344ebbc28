import crypto from 'node:crypto';
import type { Bundle, BundleEntry, FhirResource, QuestionnaireResponseItem, Reference } from 'fhir/r4';
import type { ExportedCase } from '../cases';
import type { ExportedForm, ExportedGoal } from '../clinical';
import type { ExportedConsent } from '../consent';
import type { ExportedDocument } from '../files';
import type { DataExport } from './export.service';

const EPISODE_STATUS: Record<string, 'planned' | 'active' | 'onhold' | 'finished'> = {
  draft: 'planned',
  active: 'active',
  paused: 'onhold',
  closed: 'finished',
  transferred: 'finished',
  archived: 'finished',
};
const GOAL_STATUS: Record<string, 'proposed' | 'active' | 'completed' | 'cancelled'> = {
  not_started: 'proposed',
  in_progress: 'active',
  achieved: 'completed',
  discontinued: 'cancelled',
};

/**
 * Where Tend's own FHIR definitions are named. The project publishes no site for them yet, so the name is
 * under `.example` (RFC 2606), which no one else can own; receivers match it as a name and never fetch it.
 */
const TEND_FHIR_DEFINITIONS = 'https://tend.example/fhir/StructureDefinition';
/** The SHA-256 (hex) Tend recorded over a form's canonical signed content when the client signed it. */
const SIGNATURE_HASH_EXTENSION = `${TEND_FHIR_DEFINITIONS}/form-signature-sha256`;

const urn = (id: string) => `urn:uuid:${id}`;
const entry = (id: string, resource: FhirResource): BundleEntry => ({ fullUrl: urn(id), resource });

function answerItem(form: ExportedForm, key: string, label: string): QuestionnaireResponseItem {
  const value = form.answers[key];
  const answers =
    value === undefined
      ? []
      : Array.isArray(value)
        ? value.map((v) => ({ valueString: v }))
        : typeof value === 'boolean'
          ? [{ valueBoolean: value }]
          : typeof value === 'number'
            ? [{ valueInteger: value }]
            : [{ valueString: value }];
  return { linkId: key, text: label, ...(answers.length ? { answer: answers } : {}) };
}

/** The client's export as a FHIR R4 collection Bundle (domain reference §6). Never psychotherapy notes. */
export function toFhirBundle(data: DataExport): Bundle {
  const patientId = data.profile.id;
  const orgId = data.practice.id;
  const entries: BundleEntry[] = [
    entry(patientId, {
      resourceType: 'Patient',
      id: patientId,
      name: [{ text: data.profile.name }],
      telecom: [{ system: 'email', value: data.profile.email }, ...(data.profile.phone ? [{ system: 'phone' as const, value: data.profile.phone }] : [])],
      communication: [{ language: { coding: [{ system: 'urn:ietf:bcp:47', code: data.profile.locale }] } }],
    }),
    entry(orgId, { resourceType: 'Organization', id: orgId, name: data.practice.name, active: true }),
  ];
  // Lead specialists and data-sharing recipients, each once: every reference to them is their urn:uuid entry.
  const practitioners = new Map<string, string | null>(data.cases.map((c) => [c.specialist.id, c.specialist.name]));
  for (const c of data.consents) if (c.recipient_id && !practitioners.has(c.recipient_id)) practitioners.set(c.recipient_id, c.recipient_name);
  for (const [id, name] of practitioners) entries.push(entry(id, { resourceType: 'Practitioner', id, ...(name ? { name: [{ text: name }] } : {}) }));

  for (const c of data.cases) entries.push(...episode(c, patientId, orgId, data.goals[c.id] ?? []));
  for (const form of data.forms) entries.push(...formResources(form, patientId));
  for (const doc of data.documents) entries.push(documentResource(doc, patientId, practitioners));
  for (const consent of data.consents) entries.push(consentResource(consent, patientId, orgId));
  return { resourceType: 'Bundle', id: data.export_id, type: 'collection', timestamp: data.exported_at, entry: entries };
}

function episode(c: ExportedCase, patientId: string, orgId: string, goals: ExportedGoal[]): BundleEntry[] {
  const out: BundleEntry[] = [
    entry(c.id, {
      resourceType: 'EpisodeOfCare',
      id: c.id,
      status: EPISODE_STATUS[c.status] ?? 'finished',
      patient: { reference: urn(patientId) },
      managingOrganization: { reference: urn(orgId) },
      careManager: { reference: urn(c.specialist.id), display: c.specialist.name },
      period: { start: c.opened_at ?? c.created_at, ...(c.closed_at ? { end: c.closed_at } : {}) },
      type: [{ text: c.title }],
    }),
  ];
  if (!goals.length) return out;
  const goalIds = goals.map((g) => `${c.id}-goal-${g.id}`);
  goals.forEach((g, i) => {
    const id = goalIds[i] as string;
    out.push(
      entry(id, {
        resourceType: 'Goal',
        id,
        lifecycleStatus: GOAL_STATUS[g.status] ?? 'proposed',
        description: { text: g.title },
        subject: { reference: urn(patientId) },
        ...(g.target_date ? { target: [{ dueDate: g.target_date }] } : {}),
        note: g.objectives.map((o) => ({ text: `${o.text} — ${o.measure}` })),
      }),
    );
  });
  const planId = `${c.id}-plan`;
  out.push(
    entry(planId, {
      resourceType: 'CarePlan',
      id: planId,
      status: c.status === 'active' ? 'active' : c.status === 'paused' ? 'on-hold' : c.status === 'draft' ? 'draft' : 'completed',
      intent: 'plan',
      subject: { reference: urn(patientId) },
      goal: goalIds.map((id) => ({ reference: urn(id) })),
    }),
  );
  return out;
}

function formResources(form: ExportedForm, patientId: string): BundleEntry[] {
  const responseId = form.id;
  const out: BundleEntry[] = [
    entry(responseId, {
      resourceType: 'QuestionnaireResponse',
      id: responseId,
      status: 'completed',
      subject: { reference: urn(patientId) },
      authored: form.submitted_at,
      item: form.fields.filter((f) => f.type !== 'signature').map((f) => answerItem(form, f.key, f.label)),
    }),
  ];
  if (form.signature) {
    const docId = `${form.id}-signed`;
    const signedForm = Buffer.from(
      JSON.stringify({ form: form.title, answers: form.answers, signer: form.signature.name, signed_at: form.signature.signed_at }),
    );
    out.push(
      entry(docId, {
        resourceType: 'DocumentReference',
        id: docId,
        // The signature's SHA-256 is evidence of what was signed, so it stays, but not as the attachment's
        // hash: R4 defines that as the SHA-1 of `data`, and the signature hashes Tend's canonical signed
        // content (with the form's field definitions), which `data` does not reproduce. No core element
        // carries it, so it goes in an extension of our own; the JSON export has it too.
        extension: [{ url: SIGNATURE_HASH_EXTENSION, valueString: form.signature.hash }],
        status: 'current',
        subject: { reference: urn(patientId) },
        date: form.signature.signed_at,
        description: `${form.title} — signed by ${form.signature.name}`,
        content: [
          {
            attachment: {
              contentType: 'application/json',
              data: signedForm.toString('base64'),
              hash: crypto.createHash('sha1').update(signedForm).digest('base64'),
              title: form.title,
            },
          },
        ],
        context: { related: [{ reference: urn(responseId) }] },
      }),
    );
  }
  return out;
}

function documentResource(doc: ExportedDocument, patientId: string, practitioners: Map<string, string | null>): BundleEntry {
  // A care-team uploader the bundle does not hold (a co-specialist, a former lead) goes unnamed rather than
  // as a reference that resolves to nothing.
  const author: Reference | null =
    doc.uploaded_by.role === 'client'
      ? { reference: urn(patientId) }
      : practitioners.has(doc.uploaded_by.id)
        ? { reference: urn(doc.uploaded_by.id), ...(doc.uploaded_by.name ? { display: doc.uploaded_by.name } : {}) }
        : null;
  return entry(doc.id, {
    resourceType: 'DocumentReference',
    id: doc.id,
    status: 'current',
    subject: { reference: urn(patientId) },
    date: doc.uploaded_at,
    ...(author ? { author: [author] } : {}),
    content: [
      {
        // Neither data nor url: the contents are not in the export (files run to 100 MB), and a signed download
        // link would expire long before anyone follows it. The client downloads each file from the portal.
        attachment: { contentType: doc.content_type, title: doc.file_name, size: doc.size_bytes, creation: doc.uploaded_at },
      },
    ],
    // R4 lets context.encounter name an EpisodeOfCare: the case the file is on, as in the JSON export.
    context: { encounter: [{ reference: urn(doc.case_id) }] },
  });
}

// R4 Consent scopes (domain reference §6): research for research use, treatment for the rest of care,
// patient-privacy for disclosure (data sharing, recording, AI processing).
const CONSENT_SCOPE: Record<string, 'patient-privacy' | 'treatment' | 'research'> = {
  treatment: 'treatment',
  telehealth: 'treatment',
  research: 'research',
  data_sharing: 'patient-privacy',
  recording: 'patient-privacy',
  ai_processing: 'patient-privacy',
};

function consentResource(c: ExportedConsent, patientId: string, orgId: string): BundleEntry {
  const expired = c.expires_at !== null && Date.parse(c.expires_at) <= Date.now();
  const scope = CONSENT_SCOPE[c.kind] ?? 'patient-privacy';
  return entry(c.id, {
    resourceType: 'Consent',
    id: c.id,
    status: c.revoked_at || expired ? 'inactive' : 'active',
    scope: { coding: [{ system: 'http://terminology.hl7.org/CodeSystem/consentscope', code: scope }] },
    category: [{ coding: [{ system: 'http://loinc.org', code: '59284-0', display: 'Patient Consent' }], text: c.kind }],
    patient: { reference: urn(patientId) },
    dateTime: c.granted_at,
    organization: [{ reference: urn(orgId) }],
    policyRule: { text: `Tend consent text ${c.kind} ${c.jurisdiction} v${c.version}` },
    provision: {
      type: 'permit',
      period: { start: c.granted_at, ...(c.revoked_at ? { end: c.revoked_at } : c.expires_at ? { end: c.expires_at } : {}) },
      ...(c.recipient_id
        ? {
            actor: [{ role: { text: 'recipient' }, reference: { reference: urn(c.recipient_id), ...(c.recipient_name ? { display: c.recipient_name } : {}) } }],
          }
        : {}),
      ...(c.scope.length ? { data: c.scope.map((category) => ({ meaning: 'related' as const, reference: { display: category } })) } : {}),
    },
  });
}
