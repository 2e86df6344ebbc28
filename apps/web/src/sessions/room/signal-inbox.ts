import type { SessionSignal } from '@tend/contracts';
import { useRef } from 'react';
import { useRealtimeEvent } from '../../shell/realtime-socket';

export type IncomingSignal = SessionSignal & { from: string };
type Handler = (signal: IncomingSignal) => void;

/**
 * Holds the other person's WebRTC messages until the call is ready for them: an offer may arrive while this
 * side is still asking for the camera. Subscribed from the moment the room opens.
 */
export function useSignalInbox(sessionId: string) {
  const queue = useRef<IncomingSignal[]>([]);
  const handler = useRef<Handler | null>(null);
  useRealtimeEvent<IncomingSignal>('session.signal', (signal) => {
    if (signal.session_id !== sessionId) return;
    if (handler.current) handler.current(signal);
    else queue.current.push(signal);
  });
  const inbox = useRef({
    listen(next: Handler | null) {
      handler.current = next;
      if (!next) return;
      const waiting = queue.current;
      queue.current = [];
      waiting.forEach(next);
    },
    /** Puts back a message the listener could not take, for the next listener: `first` to be read before the rest. */
    putBack(signal: IncomingSignal, first = false) {
      if (first) queue.current.unshift(signal);
      else queue.current.push(signal);
    },
  });
  return inbox.current;
}

export type SignalInbox = ReturnType<typeof useSignalInbox>;
