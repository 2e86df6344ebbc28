import type { NoteDto } from '@tend/contracts';
import { Paper, Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useOrgTime } from '../ui/use-org-time';
import { NoteContentView } from './note-content-view';

/** Every signed version of the note, newest first, with who signed it, when, and why it was amended. */
export function NoteVersions({ note }: { note: NoteDto }) {
  const { t } = useTranslation();
  const time = useOrgTime();
  const versions = [...(note.versions ?? [])].sort((a, b) => b.version - a.version);
  if (versions.length === 0) return null;
  return (
    <Paper withBorder p="md" component="section" aria-labelledby="versions-heading">
      <Stack gap="sm">
        <Title order={2} size="h4" id="versions-heading">
          {t('notes.versions')}
        </Title>
        <Stack gap="sm" component="ol" className="plain-list">
          {versions.map((version) => (
            <li key={version.version}>
              <Text fw={600}>{t(version.kind === 'amendment' ? 'notes.versionAmendment' : 'notes.versionSigned', { version: version.version })}</Text>
              <Text size="sm">
                {t('notes.signedByAt', { name: version.by.name, time: time.dateTime(version.at) })} · {t('notes.hash')}{' '}
                <code title={version.content_hash}>{version.content_hash.slice(0, 12)}</code>
              </Text>
              {version.reason ? <Text size="sm">{t('notes.reasonWas', { reason: version.reason })}</Text> : null}
              <details className="note-version-text">
                <summary>{t('notes.showVersionText', { version: version.version })}</summary>
                <NoteContentView sections={note.sections} content={version.content} />
              </details>
            </li>
          ))}
        </Stack>
      </Stack>
    </Paper>
  );
}
