import { Button, Paper, Stack, Text, Title } from '@mantine/core';
import { type ConsentStatusEntry, consentNeverGiven } from '@tend/contracts';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { type ConsentTemplate, standingKinds } from './consent.api';
import { ConsentRow } from './consent-row';
import { SignConsentDialog } from './sign-consent-dialog';
import { WithdrawConsentButton } from './withdraw-consent-button';

type Props = { entries: ConsentStatusEntry[]; templates: ConsentTemplate[] | undefined };

/** Treatment, video sessions, recording, AI processing and research: each given once for all care, or withdrawn. */
export function StandingConsents({ entries, templates }: Props) {
  const { t } = useTranslation();
  const [signing, setSigning] = useState<ConsentTemplate | null>(null);
  return (
    <Paper withBorder p="md" component="section" aria-labelledby="standing-consents-heading">
      <Stack gap="sm">
        <Title order={2} size="h3" id="standing-consents-heading">
          {t('consent.standing.title')}
        </Title>
        <Stack gap="xs" component="ul" className="plain-list">
          {standingKinds.flatMap((kind) => {
            const kindName = t(`consent.kinds.${kind}`);
            const template = templates?.find((candidate) => candidate.kind === kind);
            const mine = entries.filter((entry) => entry.kind === kind);
            const general = mine.find((entry) => entry.session_id === null) ?? consentNeverGiven(kind);
            const rows = [general, ...mine.filter((entry) => entry.session_id !== null && entry.state === 'granted')];
            return rows.map((entry) => (
              <ConsentRow
                key={`${kind}-${entry.session_id ?? 'all'}`}
                title={kindName}
                detail={entry.session_id ? t('consent.oneSession') : null}
                entry={entry}
                action={
                  entry.state === 'granted' && entry.grant_id ? (
                    <WithdrawConsentButton grantId={entry.grant_id} label={t('consent.withdraw')} ariaLabel={t('consent.withdrawKind', { kind: kindName })} />
                  ) : template ? (
                    <Button size="xs" aria-label={t('consent.readAndSignKind', { kind: kindName })} onClick={() => setSigning(template)}>
                      {t('consent.readAndSign')}
                    </Button>
                  ) : templates ? (
                    <Text size="sm">{t('consent.noText')}</Text>
                  ) : null
                }
              />
            ));
          })}
        </Stack>
      </Stack>
      {signing ? <SignConsentDialog key={signing.id} template={signing} opened onClose={() => setSigning(null)} /> : null}
    </Paper>
  );
}
