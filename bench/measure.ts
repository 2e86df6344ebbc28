import http from 'node:http';
import autocannon from 'autocannon';

export type Figures = { rps: number; p50: number; p95: number; p99: number; requests: number; errors: number };

type Load = { connections: number; seconds: number; rate?: number };

/** autocannon against one URL until it saturates (`rate` caps the offered load, in bursts: see `paced`). */
export async function saturate(url: string, headers: Record<string, string>, options: Load): Promise<Figures> {
  return figures(
    await autocannon({
      url,
      headers,
      connections: options.connections,
      duration: options.seconds,
      ...(options.rate ? { overallRate: options.rate } : {}),
    }),
  );
}

/**
 * autocannon POSTing a fresh JSON body per request (`body()` is called for each), so a write that may
 * happen once — a booking of one slot — gets a new one every time. Any answer but 2xx counts as an error.
 */
export async function httpPosts(url: string, headers: Record<string, string>, options: Load, body: () => unknown): Promise<Figures> {
  return figures(
    await autocannon({
      url,
      connections: options.connections,
      duration: options.seconds,
      requests: [
        {
          method: 'POST',
          headers: { ...headers, 'content-type': 'application/json' },
          setupRequest: (request) => ({ ...request, body: JSON.stringify(body()) }),
        },
      ],
    }),
  );
}

function figures(result: autocannon.Result): Figures {
  const errors = result.errors + result.timeouts + result.non2xx;
  return {
    rps: result.requests.average,
    p50: result.latency.p50,
    p95: result.latency.p97_5 ? percentile(result, 95) : result.latency.p99,
    p99: result.latency.p99,
    requests: result.requests.total,
    errors,
  };
}

// autocannon reports p90, p97.5 and p99 but not p95; interpolate between p90 and p97.5.
function percentile(result: autocannon.Result, p: 95): number {
  const { p90, p97_5 } = result.latency;
  return Math.round((p90 + ((p97_5 - p90) * (p - 90)) / 7.5) * 100) / 100;
}

/** Runs `work` from `concurrency` loops for `seconds`, the direct-SQL ceiling. */
export async function loop(concurrency: number, seconds: number, work: () => Promise<void>): Promise<Figures> {
  const latencies: number[] = [];
  let errors = 0;
  const end = performance.now() + seconds * 1000;
  const started = performance.now();
  await Promise.all(
    Array.from({ length: concurrency }, async () => {
      while (performance.now() < end) {
        const t0 = performance.now();
        try {
          await work();
          latencies.push(performance.now() - t0);
        } catch (error) {
          errors += 1;
          if (errors === 1) process.stderr.write(`first SQL error: ${String(error)}\n`);
        }
      }
    }),
  );
  return summarise(latencies, (performance.now() - started) / 1000, errors);
}

/**
 * GETs at an even pace — one request every 1/rate s over at most `connections` kept-alive sockets — for
 * the latency a steady load meets. autocannon's fixed rate releases each second's requests at once, so it
 * measures its own bursts. Latency runs from when a request was due, so time spent waiting for a free
 * socket counts (no coordinated omission).
 */
export async function paced(url: string, headers: Record<string, string>, options: { connections: number; seconds: number; rate: number }): Promise<Figures> {
  const agent = new http.Agent({ keepAlive: true, maxSockets: options.connections });
  const latencies: number[] = [];
  let errors = 0;
  const get = () =>
    new Promise<boolean>((resolve) => {
      const request = http.get(url, { agent, headers }, (response) => {
        response.resume();
        response.on('end', () => resolve((response.statusCode ?? 500) < 300));
      });
      request.on('error', () => resolve(false));
    });
  const started = performance.now();
  const total = Math.round(options.seconds * options.rate);
  const pending: Promise<void>[] = [];
  for (let i = 0; i < total; i++) {
    const due = started + (i * 1000) / options.rate;
    const wait = due - performance.now();
    if (wait > 0) await new Promise((r) => setTimeout(r, wait));
    pending.push(get().then((ok) => (ok ? void latencies.push(performance.now() - due) : void (errors += 1))));
  }
  await Promise.all(pending);
  agent.destroy();
  const elapsed = (performance.now() - started) / 1000;
  return summarise(latencies, elapsed, errors);
}

function summarise(latencies: number[], elapsedSeconds: number, errors: number): Figures {
  latencies.sort((a, b) => a - b);
  const at = (q: number) => Math.round((latencies[Math.min(latencies.length - 1, Math.floor(q * latencies.length))] ?? 0) * 100) / 100;
  return { rps: Math.round(latencies.length / elapsedSeconds), p50: at(0.5), p95: at(0.95), p99: at(0.99), requests: latencies.length, errors };
}
