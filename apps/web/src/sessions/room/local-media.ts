import { useEffect, useState } from 'react';
import { chosenDevices, wanted } from './device-choice';

/** Camera and microphone (the ones chosen in the device check), or whichever of them this device has; null when neither. */
async function localMedia(): Promise<MediaStream | null> {
  const media = navigator.mediaDevices;
  if (!media) return null;
  const { camera, microphone } = chosenDevices();
  const video = wanted(camera);
  const audio = wanted(microphone);
  return (
    (await media.getUserMedia({ video, audio }).catch(() => null)) ??
    (await media.getUserMedia({ audio }).catch(() => null)) ??
    (await media.getUserMedia({ video }).catch(() => null))
  );
}

/** This side's media for the call: undefined while the browser asks, null when there is none; stopped on unmount. */
export function useLocalMedia(): MediaStream | null | undefined {
  const [stream, setStream] = useState<MediaStream | null | undefined>(undefined);
  useEffect(() => {
    let current: MediaStream | null = null;
    let cancelled = false;
    void localMedia().then((next) => {
      if (cancelled) next?.getTracks().forEach((track) => track.stop());
      else setStream((current = next));
    });
    return () => {
      cancelled = true;
      current?.getTracks().forEach((track) => track.stop());
    };
  }, []);
  return stream;
}
