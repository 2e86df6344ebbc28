import { NativeSelect } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useSignedInUser } from '../auth/signed-in-user';
import { useSwitchOrg } from './use-switch-org';

/** Shown only to people who belong to more than one practice. */
export function OrgSwitcher() {
  const { t } = useTranslation();
  const me = useSignedInUser();
  const switchOrg = useSwitchOrg();
  if (me.memberships.length < 2) return null;

  const options = me.memberships.map((membership) => ({ value: membership.org_id, label: membership.org_name }));
  const placeholder = me.active_org_id ? [] : [{ value: '', label: t('shell.chooseOrg'), disabled: true }];
  return (
    <NativeSelect
      size="sm"
      aria-label={t('shell.switchOrg')}
      value={me.active_org_id ?? ''}
      disabled={switchOrg.isPending}
      onChange={(event) => switchOrg.mutate(event.currentTarget.value)}
      data={[...placeholder, ...options]}
      maw={260}
    />
  );
}
