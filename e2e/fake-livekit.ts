import http from 'node:http';
import type { AddressInfo } from 'node:net';

/**
 * A fake LiveKit server at its HTTP boundary, for the E2E specs: it answers the room API Tend's server calls
 * (CreateRoom, DeleteRoom; tokens are not checked here — the server tests do that) and drops every
 * browser connection (the WebSocket upgrade and LiveKit's HTTP check), as an unreachable LiveKit would.
 */
export async function startFakeLiveKit() {
  const roomCalls: string[] = [];
  const browserAttempts: string[] = [];
  let roomsFail = false;
  const server = http.createServer((req, res) => {
    req.resume();
    req.on('end', () => {
      const path = req.url ?? '';
      const answer = (status: number, body: unknown) => {
        res.writeHead(status, { 'content-type': 'application/json', 'access-control-allow-origin': '*' });
        res.end(JSON.stringify(body));
      };
      if (path.startsWith('/twirp/livekit.RoomService/')) {
        roomCalls.push(path.slice('/twirp/livekit.RoomService/'.length));
        if (roomsFail) return answer(503, { code: 'unavailable', msg: 'the fake is told to fail' });
        return answer(200, { name: 'room', sid: 'RM_fake' });
      }
      if (path.startsWith('/rtc')) {
        // Unreachable: the connection drops without an answer (a 404 here would make livekit-client retry forever).
        browserAttempts.push(path.split('?')[0] ?? path);
        return void req.socket.destroy();
      }
      return answer(404, { code: 'bad_route', msg: `no handler for ${path.split('?')[0]}` });
    });
  });
  server.on('upgrade', (req, socket) => {
    browserAttempts.push((req.url ?? '').split('?')[0] ?? '');
    socket.destroy();
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const port = (server.address() as AddressInfo).port;
  return {
    url: `ws://127.0.0.1:${port}`,
    /** Room API methods Tend's server called, in order. */
    roomCalls,
    /** Paths the browser tried: the signalling WebSocket and LiveKit's "why did it fail" request. */
    browserAttempts,
    failRooms: (fail: boolean) => {
      roomsFail = fail;
    },
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
export type FakeLiveKit = Awaited<ReturnType<typeof startFakeLiveKit>>;
