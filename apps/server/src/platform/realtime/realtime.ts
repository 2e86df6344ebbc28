import type { Server as HttpServer } from 'node:http';
import { createAdapter } from '@socket.io/redis-adapter';
import { Redis } from 'ioredis';
import type { Logger } from 'pino';
import { Server } from 'socket.io';
import { ACCESS_COOKIE } from '../auth/authenticate';
import type { TokenService } from '../auth/tokens';

export type Realtime = {
  io: Server;
  emitToUser(userId: string, event: string, payload: unknown): void;
  close(): Promise<void>;
};

const cookieValue = (header: string | undefined, name: string) =>
  header
    ?.split(';')
    .map((part) => part.trim().split('='))
    .find(([key]) => key === name)?.[1];

/**
 * Socket.IO on the API's own port. A socket authenticates with the access cookie or
 * `auth.token`, and joins its user's room. With Redis, rooms span every instance.
 */
export function startRealtime(server: HttpServer, deps: { tokens: TokenService; redisUrl: string | undefined; logger: Logger }): Realtime {
  const io = new Server(server, { serveClient: false, cors: { origin: false } });
  const redis = deps.redisUrl ? [new Redis(deps.redisUrl, { lazyConnect: false }), new Redis(deps.redisUrl, { lazyConnect: false })] : [];
  for (const client of redis) client.on('error', (error: Error) => deps.logger.warn({ err: error }, 'redis error'));
  if (redis[0] && redis[1]) io.adapter(createAdapter(redis[0], redis[1]));

  io.use((socket, next) => {
    const fromAuth = typeof socket.handshake.auth?.token === 'string' ? (socket.handshake.auth.token as string) : undefined;
    const token = fromAuth ?? cookieValue(socket.handshake.headers.cookie, ACCESS_COOKIE);
    if (!token) return next(new Error('AUTH.UNAUTHENTICATED'));
    deps.tokens.verifyAccess(token).then(
      (principal) => {
        socket.data.principal = principal;
        void socket.join(`user:${principal.userId}`);
        next();
      },
      () => next(new Error('AUTH.UNAUTHENTICATED')),
    );
  });

  return {
    io,
    emitToUser: (userId, event, payload) => {
      io.to(`user:${userId}`).emit(event, payload);
    },
    async close() {
      await io.close();
      await Promise.all(redis.map((r) => r.quit().catch(() => undefined)));
    },
  };
}
