import { useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { queryKeys } from '../api/query-keys';
import { useRealtimeEvent } from '../shell/realtime-socket';
import { notify } from '../ui/notify';
import type { MembershipEvent } from './messaging.api';

/**
 * Keeps a page's conversations in step with program chat membership: when I am taken out of one, it leaves
 * my list and its cached history is dropped (the same when I leave it); when someone else is, the people shown are refreshed.
 */
export function useMembershipEvents(myId: string) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  useRealtimeEvent<MembershipEvent>('conversation.removed', (event) => {
    if (event.user_id !== myId) return;
    queryClient.removeQueries({ queryKey: queryKeys.conversation(event.conversation_id) });
    void queryClient.invalidateQueries({ queryKey: queryKeys.conversationList });
    notify({ message: t('inbox.members.youWereRemoved') });
  });
  // I left it myself (perhaps in another tab): it goes from every open page, without a "removed" notice.
  useRealtimeEvent<MembershipEvent>('conversation.left', (event) => {
    if (event.user_id !== myId) return;
    queryClient.removeQueries({ queryKey: queryKeys.conversation(event.conversation_id) });
    void queryClient.invalidateQueries({ queryKey: queryKeys.conversationList });
  });
  useRealtimeEvent<MembershipEvent>('conversation.people', (event) => {
    void queryClient.invalidateQueries({ queryKey: queryKeys.conversation(event.conversation_id), exact: true });
    void queryClient.invalidateQueries({ queryKey: queryKeys.conversationList });
  });
}
