import { crisisLinesFor } from '@tend/contracts';
import { useQuery } from '@tanstack/react-query';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { queryKeys } from '../api/query-keys';
import { type CrisisLine, crisisApi } from './crisis.api';
import { initialJurisdiction, rememberJurisdiction, rememberShownJurisdiction } from './jurisdiction';

/**
 * The lines for where the person is: from the server, else its last answer kept by the service worker,
 * else the list bundled with the app — so there is always something to call.
 */
export function useCrisisLines(region: string | undefined) {
  const { i18n } = useTranslation();
  const [chosen, setChosen] = useState<string | null>(null);
  const where = chosen ?? initialJurisdiction(region, i18n.language);
  const resources = useQuery({
    queryKey: queryKeys.crisisResources(where),
    queryFn: () => crisisApi.resources(where),
    staleTime: 3_600_000,
    networkMode: 'offlineFirst',
  });
  const lines = resources.data?.lines ?? (crisisLinesFor(where).lines as CrisisLine[]);
  const answered = resources.isSuccess;
  useEffect(() => {
    if (answered) rememberShownJurisdiction(where);
  }, [answered, where]);
  const choose = (code: string) => {
    rememberJurisdiction(code);
    setChosen(code);
  };
  return { where, choose, lines };
}
