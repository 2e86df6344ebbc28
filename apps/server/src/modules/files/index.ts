import multipart from '@fastify/multipart';
import type { FastifyInstance } from 'fastify';
import { filesRoutes } from './files.routes';
import { createFilesService, type FilesDeps } from './files.service';

export type { FilesService } from './files.service';

/** Files on a case: streamed uploads sniffed by content, sealed per file, downloaded by short-lived links. */
export async function filesPlugin(app: FastifyInstance, deps: FilesDeps) {
  const files = createFilesService(deps);
  // Multipart parsing is registered for these routes only; the rest of the API stays JSON.
  await app.register(async (scope) => {
    await scope.register(multipart, { throwFileSizeLimit: false });
    filesRoutes(scope, { files });
  });
  return { files };
}
export { eraseFilesOfCases } from './files.repository';
