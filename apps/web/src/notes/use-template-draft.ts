import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { changeSection, type DraftSection, emptyDraft, moveSection, newDraftSection, sectionControlId, type TemplateDraft } from './template-draft';

export const ADD_SECTION_BUTTON_ID = 'add-note-template-section';

/**
 * The template being made, and its section list's changes. Each change puts the keyboard focus where the
 * person will want it next, and a move is announced, since the section's new place is otherwise only seen.
 */
export function useTemplateDraft() {
  const { t } = useTranslation();
  const [draft, setDraft] = useState<TemplateDraft>(emptyDraft);
  const [announcement, setAnnouncement] = useState('');
  // The control to focus once the sections have been drawn again.
  const focusNext = useRef<string | null>(null);
  useEffect(() => {
    if (!focusNext.current) return;
    document.getElementById(focusNext.current)?.focus();
    focusNext.current = null;
  }, [draft]);

  return {
    draft,
    announcement,
    setName: (field: 'name_en' | 'name_uk', value: string) => setDraft((current) => ({ ...current, [field]: value })),
    update: (id: string, patch: Partial<DraftSection>) => setDraft((current) => changeSection(current, id, patch)),
    move: (section: DraftSection, by: -1 | 1) => {
      const next = moveSection(draft, section.id, by);
      const place = next.sections.indexOf(section);
      // Focus stays on the button pressed, unless the section reached the end, where that button is off.
      const pressed = by === -1 ? 'up' : 'down';
      const reachedEnd = by === -1 ? place === 0 : place === next.sections.length - 1;
      focusNext.current = sectionControlId(section, reachedEnd ? (pressed === 'up' ? 'down' : 'up') : pressed);
      setAnnouncement(t('noteTemplates.form.moved', { number: place + 1, count: next.sections.length }));
      setDraft(next);
    },
    add: () => {
      const section = newDraftSection();
      focusNext.current = sectionControlId(section, 'label_en');
      setDraft((current) => ({ ...current, sections: [...current.sections, section] }));
    },
    remove: (id: string) => {
      focusNext.current = ADD_SECTION_BUTTON_ID;
      setDraft((current) => ({ ...current, sections: current.sections.filter((section) => section.id !== id) }));
    },
    reset: () => setDraft(emptyDraft()),
  };
}
