import { useEffect } from 'react';

/** Names the browser tab after the page, as screen readers announce it on navigation. */
export function usePageTitle(title: string): void {
  useEffect(() => {
    document.title = `${title} · Tend`;
  }, [title]);
}
