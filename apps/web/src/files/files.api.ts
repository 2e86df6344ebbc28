import { type CaseFileDto, type FileDeleted, type FileLinkDto, MAX_FILE_BYTES } from '@tend/contracts';
import { ApiError, api, renewedAfter } from '../api/client';

const filesPath = (caseId: string) => `/api/v1/cases/${caseId}/files`;

export type UploadProgress = (fraction: number) => void;

function csrfToken(): string | null {
  const entry = document.cookie.split('; ').find((part) => part.startsWith('tend_csrf='));
  return entry ? decodeURIComponent(entry.slice('tend_csrf='.length)) : null;
}

/** The error envelope of a failed upload, or a network failure. */
function uploadError(xhr: XMLHttpRequest): ApiError {
  if (xhr.status === 0) return new ApiError(0, 'NETWORK.OFFLINE', 'The server cannot be reached. Check your connection and try again.');
  try {
    const { error } = JSON.parse(xhr.responseText) as { error: { code: string; message: string; details?: unknown } };
    return new ApiError(xhr.status, error.code, error.message, error.details);
  } catch {
    return new ApiError(xhr.status, xhr.status >= 500 ? 'SERVER.UNAVAILABLE' : 'REQUEST.UNKNOWN', xhr.statusText);
  }
}

/**
 * Streams one file as multipart/form-data, reporting how much has been sent. XHR rather than fetch:
 * fetch reports no upload progress. The size limit is checked first so a 100 MB+ file is never sent.
 */
export function uploadCaseFile(caseId: string, file: File, sharedWithClient: boolean, onProgress: UploadProgress, signal?: AbortSignal): Promise<CaseFileDto> {
  return uploadFile<CaseFileDto>(filesPath(caseId), file, { shared_with_client: String(sharedWithClient) }, onProgress, signal);
}

/** Uploads one file to `path` (a case's files, or a conversation's attachments), renewing the session once if it expired. */
export async function uploadFile<T>(path: string, file: File, fields: Record<string, string>, onProgress: UploadProgress, signal?: AbortSignal): Promise<T> {
  if (file.size > MAX_FILE_BYTES) throw new ApiError(413, 'FILE.TOO_LARGE', `A file can be at most ${MAX_FILE_BYTES / 1024 / 1024} MB`);
  try {
    return await send<T>(path, file, fields, onProgress, signal);
  } catch (error) {
    if (isUploadCancelled(error) || !(await renewedAfter(error))) throw error;
    return send<T>(path, file, fields, onProgress, signal);
  }
}

const UPLOAD_CANCELLED = 'UPLOAD.CANCELLED';
/** The person stopped the upload; the server keeps nothing of it. */
export const isUploadCancelled = (error: unknown): boolean => error instanceof ApiError && error.code === UPLOAD_CANCELLED;

function send<T>(path: string, file: File, fields: Record<string, string>, onProgress: UploadProgress, signal?: AbortSignal): Promise<T> {
  const cancelled = () => new ApiError(0, UPLOAD_CANCELLED, 'Upload cancelled');
  if (signal?.aborted) return Promise.reject(cancelled());
  const form = new FormData();
  // The server reads fields that come before the file part.
  for (const [name, value] of Object.entries(fields)) form.append(name, value);
  form.append('file', file, file.name);
  return new Promise((resolve, reject) => {
    const xhr = new XMLHttpRequest();
    xhr.open('POST', path);
    xhr.withCredentials = true;
    xhr.setRequestHeader('accept', 'application/json');
    xhr.setRequestHeader('accept-language', document.documentElement.lang);
    const csrf = csrfToken();
    if (csrf) xhr.setRequestHeader('x-csrf-token', csrf);
    xhr.upload.onprogress = (event) => {
      if (event.lengthComputable) onProgress(event.loaded / event.total);
    };
    xhr.onload = () => {
      if (xhr.status >= 200 && xhr.status < 300) resolve((JSON.parse(xhr.responseText) as { data: T }).data);
      else reject(uploadError(xhr));
    };
    xhr.onerror = () => reject(uploadError(xhr));
    xhr.onabort = () => reject(cancelled());
    signal?.addEventListener('abort', () => xhr.abort(), { once: true });
    xhr.send(form);
  });
}

export const filesApi = {
  list: (caseId: string) => api.get<CaseFileDto[]>(filesPath(caseId)),
  link: (caseId: string, fileId: string) => api.post<FileLinkDto>(`${filesPath(caseId)}/${fileId}/link`),
  share: (caseId: string, fileId: string, shared: boolean) => api.patch<CaseFileDto>(`${filesPath(caseId)}/${fileId}`, { shared_with_client: shared }),
  remove: (caseId: string, fileId: string) => api.delete<FileDeleted>(`${filesPath(caseId)}/${fileId}`),
};

/** Asks for a short-lived link, then lets the browser download from it (the server answers as an attachment). */
export async function downloadCaseFile(caseId: string, fileId: string): Promise<void> {
  const { url } = await filesApi.link(caseId, fileId);
  window.location.assign(url);
}
