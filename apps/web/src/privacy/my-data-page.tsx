import { Anchor, Button, Group, Paper, Stack, Text, Title } from '@mantine/core';
import { useMutation } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { FormError } from '../ui/form-error';
import { usePageTitle } from '../ui/use-page-title';
import { ErasureSection } from './erasure-section';
import { privacyApi, saveAsFile } from './privacy.api';

/** The client's privacy page: download their data, see who viewed their record, ask for erasure. */
export function MyDataPage() {
  const { t } = useTranslation();
  usePageTitle(t('privacy.title'));
  const download = useMutation({
    mutationFn: async (format: 'json' | 'fhir') => {
      const data = await privacyApi.exportData(format);
      const day = new Date().toISOString().slice(0, 10);
      saveAsFile(data, `tend-export-${day}.${format === 'fhir' ? 'fhir.json' : 'json'}`);
    },
  });
  return (
    <Stack gap="lg">
      <Title order={1}>{t('privacy.title')}</Title>
      <Paper withBorder p="md" component="section" aria-labelledby="download-heading">
        <Stack gap="sm">
          <Title order={2} size="h3" id="download-heading">
            {t('privacy.download.title')}
          </Title>
          <Text>{t('privacy.download.intro')}</Text>
          <Group gap="xs">
            <Button onClick={() => download.mutate('json')} loading={download.isPending && download.variables === 'json'}>
              {t('privacy.download.json')}
            </Button>
            <Button variant="default" onClick={() => download.mutate('fhir')} loading={download.isPending && download.variables === 'fhir'}>
              {t('privacy.download.fhir')}
            </Button>
          </Group>
          <Text size="sm">{t('privacy.download.notIncluded')}</Text>
          <FormError error={download.error} />
        </Stack>
      </Paper>
      <Stack gap={4}>
        <Anchor component={Link} to="/my-consents">
          {t('consent.link')}
        </Anchor>
        <Anchor component={Link} to="/privacy/record-access">
          {t('privacy.access.link')}
        </Anchor>
      </Stack>
      <ErasureSection />
    </Stack>
  );
}
