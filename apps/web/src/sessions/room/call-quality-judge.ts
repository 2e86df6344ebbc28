import { poorConnection, type VideoCounters } from '@tend/contracts';

/** Readings in a row without loss or low bandwidth before the connection counts as good again. */
export const STEADY_READINGS = 5;
/** Readings after ICE (re)connects before the call is judged: the bandwidth estimate starts low or fell in an outage. */
export const SETTLE_READINGS = 5;

/**
 * One reading of the call's stats: whether ICE is connected now, the packets received so far (sound and video:
 * the sound still flows when both sides are audio-only) and the outgoing estimate (null when this side sends no
 * video, as the estimate only climbs with video to carry).
 */
export type QualityReading = { connected: boolean; packets: VideoCounters; outgoingBitrate: number | null };
/** `steady`: the last few readings were all good (a single good one amid loss says little). */
export type QualityVerdict = { poor: boolean; steady: boolean };

/**
 * Judges the built-in call's readings one after another, once ICE has been connected for a few of them. An outage
 * is shown as reconnecting: neither it, nor the packets it swallowed (counted as lost once media flows again),
 * nor the estimate still climbing back after it make the connection "poor" and turn the video off.
 */
export function qualityJudge(): (reading: QualityReading) => QualityVerdict {
  let previous: VideoCounters | null = null;
  let connectedReadings = 0;
  let goodReadings = STEADY_READINGS;
  return ({ connected, packets, outgoingBitrate }) => {
    connectedReadings = connected ? connectedReadings + 1 : 0;
    const judged = previous !== null && connectedReadings > SETTLE_READINGS;
    const poor = judged && previous !== null && poorConnection(previous, packets, outgoingBitrate);
    previous = packets;
    goodReadings = poor ? 0 : goodReadings + 1;
    return { poor, steady: goodReadings >= STEADY_READINGS };
  };
}
