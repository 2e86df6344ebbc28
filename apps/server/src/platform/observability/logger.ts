import pino, { type Logger } from 'pino';

/** JSON logs to stdout; fastify adds the request id (reqId) to every line of a request. */
export function createLogger(level: string): Logger {
  return pino({
    level,
    base: { service: 'tend' },
    redact: { paths: ['req.headers.authorization', 'req.headers.cookie', 'res.headers["set-cookie"]'], censor: '[redacted]' },
    timestamp: pino.stdTimeFunctions.isoTime,
  });
}
