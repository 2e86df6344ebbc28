/** The camera and microphone a person picked in the device check, remembered in this browser for the next call. */
export type DeviceChoice = { camera: string | null; microphone: string | null };
export type MediaDeviceOption = { id: string; label: string };

const KEY = 'tend.session.devices';

export function chosenDevices(): DeviceChoice {
  try {
    const saved = JSON.parse(localStorage.getItem(KEY) ?? '{}') as Partial<DeviceChoice>;
    return { camera: typeof saved.camera === 'string' ? saved.camera : null, microphone: typeof saved.microphone === 'string' ? saved.microphone : null };
  } catch {
    return { camera: null, microphone: null };
  }
}

export function chooseDevices(choice: DeviceChoice): void {
  try {
    localStorage.setItem(KEY, JSON.stringify(choice));
  } catch {
    // Private windows may refuse storage: the choice then lasts until the page closes (the caller keeps it in state).
  }
}

/** `{deviceId}` asks for the chosen device and falls back to another one if it was unplugged since. */
export const wanted = (id: string | null): MediaTrackConstraints | true => (id ? { deviceId: { ideal: id } } : true);

/** Cameras and microphones; `label` is empty until the browser allowed access once. */
export async function listDevices(): Promise<{ cameras: MediaDeviceOption[]; microphones: MediaDeviceOption[] }> {
  const devices = (await navigator.mediaDevices?.enumerateDevices().catch(() => [])) ?? [];
  const options = (kind: MediaDeviceKind) => devices.filter((d) => d.kind === kind && d.deviceId).map((d) => ({ id: d.deviceId, label: d.label }));
  return { cameras: options('videoinput'), microphones: options('audioinput') };
}
