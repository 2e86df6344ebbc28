import { type ErrorCode, statusOf } from '@tend/contracts';

/** The one error type services throw; the handler turns it into the envelope with its status. */
export class AppError extends Error {
  readonly status: number;
  constructor(
    readonly code: ErrorCode,
    message: string,
    readonly details?: unknown,
    readonly headers?: Record<string, string>,
  ) {
    super(message);
    this.name = 'AppError';
    this.status = statusOf(code);
  }
}
