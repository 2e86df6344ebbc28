import type { JoinSessionBody, SessionBrief, SessionEnded, SessionJoined, SessionRoom, SessionTransition, SessionVideo, WaitingRoom } from '@tend/contracts';
import { api } from '../../api/client';

export type { SessionBrief, WaitingRoom } from '@tend/contracts';
/** What the client's browser found before joining; sent as the join's `device_check`. */
export type DeviceCheck = { camera: 'ok' | 'failed'; microphone: 'ok' | 'failed'; connection: 'good' | 'slow' | 'failed'; round_trip_ms: number };

export const sessionRoomApi = {
  room: (id: string) => api.get<SessionRoom>(`/api/v1/sessions/${id}`),
  video: (id: string) => api.get<SessionVideo>(`/api/v1/sessions/${id}/video`),
  join: (id: string, body: JoinSessionBody & { device_check: DeviceCheck }) => api.post<SessionJoined>(`/api/v1/sessions/${id}/join`, body),
  waitingRoom: (id: string) => api.get<WaitingRoom>(`/api/v1/sessions/${id}/waiting-room`),
  brief: (id: string) => api.get<SessionBrief>(`/api/v1/sessions/${id}/brief`),
  admit: (id: string) => api.post<SessionTransition>(`/api/v1/sessions/${id}/admit`),
  end: (id: string) => api.post<SessionEnded>(`/api/v1/sessions/${id}/end`),
};
