import { Button, Paper, Stack, Text, Title } from '@mantine/core';
import type { ConsentStatusEntry } from '@tend/contracts';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ConsentTemplate } from './consent.api';
import { ConsentRow } from './consent-row';
import type { CareTeamMember } from '../cases/use-care-teams';
import { SignConsentDialog } from './sign-consent-dialog';
import { WithdrawConsentButton } from './withdraw-consent-button';

type Props = { entries: ConsentStatusEntry[]; template: ConsentTemplate | undefined; templatesLoaded: boolean; recipients: CareTeamMember[] };

/** "Who may see what": what the client shares with which specialist, until when; they share more or stop here. */
export function DataSharingSection({ entries, template, templatesLoaded, recipients }: Props) {
  const { t } = useTranslation();
  const [sharing, setSharing] = useState(false);
  const shares = entries.filter((entry) => entry.kind === 'data_sharing' && entry.recipient);
  const active = shares.filter((entry) => entry.state === 'granted');
  const past = shares.filter((entry) => entry.state !== 'granted');
  const what = (entry: ConsentStatusEntry) => entry.scope.map((category) => t(`consent.categories.${category}`)).join(', ');
  const row = (entry: ConsentStatusEntry) => {
    const name = entry.recipient?.name ?? '';
    return (
      <ConsentRow
        key={entry.grant_id ?? name}
        title={t(entry.state === 'granted' ? 'consent.sharing.sees' : 'consent.sharing.saw', { name, what: what(entry) })}
        entry={entry}
        action={
          entry.state === 'granted' && entry.grant_id ? (
            <WithdrawConsentButton grantId={entry.grant_id} label={t('consent.sharing.stop')} ariaLabel={t('consent.sharing.stopWith', { name })} />
          ) : null
        }
      />
    );
  };
  return (
    <Paper withBorder p="md" component="section" aria-labelledby="data-sharing-heading">
      <Stack gap="sm">
        <Title order={2} size="h3" id="data-sharing-heading">
          {t('consent.sharing.title')}
        </Title>
        <Text>{t('consent.sharing.intro')}</Text>
        {active.length ? (
          <Stack gap="xs" component="ul" className="plain-list">
            {active.map(row)}
          </Stack>
        ) : (
          <Text>{t('consent.sharing.empty')}</Text>
        )}
        {template && recipients.length ? (
          <Button onClick={() => setSharing(true)} style={{ alignSelf: 'flex-start' }}>
            {t('consent.sharing.share')}
          </Button>
        ) : templatesLoaded ? (
          <Text size="sm">{template ? t('consent.sharing.noRecipients') : t('consent.noText')}</Text>
        ) : null}
        {past.length ? (
          <>
            <Title order={3} size="h5">
              {t('consent.sharing.past')}
            </Title>
            <Stack gap="xs" component="ul" className="plain-list">
              {past.map(row)}
            </Stack>
          </>
        ) : null}
      </Stack>
      {sharing && template ? <SignConsentDialog template={template} recipients={recipients} opened onClose={() => setSharing(false)} /> : null}
    </Paper>
  );
}
