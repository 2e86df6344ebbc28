import { Alert, Stack, Text, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { queryKeys } from '../api/query-keys';
import { QueryState } from '../ui/query-state';
import { usePageTitle } from '../ui/use-page-title';
import { notesApi } from './notes.api';
import { TemplateCard } from './template-card';
import { TemplateForm } from './template-form';

/** The org admin's note templates: the practice's own, a form for a new one, and the built-in ones for reference. */
export function NoteTemplatesPage() {
  const { t } = useTranslation();
  usePageTitle(t('noteTemplates.title'));
  const templates = useQuery({ queryKey: queryKeys.noteTemplates, queryFn: notesApi.templates, staleTime: 300_000 });
  return (
    <Stack gap="xl" maw={880}>
      <Stack gap="sm">
        <Title order={1}>{t('noteTemplates.title')}</Title>
        <Text>{t('noteTemplates.intro')}</Text>
        <Alert color="blue" title={t('noteTemplates.permanentTitle')}>
          {t('noteTemplates.permanent')}
        </Alert>
      </Stack>
      <Stack gap="sm" component="section" aria-labelledby="own-note-templates-heading">
        <Title order={2} size="h3" id="own-note-templates-heading">
          {t('noteTemplates.ownTitle')}
        </Title>
        <QueryState query={templates}>
          {(items) => {
            const own = items.filter((template) => !template.builtin);
            return own.length === 0 ? (
              <Text>{t('noteTemplates.noOwn')}</Text>
            ) : (
              <Stack gap="sm" component="ul" className="plain-list">
                {own.map((template) => (
                  <TemplateCard key={template.id} template={template} />
                ))}
              </Stack>
            );
          }}
        </QueryState>
      </Stack>
      <Stack gap="sm" component="section" aria-labelledby="new-note-template-heading">
        <Title order={2} size="h3" id="new-note-template-heading">
          {t('noteTemplates.form.title')}
        </Title>
        <TemplateForm />
      </Stack>
      <Stack gap="sm" component="section" aria-labelledby="builtin-note-templates-heading">
        <Title order={2} size="h3" id="builtin-note-templates-heading">
          {t('noteTemplates.builtinTitle')}
        </Title>
        <QueryState query={templates}>
          {(items) => (
            <Stack gap="sm" component="ul" className="plain-list">
              {items
                .filter((template) => template.builtin)
                .map((template) => (
                  <TemplateCard key={template.id} template={template} />
                ))}
            </Stack>
          )}
        </QueryState>
      </Stack>
    </Stack>
  );
}
