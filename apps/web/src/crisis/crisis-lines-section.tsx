import { NativeSelect, Stack, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { CrisisLinesList } from './crisis-lines-list';
import { jurisdictionChoices } from './jurisdiction';
import type { useCrisisLines } from './use-crisis-lines';

/** "Where are you now?" and the lines to call there. */
export function CrisisLinesSection({ crisisLines }: { crisisLines: ReturnType<typeof useCrisisLines> }) {
  const { t } = useTranslation();
  return (
    <Stack gap="lg">
      <NativeSelect
        label={t('crisis.where')}
        value={crisisLines.where}
        onChange={(event) => crisisLines.choose(event.currentTarget.value)}
        data={jurisdictionChoices.map((code) => ({ value: code, label: t(`crisis.places.${code}`) }))}
        maw={360}
      />
      <section aria-labelledby="crisis-lines-heading">
        <Title order={2} size="h3" id="crisis-lines-heading" mb="sm">
          {t('crisis.linesTitle')}
        </Title>
        <CrisisLinesList lines={crisisLines.lines} />
      </section>
    </Stack>
  );
}
