import type { FastifyInstance } from 'fastify';
import { homeworkRoutes } from './homework.routes';
import { createHomeworkService, type HomeworkDeps } from './homework.service';
import { createMoodService } from './mood.service';
import { selfcareRoutes } from './selfcare.routes';

/** Self-care: the client's own mood log and the homework their specialist gives them, shared with specialists only by consent or the case. */
export function selfcarePlugin(app: FastifyInstance, deps: HomeworkDeps) {
  selfcareRoutes(app, createMoodService(deps), deps);
  homeworkRoutes(app, createHomeworkService(deps));
}
export { eraseMoodOf } from './mood.repository';
export { eraseHomeworkOfCases } from './homework.repository';
export { homeworkOfSession } from './homework.service';
