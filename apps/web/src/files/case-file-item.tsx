import { Badge, Button, Group, Paper, Stack, Switch, Text } from '@mantine/core';
import type { CaseFileDto } from '@tend/contracts';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { queryKeys } from '../api/query-keys';
import { ConfirmButton } from '../ui/confirm-button';
import { FormError } from '../ui/form-error';
import { useOrgTime } from '../ui/use-org-time';
import { fileSize } from './file-size';
import { fileTypeKey } from './file-type';
import { downloadCaseFile, filesApi } from './files.api';

type Props = { file: CaseFileDto; canShare: boolean; forClient: boolean };

/** One file: what it is, who added it and when, and what may be done with it. */
export function CaseFileItem({ file, canShare, forClient }: Props) {
  const { t, i18n } = useTranslation();
  const time = useOrgTime();
  const queryClient = useQueryClient();
  const refresh = async () => {
    await queryClient.invalidateQueries({ queryKey: queryKeys.caseFiles(file.case_id) });
    await queryClient.invalidateQueries({ queryKey: queryKeys.caseHistory(file.case_id) });
  };
  const download = useMutation({ mutationFn: () => downloadCaseFile(file.case_id, file.id) });
  const share = useMutation({ mutationFn: (shared: boolean) => filesApi.share(file.case_id, file.id, shared), onSuccess: refresh });
  const remove = useMutation({ mutationFn: () => filesApi.remove(file.case_id, file.id), onSuccess: refresh });

  return (
    <Paper component="li" withBorder p="sm">
      <Stack gap={6}>
        <Group gap="xs" wrap="wrap">
          <Text fw={700} style={{ overflowWrap: 'anywhere' }}>
            {file.filename}
          </Text>
          <Badge variant="light" c="var(--mantine-color-text)">
            {t(`files.type.${fileTypeKey[file.mime_type]}`)}
          </Badge>
          {file.shared_with_client && !forClient ? (
            <Badge variant="outline" c="var(--mantine-color-text)">
              {t('files.sharedBadge')}
            </Badge>
          ) : null}
        </Group>
        <Text size="sm">
          {t('files.meta', { size: fileSize(file.size, i18n.language), name: file.uploaded_by.name, time: time.dateTime(file.created_at) })}
        </Text>
        <Group gap="xs" wrap="wrap">
          <Button size="xs" onClick={() => download.mutate()} loading={download.isPending} aria-label={t('files.downloadNamed', { name: file.filename })}>
            {t('files.download')}
          </Button>
          {canShare ? (
            <Switch
              label={t('files.shareWithClient')}
              checked={file.shared_with_client}
              disabled={share.isPending}
              onChange={(event) => share.mutate(event.currentTarget.checked)}
              aria-label={t('files.shareNamed', { name: file.filename })}
            />
          ) : null}
          {file.can_delete ? (
            <ConfirmButton
              ariaLabel={t('files.deleteNamed', { name: file.filename })}
              title={t('files.deleteTitle')}
              question={t('files.deleteQuestion', { name: file.filename })}
              confirmLabel={t('files.delete')}
              onConfirm={() => remove.mutate()}
            >
              {t('files.delete')}
            </ConfirmButton>
          ) : null}
        </Group>
        <FormError error={download.error ?? share.error ?? remove.error} />
      </Stack>
    </Paper>
  );
}
