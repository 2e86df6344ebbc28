import { Alert, Button, List, NativeSelect, Paper, Stack, Text, Title } from '@mantine/core';
import { useMutation } from '@tanstack/react-query';
import { useEffect, useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { TelehealthConsentNotice } from '../../consent/telehealth-consent-notice';
import { errorMessage } from '../../i18n/error-message';
import { checkDevices } from './device-check';
import { DevicePicker } from './device-picker';
import { countryOptions, usStates } from './places';
import { type DeviceCheck, sessionRoomApi } from './session-room.api';

type Props = { sessionId: string; onJoined: (status: 'waiting' | 'admitted') => void };

/** The client's way in: where they are now, a check of camera, microphone and connection, then the waiting room. */
export function ClientLobby({ sessionId, onJoined }: Props) {
  const { t, i18n } = useTranslation();
  const [country, setCountry] = useState('');
  const [state, setState] = useState('');
  const [touched, setTouched] = useState(false);
  const [check, setCheck] = useState<DeviceCheck | null>(null);
  const [checking, setChecking] = useState(false);
  const [checks, setChecks] = useState(0);
  const [preview, setPreview] = useState<MediaStream | null>(null);
  const videoRef = useRef<HTMLVideoElement>(null);
  const countries = useMemo(() => countryOptions(i18n.language), [i18n.language]);

  useEffect(() => {
    if (videoRef.current) videoRef.current.srcObject = preview;
    return () => preview?.getTracks().forEach((track) => track.stop());
  }, [preview]);

  const runCheck = async () => {
    setChecking(true);
    preview?.getTracks().forEach((track) => track.stop());
    const { result, preview: stream } = await checkDevices();
    setCheck(result);
    setPreview(stream);
    setChecking(false);
    setChecks((n) => n + 1);
  };

  const location = country === 'US' ? (state ? `US-${state}` : '') : country;
  const join = useMutation({
    mutationFn: (device: DeviceCheck) => sessionRoomApi.join(sessionId, { location, device_check: device }),
    onSuccess: (answer) => onJoined(answer.status),
  });
  const missing = !country ? t('sessionRoom.location.required') : country === 'US' && !state ? t('sessionRoom.location.stateRequired') : null;
  const deviceText = (value: DeviceCheck['camera']) => t(`sessionRoom.device.${value}`);
  const connectionText = (c: DeviceCheck) =>
    c.connection === 'failed' ? t('sessionRoom.device.offline') : t(`sessionRoom.device.${c.connection}`, { ms: c.round_trip_ms });

  return (
    <Stack gap="md">
      <TelehealthConsentNotice />
      <Paper withBorder p="md" component="section" aria-labelledby="location-title">
        <Title order={2} size="h3" id="location-title" mb="xs">
          {t('sessionRoom.location.title')}
        </Title>
        <Text mb="sm">{t('sessionRoom.location.intro')}</Text>
        <Stack gap="sm" maw={420}>
          <NativeSelect
            label={t('sessionRoom.location.country')}
            required
            value={country}
            onChange={(event) => {
              setCountry(event.currentTarget.value);
              setState('');
            }}
            data={[{ value: '', label: t('sessionRoom.location.choose') }, ...countries]}
            error={touched && !country ? t('sessionRoom.location.required') : undefined}
          />
          {country === 'US' ? (
            <NativeSelect
              label={t('sessionRoom.location.state')}
              required
              value={state}
              onChange={(event) => setState(event.currentTarget.value)}
              data={[{ value: '', label: t('sessionRoom.location.choose') }, ...usStates.map(([value, label]) => ({ value, label }))]}
              error={touched && !state ? t('sessionRoom.location.stateRequired') : undefined}
            />
          ) : null}
        </Stack>
      </Paper>

      <Paper withBorder p="md" component="section" aria-labelledby="device-title">
        <Title order={2} size="h3" id="device-title" mb="xs">
          {t('sessionRoom.device.title')}
        </Title>
        <Text mb="sm">{t('sessionRoom.device.intro')}</Text>
        <Button variant={check ? 'default' : 'filled'} onClick={() => void runCheck()} loading={checking} mb="sm">
          {check ? t('sessionRoom.device.again') : t('sessionRoom.device.run')}
        </Button>
        <div aria-live="polite">
          {check ? (
            <List spacing={4} data-testid="device-check">
              <List.Item>
                {t('sessionRoom.device.camera')}: {deviceText(check.camera)}
              </List.Item>
              <List.Item>
                {t('sessionRoom.device.microphone')}: {deviceText(check.microphone)}
              </List.Item>
              <List.Item>
                {t('sessionRoom.device.connection')}: {connectionText(check)}
              </List.Item>
            </List>
          ) : null}
        </div>
        {check ? <DevicePicker checked={checks} onChosen={() => void runCheck()} /> : null}
        {check && (check.camera === 'failed' || check.microphone === 'failed') ? (
          <Text size="sm" mt="xs">
            {t('sessionRoom.device.blockedHelp')}
          </Text>
        ) : null}
        {preview ? <video ref={videoRef} className="session-preview" autoPlay muted playsInline aria-label={t('sessionRoom.device.preview')} /> : null}
      </Paper>

      {join.isError ? (
        <Alert color="red" role="alert">
          {errorMessage(t, join.error)}
        </Alert>
      ) : null}
      <Button
        size="md"
        disabled={!check}
        loading={join.isPending}
        onClick={() => {
          setTouched(true);
          if (!missing && check) join.mutate(check);
        }}
        style={{ alignSelf: 'flex-start' }}
      >
        {t('sessionRoom.join')}
      </Button>
      {touched && missing ? (
        <Text c="red.8" size="sm" role="alert">
          {missing}
        </Text>
      ) : null}
    </Stack>
  );
}
