/** Something that delivers an event to a user's sockets (Socket.IO, attached once the server listens). */
export type UserEmitter = { emitToUser(userId: string, event: string, payload: unknown): void };

/**
 * Lets modules emit real-time events before Socket.IO exists: the app is built first, the socket
 * server attaches to it after `listen`. Until then (and in processes without sockets) events are dropped;
 * whatever must not be lost is also persisted by the module that emits it.
 */
export function createRelay(): UserEmitter & { attach(target: UserEmitter): void } {
  let target: UserEmitter | null = null;
  return {
    attach(next) {
      target = next;
    },
    emitToUser(userId, event, payload) {
      target?.emitToUser(userId, event, payload);
    },
  };
}
