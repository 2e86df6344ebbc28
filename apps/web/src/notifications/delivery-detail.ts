import type { TFunction } from 'i18next';

/** The server's fixed reasons (deliveries.service.ts), said in the interface language; others are shown as they come. */
const knownDetails = {
  'turned off by the recipient': 'turnedOff',
  'waiting for the end of quiet hours': 'quietHours',
  'the account no longer exists': 'accountGone',
  'no readable email address': 'noEmail',
  'handed to the mail outbox': 'mailOutbox',
  'no phone number on the account': 'noPhone',
  'no SMS provider configured; kept in this log': 'noSmsProvider',
  'no device subscribed to push': 'noDevice',
  'every subscribed device has gone': 'devicesGone',
} as const;

export function deliveryDetail(t: TFunction, detail: string | null): string {
  if (!detail) return '—';
  const key = knownDetails[detail as keyof typeof knownDetails];
  return key ? t(`notificationSettings.log.details.${key}`) : detail;
}
