import { Group, Kbd, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';

const onMac = typeof navigator !== 'undefined' && /Mac|iPhone|iPad/.test(navigator.userAgent);
/** The modifier key as this keyboard labels it. */
export const modifierKey = onMac ? '⌘' : 'Ctrl';

type Shortcut = { keys: string; action: string };

/** The editor's keyboard shortcuts, shown so they can be discovered. */
export function NoteShortcuts({ shortcuts }: { shortcuts: Shortcut[] }) {
  const { t } = useTranslation();
  return (
    <Group gap="md" wrap="wrap" aria-label={t('notes.shortcuts')} role="note">
      {shortcuts.map((shortcut) => (
        <Text size="sm" key={shortcut.keys}>
          <Kbd>{modifierKey}</Kbd> + <Kbd>{shortcut.keys}</Kbd> {shortcut.action}
        </Text>
      ))}
    </Group>
  );
}
