import { useEffect } from 'react';
import { io } from 'socket.io-client';
import { notify } from '../ui/notify';

type ServerNotification = { kind: string; title: string; body: string };

/** Listens on the user's Socket.IO room while signed in and shows what the server pushes. */
export function RealtimeNotifications({ userId }: { userId: string }) {
  useEffect(() => {
    const socket = io({ withCredentials: true });
    socket.on('notification', (event: ServerNotification) => {
      notify({ title: event.title, message: event.body, autoClose: 8000 });
    });
    return () => {
      socket.disconnect();
    };
  }, [userId]);
  return null;
}
