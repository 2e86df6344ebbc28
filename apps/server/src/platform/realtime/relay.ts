import type { Server } from 'socket.io';
import type { Principal } from '../auth/tokens';
import { AppError } from '../http/app-error';

/** Something that delivers an event to a user's sockets (Socket.IO, attached once the server listens). */
export type UserEmitter = { emitToUser(userId: string, event: string, payload: unknown): void };
/** Whether a person has a socket open on any instance (with Redis, across instances). */
export type Presence = { online(userId: string): Promise<boolean> };
/**
 * Handles an event a signed-in socket sends (e.g. WebRTC signalling). When the sender asked for an
 * acknowledgement it gets `{ ok: true }`, or for a thrown `AppError` its code and message.
 */
export type SocketHandler = (principal: Principal, payload: unknown) => Promise<void>;

const failure = (error: unknown) =>
  error instanceof AppError ? { code: error.code, message: error.message } : { code: 'INTERNAL', message: 'Something went wrong' };

/**
 * Lets modules emit and receive real-time events before Socket.IO exists: the app is built first, the
 * socket server attaches after `listen`. Until then (and in processes without sockets) events are dropped;
 * whatever must not be lost is also persisted by the module that emits it.
 */
export function createRelay(): UserEmitter &
  Presence & { attach(target: UserEmitter & { io?: Server }): void; on(event: string, handler: SocketHandler): void } {
  let target: (UserEmitter & { io?: Server }) | null = null;
  const handlers = new Map<string, SocketHandler>();
  return {
    attach(next) {
      target = next;
      next.io?.on('connection', (socket) => {
        for (const [event, handler] of handlers) {
          socket.on(event, (payload: unknown, ack?: unknown) => {
            const principal = socket.data.principal as Principal | undefined;
            const reply = typeof ack === 'function' ? (ack as (answer: unknown) => void) : null;
            if (!principal) return;
            handler(principal, payload).then(
              () => reply?.({ ok: true }),
              (error: unknown) => (reply ? reply({ ok: false, error: failure(error) }) : socket.emit('error.event', { event })),
            );
          });
        }
      });
    },
    on(event, handler) {
      handlers.set(event, handler);
    },
    emitToUser(userId, event, payload) {
      target?.emitToUser(userId, event, payload);
    },
    async online(userId) {
      const io = target?.io;
      if (!io) return false; // no sockets in this process: everyone counts as away
      return (await io.in(`user:${userId}`).fetchSockets()).length > 0;
    },
  };
}
