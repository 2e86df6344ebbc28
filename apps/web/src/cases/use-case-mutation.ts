import { useMutation, useQueryClient } from '@tanstack/react-query';
import { queryKeys } from '../api/query-keys';
import { notify } from '../ui/notify';

/** A change to a case: refreshes the case, its history and the caseload, and says what happened. */
export function useCaseMutation<Input, Output>(mutationFn: (input: Input) => Promise<Output>, success: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn,
    onSuccess: async () => {
      notify({ color: 'teal', message: success });
      await queryClient.invalidateQueries({ queryKey: queryKeys.cases });
    },
  });
}
