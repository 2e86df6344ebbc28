import type { Me } from '@tend/contracts';
import { createContext, useContext } from 'react';

/**
 * The user as `RequireAuth` last rendered them. Read from context rather than the query cache, so a page that
 * re-renders while the user signs out keeps the last user until the guard unmounts it.
 */
export const SignedInUserContext = createContext<Me | null>(null);

export function useSignedInUser(): Me {
  const me = useContext(SignedInUserContext);
  if (!me) throw new Error('useSignedInUser is used outside RequireAuth');
  return me;
}
