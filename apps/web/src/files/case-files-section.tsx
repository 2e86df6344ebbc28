import { Paper, Stack, Text, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { queryKeys } from '../api/query-keys';
import { QueryState } from '../ui/query-state';
import { CaseFileItem } from './case-file-item';
import { FileUploadForm } from './file-upload-form';
import { filesApi } from './files.api';

type Props = {
  caseId: string;
  /** Whether the viewer may add files (care team writers and the client, on a case still taking them). */
  canUpload: boolean;
  /** Whether the viewer decides what the client sees (care team writers). */
  canShare: boolean;
  /** The section's heading; differs between the care team's case page and the client's own view. */
  title: string;
  headingLevel?: 2 | 3;
  /** The client's own view: sharing is the care team's business, so it is not shown. */
  forClient?: boolean;
};

/** Documents on a case: upload with progress, and each file with its details and a download. */
export function CaseFilesSection({ caseId, canUpload, canShare, title, headingLevel = 2, forClient = false }: Props) {
  const { t } = useTranslation();
  const files = useQuery({ queryKey: queryKeys.caseFiles(caseId), queryFn: () => filesApi.list(caseId) });
  const headingId = `files-heading-${caseId}`;
  return (
    <Paper withBorder p="md" component="section" aria-labelledby={headingId}>
      <Stack gap="md">
        <Title order={headingLevel} size={headingLevel === 2 ? 'h3' : 'h4'} id={headingId}>
          {title}
        </Title>
        {canUpload ? <FileUploadForm caseId={caseId} canShare={canShare} /> : null}
        <QueryState query={files}>
          {(items) =>
            items.length === 0 ? (
              <Text>{t('files.none')}</Text>
            ) : (
              <Stack gap="sm" component="ul" className="plain-list" aria-label={t('files.listLabel')}>
                {items.map((file) => (
                  <CaseFileItem key={file.id} file={file} canShare={canShare} forClient={forClient} />
                ))}
              </Stack>
            )
          }
        </QueryState>
      </Stack>
    </Paper>
  );
}
