import { assignHomeworkBody, homeworkDoneBody, homeworkDto, uuidParam } from '@tend/contracts';
import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { privateRoute } from '../../platform/http/route';
import { requestMeta } from '../identity';
import type { HomeworkService } from './homework.service';

const tags = ['self-care'];

export function homeworkRoutes(app: FastifyInstance, s: HomeworkService): void {
  privateRoute(app, {
    method: 'POST',
    url: '/api/v1/sessions/:id/homework',
    summary: "Give the client homework from this session: a title, instructions, a due date (the session's specialist)",
    tags,
    status: 201,
    params: uuidParam,
    body: assignHomeworkBody,
    response: homeworkDto,
    handler: ({ principal, params, body, request }) => s.assign(principal, params.id, body, requestMeta(request)),
  });
  privateRoute(app, {
    method: 'GET',
    url: '/api/v1/homework',
    summary: 'My homework, newest first (client)',
    tags,
    response: z.array(homeworkDto),
    handler: ({ principal, request }) => s.mine(principal, requestMeta(request)),
  });
  privateRoute(app, {
    method: 'POST',
    url: '/api/v1/homework/:id/done',
    summary: 'Mark my homework done, or not done again with {"done": false} (client)',
    tags,
    params: uuidParam,
    body: homeworkDoneBody.nullish(),
    response: homeworkDto,
    handler: ({ principal, params, body, request }) => s.setDone(principal, params.id, body?.done ?? true, requestMeta(request)),
  });
}
