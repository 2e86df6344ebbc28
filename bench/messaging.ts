// Issue 5's budget: a chat message sent through the API and delivered to the other participant's
// socket, p99 < 50 ms, while the server holds 1,000 connected sockets.
import { io, type Socket } from 'socket.io-client';
import { apiData } from './api';
import { benchSettings } from './settings';

type Session = { token: string; userId: string; orgId: string };
export type MessagingBenchDeps = { url: string; login(email: string): Promise<Session> };
export type MessagingBench = {
  name: string;
  sockets: number;
  messages: number;
  lost: number;
  latency: { p50: number; p95: number; p99: number; max: number };
  budget: { p99Ms: number };
  pass: boolean;
};

/** Each sender stays under the per-person flood limit (120 messages a minute). */
const SEND_INTERVAL_MS = 600;
const DELIVERY_TIMEOUT_MS = 5_000;

function connect(url: string, token: string): Promise<Socket> {
  const socket = io(url, { auth: { token }, transports: ['websocket'], reconnection: false, forceNew: true });
  return new Promise((resolve, reject) => {
    socket.once('connect', () => resolve(socket));
    socket.once('connect_error', reject);
  });
}

/** A case chat between a specialist and a client, each with one socket. */
type Pair = { conversationId: string; specialist: Session; client: Session };

async function openPair(url: string, specialist: Session, client: Session): Promise<Pair> {
  const opened = await apiData<{ id: string }>(url, specialist.token, 'POST', '/api/v1/cases', {
    client_user_id: client.userId,
    title: 'Messaging benchmark',
    jurisdiction: 'UA',
  });
  const conversation = await apiData<{ id: string }>(url, specialist.token, 'POST', `/api/v1/cases/${opened.id}/conversation`);
  return { conversationId: conversation.id, specialist, client };
}

export async function benchMessaging(deps: MessagingBenchDeps, totalSockets = 1000): Promise<MessagingBench> {
  const [admin, s1, s2, c1, c2, c3] = await Promise.all(
    ['admin', 'specialist1', 'specialist2', 'client1', 'client2', 'client3'].map((who) => deps.login(`${who}@demo.tend.local`)),
  );
  const people = [s1!, s2!, c1!, c2!, c3!];
  const pairs = await Promise.all([openPair(deps.url, s1!, c1!), openPair(deps.url, s2!, c2!), openPair(deps.url, s2!, c3!)]);

  // One socket per participant receives; the rest of the 1,000 are the org admin's idle tabs, which
  // the server holds (heartbeats, rooms) but which are not in these conversations.
  const receivers = new Map<string, Socket>();
  for (const person of people) receivers.set(person.userId, await connect(deps.url, person.token));
  const idle: Socket[] = [];
  for (let batch = 0; idle.length < totalSockets - receivers.size; batch++) {
    const n = Math.min(50, totalSockets - receivers.size - idle.length);
    idle.push(...(await Promise.all(Array.from({ length: n }, () => connect(deps.url, admin!.token)))));
  }

  const pending = new Map<string, (at: number) => void>();
  for (const socket of receivers.values())
    socket.on('message', (m: { body: string }) => {
      pending.get(m.body)?.(performance.now());
    });

  const latencies: number[] = [];
  let lost = 0;
  let sent = 0;
  const seconds = Math.max(benchSettings.seconds, 30);
  const end = performance.now() + seconds * 1000;
  // Five senders: each client writes to their specialist, each specialist to one of their clients.
  const senders: { from: Session; pair: Pair }[] = [
    { from: c1!, pair: pairs[0]! },
    { from: c2!, pair: pairs[1]! },
    { from: c3!, pair: pairs[2]! },
    { from: s1!, pair: pairs[0]! },
    { from: s2!, pair: pairs[2]! },
  ];
  await Promise.all(
    senders.map(async ({ from, pair }, index) => {
      await new Promise((r) => setTimeout(r, (index * SEND_INTERVAL_MS) / senders.length));
      while (performance.now() < end) {
        const body = `bench ${from.userId.slice(-4)} ${sent++} ${Math.random().toString(36).slice(2)}`;
        const t0 = performance.now();
        const delivered = new Promise<number | null>((resolve) => {
          const timer = setTimeout(() => resolve(null), DELIVERY_TIMEOUT_MS);
          pending.set(body, (at) => {
            clearTimeout(timer);
            resolve(at);
          });
        });
        await apiData(deps.url, from.token, 'POST', `/api/v1/conversations/${pair.conversationId}/messages`, { body });
        const at = await delivered;
        pending.delete(body);
        if (at === null) lost += 1;
        else latencies.push(at - t0);
        const wait = t0 + SEND_INTERVAL_MS - performance.now();
        if (wait > 0) await new Promise((r) => setTimeout(r, wait));
      }
    }),
  );
  for (const socket of [...receivers.values(), ...idle]) socket.disconnect();

  latencies.sort((a, b) => a - b);
  const at = (q: number) => Math.round((latencies[Math.min(latencies.length - 1, Math.floor(q * latencies.length))] ?? 0) * 100) / 100;
  const latency = { p50: at(0.5), p95: at(0.95), p99: at(0.99), max: at(1) };
  return {
    name: 'chat message: POST → delivered to the other participant’s socket',
    sockets: receivers.size + idle.length,
    messages: latencies.length,
    lost,
    latency,
    budget: { p99Ms: 50 },
    pass: lost === 0 && latencies.length > 0 && latency.p99 < 50,
  };
}

export function printMessaging(r: MessagingBench): void {
  process.stdout.write(
    `\n${r.name} (${r.sockets} sockets connected)\n` +
      `  ${r.messages} messages, ${r.lost} lost   p50 ${r.latency.p50} ms   p95 ${r.latency.p95} ms   p99 ${r.latency.p99} ms   max ${r.latency.max} ms` +
      `   (budget p99 < ${r.budget.p99Ms} ms): ${r.pass ? 'PASS' : 'MISS'}\n`,
  );
}
