import { useMutation } from '@tanstack/react-query';
import { useCallback, useEffect, useState } from 'react';
import { pushDeviceState, turnOffPush, turnOnPush, type PushDeviceState } from './push-device';

/** This browser's push state (null while it is being read), and the two ways to change it. */
export function usePushDevice() {
  const [state, setState] = useState<PushDeviceState | null>(null);
  const refresh = useCallback(() => pushDeviceState().then(setState, () => setState('unsupported')), []);
  useEffect(() => {
    void refresh();
  }, [refresh]);
  const turnOn = useMutation({ mutationFn: turnOnPush, onSettled: refresh });
  const turnOff = useMutation({ mutationFn: turnOffPush, onSettled: refresh });
  return { state, turnOn, turnOff };
}
