import { Button, Group } from '@mantine/core';
import { useMutation } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { fileSize } from '../files/file-size';
import { FormError } from '../ui/form-error';
import { type Attachment, messagingApi } from './messaging.api';

/** The files a message carries: name and size, and a download through a short-lived link made for this reader. */
export function MessageAttachments({ conversationId, attachments }: { conversationId: string; attachments: Attachment[] }) {
  const { t, i18n } = useTranslation();
  const download = useMutation({
    mutationFn: async (id: string) => window.location.assign((await messagingApi.attachmentLink(conversationId, id)).url),
  });
  if (!attachments.length) return null;
  return (
    <>
      <Group gap={6} mt={4} wrap="wrap">
        {attachments.map((a) => (
          <Button
            key={a.id}
            size="compact-sm"
            variant="default"
            loading={download.isPending && download.variables === a.id}
            onClick={() => download.mutate(a.id)}
            aria-label={t('attachments.download', { name: a.filename, size: fileSize(a.size, i18n.language) })}
            styles={{ label: { whiteSpace: 'normal', overflowWrap: 'anywhere', textAlign: 'start' } }}
          >
            {`${a.filename} · ${fileSize(a.size, i18n.language)}`}
          </Button>
        ))}
      </Group>
      <FormError error={download.error} />
    </>
  );
}
