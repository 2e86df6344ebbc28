import type { TFunction } from 'i18next';
import { ApiError } from '../api/client';
import { i18n } from './i18n';

function retryAfterText(t: TFunction, seconds: number | null): string {
  if (seconds === null) return t('errors.retryLater');
  if (seconds < 60) return t('errors.retryInSeconds', { count: seconds });
  return t('errors.retryInMinutes', { count: Math.ceil(seconds / 60) });
}

/** What to tell the user about a failed call: a translated message for known codes, else the server's own words. */
export function errorMessage(t: TFunction, error: unknown): string {
  if (!(error instanceof ApiError)) return t('errors.unexpected');
  const key = `errors.codes.${error.code}`;
  if (error.code === 'AUTH.LOCKED' || error.code === 'REQUEST.RATE_LIMITED') {
    return `${t(key as 'errors.codes.AUTH.LOCKED')} ${retryAfterText(t, error.retryAfterSeconds)}`;
  }
  if (i18n.exists(key)) return t(key as 'errors.unexpected');
  return error.message || t('errors.unexpected');
}
