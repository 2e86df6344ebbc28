import type { SessionRoom, SessionVideo } from '@tend/contracts';
import { api } from '../../api/client';

export type DeviceCheck = { camera: 'ok' | 'failed'; microphone: 'ok' | 'failed'; connection: 'good' | 'slow' | 'failed'; round_trip_ms: number };
export type WaitingRoom = {
  session_id: string;
  status: string;
  waiting: boolean;
  client_location: string | null;
  licence_warning: boolean;
  device_check: Partial<DeviceCheck> | null;
  joined_at: string | null;
};
export type SessionBrief = {
  session_id: string;
  case_id: string | null;
  last_plan: string | null;
  last_note_at: string | null;
  goals: { id: string; title: string; status: string }[];
  open_alerts: number;
  open_flags: { id: string; level: string; at: string }[];
};

export const sessionRoomApi = {
  room: (id: string) => api.get<SessionRoom>(`/api/v1/sessions/${id}`),
  video: (id: string) => api.get<SessionVideo>(`/api/v1/sessions/${id}/video`),
  join: (id: string, body: { location: string; device_check: DeviceCheck }) =>
    api.post<{ session_id: string; status: 'waiting' | 'admitted' }>(`/api/v1/sessions/${id}/join`, body),
  waitingRoom: (id: string) => api.get<WaitingRoom>(`/api/v1/sessions/${id}/waiting-room`),
  brief: (id: string) => api.get<SessionBrief>(`/api/v1/sessions/${id}/brief`),
  admit: (id: string) => api.post<{ session_id: string; status: string }>(`/api/v1/sessions/${id}/admit`),
  end: (id: string) => api.post<{ session_id: string; status: string; case_id: string | null }>(`/api/v1/sessions/${id}/end`),
};
