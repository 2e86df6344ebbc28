import { createFormBody, formAssignment, formDto, saveAnswersBody, sendFormBody, submitFormBody, uuidParam } from '@tend/contracts';
import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { privateRoute } from '../../platform/http/route';
import { requestMeta } from '../identity';
import type { FormsService } from './forms.service';

const tags = ['forms'];
const assignmentParams = z.object({ id: z.uuid(), assignmentId: z.uuid() });

export function formsRoutes(app: FastifyInstance, forms: FormsService): void {
  privateRoute(app, {
    method: 'GET',
    url: '/api/v1/forms',
    summary: "The practice's forms",
    tags,
    response: z.array(formDto),
    handler: ({ principal, request }) => forms.list(principal, requestMeta(request)),
  });
  privateRoute(app, {
    method: 'POST',
    url: '/api/v1/forms',
    summary: 'Build a form: text, long text, single/multi choice, scale, date, yes/no, signature (specialist, org admin)',
    tags,
    status: 201,
    body: createFormBody,
    response: formDto,
    handler: ({ principal, body, request }) => forms.create(principal, body, requestMeta(request)),
  });
  privateRoute(app, {
    method: 'POST',
    url: '/api/v1/cases/:id/forms',
    summary: "Send a form to the case's client (emails them a link)",
    tags,
    status: 201,
    params: uuidParam,
    body: sendFormBody,
    response: formAssignment,
    handler: ({ principal, params, body, request }) => forms.send(principal, params.id, body.form_id, requestMeta(request)),
  });
  privateRoute(app, {
    method: 'GET',
    url: '/api/v1/cases/:id/forms',
    summary: 'Forms sent on this case, with answers and signatures (care team)',
    tags,
    params: uuidParam,
    response: z.array(formAssignment),
    handler: ({ principal, params, request }) => forms.forCase(principal, params.id, requestMeta(request)),
  });
  privateRoute(app, {
    method: 'POST',
    url: '/api/v1/cases/:id/forms/:assignmentId/cancel',
    summary: 'Withdraw a form the client has not submitted',
    tags,
    params: assignmentParams,
    response: formAssignment,
    handler: ({ principal, params, request }) => forms.cancel(principal, params.id, params.assignmentId, requestMeta(request)),
  });
  privateRoute(app, {
    method: 'GET',
    url: '/api/v1/my/forms',
    summary: 'Forms I have to fill in (client); ?all=true adds the submitted ones',
    tags,
    querystring: z.object({ all: z.enum(['true', 'false']).default('false') }),
    response: z.array(formAssignment),
    handler: ({ principal, query, request }) => forms.mine(principal, query.all === 'true', requestMeta(request)),
  });
  privateRoute(app, {
    method: 'GET',
    url: '/api/v1/form-assignments/:id',
    summary: 'One sent form (its client or the care team)',
    tags,
    params: uuidParam,
    response: formAssignment,
    handler: ({ principal, params, request }) => forms.get(principal, params.id, requestMeta(request)),
  });
  privateRoute(app, {
    method: 'PATCH',
    url: '/api/v1/form-assignments/:id',
    summary: 'Save answers and continue later (client)',
    tags,
    params: uuidParam,
    body: saveAnswersBody,
    response: formAssignment,
    handler: ({ principal, params, body, request }) => forms.save(principal, params.id, body.answers, requestMeta(request)),
  });
  privateRoute(app, {
    method: 'POST',
    url: '/api/v1/form-assignments/:id/submit',
    summary: 'Submit, signing with a typed name when the form has a signature (client)',
    tags,
    params: uuidParam,
    body: submitFormBody,
    response: formAssignment,
    handler: ({ principal, params, body, request }) => forms.submit(principal, params.id, body, requestMeta(request)),
  });
}
