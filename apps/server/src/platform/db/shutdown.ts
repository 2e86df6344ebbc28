/**
 * PostgreSQL ends its sessions with 57P01 (admin_shutdown) when it is told to stop: by its operator, or,
 * for the embedded database, by the same Ctrl-C that stops Tend (a terminal signals the whole process group).
 * Long-lived connections (the job queue, key events) then report it as an error, though nothing went wrong;
 * callers log it as the news it is instead.
 */
export function isDatabaseShuttingDown(error: unknown): boolean {
  return typeof error === 'object' && error !== null && (error as { code?: unknown }).code === '57P01';
}
