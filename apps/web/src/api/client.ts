import type { ErrorBody, ResponseMeta } from '@tend/contracts';

/** A failed API call: the server's error code and message, or a network failure. */
export class ApiError extends Error {
  readonly status: number;
  readonly code: string;
  readonly details: unknown;
  /** Seconds from the `Retry-After` header of a 429, when the server sent one. */
  readonly retryAfterSeconds: number | null;

  constructor(status: number, code: string, message: string, details?: unknown, retryAfterSeconds: number | null = null) {
    super(message);
    this.name = 'ApiError';
    this.status = status;
    this.code = code;
    this.details = details;
    this.retryAfterSeconds = retryAfterSeconds;
  }
}

export type Page<T> = { items: T[]; meta: ResponseMeta };

type Method = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
type Query = Record<string, string | number | undefined>;
type RequestOptions = { body?: unknown; query?: Query };
type SuccessBody<T> = { success: true; data: T; meta: ResponseMeta };

const refreshableCodes = new Set(['AUTH.TOKEN_EXPIRED', 'AUTH.UNAUTHENTICATED']);
const refreshPath = '/api/v1/auth/refresh';
let pendingRefresh: Promise<boolean> | null = null;

function readCookie(name: string): string | null {
  const prefix = `${name}=`;
  const entry = document.cookie.split('; ').find((part) => part.startsWith(prefix));
  return entry ? decodeURIComponent(entry.slice(prefix.length)) : null;
}

function buildUrl(path: string, query?: Query): string {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(query ?? {})) {
    if (value !== undefined && value !== '') params.set(key, String(value));
  }
  const search = params.toString();
  return search ? `${path}?${search}` : path;
}

async function send(method: Method, url: string, body: unknown): Promise<Response> {
  const headers: Record<string, string> = { accept: 'application/json', 'accept-language': document.documentElement.lang };
  if (body !== undefined) headers['content-type'] = 'application/json';
  const csrf = method === 'GET' ? null : readCookie('tend_csrf');
  if (csrf) headers['x-csrf-token'] = csrf;
  try {
    return await fetch(url, {
      method,
      headers,
      credentials: 'include',
      body: body === undefined ? undefined : JSON.stringify(body),
    });
  } catch {
    throw new ApiError(0, 'NETWORK.OFFLINE', 'The server cannot be reached. Check your connection and try again.');
  }
}

async function readBody<T>(response: Response): Promise<SuccessBody<T>> {
  const text = await response.text();
  let parsed: unknown = null;
  try {
    parsed = text ? JSON.parse(text) : null;
  } catch {
    parsed = null;
  }
  if (response.ok && parsed && typeof parsed === 'object' && 'success' in parsed) return parsed as SuccessBody<T>;
  const error = (parsed as ErrorBody | null)?.error;
  const retryAfter = Number(response.headers.get('retry-after'));
  throw new ApiError(
    response.status,
    error?.code ?? (response.status >= 500 ? 'SERVER.UNAVAILABLE' : 'REQUEST.UNKNOWN'),
    error?.message ?? response.statusText,
    error?.details,
    Number.isFinite(retryAfter) && retryAfter > 0 ? retryAfter : null,
  );
}

/** One refresh at a time: concurrent 401s wait for the same rotation instead of reusing an old token. */
function refreshSession(): Promise<boolean> {
  pendingRefresh ??= send('POST', refreshPath, {})
    .then((response) => response.ok)
    .catch(() => false)
    .finally(() => {
      pendingRefresh = null;
    });
  return pendingRefresh;
}

async function request<T>(method: Method, path: string, options: RequestOptions = {}): Promise<SuccessBody<T>> {
  const url = buildUrl(path, options.query);
  try {
    return await readBody<T>(await send(method, url, options.body));
  } catch (error) {
    const canRefresh = error instanceof ApiError && error.status === 401 && refreshableCodes.has(error.code);
    if (!canRefresh || path === refreshPath || !(await refreshSession())) throw error;
    return readBody<T>(await send(method, url, options.body));
  }
}

export const api = {
  get: async <T>(path: string, query?: Query): Promise<T> => (await request<T>('GET', path, { query })).data,
  page: async <T>(path: string, query?: Query): Promise<Page<T>> => {
    const body = await request<T[]>('GET', path, { query });
    return { items: body.data, meta: body.meta };
  },
  post: async <T>(path: string, body: unknown = {}): Promise<T> => (await request<T>('POST', path, { body })).data,
  put: async <T>(path: string, body: unknown): Promise<T> => (await request<T>('PUT', path, { body })).data,
  patch: async <T>(path: string, body: unknown): Promise<T> => (await request<T>('PATCH', path, { body })).data,
  delete: async <T>(path: string): Promise<T> => (await request<T>('DELETE', path)).data,
};

/** After a 401 for an expired access token, rotates the session; true when a retry may succeed (for calls made outside `api`). */
export async function renewedAfter(error: unknown): Promise<boolean> {
  const expired = error instanceof ApiError && error.status === 401 && refreshableCodes.has(error.code);
  return expired && refreshSession();
}

/** Per-field messages of a `REQUEST.VALIDATION` error, keyed by the field's path. */
export function fieldErrors(error: unknown): Record<string, string> {
  if (!(error instanceof ApiError) || !Array.isArray(error.details)) return {};
  const result: Record<string, string> = {};
  for (const detail of error.details as Array<Partial<{ path: unknown; message: unknown }>>) {
    const path = Array.isArray(detail.path) ? detail.path.join('.') : String(detail.path ?? '');
    if (path && typeof detail.message === 'string' && !(path in result)) result[path] = detail.message;
  }
  return result;
}
