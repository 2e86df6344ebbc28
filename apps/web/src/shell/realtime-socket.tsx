import { createContext, useContext, useEffect, useRef, useState } from 'react';
import { io, type Socket } from 'socket.io-client';
import { api } from '../api/client';

/** At most one session refresh per this long when the socket is refused. */
const REFRESH_BACKOFF_MS = 30_000;

const SocketContext = createContext<Socket | null>(null);

/**
 * One Socket.IO connection per signed-in user and active practice (the session cookie authenticates it;
 * the server reads the practice from it), shared by notifications and chat.
 */
export function RealtimeSocketProvider({ userId, orgId, children }: { userId: string; orgId: string | null; children: React.ReactNode }) {
  const [socket, setSocket] = useState<Socket | null>(null);
  useEffect(() => {
    const next = io({ withCredentials: true });
    // The access cookie lives 15 minutes: a reconnect after that is refused, and Socket.IO does not retry a
    // refused handshake. Any API call refreshes the session; then connect again.
    let lastRefresh = 0;
    next.on('connect_error', (error) => {
      if (error.message !== 'AUTH.UNAUTHENTICATED' || Date.now() - lastRefresh < REFRESH_BACKOFF_MS) return;
      lastRefresh = Date.now();
      api.get('/api/v1/me').then(
        () => next.connect(),
        () => undefined,
      );
    });
    setSocket(next);
    return () => {
      next.disconnect();
      setSocket(null);
    };
  }, [userId, orgId]);
  return <SocketContext.Provider value={socket}>{children}</SocketContext.Provider>;
}

export const useRealtimeSocket = (): Socket | null => useContext(SocketContext);

/** Calls `handler` for each `event` on the shared socket; the latest handler is used without re-subscribing. */
export function useRealtimeEvent<T>(event: string, handler: (payload: T) => void): void {
  const socket = useRealtimeSocket();
  const latest = useRef(handler);
  useEffect(() => {
    latest.current = handler;
  });
  useEffect(() => {
    if (!socket) return;
    const listener = (payload: T) => latest.current(payload);
    socket.on(event, listener);
    return () => {
      socket.off(event, listener);
    };
  }, [socket, event]);
}
