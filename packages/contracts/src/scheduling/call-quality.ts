/** Video packets received and lost so far, as an `inbound-rtp` stats entry counts them. */
export type VideoCounters = { received: number; lost: number };

/** A share of video packets lost over one interval above this is heavy loss. */
export const HEAVY_LOSS = 0.15;
/** Fewer packets than this in an interval say too little to judge loss by. */
const MIN_PACKETS = 30;
/** An estimated outgoing bandwidth below this (bit/s) cannot carry video. */
export const LOW_BITRATE = 120_000;

/**
 * Whether the built-in call should fall back to audio only: heavy video loss since the last reading, or an
 * outgoing bandwidth estimate too low for video. Counters that went backwards (a new connection) judge nothing.
 */
export function poorConnection(previous: VideoCounters, now: VideoCounters, outgoingBitrate: number | null): boolean {
  const lost = now.lost - previous.lost;
  const received = now.received - previous.received;
  const heavyLoss = lost >= 0 && received >= 0 && lost + received >= MIN_PACKETS && lost / (lost + received) > HEAVY_LOSS;
  const lowBandwidth = outgoingBitrate !== null && outgoingBitrate < LOW_BITRATE;
  return heavyLoss || lowBandwidth;
}
