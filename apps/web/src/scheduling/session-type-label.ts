import type { TFunction } from 'i18next';
import type { SessionType } from './scheduling.api';
import { formatPrice } from './viewer-time';

/** "50 min · Video · 1 200,00 ₴" */
export function sessionTypeDetails(
  t: TFunction,
  locale: string,
  type: Pick<SessionType, 'duration_minutes' | 'modality' | 'price_minor' | 'currency'>,
): string {
  const parts = [t('scheduling.minutes', { count: type.duration_minutes }), t(`scheduling.modality.${type.modality}`)];
  if (type.price_minor > 0) parts.push(formatPrice(locale, type.price_minor, type.currency));
  return parts.join(' · ');
}
