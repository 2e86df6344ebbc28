import { describe, expect, it } from 'vitest';
import { type QualityReading, qualityJudge, SETTLE_READINGS, STEADY_READINGS } from './call-quality-judge';

// The counters so far, as the stats report them: packets received and lost.
let received = 0;
let lostSoFar = 0;
/** A connected reading with `count` more packets sent to this side since the last, `lost` of them lost. */
function flowing(count: number, lost = 0, outgoingBitrate = 1_500_000): QualityReading {
  received += count - lost;
  lostSoFar += lost;
  return { connected: true, packets: { received, lost: lostSoFar }, outgoingBitrate };
}
function fresh() {
  received = 0;
  lostSoFar = 0;
  return qualityJudge();
}
/** A judge whose call has been connected long enough to be judged. */
function settled() {
  const judge = fresh();
  for (let i = 0; i < SETTLE_READINGS; i++) expect(judge(flowing(100)).poor).toBe(false);
  return judge;
}

describe('qualityJudge', () => {
  it('calls heavy loss or a low outgoing estimate poor once the call has been connected for a while', () => {
    const judge = settled();
    expect(judge(flowing(100, 5))).toEqual({ poor: false, steady: true });
    expect(judge(flowing(100, 30)).poor).toBe(true);
    expect(judge(flowing(100, 0, 80_000)).poor).toBe(true);
  });

  it('does not judge the first readings of a call, while the estimate starts low', () => {
    const judge = fresh();
    for (let i = 0; i < SETTLE_READINGS; i++) expect(judge(flowing(100, 0, 50_000)).poor).toBe(false);
    expect(judge(flowing(100, 0, 50_000)).poor).toBe(true);
  });

  it('judges neither an outage nor the readings just after it (its gap counts as lost, the estimate is low)', () => {
    const judge = settled();
    // ICE disconnected: nothing arrives and the estimate falls.
    for (let i = 0; i < 5; i++) expect(judge({ connected: false, packets: { received, lost: lostSoFar }, outgoingBitrate: 30_000 }).poor).toBe(false);
    // Back: the packets sent into the outage show up as lost at first, and the estimate climbs again.
    expect(judge(flowing(160, 120, 60_000)).poor).toBe(false);
    for (let i = 1; i < SETTLE_READINGS; i++) expect(judge(flowing(100, 0, 100_000)).poor).toBe(false);
    expect(judge(flowing(100, 0, 400_000)).poor).toBe(false);
    expect(judge(flowing(100, 40)).poor).toBe(true);
  });

  it('is steady again only after several good readings in a row', () => {
    const judge = settled();
    expect(judge(flowing(100, 0, 50_000))).toEqual({ poor: true, steady: false });
    for (let i = 1; i < STEADY_READINGS; i++) expect(judge(flowing(100)).steady).toBe(false);
    expect(judge(flowing(100))).toEqual({ poor: false, steady: true });
  });
});
