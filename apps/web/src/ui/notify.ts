import { notifications } from '@mantine/notifications';
import { i18n } from '../i18n/i18n';

type Notice = { message: string; title?: string; color?: 'teal' | 'red'; autoClose?: number | false };

/** A toast whose close button is named in the user's language (Mantine leaves it unnamed). */
export function notify({ message, title, color, autoClose }: Notice): void {
  notifications.show({ message, title, color, autoClose, closeButtonProps: { 'aria-label': i18n.t('common.close') } });
}
