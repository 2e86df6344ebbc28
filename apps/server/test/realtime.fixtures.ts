import type { AddressInfo } from 'node:net';
import pino from 'pino';
import { io, type Socket } from 'socket.io-client';
import { startRealtime, type Realtime } from '../src/platform/realtime/realtime';
import type { TestApp } from './harness';

/** Listens on a free port with Socket.IO attached to the app's relay, as `npm start` does. */
export async function listenWithSockets(t: Pick<TestApp, 'app' | 'runtime'>, redisUrl?: string): Promise<{ url: string; realtime: Realtime }> {
  await t.app.listen({ port: 0, host: '127.0.0.1' });
  const realtime = startRealtime(t.app.server, { tokens: t.runtime.tokens, redisUrl, logger: pino({ level: 'silent' }) });
  t.runtime.relay.attach(realtime);
  return { url: `http://127.0.0.1:${(t.app.server.address() as AddressInfo).port}`, realtime };
}

export const connectSocket = (url: string, token: string) =>
  new Promise<Socket>((resolve, reject) => {
    const socket = io(url, { transports: ['websocket'], auth: { token }, reconnection: false });
    socket.on('connect', () => resolve(socket));
    socket.on('connect_error', reject);
  });

export const nextEvent = (socket: Socket, event: string) => new Promise<Record<string, unknown>>((resolve) => socket.once(event, resolve));
