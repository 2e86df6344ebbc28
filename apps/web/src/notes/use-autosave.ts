import type { NoteContent, NoteDto } from '@tend/contracts';
import { useCallback, useEffect, useRef, useState } from 'react';

export type AutosaveState = { status: 'idle' } | { status: 'saving' } | { status: 'saved'; at: string } | { status: 'failed'; error: unknown };

const delayMs = 1_000;

/**
 * Saves a draft a second after the last keystroke, one request at a time and in order. `flush` saves at once
 * (Ctrl+S, and before signing) and resolves when everything typed so far is on the server.
 */
export function useAutosave(save: (content: NoteContent) => Promise<NoteDto>) {
  const [state, setState] = useState<AutosaveState>({ status: 'idle' });
  const latest = useRef<NoteContent | null>(null);
  const timer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);
  const queue = useRef<Promise<void>>(Promise.resolve());

  const flush = useCallback((): Promise<void> => {
    clearTimeout(timer.current);
    queue.current = queue.current.then(async () => {
      const content = latest.current;
      if (!content) return;
      latest.current = null;
      setState({ status: 'saving' });
      try {
        const saved = await save(content);
        setState({ status: 'saved', at: saved.updated_at });
      } catch (error) {
        latest.current ??= content;
        setState({ status: 'failed', error });
        throw error;
      }
    });
    const result = queue.current;
    queue.current = queue.current.catch(() => undefined);
    return result;
  }, [save]);

  const change = useCallback(
    (content: NoteContent) => {
      latest.current = content;
      clearTimeout(timer.current);
      timer.current = setTimeout(() => void flush().catch(() => undefined), delayMs);
    },
    [flush],
  );

  // Whatever is still unsaved goes to the server when the editor closes; closing the tab first asks.
  useEffect(() => () => void flush().catch(() => undefined), [flush]);
  useEffect(() => {
    const warn = (event: BeforeUnloadEvent) => {
      if (latest.current) event.preventDefault();
    };
    window.addEventListener('beforeunload', warn);
    return () => window.removeEventListener('beforeunload', warn);
  }, []);

  return { state, change, flush };
}
