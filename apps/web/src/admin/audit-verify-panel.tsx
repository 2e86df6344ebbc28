import { Alert, Button, Group, Paper, Stack, Text, Title } from '@mantine/core';
import { useMutation } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { FormError } from '../ui/form-error';
import { adminApi } from './admin.api';

/** Walks every hash chain of the audit log and says whether any entry was altered or removed. */
export function AuditVerifyPanel({ orgNames }: { orgNames: Map<string, string> }) {
  const { t } = useTranslation();
  const verify = useMutation({ mutationFn: adminApi.verifyAudit });
  const result = verify.data;
  const badOrg = result?.first_bad?.org_id;

  return (
    <Paper withBorder p="md" component="section" aria-labelledby="verify-heading">
      <Stack gap="sm">
        <Group justify="space-between" wrap="wrap">
          <Title order={2} size="h3" id="verify-heading">
            {t('audit.verifyTitle')}
          </Title>
          <Button onClick={() => verify.mutate()} loading={verify.isPending}>
            {t('audit.verify')}
          </Button>
        </Group>
        <Text size="sm">{t('audit.verifyIntro')}</Text>
        <FormError error={verify.error} />
        <div aria-live="polite">
          {result?.ok ? (
            <Alert color="teal" title={t('audit.verifyOk')}>
              {t('audit.verifyCounts', { chains: result.chains, rows: result.rows })}
            </Alert>
          ) : null}
          {result && !result.ok ? (
            <Alert color="red" title={t('audit.verifyBroken')}>
              {result.first_bad
                ? t('audit.verifyFirstBad', {
                    seq: result.first_bad.seq,
                    org: badOrg ? (orgNames.get(badOrg) ?? badOrg) : t('audit.platform'),
                    reason: result.first_bad.reason,
                  })
                : t('audit.verifyCounts', { chains: result.chains, rows: result.rows })}
            </Alert>
          ) : null}
        </div>
      </Stack>
    </Paper>
  );
}
