import { useQuery } from '@tanstack/react-query';
import { useCallback } from 'react';
import { useTranslation } from 'react-i18next';
import { queryKeys } from '../api/query-keys';
import { notesApi } from './notes.api';

/** A template's name in the reader's language (Ukrainian for `uk`, English otherwise). */
export const templateName = (template: { name_en: string; name_uk: string }, language: string): string =>
  language === 'uk' ? template.name_uk : template.name_en;

/**
 * A note's template named in the reader's language. A note keeps the English name it was written under; the
 * practice's templates list (cached for the note editor) has both, so the Ukrainian one is looked up there.
 */
export function useTemplateName(): (template: { id: string; name: string }) => string {
  const { i18n } = useTranslation();
  const templates = useQuery({ queryKey: queryKeys.noteTemplates, queryFn: notesApi.templates, staleTime: 300_000 });
  return useCallback(
    (template) => {
      const known = templates.data?.find((t) => t.id === template.id);
      return known ? templateName(known, i18n.language) : template.name;
    },
    [templates.data, i18n.language],
  );
}
