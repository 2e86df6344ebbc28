import { Button, Checkbox, Group, Input, Progress, Stack, Text } from '@mantine/core';
import { MAX_FILE_BYTES } from '@tend/contracts';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useId, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { queryKeys } from '../api/query-keys';
import { FormError } from '../ui/form-error';
import { notify } from '../ui/notify';
import { ACCEPTED_FILES } from './file-type';
import { isUploadCancelled, uploadCaseFile } from './files.api';

type Props = { caseId: string; canShare: boolean };

/** Choose a file, optionally share it with the client, and watch it upload. */
export function FileUploadForm({ caseId, canShare }: Props) {
  const { t } = useTranslation();
  const inputId = useId();
  const input = useRef<HTMLInputElement>(null);
  const queryClient = useQueryClient();
  const [file, setFile] = useState<File | null>(null);
  const [shared, setShared] = useState(false);
  const [progress, setProgress] = useState(0);
  const running = useRef<AbortController | null>(null);
  const upload = useMutation({
    mutationFn: (chosen: File) => {
      running.current = new AbortController();
      return uploadCaseFile(caseId, chosen, canShare && shared, setProgress, running.current.signal);
    },
    onMutate: () => setProgress(0),
    onError: (error) => {
      if (!isUploadCancelled(error)) return;
      notify({ message: t('files.uploadCancelled') });
      upload.reset();
    },
    onSettled: () => {
      running.current = null;
    },
    onSuccess: async (saved) => {
      notify({ color: 'teal', message: t('files.uploaded', { name: saved.filename }) });
      setFile(null);
      setShared(false);
      if (input.current) input.current.value = '';
      await queryClient.invalidateQueries({ queryKey: queryKeys.caseFiles(caseId) });
      await queryClient.invalidateQueries({ queryKey: queryKeys.caseHistory(caseId) });
    },
  });
  const percent = Math.round(progress * 100);

  return (
    <form
      onSubmit={(event) => {
        event.preventDefault();
        if (file) upload.mutate(file);
      }}
    >
      <Stack gap="xs">
        <Input.Wrapper label={t('files.choose')} description={t('files.limits', { mb: MAX_FILE_BYTES / 1024 / 1024 })} id={inputId}>
          <input
            ref={input}
            id={inputId}
            type="file"
            accept={ACCEPTED_FILES}
            className="file-input"
            aria-describedby={`${inputId}-description`}
            onChange={(event) => {
              upload.reset();
              setFile(event.currentTarget.files?.[0] ?? null);
            }}
          />
        </Input.Wrapper>
        {canShare ? <Checkbox label={t('files.shareWithClient')} checked={shared} onChange={(event) => setShared(event.currentTarget.checked)} /> : null}
        <Group gap="xs">
          <Button type="submit" disabled={!file} loading={upload.isPending}>
            {t('files.upload')}
          </Button>
          {upload.isPending ? (
            <Button variant="default" onClick={() => running.current?.abort()}>
              {t('files.cancelUpload')}
            </Button>
          ) : null}
        </Group>
        {upload.isPending ? (
          <Stack gap={4}>
            {/* Not live: a screen reader would read every percent; the progress bar carries the value and a toast the outcome. */}
            <Text size="sm">{t('files.uploading', { percent })}</Text>
            <Progress value={percent} aria-label={t('files.uploadProgress')} />
          </Stack>
        ) : null}
        <FormError error={upload.error} />
      </Stack>
    </form>
  );
}
