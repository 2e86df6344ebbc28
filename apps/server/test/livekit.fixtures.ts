import crypto from 'node:crypto';
import http from 'node:http';
import type { AddressInfo } from 'node:net';

/** Credentials the app under test and the fake share; the secret is what signs tokens and webhooks. */
export const LIVEKIT_KEY = 'APItendtest';
export const LIVEKIT_SECRET = 'fake-livekit-secret-0123456789abcdefghijklmnop';

export type FakeRequest = { path: string; body: Record<string, unknown>; claims: Record<string, unknown> };

const b64url = (data: Buffer | string) => Buffer.from(data).toString('base64url');

/** An HS256 JWT as LiveKit makes them, built by hand so the tests do not lean on the SDK they check. */
export function signJwt(claims: Record<string, unknown>, secret = LIVEKIT_SECRET): string {
  const head = b64url(JSON.stringify({ alg: 'HS256', typ: 'JWT' }));
  const body = b64url(JSON.stringify(claims));
  const signature = crypto.createHmac('sha256', secret).update(`${head}.${body}`).digest('base64url');
  return `${head}.${body}.${signature}`;
}

export function decodeJwt(token: string): Record<string, unknown> {
  return JSON.parse(Buffer.from(token.split('.')[1] as string, 'base64url').toString('utf8'));
}

function verifyJwt(token: string): Record<string, unknown> | null {
  const [head, body, signature] = token.split('.');
  const expected = crypto.createHmac('sha256', LIVEKIT_SECRET).update(`${head}.${body}`).digest('base64url');
  if (!signature || signature !== expected) return null;
  const claims = decodeJwt(token);
  return claims.iss === LIVEKIT_KEY && Number(claims.exp) * 1000 > Date.now() ? claims : null;
}

/** The Authorization header LiveKit puts on a webhook: a JWT over the body's sha256 (base64). */
export function webhookAuth(body: string, options: { secret?: string; expiresIn?: number; issuer?: string } = {}): string {
  const now = Math.floor(Date.now() / 1000);
  return signJwt(
    {
      iss: options.issuer ?? LIVEKIT_KEY,
      nbf: now - 60,
      exp: now + (options.expiresIn ?? 300),
      sha256: crypto.createHash('sha256').update(body).digest('base64'),
    },
    options.secret,
  );
}

/**
 * A fake LiveKit server at its HTTP boundary: the Twirp JSON endpoints livekit-server-sdk calls for rooms and
 * egress. It checks each call's bearer token like LiveKit does and remembers what it was asked.
 */
export async function startFakeLiveKit() {
  const requests: FakeRequest[] = [];
  const stoppedEgress = new Set<string>();
  let egressCount = 0;
  let failNext = false;
  const server = http.createServer((req, res) => {
    let raw = '';
    req.on('data', (chunk: Buffer) => (raw += chunk.toString('utf8')));
    req.on('end', () => {
      const answer = (status: number, body: unknown) => {
        res.writeHead(status, { 'content-type': 'application/json' });
        res.end(JSON.stringify(body));
      };
      const claims = verifyJwt((req.headers.authorization ?? '').replace(/^Bearer /, ''));
      if (!claims) return answer(401, { code: 'unauthenticated', msg: 'invalid token' });
      const body = raw ? (JSON.parse(raw) as Record<string, unknown>) : {};
      const path = req.url ?? '';
      requests.push({ path, body, claims });
      if (failNext) {
        failNext = false;
        return answer(503, { code: 'unavailable', msg: 'egress is not available' });
      }
      switch (path) {
        case '/twirp/livekit.RoomService/CreateRoom':
          return answer(200, {
            sid: `RM_${crypto.createHash('sha1').update(String(body.name)).digest('hex').slice(0, 12)}`,
            name: body.name,
            emptyTimeout: body.emptyTimeout,
          });
        case '/twirp/livekit.RoomService/DeleteRoom':
          return answer(200, {});
        case '/twirp/livekit.Egress/StartRoomCompositeEgress':
          return answer(200, { egressId: `EG_fake${++egressCount}`, roomName: body.roomName ?? body.room_name, status: 'EGRESS_STARTING' });
        case '/twirp/livekit.Egress/StopEgress': {
          const id = String(body.egressId ?? body.egress_id);
          if (stoppedEgress.has(id)) return answer(412, { code: 'failed_precondition', msg: 'egress already ended' });
          stoppedEgress.add(id);
          return answer(200, { egressId: id, status: 'EGRESS_ENDING' });
        }
        default:
          return answer(404, { code: 'bad_route', msg: `no handler for ${path}` });
      }
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const port = (server.address() as AddressInfo).port;
  return {
    url: `ws://127.0.0.1:${port}`,
    requests,
    calls: (method: string) => requests.filter((r) => r.path.endsWith(`/${method}`)),
    failNextRequest: () => {
      failNext = true;
    },
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
export type FakeLiveKit = Awaited<ReturnType<typeof startFakeLiveKit>>;
