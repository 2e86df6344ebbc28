import { NativeSelect, SimpleGrid } from '@mantine/core';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { chooseDevices, chosenDevices, type DeviceChoice, listDevices, type MediaDeviceOption } from './device-choice';

type Props = {
  /** Bumped after each device check: the browser names its devices only once access was allowed. */
  checked: number;
  onChosen: () => void;
};

/** Which camera and microphone the call uses, once the check has run; the call publishes these. */
export function DevicePicker({ checked, onChosen }: Props) {
  const { t } = useTranslation();
  const [devices, setDevices] = useState<{ cameras: MediaDeviceOption[]; microphones: MediaDeviceOption[] }>({ cameras: [], microphones: [] });
  const [choice, setChoice] = useState<DeviceChoice>(chosenDevices);
  useEffect(() => {
    let current = true;
    void listDevices().then((found) => current && setDevices(found));
    return () => {
      current = false;
    };
  }, [checked]);

  const choose = (next: DeviceChoice) => {
    setChoice(next);
    chooseDevices(next);
    onChosen();
  };
  const options = (list: MediaDeviceOption[], unnamed: (n: number) => string) => [
    { value: '', label: t('sessionRoom.device.systemDefault') },
    ...list.map((device, i) => ({ value: device.id, label: device.label || unnamed(i + 1) })),
  ];
  if (!devices.cameras.length && !devices.microphones.length) return null;
  return (
    <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm" mb="sm" maw={640}>
      {devices.cameras.length ? (
        <NativeSelect
          label={t('sessionRoom.device.chooseCamera')}
          value={choice.camera ?? ''}
          onChange={(event) => choose({ ...choice, camera: event.currentTarget.value || null })}
          data={options(devices.cameras, (n) => t('sessionRoom.device.cameraNumber', { n }))}
        />
      ) : null}
      {devices.microphones.length ? (
        <NativeSelect
          label={t('sessionRoom.device.chooseMicrophone')}
          value={choice.microphone ?? ''}
          onChange={(event) => choose({ ...choice, microphone: event.currentTarget.value || null })}
          data={options(devices.microphones, (n) => t('sessionRoom.device.microphoneNumber', { n }))}
        />
      ) : null}
    </SimpleGrid>
  );
}
