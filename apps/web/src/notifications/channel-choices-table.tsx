import { Switch, Table, Text } from '@mantine/core';
import { notificationCategories, notificationChannels, type NotificationCategory, type NotificationChannel } from '@tend/contracts';
import { useTranslation } from 'react-i18next';
import type { ChannelChoices } from './preferences-draft';

type Props = {
  choices: ChannelChoices;
  onChange: (category: NotificationCategory, channel: NotificationChannel, enabled: boolean) => void;
};

const lockedNoteId = 'channel-locked-note';

/** Category × channel switches; a locked one (crisis email) shows on, cannot be changed, and says why. */
export function ChannelChoicesTable({ choices, onChange }: Props) {
  const { t } = useTranslation();
  const anyLocked = notificationCategories.some((category) => notificationChannels.some((channel) => choices[category][channel].locked));
  return (
    <>
      <div className="scroll-table">
        <Table verticalSpacing="sm" horizontalSpacing="xs" miw={300}>
          <Table.Thead>
            <Table.Tr>
              <Table.Th scope="col">{t('notificationSettings.category')}</Table.Th>
              {notificationChannels.map((channel) => (
                <Table.Th key={channel} scope="col" ta="center">
                  {t(`notificationSettings.channels.${channel}`)}
                </Table.Th>
              ))}
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {notificationCategories.map((category) => (
              <Table.Tr key={category}>
                <Table.Th scope="row" fw={400}>
                  <Text fw={600} size="sm">
                    {t(`notificationSettings.categories.${category}`)}
                  </Text>
                  <Text size="xs" c="dimmed">
                    {t(`notificationSettings.categoryHints.${category}`)}
                  </Text>
                </Table.Th>
                {notificationChannels.map((channel) => {
                  const choice = choices[category][channel];
                  return (
                    <Table.Td key={channel}>
                      <Switch
                        styles={{ body: { justifyContent: 'center' } }}
                        checked={choice.enabled}
                        disabled={choice.locked}
                        onChange={(event) => onChange(category, channel, event.currentTarget.checked)}
                        aria-label={t('notificationSettings.switchLabel', {
                          category: t(`notificationSettings.categories.${category}`),
                          channel: t(`notificationSettings.channels.${channel}`),
                        })}
                        aria-describedby={choice.locked ? lockedNoteId : undefined}
                        className={choice.locked ? 'locked-switch' : undefined}
                      />
                      {choice.locked ? (
                        <Text size="xs" ta="center" aria-hidden="true">
                          {t('notificationSettings.alwaysOn')}
                        </Text>
                      ) : null}
                    </Table.Td>
                  );
                })}
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </div>
      {anyLocked ? (
        <Text size="sm" id={lockedNoteId}>
          {t('notificationSettings.lockedNote')}
        </Text>
      ) : null}
    </>
  );
}
